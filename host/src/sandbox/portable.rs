//! The guest compiled ahead of time for a portable CPU baseline, so a fresh install runs its
//! first function without seconds of Cranelift.
//!
//! `cargo xtask precompile` compiles the recorded guest with [`precompile`] into
//! `guest/dist/`, and the build script embeds that artifact in the next build of this crate
//! (see [`crate::guest::PRECOMPILED`]). The artifact targets a baseline every CPU of its
//! architecture from the last fifteen years has (x86-64-v2 on x86_64), so one binary serves
//! every machine; wasmtime checks at load time that the host has each feature the code uses,
//! and that the engine settings and wasmtime version are the ones it was compiled for. Any
//! mismatch makes the sandbox fall back to compiling, as a build without the artifact does.

use wasmtime::{Config, Engine};

use crate::error::SandboxError;

/// The target and CPU features of the portable artifact, for the platforms that get one. Bare
/// x86_64 (SSE2) would make Cranelift call host functions for float rounding; x86-64-v2 adds
/// SSE3 to SSE4.2, POPCNT and CMPXCHG16B, which every x86_64 CPU since 2009 has.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
const BASELINE: Option<(&str, &[&str])> = Some(("x86_64-unknown-linux-gnu", &["x86-64-v2"]));
#[cfg(all(target_os = "linux", target_arch = "aarch64"))]
const BASELINE: Option<(&str, &[&str])> = Some(("aarch64-unknown-linux-gnu", &[]));
#[cfg(all(target_os = "macos", target_arch = "aarch64"))]
const BASELINE: Option<(&str, &[&str])> = Some(("aarch64-apple-darwin", &[]));
#[cfg(not(any(
    all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ),
    all(target_os = "macos", target_arch = "aarch64")
)))]
const BASELINE: Option<(&str, &[&str])> = None;

/// The engine configuration the portable artifact is compiled with: the sandbox's own, with
/// the CPU features pinned to the baseline instead of detected from this machine. `None` on
/// architectures without a baseline.
pub fn config() -> Option<Result<Config, SandboxError>> {
    let (triple, presets) = BASELINE?;
    let mut config = super::engine_config();
    Some(match config.target(triple) {
        Ok(_) => {
            for preset in presets {
                // Safety: enabling CPU features only changes which instructions the code may
                // use; wasmtime checks the host has each of them before it runs the code.
                unsafe {
                    config.cranelift_flag_enable(preset);
                }
            }
            Ok(config)
        }
        Err(err) => Err(SandboxError::Engine(err)),
    })
}

/// Snapshots `wasm` with its realm built (see `snapshot`) and compiles that to a portable
/// artifact `Module::deserialize` accepts on any host of this architecture with the baseline
/// features. `None` on architectures without a baseline.
pub fn precompile(wasm: &[u8]) -> Option<Result<Vec<u8>, SandboxError>> {
    let config = config()?;
    Some(config.and_then(|config| {
        let initialized = super::snapshot::initialize(wasm)?;
        let engine = Engine::new(&config).map_err(SandboxError::Engine)?;
        engine
            .precompile_module(&initialized)
            .map_err(SandboxError::Engine)
    }))
}
