//! `cargo xtask fuzz`: every cargo-fuzz target for a bounded time, from the committed seeds.

use std::process::Command;

use anyhow::{Result, bail};

use crate::{guest, shell};

/// The targets in fuzz/fuzz_targets, in the order they run.
const TARGETS: &[&str] = &["extraction", "guest_abi", "sandbox"];

/// Fuzzes `target` (or every target) for `seconds` each with the `toolchain` nightly.
pub fn run(target: Option<&str>, seconds: u64, toolchain: &str) -> Result<()> {
    let targets: Vec<&str> = match target {
        Some(name) if TARGETS.contains(&name) => vec![name],
        Some(name) => bail!("no fuzz target `{name}` (targets: {})", TARGETS.join(", ")),
        None => TARGETS.to_vec(),
    };
    let probe = Command::new("rustup")
        .args(["run", toolchain, "cargo", "fuzz", "--version"])
        .output();
    if !probe.is_ok_and(|output| output.status.success()) {
        bail!(
            "fuzzing needs cargo-fuzz and the `{toolchain}` toolchain: \
             `cargo install cargo-fuzz` and `rustup toolchain install {toolchain}`"
        );
    }
    // The targets embed the guest, as funcbox does.
    guest::build(false)?;
    let fuzz_dir = shell::workspace_root().join("fuzz");
    for target in targets {
        // New inputs go to the first directory (git-ignored); the seeds are read, never written.
        let corpus = format!("corpus/{target}");
        let seeds = format!("seeds/{target}");
        std::fs::create_dir_all(fuzz_dir.join(&corpus))?;
        shell::run(
            Command::new("rustup")
                .args([
                    "run", toolchain, "cargo", "fuzz", "run", target, &corpus, &seeds,
                ])
                .args(["--", &format!("-max_total_time={seconds}"), "-timeout=30"])
                .current_dir(&fuzz_dir),
            &format!(
                "fuzz {target} for {seconds} s (a crash is saved under fuzz/artifacts/{target}/: \
                 fix it, then add it to fuzz/seeds/{target}/)"
            ),
        )?;
    }
    Ok(())
}
