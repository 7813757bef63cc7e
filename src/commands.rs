//! The one-shot commands: build, check, init, new.

use std::path::Path;

use crate::cli::{BuildArgs, CheckArgs, InitArgs, NewArgs};
use crate::console::Console;

/// `careers build`.
pub fn build(_site: &Path, _args: &BuildArgs, console: &Console) -> i32 {
    console.fail("build is not implemented yet");
    2
}

/// `careers check`.
pub fn check(_site: &Path, _args: &CheckArgs, console: &Console) -> i32 {
    console.fail("check is not implemented yet");
    2
}

/// `careers init`.
pub fn init(_args: &InitArgs, console: &Console) -> i32 {
    console.fail("init is not implemented yet");
    2
}

/// `careers new`.
pub fn new_posting(_site: &Path, _args: &NewArgs, console: &Console) -> i32 {
    console.fail("new is not implemented yet");
    2
}
