//! Embeds the WebAssembly guest built by `cargo xtask build-guest`, after checking it is the
//! build recorded in `guest/funcbox_guest.wasm.sha256`, so one `funcbox` binary is all a user
//! needs and it can never carry a guest nobody recorded. When `cargo xtask precompile` has
//! compiled that same guest to native code for this platform, the artifact is embedded too.

use std::{fs, path::Path, process::exit};

use sha2::{Digest, Sha256};

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let root = Path::new(&manifest).join("..");
    let wasm = root.join("guest/dist/funcbox_guest.wasm");
    let record = root.join("guest/funcbox_guest.wasm.sha256");
    println!("cargo::rerun-if-changed={}", wasm.display());
    // The directory, not the artifact: a path that does not exist would rerun this script,
    // and so rebuild the crate, on every build.
    println!(
        "cargo::rerun-if-changed={}",
        root.join("guest/dist").display()
    );
    println!("cargo::rustc-check-cfg=cfg(funcbox_precompiled)");
    println!("cargo::rerun-if-changed={}", record.display());

    let Ok(bytes) = fs::read(&wasm) else {
        fail(&format!(
            "the funcbox guest is not built ({} is missing).\n\
             Run `cargo xtask build-guest` first: it builds the WebAssembly guest this binary embeds.",
            wasm.display()
        ));
    };
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let recorded = fs::read_to_string(&record).unwrap_or_default();
    let recorded = recorded.split_whitespace().next().unwrap_or("(none)");
    if hash != recorded {
        fail(&format!(
            "{} has sha256 {hash}, but {} records {recorded}.\n\
             Run `cargo xtask build-guest` to rebuild the recorded guest (add --update if you \
             changed the guest on purpose).",
            wasm.display(),
            record.display()
        ));
    }
    let wasm = wasm.canonicalize().unwrap_or(wasm);
    println!("cargo::rustc-env=FUNCBOX_GUEST_WASM={}", wasm.display());
    println!("cargo::rustc-env=FUNCBOX_GUEST_SHA256={hash}");

    // Named after the guest's hash and the platform, so a stale or foreign artifact is never
    // picked up (wasmtime would refuse it anyway, at the cost of a compile).
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    let precompiled = wasm.with_file_name(format!(
        "funcbox_guest-{}-{}-{}.cwasm",
        &hash[..16],
        target("CARGO_CFG_TARGET_ARCH"),
        target("CARGO_CFG_TARGET_OS")
    ));
    println!(
        "cargo::rustc-env=FUNCBOX_GUEST_PRECOMPILED={}",
        precompiled.display()
    );
    if precompiled.is_file() {
        println!("cargo::rustc-cfg=funcbox_precompiled");
    }
}

fn fail(message: &str) -> ! {
    eprintln!("\nerror: {message}\n");
    exit(1)
}
