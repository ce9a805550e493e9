//! `cargo xtask bench`: whole-process timings of the release `funcbox` binary, beside the same
//! Boa runtime built natively (`guest/examples/native_boa.rs`: the sandbox's cost is the ratio)
//! and `node` running the same modules when node is installed, interleaved run by run so all
//! see the same machine. Prints one Markdown table of medians. Benchmarks, not tests: nothing
//! fails on a slow number.

use std::{
    fmt::Write as _,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use anyhow::{Context, Result, bail};

use crate::{release, shell};

/// Reads stdin, calls the module's function as funcbox would (the whole input, or each line
/// with `--lines`), prints `String(result)`.
const NODE_RUNNER: &str = r#"
const f = require(process.argv[2]);
if (process.argv[3] === '--lines') {
  const out = [];
  const rl = require('readline').createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => out.push(String(f(line))));
  rl.on('close', () => process.stdout.write(out.join('\n') + '\n'));
} else {
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', async () => console.log(String(await f(Buffer.concat(chunks).toString()))));
}
"#;

/// One measured process: wall time, peak RSS and what it printed.
struct Sample {
    wall: Duration,
    peak_rss_kib: Option<u64>,
    stdout: Vec<u8>,
}

/// Runs the benchmarks `runs` times each (cold starts 3 times).
pub fn run(runs: usize) -> Result<()> {
    let funcbox = release::build()?;
    let root = shell::workspace_root();
    shell::run(
        shell::cargo(&root.join("guest")).args([
            "build",
            "--release",
            "--locked",
            "--example",
            "native_boa",
        ]),
        "build the native Boa harness",
    )?;
    let native = shell::target_dir(&root.join("guest")).join("release/examples/native_boa");
    let work = tempfile::tempdir()?;
    let inputs = Inputs::write(work.path())?;
    let node = node_runner(work.path())?;
    let example = |name: &str| root.join("examples").join(name);
    let count_vowels = example("count_vowels.js");
    let home = work.path().join("home");

    let mut table = Table::default();
    // P1 cold: every run starts with an empty cache (and so maps in the embedded artifact).
    let cold = (0..3)
        .map(|index| {
            let home = work.path().join(format!("cold-{index}"));
            measure(
                &funcbox_run(&funcbox, &home, &count_vowels, false),
                &inputs.hello,
            )
        })
        .collect::<Result<Vec<_>>>()?;
    table.row(
        "P1 cold: count_vowels, empty cache",
        "≤ 1000 ms",
        &cold,
        None,
        None,
    );

    // Warm the cache, then interleave.
    measure(
        &funcbox_run(&funcbox, &home, &count_vowels, false),
        &inputs.hello,
    )?;
    let cases: [(&str, &str, &Path, &Path, bool); 5] = [
        (
            "P1 warm: count_vowels \"hello world\"",
            "≤ 5 ms, ≥ 10× faster than node",
            &count_vowels,
            &inputs.hello,
            false,
        ),
        (
            "P2: --lines count_vowels, 100,000 log lines",
            "≥ 100,000 lines/s",
            &count_vowels,
            &inputs.log,
            true,
        ),
        (
            "P3: csv_sum, 100,000 lines",
            "< 196 ms",
            &example("csv_sum.js"),
            &inputs.csv,
            false,
        ),
        (
            "P3: word_frequency, 1 MB",
            "close to 253 ms",
            &example("word_frequency.js"),
            &inputs.words,
            false,
        ),
        (
            "P5: extract_emails, 1 MB",
            "≤ 1.5× native Boa",
            &example("extract_emails.js"),
            &inputs.emails,
            false,
        ),
    ];
    for (name, target, module, input, lines) in cases {
        let mut ours = Vec::new();
        let mut boa = Vec::new();
        let mut theirs = Vec::new();
        for _ in 0..runs {
            ours.push(measure(
                &funcbox_run(&funcbox, &home, module, lines),
                input,
            )?);
            boa.push(measure(&native_run(&native, module, lines), input)?);
            if let Some(node) = &node {
                theirs.push(measure(&node_run(node, module, lines), input)?);
            }
        }
        for other in [boa.first(), theirs.first()].into_iter().flatten() {
            if let Some(first) = ours.first()
                && first.stdout != other.stdout
            {
                bail!(
                    "{name}: the outputs disagree:\n{}\nvs\n{}",
                    String::from_utf8_lossy(&first.stdout),
                    String::from_utf8_lossy(&other.stdout)
                );
            }
        }
        let node_samples = (!theirs.is_empty()).then_some(theirs.as_slice());
        table.row(name, target, &ours, Some(&boa), node_samples);
        if lines {
            let per_second = 100_000.0 / median_wall(&ours).as_secs_f64();
            table.note(&format!(
                "P2 throughput: {per_second:.0} lines/s (whole process)"
            ));
        }
    }
    println!("{}", table.render());
    if node.is_none() {
        println!("(node not found: install it to see the node column)");
    }
    println!("{}", metering(&root, work.path())?);
    Ok(())
}

