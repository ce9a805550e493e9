//! The WebAssembly guest embedded in this binary, and the check that it is the recorded build.

use sha2::{Digest, Sha256};

/// The guest module's bytes, as built by `cargo xtask build-guest`.
pub static WASM: &[u8] = include_bytes!(env!("FUNCBOX_GUEST_WASM"));

/// The guest compiled to native code for this platform by `cargo xtask precompile`, when that
/// had been run before this binary was built (see [`crate::sandbox::portable`]).
#[cfg(funcbox_precompiled)]
pub static PRECOMPILED: Option<&[u8]> = Some(include_bytes!(env!("FUNCBOX_GUEST_PRECOMPILED")));
/// The guest compiled to native code for this platform by `cargo xtask precompile`, when that
/// had been run before this binary was built (see [`crate::sandbox::portable`]).
#[cfg(not(funcbox_precompiled))]
pub static PRECOMPILED: Option<&[u8]> = None;

/// Where `cargo xtask precompile` puts the artifact [`PRECOMPILED`] embeds.
pub const PRECOMPILED_PATH: &str = env!("FUNCBOX_GUEST_PRECOMPILED");

/// The sha256 (lowercase hex) recorded for the guest when this binary was built.
pub const SHA256: &str = env!("FUNCBOX_GUEST_SHA256");

/// The hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Checks that `bytes` are the recorded guest; returns their actual sha256 when they are not.
pub fn verify(bytes: &[u8]) -> Result<(), String> {
    let actual = sha256_hex(bytes);
    if actual == SHA256 {
        Ok(())
    } else {
        Err(actual)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_guest_is_the_recorded_one() {
        assert_eq!(verify(WASM), Ok(()));
    }

    #[test]
    fn a_single_flipped_byte_is_detected() {
        let mut tampered = WASM.to_vec();
        let middle = tampered.len() / 2;
        tampered[middle] ^= 0x01;
        assert!(verify(&tampered).is_err());
    }
}
