//! Terminal output: quiet/verbose levels and colour only on a terminal without NO_COLOR.

use std::io::{IsTerminal, Write};

use crate::diagnostics::{Diagnostic, Severity};

/// How chatty the CLI is and whether it may use colour; passed to every command.
#[derive(Clone, Copy, Debug, Default)]
pub struct Console {
    /// Print only errors.
    pub quiet: bool,
    /// Print extra detail.
    pub verbose: bool,
    /// Use ANSI colours on stderr.
    pub color: bool,
}

impl Console {
    /// Colour is used only when stderr is a terminal and NO_COLOR is unset.
    pub fn new(quiet: bool, verbose: bool) -> Self {
        let color = std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Console {
            quiet,
            verbose,
            color,
        }
    }

    /// A progress or success line (suppressed by --quiet).
    pub fn info(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// A detail line (only with --verbose).
    pub fn detail(&self, message: &str) {
        if self.verbose {
            eprintln!("{message}");
        }
    }

    /// A failure that is not about content (I/O, usage).
    pub fn fail(&self, message: &str) {
        let label = if self.color {
            "\x1b[1;31merror\x1b[0m"
        } else {
            "error"
        };
        eprintln!("{label}: {message}");
    }

    /// Prints diagnostics in the human format, then the count line.
    pub fn diagnostics(&self, list: &[Diagnostic]) {
        self.list(list);
        let errors = list
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = list.len() - errors;
        if !list.is_empty() {
            eprintln!("{}", crate::diagnostics::count_line(errors, warnings));
        }
    }

    /// Prints diagnostics in the human format, without the count line.
    pub(crate) fn list(&self, list: &[Diagnostic]) {
        let mut err = std::io::stderr().lock();
        for d in list {
            if self.quiet && d.severity == Severity::Warning {
                continue;
            }
            let text = d.render();
            let text = if self.color {
                colourise(&text, d.severity)
            } else {
                text
            };
            let _ = writeln!(err, "{text}");
        }
    }

    /// After a build that succeeded with warnings: how many, and where to see them all
    /// (suppressed by --quiet, like the warnings themselves).
    pub(crate) fn warnings_left(&self, count: usize) {
        match count {
            0 => {}
            1 => self.info("1 warning — run `careers check` to see it"),
            n => self.info(&format!("{n} warnings — run `careers check` to see them")),
        }
    }
}

fn colourise(text: &str, severity: Severity) -> String {
    let (word, code) = match severity {
        Severity::Error => (": error: ", "1;31"),
        Severity::Warning => (": warning: ", "1;33"),
    };
    text.replacen(
        word,
        &format!(": \x1b[{code}m{}\x1b[0m: ", word.trim_matches([':', ' '])),
        1,
    )
    .replace("  help: ", "  \x1b[1;36mhelp\x1b[0m: ")
}
