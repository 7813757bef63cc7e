//! Themes: the site's `themes/<name>/`, the themes it `extends`, then the bundled ones.
//!
//! Every template name is looked up along that chain and the first match wins, so a company
//! can override a single template. Static files follow the same chain.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::fields::Reader;
use crate::diagnostics::Diagnostic;
use crate::i18n::Catalog;
use crate::render::translate;
use crate::source::{self, SourceFile};
use crate::yaml;

include!(concat!(env!("OUT_DIR"), "/embedded_themes.rs"));

/// Where a theme file came from (printed in template errors).
#[derive(Clone, Debug)]
pub struct ThemeFile {
    /// Shown to users: `themes/acme/templates/job.html` or `(built-in) default/templates/job.html`.
    pub display: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// A resolved theme chain: template sources and static files, highest priority first applied.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    /// Template name (`job.html`, `partials/row.html`) → source.
    pub templates: BTreeMap<String, ThemeFile>,
    /// Output path (`style.css`) → source.
    pub static_files: BTreeMap<String, ThemeFile>,
    /// Translation files (`i18n/de.yaml`) as (language, source), lowest priority first:
    /// the bundled default, each theme up the chain, then the site's own `i18n/`.
    pub i18n: Vec<(String, ThemeFile)>,
    /// The chain of theme names, most specific first.
    pub chain: Vec<String>,
}

/// A theme's location: on disk in the site, or bundled in the binary.
enum Origin {
    Disk(PathBuf),
    Builtin,
}

