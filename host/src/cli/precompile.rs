//! `funcbox precompile-guest` (hidden): snapshots the embedded guest with its realm built,
//! compiles it for this platform's portable CPU baseline (`funcbox::sandbox::portable`) and
//! writes the artifact where the next build of funcbox embeds it. `cargo xtask precompile`
//! runs it; users never need to.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use funcbox::{atomic, guest, sandbox::portable};

/// Compile the embedded guest ahead of time, for `cargo xtask precompile`.
#[derive(Args)]
pub struct PrecompileArgs {
    /// Where to write the artifact [default: where the build embeds it from].
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Compiles the guest and writes the artifact atomically.
pub fn exec(args: PrecompileArgs) -> Result<()> {
    let Some(artifact) = portable::precompile(guest::WASM) else {
        bail!("funcbox has no portable CPU baseline for this platform: nothing to precompile");
    };
    let artifact = artifact?;
    let out = args
        .out
        .unwrap_or_else(|| PathBuf::from(guest::PRECOMPILED_PATH));
    atomic::write(&out, &artifact).with_context(|| format!("writing {}", out.display()))?;
    println!("{} ({} bytes)", out.display(), artifact.len());
    Ok(())
}
