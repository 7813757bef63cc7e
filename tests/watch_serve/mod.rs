//! `careers watch` and `careers serve` end to end: the real binary on a temp copy of
//! tests/fixtures/serve-site, each kind of change, errors and recovery, live reload, and
//! the preview server's refusals. Every wait polls against a generous deadline; nothing
//! asserts on elapsed time.

mod no_site;
mod serve;
mod stress;
mod support;
mod watch;