/// Resolves `name` and its `extends` chain, ending with the built-in `default`.
pub fn load(site_dir: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let mut theme = Theme::default();
    let mut layers: Vec<(String, Origin)> = Vec::new();
    let mut next = Some(name.to_string());
    let mut diagnostics = Vec::new();
    while let Some(current) = next.take() {
        if layers.iter().any(|(n, _)| *n == current) || layers.len() > 8 {
            diagnostics.push(
                Diagnostic::error(
                    Path::new(&format!("themes/{current}/theme.yaml")),
                    0,
                    0,
                    "theme-cycle",
                    format!("the theme `{current}` extends itself through its `extends` chain"),
                )
                .help("remove the `extends` line that closes the circle"),
            );
            break;
        }
        let dir = site_dir.join("themes").join(&current);
        if dir.is_dir() {
            let (extends, mut diags) = read_theme_yaml(site_dir, &current);
            diagnostics.append(&mut diags);
            layers.push((current.clone(), Origin::Disk(dir)));
            next = extends;
        } else if builtin_exists(&current) {
            next = builtin_extends(&current).filter(|e| *e != current);
            layers.push((current.clone(), Origin::Builtin));
        } else {
            diagnostics.push(Diagnostic::error(Path::new("content/site.yaml"), 0, 0, "unknown-theme", format!("there is no theme called `{current}`")).help(format!("create the folder themes/{current}/ in your site, or use one of the built-in themes: {}", builtin_names().join(", "))));
            break;
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    if !layers
        .iter()
        .any(|(n, o)| n == "default" && matches!(o, Origin::Builtin))
    {
        layers.push(("default".into(), Origin::Builtin));
    }
    // Lowest priority first, so higher layers overwrite.
    for (layer_name, origin) in layers.iter().rev() {
        match origin {
            Origin::Builtin => add_builtin(&mut theme, layer_name),
            Origin::Disk(dir) => add_disk(&mut theme, site_dir, dir, &mut diagnostics),
        }
    }
    translate::add_files(&mut theme, site_dir, Path::new("i18n"), &mut diagnostics);
    theme.chain = layers.into_iter().map(|(n, _)| n).collect();
    if diagnostics.is_empty() {
        Ok(theme)
    } else {
        Err(diagnostics)
    }
}

fn read_theme_yaml(site_dir: &Path, name: &str) -> (Option<String>, Vec<Diagnostic>) {
    let relative = PathBuf::from(format!("themes/{name}/theme.yaml"));
    if !site_dir.join(&relative).is_file() {
        return (None, Vec::new());
    }
    let file = match source::read(site_dir, &relative) {
        Ok(f) => f,
        Err(d) => return (None, vec![d]),
    };
    parse_theme_yaml(&file)
}

fn parse_theme_yaml(file: &SourceFile) -> (Option<String>, Vec<Diagnostic>) {
    let node = match yaml::parse(&file.text) {
        Ok(n) => n,
        Err(e) => {
            return (
                None,
                vec![crate::content::frontmatter::syntax_diagnostic(file, 0, &e)],
            );
        }
    };
    let mut r = Reader::new(file, 0);
    let extends = r
        .fields(
            &node,
            &["name", "description", "extends", "author", "version"],
            "theme.yaml",
        )
        .and_then(|f| r.optional_text(&f, "extends"));
    (extends, r.diagnostics)
}

fn builtin_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = EMBEDDED
        .iter()
        .filter_map(|(p, _)| p.split('/').next())
        .collect();
    names.dedup();
    names
}

fn builtin_exists(name: &str) -> bool {
    builtin_names().contains(&name)
}

fn builtin_extends(name: &str) -> Option<String> {
    let path = format!("{name}/theme.yaml");
    let (_, bytes) = EMBEDDED.iter().find(|(p, _)| *p == path)?;
    let file = SourceFile {
        path: PathBuf::from(format!("(built-in) {path}")),
        text: String::from_utf8_lossy(bytes).into_owned(),
    };
    parse_theme_yaml(&file).0
}

fn add_builtin(theme: &mut Theme, name: &str) {
    let prefix = format!("{name}/");
    for (path, bytes) in EMBEDDED {
        let Some(rest) = path.strip_prefix(&prefix) else {
            continue;
        };
        let file = ThemeFile {
            display: PathBuf::from(format!("(built-in theme) {path}")),
            bytes: bytes.to_vec(),
        };
        if let Some(template) = rest.strip_prefix("templates/") {
            theme.templates.insert(template.to_string(), file);
        } else if let Some(asset) = rest.strip_prefix("static/") {
            theme.static_files.insert(asset.to_string(), file);
        } else if let Some(language) = rest
            .strip_prefix("i18n/")
            .and_then(|f| f.strip_suffix(".yaml"))
        {
            theme.i18n.push((language.to_string(), file));
        }
    }
}

fn add_disk(theme: &mut Theme, site_dir: &Path, dir: &Path, diagnostics: &mut Vec<Diagnostic>) {
    let relative_dir = dir.strip_prefix(site_dir).unwrap_or(dir);
    translate::add_files(theme, site_dir, &relative_dir.join("i18n"), diagnostics);
    for (sub, target) in [("templates", true), ("static", false)] {
        for file in crate::content::static_files(site_dir, &relative_dir.join(sub), diagnostics) {
            let key = file.to.to_string_lossy().replace('\\', "/");
            match std::fs::read(&file.from) {
                Ok(bytes) => {
                    let display = file
                        .from
                        .strip_prefix(site_dir)
                        .unwrap_or(&file.from)
                        .to_path_buf();
                    let entry = ThemeFile { display, bytes };
                    if target {
                        theme.templates.insert(key, entry)
                    } else {
                        theme.static_files.insert(key, entry)
                    };
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    &file.from,
                    0,
                    0,
                    "unreadable-file",
                    format!("cannot read this theme file: {e}"),
                )),
            }
        }
    }
}

/// Builds the template engine from the theme's templates; template syntax errors name the
/// template file and line.
pub fn engine(
    theme: &Theme,
    catalog: std::sync::Arc<Catalog>,
) -> Result<tera::Tera, Vec<Diagnostic>> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_html);
    tera.register_filter("safe", safe);
    crate::render::translate::register(&mut tera, catalog);
    let mut diagnostics = Vec::new();
    let sources: Vec<(String, String)> = theme
        .templates
        .iter()
        .filter(|(name, _)| {
            name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".txt")
        })
        .map(|(name, f)| (name.clone(), String::from_utf8_lossy(&f.bytes).into_owned()))
        .collect();
    if let Err(err) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
    {
        diagnostics.push(template_diagnostic(theme, &err));
    }
    if diagnostics.is_empty() {
        Ok(tera)
    } else {
        Err(diagnostics)
    }
}

