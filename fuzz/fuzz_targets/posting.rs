//! libFuzzer entry point for the `posting` target (the checks live in src/lib.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| careers_fuzz::posting(data));
