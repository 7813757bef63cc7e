//! `careers serve`: build into a temporary folder, serve it on 127.0.0.1, reload on change (issue 3).

use std::path::Path;

use crate::cli::ServeArgs;
use crate::console::Console;

/// Runs until interrupted; returns the exit code.
pub fn run(_site: &Path, _args: &ServeArgs, console: &Console) -> i32 {
    console.fail("serve is not implemented yet");
    2
}
