//! `careers init [DIR]`: a complete, working site with example content, ready to publish.

use std::path::{Path, PathBuf};

use super::CommandError;
use crate::cli::InitArgs;
use crate::console::Console;
use crate::output::OutputError;

/// The files of a new site: (path inside the site, text). `{{today}}`, `{{timezone}}`,
/// `{{version}}` and `{{repository}}` are filled in when written.
pub const FILES: &[(&str, &str)] = &[
    ("content/site.yaml", include_str!("init_site/site.yaml")),
    ("content/faq.yaml", include_str!("init_site/faq.yaml")),
    (
        "content/jobs/customer-support-specialist.md",
        include_str!("init_site/posting.md"),
    ),
    (
        "content/pages/hiring-process.md",
        include_str!("init_site/hiring-process.md"),
    ),
    (".gitignore", include_str!("init_site/gitignore")),
    (
        ".vscode/settings.json",
        include_str!("init_site/vscode-settings.json"),
    ),
    (
        ".github/workflows/careers.yml",
        include_str!("init_site/careers.yml"),
    ),
];

/// The `base_url` of a new site's site.yaml.
const INIT_BASE_URL: &str = "https://example.github.io/careers/";

/// `careers init`: refuses a non-empty folder (exit 2); prints what to do next.
pub fn run(args: &InitArgs, console: &Console) -> i32 {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if let Err(e) = check_target(&dir) {
        console.fail(&e.to_string());
        return 2;
    }
    let zone = jiff::tz::TimeZone::system();
    let timezone = zone.iana_name().unwrap_or("UTC").to_string();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(zone)
        .date()
        .to_string();
    let written = write_site(&dir, &today, &timezone)
        .and_then(|()| super::schema::write_all(&dir))
        .and_then(|()| match args.cms {
            Some(cms) => super::cms::write(&dir, cms, INIT_BASE_URL, false),
            None => Ok(()),
        });
    if let Err(e) = written {
        console.fail(&e.to_string());
        return 2;
    }
    console.info(&format!(
        "Created a careers site in {shown}\n\nNext steps:\n  1. Open {shown}/content/site.yaml and fill in your company's name, web address (base_url) and how to apply.\n  2. Write a posting: careers new \"Job title\" --site {shown}\n  3. Preview it: careers serve --site {shown}   (then open http://127.0.0.1:1111)\n  4. Publish: push the folder to a GitHub repository (.github/workflows/careers.yml builds and publishes it; its first lines say how to set it up), or run `careers build` and upload the public/ folder to any web host",
        shown = dir.display()
    ));
    0
}

/// The folder must be absent or empty.
fn check_target(dir: &Path) -> Result<(), CommandError> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(CommandError::Refused(format!(
            "{} is a file, not a folder; give `careers init` the name of a new folder, like `careers init careers-site`",
            dir.display()
        )));
    }
    let mut entries = std::fs::read_dir(dir)
        .map_err(|e| OutputError::io("cannot look inside the folder", dir, e))?;
    if entries.next().is_some() {
        return Err(CommandError::Refused(format!(
            "the folder {} is not empty; `careers init` only creates a site in a new or empty folder, so nothing of yours is overwritten. Give it a new folder name, like `careers init careers-site`",
            dir.display()
        )));
    }
    Ok(())
}

/// Writes every file of [`FILES`] under `dir`.
pub fn write_site(dir: &Path, today: &str, timezone: &str) -> Result<(), CommandError> {
    for (path, text) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| OutputError::io("cannot create the folder", parent, e))?;
        }
        let text = text
            .replace("{{today}}", today)
            .replace("{{timezone}}", timezone)
            .replace("{{version}}", env!("CARGO_PKG_VERSION"))
            .replace("{{repository}}", env!("CARGO_PKG_REPOSITORY"));
        std::fs::write(&target, text).map_err(|e| OutputError::io("cannot write", &target, e))?;
    }
    Ok(())
}
