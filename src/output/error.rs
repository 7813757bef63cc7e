//! Typed failures of the output layer: a disk operation that failed on a path, or a folder
//! careers refuses to touch. Each one prints as one plain sentence naming the path.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why the output could not be written (the CLI exits with code 2).
#[derive(Debug)]
pub enum OutputError {
    /// A file-system call failed: `action` says what careers was doing, `path` where.
    Io {
        /// What was being done, as words that precede the path ("cannot write").
        action: &'static str,
        /// The file or folder it was done to.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The folder is not one careers may replace.
    Refused {
        /// The output folder asked for.
        path: PathBuf,
        /// Why it is refused.
        why: Refusal,
    },
    /// Another careers build holds the output's lock.
    Locked {
        /// The output folder.
        output: PathBuf,
    },
    /// A path made from content would leave the output folder.
    Escapes {
        /// The site-relative path asked for.
        path: PathBuf,
    },
    /// A file a render kept from the last one was not there (the session builds afresh).
    Kept {
        /// The site-relative path.
        path: String,
    },
}

/// Why an output folder is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It is the site folder or holds it.
    HoldsSite,
    /// It is inside `content/`.
    InsideContent,
    /// It is inside `themes/`.
    InsideThemes,
    /// It is a file.
    IsFile,
    /// It has files and no careers marker (and `--force` was not given).
    NotOurs,
}

impl OutputError {
    /// An [`OutputError::Io`] for `path`.
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        OutputError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Io {
                action,
                path,
                source,
            } => write!(f, "{action} {}: {source}", path.display()),
            OutputError::Refused { path, why } => {
                let shown = path.display();
                match why {
                    Refusal::HoldsSite => write!(
                        f,
                        "refusing to use {shown} as the output folder: it contains the site itself, and building would replace your content"
                    ),
                    Refusal::InsideContent | Refusal::InsideThemes => {
                        let folder = if *why == Refusal::InsideContent {
                            "content"
                        } else {
                            "themes"
                        };
                        write!(
                            f,
                            "refusing to use {shown} as the output folder: it is inside {folder}/, which holds your site's sources"
                        )
                    }
                    Refusal::IsFile => write!(f, "the output path {shown} is a file, not a folder"),
                    Refusal::NotOurs => write!(
                        f,
                        "refusing to replace {shown}: it is not empty and was not made by careers (pass --force to replace it anyway)"
                    ),
                }
            }
            OutputError::Locked { output } => write!(
                f,
                "another careers build is writing {}; wait for it to finish",
                output.display()
            ),
            OutputError::Escapes { path } => write!(
                f,
                "refusing to write {}: the path would leave the output folder",
                path.display()
            ),
            OutputError::Kept { path } => write!(
                f,
                "{path} was to stay as last built, but the last build does not have it"
            ),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
