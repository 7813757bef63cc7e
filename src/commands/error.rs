//! Why a command could not start: a disk operation that failed on a path, listening on an
//! address, watching for changes, or a request that cannot be carried out. Each prints as
//! one plain sentence (the CLI exits with code 2).

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::output::OutputError;

/// A command that could not start.
#[derive(Debug)]
pub enum CommandError {
    /// A file-system call failed on a path.
    Io(OutputError),
    /// The preview server could not listen on its address.
    Listen {
        /// The address asked for.
        address: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// Watching the site for changes could not start; the system's words and what to do.
    Watch(String),
    /// What was asked for cannot be done; what is wrong and what to do instead.
    Refused(String),
    /// The site folder (absolute path) does not exist.
    NoSiteFolder(PathBuf),
    /// The folder (absolute path) has no content/site.yaml.
    NotASite(PathBuf),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::Io(e) => e.fmt(f),
            CommandError::Listen { address, source } => write!(
                f,
                "cannot listen on {address}: {source} (is another server running? --port 0 picks a free port)"
            ),
            CommandError::Watch(text) | CommandError::Refused(text) => f.write_str(text),
            CommandError::NoSiteFolder(dir) => {
                write!(f, "the site folder {} does not exist", dir.display())
            }
            CommandError::NotASite(dir) => write!(
                f,
                "{} is not a careers site (it has no content/site.yaml); {}",
                dir.display(),
                super::site::not_a_site_hint(dir)
            ),
        }
    }
}

impl From<OutputError> for CommandError {
    fn from(e: OutputError) -> Self {
        CommandError::Io(e)
    }
}
