//! Building the WebAssembly guest bit-for-bit reproducibly, and checking that it is.
//!
//! What makes two builds identical: the toolchain pinned in `rust-toolchain.toml`, the
//! dependency versions pinned in `guest/Cargo.lock` (`--locked`), the release profile in
//! `guest/Cargo.toml`, and `--remap-path-prefix` for the two machine-specific paths rustc
//! embeds in panic messages (the cargo registry and the checkout). Everything else that could
//! leak in from the environment (`RUSTFLAGS`, config files) is overridden below.

use std::{
    fs,
    path::{Path, PathBuf},
    time::Instant,
};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::shell;

const TARGET: &str = "wasm32-wasip1";
const ARTIFACT: &str = "funcbox_guest.wasm";
/// Where the host's build script picks the guest up (relative to the repository root).
const DIST: &str = "guest/dist";
/// The committed record of the guest's sha256 (relative to the repository root).
const RECORD: &str = "guest/funcbox_guest.wasm.sha256";

/// Builds the guest into `guest/dist/` and checks its sha256 against the record (or updates
/// the record when `update`). Returns the sha256.
pub fn build(update: bool) -> Result<String> {
    let root = shell::workspace_root();
    ensure_target(&root)?;
    let started = Instant::now();
    let built = compile(&root, &root.join("target/guest"))?;
    let elapsed = started.elapsed();

    let dist = root.join(DIST);
    fs::create_dir_all(&dist).with_context(|| format!("creating {}", dist.display()))?;
    let artifact = dist.join(ARTIFACT);
    fs::copy(&built, &artifact)
        .with_context(|| format!("copying the guest to {}", artifact.display()))?;

    let (hash, size) = hash_file(&artifact)?;
    eprintln!(
        "xtask: guest {} ({:.2} MB, built in {:.1} s)\nxtask: sha256 {hash}",
        artifact.display(),
        size as f64 / 1e6,
        elapsed.as_secs_f64()
    );

    let record_path = root.join(RECORD);
    let recorded = read_record(&record_path)?;
    match recorded {
        Some(recorded) if recorded == hash => {
            eprintln!("xtask: matches the recorded sha256 in {RECORD}");
        }
        _ if update => {
            fs::write(&record_path, format!("{hash}  {ARTIFACT}\n"))
                .with_context(|| format!("writing {}", record_path.display()))?;
            eprintln!("xtask: recorded the new sha256 in {RECORD}: commit it with the change");
        }
        Some(recorded) => bail!(
            "the guest is not the recorded build: sha256 {hash}, but {RECORD} records {recorded}.\n\
             If you changed the guest, its dependencies or the toolchain on purpose, run \
             `cargo xtask build-guest --update` and commit {RECORD}; otherwise the build is not \
             reproducible here and that is a bug."
        ),
        None => bail!(
            "{RECORD} is missing: run `cargo xtask build-guest --update` to record the guest's sha256"
        ),
    }
    Ok(hash)
}

/// Rebuilds the guest from a copy of its sources in a temporary directory, with an empty
/// target directory, and checks the result against the record.
pub fn verify() -> Result<()> {
    let root = shell::workspace_root();
    ensure_target(&root)?;
    let scratch = tempfile::Builder::new()
        .prefix("funcbox-verify-guest-")
        .tempdir()
        .context("creating a scratch directory")?;
    let copy = scratch.path().join("src");
    for entry in ["rust-toolchain.toml", "abi", "guest"] {
        copy_tree(&root.join(entry), &copy.join(entry))?;
    }
    let started = Instant::now();
    let built = compile(&copy, &scratch.path().join("target"))?;
    let (hash, _) = hash_file(&built)?;
    let recorded = read_record(&root.join(RECORD))?
        .with_context(|| format!("{RECORD} is missing: run `cargo xtask build-guest --update`"))?;
    eprintln!(
        "xtask: clean rebuild in {} took {:.1} s: sha256 {hash}",
        copy.display(),
        started.elapsed().as_secs_f64()
    );
    if hash != recorded {
        bail!(
            "the guest is not reproducible: a clean rebuild in another directory gave sha256 \
             {hash}, but {RECORD} records {recorded}"
        );
    }
    eprintln!("xtask: reproducible: the clean rebuild matches {RECORD}");
    Ok(())
}

/// `cargo build --release` of the guest in `source_root/guest`; returns the built artifact.
fn compile(source_root: &Path, target_dir: &Path) -> Result<PathBuf> {
    let cargo_home = cargo_home()?;
    let flags = [
        "-C".to_owned(),
        "target-feature=+simd128".to_owned(),
        format!("--remap-path-prefix={}=/cargo", cargo_home.display()),
        format!("--remap-path-prefix={}=/funcbox", source_root.display()),
    ];
    let mut command = shell::cargo(&source_root.join("guest"));
    command
        .args([
            "build",
            "--release",
            "--locked",
            "--target",
            TARGET,
            "--target-dir",
        ])
        .arg(target_dir)
        // The encoded form allows spaces in paths and overrides every other source of flags.
        .env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    shell::run(&mut command, "building the guest")?;
    Ok(target_dir.join(TARGET).join("release").join(ARTIFACT))
}

/// Adds the wasm target to the pinned toolchain when it is missing (a fresh machine lacks it).
fn ensure_target(root: &Path) -> Result<()> {
    let installed = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root)
        .output();
    match installed {
        Ok(output)
            if String::from_utf8_lossy(&output.stdout)
                .lines()
                .any(|t| t == TARGET) =>
        {
            Ok(())
        }
        Ok(_) => shell::run(
            std::process::Command::new("rustup")
                .args(["target", "add", TARGET])
                .current_dir(root),
            "adding the wasm32-wasip1 target",
        ),
        // Without rustup the toolchain is managed by hand: cargo's own error will say more.
        Err(_) => Ok(()),
    }
}

fn cargo_home() -> Result<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return Ok(PathBuf::from(home));
    }
    let home = std::env::var_os("HOME").context("neither CARGO_HOME nor HOME is set")?;
    Ok(PathBuf::from(home).join(".cargo"))
}

fn hash_file(path: &Path) -> Result<(String, usize)> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let digest = Sha256::digest(&bytes);
    let hex = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok((hex, bytes.len()))
}

/// The hex sha256 in the record file (`<hex>  <name>`, as `sha256sum` writes it).
fn read_record(path: &Path) -> Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(text.split_whitespace().next().map(str::to_owned)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err).with_context(|| format!("reading {}", path.display())),
    }
}

/// Copies a file or a directory tree, leaving out build outputs.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    if from.is_file() {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, to).with_context(|| format!("copying {}", from.display()))?;
        return Ok(());
    }
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "target" || name == "dist" {
            continue;
        }
        copy_tree(&entry.path(), &to.join(name))?;
    }
    Ok(())
}
