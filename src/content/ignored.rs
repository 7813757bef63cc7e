//! Files and folders careers skips that look meant to be read: `jobs/x.md.txt` (saved by a
//! word processor), a `content/job/` folder. Each gets a warning naming it, so a posting never
//! goes missing without a word.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, did_you_mean};

/// The folders of content/ that careers reads.
const FOLDERS: [&str; 3] = ["jobs", "pages", "static"];

/// Whether a path is a Markdown file; `.MD` counts too, since a file system that ignores
/// letter case (Windows, macOS) shows HR the same file either way.
pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// A warning for a file under jobs/ or pages/ that is not read because it is not Markdown.
pub(crate) fn not_markdown(path: &Path, what: &str) -> Diagnostic {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let help = match name.to_ascii_lowercase().find(".md.") {
        Some(i) => format!("rename it to `{}`", &name[..i + 3]),
        None => format!("to publish it as a {what}, save its text in a file ending in `.md`"),
    };
    Diagnostic::warning(
        path,
        0,
        0,
        "ignored-file",
        format!("this file is not read as a {what}, because its name does not end in `.md`"),
    )
    .help(help)
}

/// Warnings for folders of content/ whose name is near one careers reads (`job`, `Jobs`).
pub(crate) fn misnamed_folders(site_dir: &Path) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(site_dir.join("content")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| !FOLDERS.contains(&name.as_str()))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let near = did_you_mean(&name, &FOLDERS)?;
            let path = PathBuf::from("content").join(&name);
            Some(
                Diagnostic::warning(
                    &path,
                    0,
                    0,
                    "ignored-folder",
                    format!("careers does not read the folder `content/{name}/`, so nothing in it is published"),
                )
                .help(format!("rename it to `content/{near}/`")),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_known_by_its_extension_in_any_case() {
        assert!(is_markdown(Path::new("jobs/a.md")) && is_markdown(Path::new("jobs/A.MD")));
        assert!(!is_markdown(Path::new("jobs/a.md.txt")));
        let d = not_markdown(Path::new("content/jobs/Notes.MD.txt"), "posting");
        assert_eq!(d.help, "rename it to `Notes.MD`");
    }
}
