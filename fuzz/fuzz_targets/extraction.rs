//! `cargo fuzz run extraction`: see `funcbox_fuzz::extraction` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| funcbox_fuzz::extraction(data));
