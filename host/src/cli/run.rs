//! `funcbox run NAME|FILE`: run a saved function or a module file on stdin.

use std::io::{BufReader, BufWriter, Read, Write};

use anyhow::{Context, Result};
use clap::Args;
use funcbox::{
    Exit, Limits, RunError, Sandbox,
    library::Library,
    limits::{self, DEFAULT_FUEL},
    lines::{LineOptions, LinesError, run_lines},
    network::{Allowlist, HostPattern, Network},
    paths::Dirs,
    sandbox::ModuleOrigin,
};

use super::{CliError, terminal};

/// Run a saved function (or a .js module file) on all of stdin and print its result.
#[derive(Args)]
#[command(after_help = Exit::table())]
pub struct RunArgs {
    /// A saved function's name, or the path of a CommonJS module file.
    target: String,

    #[command(flatten)]
    run: RunOptions,
}

/// How to feed and limit a run, shared by `run` and `exec`.
#[derive(Args, Clone, Debug)]
pub struct RunOptions {
    #[command(flatten)]
    pub limits: LimitArgs,

    #[command(flatten)]
    pub network: NetworkArgs,

    /// Replace bytes of stdin that are not valid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,

    /// Print fuel used and timings to stderr.
    #[arg(long)]
    pub stats: bool,

    /// Call the function once per input line (one instance, module state kept between lines)
    /// and print one result per line. Limits apply per line; --max-input caps each line.
    #[arg(long)]
    pub lines: bool,
}

/// The sandbox limits, shared by every command that runs code.
#[derive(Args, Clone, Debug)]
pub struct LimitArgs {
    /// Memory cap of the sandbox.
    #[arg(long, value_name = "SIZE", default_value = "256MiB", value_parser = limits::parse_memory)]
    memory: u64,

    /// CPU budget in fuel units (deterministic: the same code and input always burn the same).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_FUEL, value_parser = limits::parse_fuel)]
    fuel: u64,

    /// Wall-clock deadline.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = limits::parse_duration)]
    timeout: std::time::Duration,

    /// Largest result accepted.
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = limits::parse_positive_size)]
    max_output: u64,

    /// Largest stdin accepted [default: a quarter of --memory: the guest holds the input as
    /// UTF-8 and as UTF-16, so more could never fit].
    #[arg(long, value_name = "SIZE", value_parser = limits::parse_positive_size)]
    max_input: Option<u64>,
}

/// The hosts a function may reach, shared by `run`, `exec` and `new`.
#[derive(Args, Clone, Debug, Default)]
pub struct NetworkArgs {
    /// Let the function's `fetch` and `Http.request` reach HOST (repeatable): a name,
    /// `*.domain` for the names under it, or an IP (private and loopback addresses are
    /// reached only when allowed by IP), each with an optional :PORT. Saved by `new`.
    #[arg(long = "allow-host", value_name = "HOST")]
    pub allow_host: Vec<HostPattern>,
}

impl NetworkArgs {
    /// The network access these flags give, beyond `saved` (the hosts a saved function has).
    pub fn network(&self, saved: &[HostPattern]) -> Network {
        let mut patterns = saved.to_vec();
        for pattern in &self.allow_host {
            if !patterns.contains(pattern) {
                patterns.push(pattern.clone());
            }
        }
        Network::allowing(Allowlist::new(patterns))
    }
}

impl LimitArgs {
    /// The most stdin a run accepts, in bytes.
    pub fn max_input(&self) -> u64 {
        self.max_input.unwrap_or(self.memory / 4)
    }

    /// The library's limits from the flags.
    pub fn limits(&self) -> Limits {
        Limits {
            memory: self.memory,
            fuel: self.fuel,
            timeout: self.timeout,
            max_output: usize::try_from(self.max_output).unwrap_or(usize::MAX),
        }
    }
}

/// Runs the command.
pub fn exec(args: RunArgs) -> Result<()> {
    let dirs = Dirs::from_env()?;
    let library = Library::new(dirs.data.join("functions"));
    let source = library.resolve(&args.target)?;
    // A file of the same name wins over a saved function; it gets none of the saved hosts.
    let from_library = library
        .code_path(&args.target)
        .is_ok_and(|path| path == source.path);
    let saved = if from_library {
        library.saved_hosts(&args.target)
    } else {
        Vec::new()
    };
    let network = args.run.network.network(&saved);
    if args.run.lines {
        return run_lines_and_print(&args.target, &source.code, &args.run, &network, &dirs);
    }
    let input = read_stdin(&args.run)?;
    run_and_print(
        &args.target,
        &source.code,
        &input,
        &args.run,
        &network,
        &dirs,
    )
}

