//! Command-line parsing, dispatch, and turning any error into one line and an exit code.

mod exec;
mod generate_ui;
mod llm_args;
mod manage;
mod new;
mod precompile;
mod run;
mod terminal;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use funcbox::{
    Exit, LibraryError, RunError, SandboxError,
    llm::{client::LlmError, generate::GenerateError},
};

/// Describe a small program in English, get a JavaScript function, run it in a sandbox.
#[derive(Parser)]
#[command(name = "funcbox", version, after_help = Exit::table())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    New(new::NewArgs),
    Run(run::RunArgs),
    Exec(exec::ExecArgs),
    /// List the saved functions.
    List,
    Show(manage::ShowArgs),
    Rm(manage::RmArgs),
    #[command(hide = true)]
    PrecompileGuest(precompile::PrecompileArgs),
}

/// Errors of the command line itself (as opposed to the library's).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Reading stdin or writing stdout failed.
    #[error("{0}")]
    Io(String),
}

/// Parses the command line, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::New(args) => new::exec(args),
        Command::Run(args) => run::exec(args),
        Command::Exec(args) => exec::exec(args),
        Command::List => manage::list(),
        Command::Show(args) => manage::show(args),
        Command::Rm(args) => manage::rm(args),
        Command::PrecompileGuest(args) => precompile::exec(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}").replace('\n', " ");
            // The message can carry a guest's exception text.
            eprintln!("funcbox: error: {}", terminal::for_stderr(&message));
            ExitCode::from(exit_for(&err).code())
        }
    }
}

/// The documented exit code for an error: the first typed error in its chain decides.
fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if let Some(err) = cause.downcast_ref::<RunError>() {
            return err.exit();
        }
        if let Some(err) = cause.downcast_ref::<SandboxError>() {
            return err.exit();
        }
        if let Some(err) = cause.downcast_ref::<LibraryError>() {
            return err.exit();
        }
        if let Some(err) = cause.downcast_ref::<LlmError>() {
            return err.exit();
        }
        if let Some(err) = cause.downcast_ref::<GenerateError>() {
            return err.exit();
        }
        if cause.downcast_ref::<CliError>().is_some() {
            return Exit::Io;
        }
    }
    Exit::Io
}
