//! Project chores for funcbox, run as `cargo xtask <task>` (see `cargo xtask --help`).

mod bench;
mod fuzz;
mod guest;
mod release;
mod shell;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "funcbox project tasks", disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Build the WebAssembly guest reproducibly and check it against the recorded sha256.
    BuildGuest {
        /// Record the new sha256 instead of failing when the guest changed on purpose.
        #[arg(long)]
        update: bool,
    },
    /// Rebuild the guest from a clean copy of its sources in another directory and check that
    /// the result is bit-for-bit the recorded one.
    VerifyGuest,
    /// Build the release funcbox with the guest precompiled for this platform embedded, so its
    /// first run needs no compile (target/release/funcbox).
    Precompile,
    /// `precompile`, then `cargo install` the result.
    Install,
    /// Build the guest, then run every test: the guest's native unit tests and the workspace's.
    Test,
    /// Run the compatibility corpus (tests/corpus) in the sandbox: pass/fail per case, the
    /// total, and a diff against node's output for each failure.
    Corpus {
        /// First record node's outputs again with the `node` on PATH (22 or newer).
        #[arg(long)]
        record: bool,
    },
    /// Fuzz with cargo-fuzz (libFuzzer) for a bounded time per target, starting from the seeds
    /// in fuzz/seeds. Needs `cargo install cargo-fuzz` and a nightly toolchain.
    Fuzz {
        /// One target (sandbox, extraction, guest_abi); all of them when omitted.
        target: Option<String>,
        /// How long to fuzz each target.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        /// The rustup toolchain to build the instrumented targets with.
        #[arg(long, default_value = "nightly")]
        toolchain: String,
    },
    /// Time the release binary as a user runs it (whole processes), beside node when it is
    /// installed: P1 cold and warm, P2 line mode, P3 CSV and word frequency, peak RSS.
    Bench {
        /// Runs per measurement (medians are reported; cold starts run 3 times).
        #[arg(long, default_value_t = 11)]
        runs: usize,
    },
    /// Everything CI checks: formatting, the guest against its recorded sha256, clippy and all
    /// tests.
    Ci,
}

fn main() -> Result<()> {
    match Cli::parse().task {
        Task::BuildGuest { update } => guest::build(update).map(drop),
        Task::VerifyGuest => guest::verify(),
        Task::Precompile => release::build().map(drop),
        Task::Install => release::install(),
        Task::Test => test(),
        Task::Corpus { record } => corpus(record),
        Task::Fuzz {
            target,
            seconds,
            toolchain,
        } => fuzz::run(target.as_deref(), seconds, &toolchain),
        Task::Bench { runs } => bench::run(runs),
        Task::Ci => ci(),
    }
}

fn test() -> Result<()> {
    guest::build(false)?;
    let root = shell::workspace_root();
    shell::run(
        shell::cargo(&root.join("guest")).args(["test", "--locked", "--quiet"]),
        "guest unit tests",
    )?;
    shell::run(
        shell::cargo(&root).args(["test", "--workspace", "--locked"]),
        "workspace tests",
    )
}

fn corpus(record: bool) -> Result<()> {
    let root = shell::workspace_root();
    if record {
        shell::run(
            std::process::Command::new("node")
                .arg("tests/corpus/record.js")
                .current_dir(&root),
            "record node's outputs",
        )?;
    }
    guest::build(false)?;
    shell::run(
        shell::cargo(&root).args([
            "test",
            "--locked",
            "--package",
            "funcbox",
            "--test",
            "corpus",
            "--",
            "--nocapture",
        ]),
        "compatibility corpus",
    )
}

fn ci() -> Result<()> {
    let root = shell::workspace_root();
    shell::run(
        shell::cargo(&root).args(["fmt", "--all", "--check"]),
        "cargo fmt",
    )?;
    shell::run(
        shell::cargo(&root.join("guest")).args(["fmt", "--check"]),
        "cargo fmt (guest)",
    )?;
    // No `verify-guest` here: CI runs in a fresh clone with an empty target directory, so the
    // build below already proves the recorded guest is reproduced elsewhere (and saves ~3 min).
    guest::build(false)?;
    let clippy = ["clippy", "--quiet", "--all-targets", "--locked"];
    let deny = ["--", "-D", "warnings"];
    shell::run(
        shell::cargo(&root)
            .args(clippy)
            .arg("--workspace")
            .args(deny),
        "cargo clippy",
    )?;
    shell::run(
        shell::cargo(&root.join("guest")).args(clippy).args(deny),
        "cargo clippy (guest, natively)",
    )?;
    test()
}
