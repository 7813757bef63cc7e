//! The check every command that reads a site makes first: the folder exists and holds
//! `content/site.yaml`. One message for all of them, naming the absolute path.

use std::path::{Path, PathBuf};

use super::CommandError;
use crate::config::SITE_FILE;

/// The site folder as an absolute, canonical path, or why it is not a careers site.
pub(crate) fn require_site(site: &Path) -> Result<PathBuf, CommandError> {
    let shown = std::path::absolute(site).unwrap_or_else(|_| site.to_path_buf());
    if !site.is_dir() {
        return Err(CommandError::NoSiteFolder(shown));
    }
    let canonical = std::fs::canonicalize(site).unwrap_or(shown);
    if !canonical.join(SITE_FILE).is_file() {
        return Err(CommandError::NotASite(canonical));
    }
    Ok(canonical)
}

/// The words after "is not a careers site": where to go instead.
pub(crate) fn not_a_site_hint(dir: &Path) -> String {
    let inside_content = dir.file_name().is_some_and(|name| name == "content");
    match dir.parent() {
        Some(parent) if inside_content && parent.join(SITE_FILE).is_file() => format!(
            "this is the content/ folder of a site: run the command in {} (or pass --site {})",
            parent.display(),
            parent.display()
        ),
        _ => "run the command inside your site folder, pass --site DIR, or create a site with `careers init`".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_content_the_parent_folder_is_suggested() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let content = tmp.path().join("content");
        std::fs::create_dir_all(&content).expect("mkdir");
        std::fs::write(content.join("site.yaml"), "").expect("write");
        let err = require_site(&content).expect_err("not a site");
        let text = err.to_string();
        let parent = std::fs::canonicalize(tmp.path()).expect("canonical");
        assert!(
            text.contains(&format!("run the command in {}", parent.display())),
            "{text}"
        );
        assert!(require_site(tmp.path()).is_ok());
    }
}
