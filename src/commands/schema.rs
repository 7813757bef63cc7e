//! `careers schema`: the JSON Schema of a content file on stdout, or all of them written into
//! the site's `.careers/schema/` folder, where editors read them.

use std::path::{Path, PathBuf};

use super::CommandError;
use crate::cli::SchemaArgs;
use crate::console::Console;
use crate::output::OutputError;
use crate::schema::{DOCUMENTS, document};

/// Where the schemas live inside a site.
pub const SCHEMA_DIR: &str = ".careers/schema";

/// The path of one schema inside a site (`.careers/schema/site.schema.json`).
pub fn schema_path(name: &str) -> PathBuf {
    Path::new(SCHEMA_DIR).join(format!("{name}.schema.json"))
}

/// `careers schema`: prints one schema, or writes them all with `--write` (exit 2 on a
/// name it does not know or a folder it cannot write).
pub fn run(site: &Path, args: &SchemaArgs, console: &Console) -> i32 {
    if args.write {
        if let Err(e) = super::require_site(site).and_then(|_| write_all(site)) {
            console.fail(&e.to_string());
            return 2;
        }
        console.info(&format!(
            "Wrote the schemas of site.yaml, faq.yaml, postings and pages into {}",
            site.join(SCHEMA_DIR).display()
        ));
        return 0;
    }
    let names: Vec<&str> = DOCUMENTS.iter().map(|(n, _)| *n).collect();
    let Some(name) = args.file.as_deref() else {
        console.fail(&format!(
            "say which file's schema to print ({}), or write them all into the site with `careers schema --write`",
            names.join(", ")
        ));
        return 2;
    };
    match document(name) {
        Some(schema) => {
            println!("{}", pretty(&schema));
            0
        }
        None => {
            console.fail(&format!(
                "there is no schema called `{name}`; the schemas are: {}",
                names.join(", ")
            ));
            2
        }
    }
}

/// A schema as the files hold it: indented, ending with a newline.
fn pretty(schema: &serde_json::Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default()
}

/// Writes every schema into `<site>/.careers/schema/`.
pub fn write_all(site: &Path) -> Result<(), CommandError> {
    let dir = site.join(SCHEMA_DIR);
    std::fs::create_dir_all(&dir)
        .map_err(|e| OutputError::io("cannot create the folder", &dir, e))?;
    for (name, _) in DOCUMENTS {
        let Some(schema) = document(name) else {
            continue;
        };
        let target = site.join(schema_path(name));
        std::fs::write(&target, format!("{}\n", pretty(&schema)))
            .map_err(|e| OutputError::io("cannot write", &target, e))?;
    }
    Ok(())
}
