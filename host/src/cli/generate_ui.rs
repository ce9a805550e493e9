//! Running a generation with feedback on stderr: a spinner while the model thinks (only on a
//! terminal, never with --quiet) and a line for every rejected attempt.

use std::time::Duration;

use anyhow::Result;
use funcbox::{
    Limits, Sandbox,
    llm::{
        client::LlmClient,
        config::LlmConfig,
        generate::{Generated, Progress, generate},
    },
    network::Network,
    paths::Dirs,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::llm_args::LlmArgs;

/// Asks the configured model for `description` and proves the result in the sandbox.
pub fn generate_with_feedback(
    description: &str,
    args: &LlmArgs,
    limits: &Limits,
    network: &Network,
    dirs: &Dirs,
) -> Result<(Generated, LlmConfig)> {
    let config = LlmConfig::resolve(
        &args.overrides(),
        &|key| std::env::var(key).ok(),
        &dirs.config,
    )?;
    let client = LlmClient::new(config.clone())?;
    let sandbox = Sandbox::new(Some(&dirs.cache))?;
    let spinner = spinner(args.quiet);
    let quiet = args.quiet;
    let model = config.model.clone();
    let generated = generate(
        &client,
        &sandbox,
        limits,
        network,
        description,
        args.attempts,
        &mut |event| match event {
            Progress::Asking(1) => spinner.set_message(format!("asking {model}…")),
            Progress::Asking(attempt) => {
                spinner.set_message(format!("asking {model} for a fix (attempt {attempt})…"));
            }
            Progress::Rejected { attempt, problem } if !quiet => {
                spinner.suspend(|| {
                    eprintln!(
                        "funcbox: attempt {attempt} rejected: {}",
                        super::terminal::for_stderr(&problem)
                    );
                });
            }
            Progress::Rejected { .. } => {}
        },
    );
    spinner.finish_and_clear();
    Ok((generated?, config))
}

/// A spinner on stderr; indicatif draws nothing when stderr is not a terminal.
fn spinner(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        spinner.set_style(style);
    }
    spinner.enable_steady_tick(Duration::from_millis(100));
    spinner
}