/// Line mode: runs `code` once per line of stdin, printing each result as it comes.
pub fn run_lines_and_print(
    label: &str,
    code: &str,
    options: &RunOptions,
    network: &Network,
    dirs: &Dirs,
) -> Result<()> {
    let sandbox = Sandbox::new(Some(&dirs.cache))?;
    let limits = options.limits.limits();
    let mut function = sandbox
        .load_with_network(code, &limits, network)
        .with_context(|| format!("`{label}`"))?;
    forward_console(&function.take_console());
    let mut input = BufReader::with_capacity(64 << 10, std::io::stdin().lock());
    let mut output = BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
    let line_options = LineOptions {
        max_line: options.limits.max_input(),
        lossy: options.lossy,
    };
    let mut fuel_used = 0;
    let outcome = run_lines(
        &mut function,
        &mut input,
        &mut output,
        line_options,
        &terminal::for_stdout,
        &mut |function| {
            fuel_used += function.last_fuel_used();
            forward_console(&function.take_console());
        },
    );
    if options.stats {
        print_stats(&sandbox, fuel_used, &limits);
    }
    match outcome {
        Ok(_) => Ok(()),
        // A closed pipe (`funcbox run --lines f | head`) is a normal end, as for any Unix tool.
        Err(LinesError::Write { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            Ok(())
        }
        Err(LinesError::Run { line, source }) => {
            Err(anyhow::Error::new(source).context(format!("`{label}`, line {line}")))
        }
        Err(err @ (LinesError::Read { .. } | LinesError::Write { .. })) => {
            Err(CliError::Io(err.to_string()).into())
        }
    }
}

/// Runs `code` on `input` in a sandbox and prints the result; `label` names it in errors.
pub fn run_and_print(
    label: &str,
    code: &str,
    input: &str,
    options: &RunOptions,
    network: &Network,
    dirs: &Dirs,
) -> Result<()> {
    let sandbox = Sandbox::new(Some(&dirs.cache))?;
    let limits = options.limits.limits();
    let outcome = sandbox
        .load_with_network(code, &limits, network)
        .and_then(|mut function| {
            let outcome = function.invoke(input);
            forward_console(&function.take_console());
            if options.stats {
                print_stats(&sandbox, function.last_fuel_used(), &limits);
            }
            outcome
        })
        .with_context(|| format!("`{label}`"))?;

    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(terminal::for_stdout(&outcome.output).as_bytes())
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
    match written {
        // A closed pipe (`funcbox run f | head -c1`) is a normal end, as for any Unix tool.
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::Io(format!("writing the result: {err}")).into())
        }
        _ => Ok(()),
    }
}

/// All of stdin as a string: invalid UTF-8 is an error unless `--lossy`, and so is more than
/// `--max-input` bytes, found without reading more than one byte past the cap: a 500 MB pipe
/// must not cost the host 500 MB before being refused.
pub fn read_stdin(options: &RunOptions) -> Result<String> {
    read_input(
        std::io::stdin().lock(),
        options.limits.max_input(),
        options.lossy,
    )
}

fn read_input(reader: impl Read, max_input: u64, lossy: bool) -> Result<String> {
    let mut bytes = Vec::new();
    reader
        .take(max_input.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| CliError::Io(format!("reading stdin: {err}")))?;
    if bytes.len() as u64 > max_input {
        return Err(RunError::InvalidInput(format!(
            "stdin is larger than the {max_input}-byte input limit (raise it with --max-input, \
             and --memory to match)"
        ))
        .into());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) if lossy => Ok(String::from_utf8_lossy(err.as_bytes()).into_owned()),
        Err(err) => Err(RunError::InvalidInput(format!(
            "stdin is not valid UTF-8 (invalid byte at offset {}); pass --lossy to replace invalid bytes",
            err.utf8_error().valid_up_to()
        ))
        .into()),
    }
}

fn forward_console(console: &[u8]) {
    if !console.is_empty() {
        let text = String::from_utf8_lossy(console);
        let _ = std::io::stderr().write_all(terminal::for_stderr(&text).as_bytes());
    }
}

fn print_stats(sandbox: &Sandbox, fuel_used: u64, limits: &Limits) {
    let origin = match sandbox.origin() {
        ModuleOrigin::Cached(_) => "loaded from cache",
        ModuleOrigin::Precompiled(_) => "loaded from the build's precompiled artifact",
        ModuleOrigin::Compiled(_) => "compiled",
    };
    eprintln!(
        "funcbox: fuel used {fuel_used} of {}; guest {origin} in {:.2} ms",
        limits.fuel,
        sandbox.load_time().as_secs_f64() * 1e3
    );
}
