//! `funcbox exec "DESCRIPTION"`: generate (or reuse) a function and run it on stdin at once.

use anyhow::Result;
use clap::Args;
use funcbox::{Exit, exec_cache::ExecCache, llm::config::LlmConfig, paths::Dirs};

use super::{
    generate_ui::generate_with_feedback,
    llm_args::LlmArgs,
    run::{RunOptions, read_stdin, run_and_print, run_lines_and_print},
};

/// Generate a function for the description and run it on all of stdin. The generated code is
/// cached per (description, model, API, prompt version, allowed hosts): a repeat makes no LLM
/// call.
#[derive(Args)]
#[command(after_help = Exit::table())]
pub struct ExecArgs {
    /// What the function should do, in plain English.
    description: String,

    /// Ask the model again even if this description has cached code.
    #[arg(long)]
    no_cache: bool,

    #[command(flatten)]
    llm: LlmArgs,

    #[command(flatten)]
    run: RunOptions,
}

/// Runs the command.
pub fn exec(args: ExecArgs) -> Result<()> {
    let dirs = Dirs::from_env()?;
    // Read stdin first: bad input should not cost an LLM call (line mode streams it after).
    let input = if args.run.lines {
        String::new()
    } else {
        read_stdin(&args.run)?
    };
    let config = LlmConfig::resolve(
        &args.llm.overrides(),
        &|key| std::env::var(key).ok(),
        &dirs.config,
    )?;
    let cache = ExecCache::new(dirs.cache.join("exec"));
    let network = args.run.network.network(&[]);
    let hosts = network.allow.to_strings();
    let entry = cache.path(&args.description, &config.model, &config.base_url, &hosts);
    let cached = if args.no_cache {
        None
    } else {
        cache.get(&entry)
    };
    let code = match cached {
        Some(code) => code,
        None => {
            let limits = args.run.limits.limits();
            let (generated, _) =
                generate_with_feedback(&args.description, &args.llm, &limits, &network, &dirs)?;
            cache.put(&entry, &generated.code)?;
            generated.code
        }
    };
    if args.run.lines {
        return run_lines_and_print(&args.description, &code, &args.run, &network, &dirs);
    }
    run_and_print(&args.description, &code, &input, &args.run, &network, &dirs)
}