/// Tera's autoescape, the same bytes out (`&`, `<`, `>`, `"`, `'` as entities): every run
/// of plain text goes to the writer in one piece, where Tera's own writes byte by byte.
pub fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    // Most values (URLs, names, dates) have nothing to escape: one pass without branches,
    // which the compiler turns into vector compares, finds that out.
    if !has_special(bytes) {
        return out.write_all(bytes);
    }
    let mut copied = 0;
    for (at, byte) in bytes.iter().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[copied..at])?;
        out.write_all(entity)?;
        copied = at + 1;
    }
    out.write_all(&bytes[copied..])
}

/// Tera's `safe` filter, the same output without a copy: a string is marked safe where it
/// is (Tera's copies it, and pages print 10 MB of rows and bodies through `| safe`).
fn safe(value: tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    if value.is_string() {
        value.mark_safe()
    } else {
        tera::Value::safe_string(&value.to_string())
    }
}

/// Whether any byte must be escaped; 16 bytes at a time, without branches inside a block
/// (the compiler turns each block into vector compares).
fn has_special(bytes: &[u8]) -> bool {
    let special = |b: u8| (b == b'&') | (b == b'<') | (b == b'>') | (b == b'"') | (b == b'\'');
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        let mut found = false;
        for &b in block {
            found |= special(b);
        }
        if found {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b))
}

/// Turns a Tera error into a diagnostic naming the theme file, line and column.
pub fn template_diagnostic(theme: &Theme, err: &tera::Error) -> Diagnostic {
    let (name, line, col, message) = locate(err);
    let file = theme
        .templates
        .get(&name)
        .map(|f| f.display.clone())
        .unwrap_or_else(|| {
            PathBuf::from(if name.is_empty() {
                "(templates)".to_string()
            } else {
                name.clone()
            })
        });
    let text = theme
        .templates
        .get(&name)
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .unwrap_or_default();
    Diagnostic::error(&file, line, col, "template", message)
        .help("fix the template syntax at this place; see docs/templates.md for the variables each template receives")
        .with_source(&text)
}

fn locate(err: &tera::Error) -> (String, u32, u32, String) {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    let mut messages = Vec::new();
    while let Some(e) = current {
        if let Some(te) = e.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) =
                te.kind()
        {
            let span = report.span();
            return (
                report.filename().to_string(),
                span.start_line as u32,
                span.start_col as u32 + 1,
                report.message().to_string(),
            );
        }
        messages.push(e.to_string());
        current = e.source();
    }
    (String::new(), 0, 0, messages.join(": "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_marks_strings_without_changing_any_output() {
        let template = "{{ s | safe }}|{{ n | safe }}|{{ b | safe }}|{{ s }}|{{ l | safe }}";
        let mut ctx = tera::Context::new();
        ctx.insert(
            "s",
            "<b>O'Neil & Co</b> and a string longer than an inline one",
        );
        ctx.insert("n", &12.5);
        ctx.insert("b", &true);
        ctx.insert("l", &vec!["<a>", "b"]);
        let mut builtin = tera::Tera::new();
        builtin.autoescape_on([".html"]);
        builtin
            .add_raw_template("t.html", template)
            .expect("template");
        let mut ours = builtin.clone();
        ours.register_filter("safe", safe);
        assert_eq!(
            ours.render("t.html", &ctx).expect("render"),
            builtin.render("t.html", &ctx).expect("render")
        );
    }

    #[test]
    fn escape_gives_the_same_bytes_as_teras_own() {
        for text in [
            "",
            "plain",
            "<a href=\"x\">O'Neil & Co</a>",
            "é<ü>&&'\"",
            "tail&",
        ] {
            let mut ours = Vec::new();
            escape_html(text, &mut ours).expect("write to memory");
            let mut tera = tera::Tera::new();
            tera.add_raw_template("t.html", "{{ v }}")
                .expect("template");
            let mut ctx = tera::Context::new();
            ctx.insert("v", text);
            let theirs = tera.render("t.html", &ctx).expect("render");
            assert_eq!(String::from_utf8(ours).expect("utf-8"), theirs, "{text:?}");
        }
    }
}
