//! The release binary with the guest precompiled: `cargo xtask precompile` and
//! `cargo xtask install`.
//!
//! Two stages, because the artifact is compiled by funcbox itself (the engine settings must be
//! exactly the sandbox's): a release build embedding only the guest, whose hidden
//! `precompile-guest` command writes the portable artifact into `guest/dist/`, then a rebuild
//! that embeds it too (only the funcbox crate is recompiled).

use std::path::PathBuf;

use anyhow::Result;

use crate::{guest, shell};

/// Builds the recorded guest and a release funcbox embedding it and its precompiled artifact;
/// returns the binary's path.
pub fn build() -> Result<PathBuf> {
    guest::build(false)?;
    let root = shell::workspace_root();
    let binary = shell::target_dir(&root).join("release/funcbox");
    let release_build = || {
        shell::run(
            shell::cargo(&root).args(["build", "--release", "--locked", "-p", "funcbox"]),
            "build the release funcbox",
        )
    };
    release_build()?;
    shell::run(
        std::process::Command::new(&binary).arg("precompile-guest"),
        "precompile the guest for this platform",
    )?;
    release_build()?;
    Ok(binary)
}

/// Builds as [`build`] does, then installs the binary with `cargo install`.
pub fn install() -> Result<()> {
    build()?;
    let root = shell::workspace_root();
    shell::run(
        shell::cargo(&root).args(["install", "--locked", "--path", "host"]),
        "install funcbox",
    )
}