/// P4, measured in process by the sandbox bench (`host/benches/sandbox.rs`): the same calls on
/// a metered and an unmetered sandbox, which only exists with the `unmetered` feature. It reads
/// the inputs [`Inputs::write`] left in `inputs` by their file names.
fn metering(root: &Path, inputs: &Path) -> Result<String> {
    eprintln!("xtask: P4: metered against unmetered calls (cargo bench)");
    let output = shell::cargo(root)
        .args([
            "bench",
            "--locked",
            "-p",
            "funcbox",
            "--features",
            "unmetered",
            "--bench",
            "sandbox",
            "--",
            "metering",
        ])
        .arg(inputs)
        .stderr(Stdio::inherit())
        .output()
        .context("running the sandbox bench")?;
    if !output.status.success() {
        bail!("the sandbox bench failed ({})", output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The generated inputs.
struct Inputs {
    hello: PathBuf,
    log: PathBuf,
    csv: PathBuf,
    words: PathBuf,
    emails: PathBuf,
}

impl Inputs {
    /// Deterministic inputs, so runs on different days compare.
    fn write(dir: &Path) -> Result<Self> {
        let hello = dir.join("hello.txt");
        std::fs::write(&hello, "hello world\n")?;
        let mut log = String::new();
        for i in 0..100_000_u32 {
            let (a, b) = (
                i.wrapping_mul(7919) % 256,
                i.wrapping_mul(104_729) % 254 + 1,
            );
            let path = [
                "/index.html",
                "/api/users",
                "/api/orders/42",
                "/static/app.js",
                "/login",
            ][i as usize % 5];
            let status = [200, 200, 200, 404, 500][(i / 5) as usize % 5];
            writeln!(
                log,
                "192.168.{a}.{b} - - [26/Nov/2026:02:{:02}:{:02} +0000] \"GET {path} HTTP/1.1\" {status} {}",
                i % 60,
                (i / 60) % 60,
                i % 99_991
            )?;
        }
        let log_path = dir.join("access.log");
        std::fs::write(&log_path, log)?;
        let mut csv = String::from("name,amount\n");
        for i in 0..100_000_u32 {
            writeln!(csv, "item{i},{}.25", i % 100)?;
        }
        let csv_path = dir.join("amounts.csv");
        std::fs::write(&csv_path, csv)?;
        let words = dir.join("words.txt");
        std::fs::write(
            &words,
            "It was the best of times, it was the worst of times. ".repeat(20_000),
        )?;
        // ~1 MB of prose: an address on most lines, 3,500 distinct ones.
        let mut mail = String::new();
        for i in 0..10_000_u32 {
            writeln!(
                mail,
                "Line {i}: please write to user{}.name@example{}.com about ticket #{} today.",
                i % 500,
                i % 7,
                i * 31
            )?;
            if i % 3 == 0 {
                mail.push_str(
                    "No address on this line, only words and numbers like 3.14 and a@b.\n",
                );
            }
        }
        let emails = dir.join("mail.txt");
        std::fs::write(&emails, mail)?;
        Ok(Self {
            hello,
            log: log_path,
            csv: csv_path,
            words,
            emails,
        })
    }
}

/// `node` with the runner script, if node is installed.
fn node_runner(dir: &Path) -> Result<Option<(PathBuf, PathBuf)>> {
    let found = Command::new("node").arg("--version").output();
    if !found.is_ok_and(|output| output.status.success()) {
        return Ok(None);
    }
    let script = dir.join("run.js");
    std::fs::write(&script, NODE_RUNNER)?;
    Ok(Some((PathBuf::from("node"), script)))
}

fn funcbox_run(binary: &Path, home: &Path, module: &Path, lines: bool) -> Command {
    let mut command = Command::new(binary);
    command.env("FUNCBOX_HOME", home).arg("run").arg(module);
    if lines {
        command.arg("--lines");
    }
    command
}

fn native_run(binary: &Path, module: &Path, lines: bool) -> Command {
    let mut command = Command::new(binary);
    command.arg(module);
    if lines {
        command.arg("--lines");
    }
    command
}

fn node_run((node, script): &(PathBuf, PathBuf), module: &Path, lines: bool) -> Command {
    let mut command = Command::new(node);
    command.arg(script).arg(module);
    if lines {
        command.arg("--lines");
    }
    command
}

/// Runs `command` with `input` on stdin; its wall time and peak RSS (from `wait4`).
fn measure(command: &Command, input: &Path) -> Result<Sample> {
    let mut command = clone(command);
    let stdin =
        std::fs::File::open(input).with_context(|| format!("opening {}", input.display()))?;
    let started = Instant::now();
    let mut child = command
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("starting {:?}", command.get_program()))?;
    let mut stdout = Vec::new();
    if let Some(mut pipe) = child.stdout.take() {
        std::io::Read::read_to_end(&mut pipe, &mut stdout)?;
    }
    let (status, peak_rss_kib) = wait_with_rusage(&mut child)?;
    let wall = started.elapsed();
    if !status {
        bail!("{:?} failed", command.get_program());
    }
    Ok(Sample {
        wall,
        peak_rss_kib,
        stdout,
    })
}

/// Waits for `child`; whether it succeeded and its peak RSS in KiB.
fn wait_with_rusage(child: &mut std::process::Child) -> Result<(bool, Option<u64>)> {
    let pid = libc::pid_t::try_from(child.id()).context("a pid")?;
    let mut status = 0;
    // Safety: a zeroed rusage is a valid value to be overwritten; wait4 reaps our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // Safety: `pid` is our unreaped child; the pointers are to live locals.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if reaped != pid {
        // Fall back to std's wait (no RSS) if wait4 is unavailable.
        let status = child.wait()?;
        return Ok((status.success(), None));
    }
    let succeeded = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    Ok((succeeded, u64::try_from(usage.ru_maxrss).ok()))
}

fn clone(command: &Command) -> Command {
    let mut copy = Command::new(command.get_program());
    copy.args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => copy.env(key, value),
            None => copy.env_remove(key),
        };
    }
    copy
}

