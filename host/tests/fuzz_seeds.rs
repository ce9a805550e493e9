//! Replays the committed fuzz seeds (`fuzz/seeds/<target>/`, including every crash the fuzzer
//! found) through the fuzz targets' own checks, so the ordinary test suite runs them on the
//! pinned stable toolchain; the coverage-guided search itself needs nightly (`cargo xtask fuzz`).

#[path = "../../fuzz/src/lib.rs"]
mod funcbox_fuzz;

use std::{
    fs,
    panic::{AssertUnwindSafe, catch_unwind},
    path::PathBuf,
};

fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/seeds")
        .join(target);
    let mut seeds: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("reading {}: {err}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    let failed: Vec<String> = seeds
        .iter()
        .filter(|seed| {
            let data = fs::read(seed).expect("a readable seed");
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|seed| seed.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target} fails on: {failed:#?}");
}

#[test]
fn sandbox_seeds_pass() {
    // As the fuzzer does: the guests are compiled before the first input.
    funcbox_fuzz::warm_up();
    replay("sandbox", funcbox_fuzz::sandbox);
}

#[test]
fn extraction_seeds_pass() {
    replay("extraction", funcbox_fuzz::extraction);
}

#[test]
fn guest_abi_seeds_pass() {
    replay("guest_abi", funcbox_fuzz::guest_abi);
}
