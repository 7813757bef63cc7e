//! `careers cms` and `careers init --cms decap`: the browser editor for HR, written into
//! content/static/admin/ so every build publishes it at /admin/.

use std::path::Path;

use super::CommandError;
use crate::cli::{Cms, CmsArgs};
use crate::console::Console;
use crate::decap::{self, ADMIN_DIR};
use crate::output::OutputError;

/// `careers cms`: adds the editor to an existing site (exit 2 if it is there already and
/// `--force` is not given, or on a disk error).
pub fn run(site: &Path, args: &CmsArgs, console: &Console) -> i32 {
    let result = super::require_site(site).and_then(|_| {
        let (config, _, _) = crate::config::load(site).map_err(|_| {
            CommandError::Refused(
                "content/site.yaml has mistakes; fix them first (`careers check` lists them)"
                    .into(),
            )
        })?;
        write(site, args.cms, &config.base_url, args.force)
    });
    match result {
        Ok(()) => {
            console.info(&format!(
                "Added the browser editor in {}: publish the site, then open <your site>/admin/. the page “Edit postings in your browser” of the careers documentation says how to connect it to GitHub; to try it on this computer, run `npx decap-server` in the site folder and `careers serve`, then open http://127.0.0.1:1111/admin/",
                site.join(ADMIN_DIR).display()
            ));
            0
        }
        Err(e) => {
            console.fail(&e.to_string());
            2
        }
    }
}

/// Writes admin/index.html and admin/config.yml of `cms` into the site.
pub fn write(site: &Path, cms: Cms, base_url: &str, force: bool) -> Result<(), CommandError> {
    let Cms::Decap = cms;
    let dir = site.join(ADMIN_DIR);
    let files = [
        ("index.html", decap::index_html()),
        ("config.yml", decap::config(base_url)),
    ];
    if !force && let Some((name, _)) = files.iter().find(|(name, _)| dir.join(name).exists()) {
        return Err(CommandError::Refused(format!(
            "{} is already there; run `careers cms --force` to replace the editor's files with new ones",
            Path::new(ADMIN_DIR).join(name).display()
        )));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| OutputError::io("cannot create the folder", &dir, e))?;
    for (name, text) in files {
        let target = dir.join(name);
        std::fs::write(&target, text).map_err(|e| OutputError::io("cannot write", &target, e))?;
    }
    Ok(())
}