fn median_wall(samples: &[Sample]) -> Duration {
    let mut walls: Vec<Duration> = samples.iter().map(|sample| sample.wall).collect();
    walls.sort();
    walls.get(walls.len() / 2).copied().unwrap_or_default()
}

fn median_rss(samples: &[Sample]) -> Option<u64> {
    let mut rss: Vec<u64> = samples
        .iter()
        .filter_map(|sample| sample.peak_rss_kib)
        .collect();
    rss.sort_unstable();
    rss.get(rss.len() / 2).copied()
}

#[derive(Default)]
struct Table {
    rows: Vec<String>,
    notes: Vec<String>,
}

impl Table {
    fn row(
        &mut self,
        name: &str,
        target: &str,
        ours: &[Sample],
        boa: Option<&[Sample]>,
        node: Option<&[Sample]>,
    ) {
        let ms = |samples: &[Sample]| median_wall(samples).as_secs_f64() * 1e3;
        let rss = |samples: &[Sample]| {
            median_rss(samples).map_or("-".to_owned(), |kib| {
                format!("{:.1} MB", kib as f64 / 1024.0)
            })
        };
        let (node_ms, ratio, node_rss) = match node {
            Some(node) => (
                format!("{:.1} ms", ms(node)),
                format!("{:.2}×", ms(node) / ms(ours)),
                rss(node),
            ),
            None => ("-".to_owned(), "-".to_owned(), "-".to_owned()),
        };
        let (boa_ms, tax) = match boa {
            Some(boa) => (
                format!("{:.1} ms", ms(boa)),
                format!("{:.2}×", ms(ours) / ms(boa)),
            ),
            None => ("-".to_owned(), "-".to_owned()),
        };
        self.rows.push(format!(
            "| {name} | {:.1} ms | {boa_ms} | {tax} | {node_ms} | {ratio} | {} | {node_rss} | {target} |",
            ms(ours),
            rss(ours),
        ));
    }

    fn note(&mut self, note: &str) {
        self.notes.push(note.to_owned());
    }

    fn render(&self) -> String {
        let mut out = String::from(
            "| benchmark (median) | funcbox | native Boa | funcbox ÷ Boa | node | node ÷ funcbox \
             | funcbox peak RSS | node peak RSS | target |\n\
             |---|---|---|---|---|---|---|---|---|\n",
        );
        for row in &self.rows {
            out.push_str(row);
            out.push('\n');
        }
        for note in &self.notes {
            out.push_str(&format!("\n{note}\n"));
        }
        out
    }
}
