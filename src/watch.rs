//! `careers watch`: rebuild the output folder on every change (issue 3).

use std::path::Path;

use crate::cli::WatchArgs;
use crate::console::Console;

/// Runs until interrupted; returns the exit code.
pub fn run(_site: &Path, _args: &WatchArgs, console: &Console) -> i32 {
    console.fail("watch is not implemented yet");
    2
}
