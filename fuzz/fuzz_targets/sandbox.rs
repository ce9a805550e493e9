//! `cargo fuzz run sandbox`: see `funcbox_fuzz::sandbox` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(init: funcbox_fuzz::warm_up(), |data: &[u8]| funcbox_fuzz::sandbox(data));
