//! libFuzzer entry point for the `faq_yaml` target (the checks live in src/lib.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| careers_fuzz::faq_yaml(data));
