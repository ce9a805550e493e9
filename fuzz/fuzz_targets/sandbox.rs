//! `cargo fuzz run sandbox`: see `funcbox_fuzz::sandbox` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| funcbox_fuzz::sandbox(data));
