//! `cargo fuzz run guest_abi`: see `funcbox_fuzz::guest_abi` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(init: funcbox_fuzz::warm_up(), |data: &[u8]| funcbox_fuzz::guest_abi(data));
