//! `content/site.yaml`: the site's settings, read and checked before anything else.

use std::path::{Path, PathBuf};

use crate::content::fields::{Fields, Reader};
use crate::content::model::Apply;
use crate::content::{apply, extra, keys};
use crate::diagnostics::Diagnostic;
use crate::source::{self, SourceFile};
use crate::yaml::{self, Node};
pub use employer::Employer;
pub use languages::Translation;

mod employer;
mod languages;

/// Where site.yaml lives inside a site.
pub const SITE_FILE: &str = "content/site.yaml";

/// The company behind the site (for the header and structured data).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Company {
    /// Legal or brand name.
    pub name: String,
    /// Company homepage.
    pub url: Option<String>,
    /// Logo: a site path (`/logo.svg`) or a full URL.
    pub logo: Option<String>,
    /// Profiles (LinkedIn …) for structured data.
    pub same_as: Vec<String>,
}

/// Which feeds to write.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Feeds {
    /// Atom feeds (site and per listing); default on.
    pub atom: bool,
    /// `/jobs.json`; default on.
    pub json: bool,
    /// Indeed XML; default off.
    pub indeed: bool,
    /// LinkedIn's Basic Jobs XML; default off.
    pub linkedin: bool,
}

/// Everything site.yaml says, with defaults applied.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// Site title.
    pub title: String,
    /// Absolute base URL, always ending with `/`.
    pub base_url: String,
    /// BCP 47 language tag of the default language.
    pub language: String,
    /// Every language the site is published in, the default first (`[language]` unless
    /// site.yaml lists several).
    pub languages: Vec<String>,
    /// What HR wrote in each language that postings do not: the title and description of the
    /// site and the names of departments and places, by language.
    pub translations: std::collections::BTreeMap<String, Translation>,
    /// Whether a posting with no version in a language is listed in that language too
    /// (`untranslated_postings: show`), marked with its own.
    pub show_untranslated: bool,
    /// Meta description of the listing.
    pub description: Option<String>,
    /// Theme name (default `default`).
    pub theme: String,
    /// Output folder, relative to the site (default `public`).
    pub output_dir: PathBuf,
    /// IANA timezone for "today".
    pub timezone: jiff::tz::TimeZone,
    /// The company.
    pub company: Company,
    /// Default way to apply.
    pub apply: Option<Apply>,
    /// Benefits text (Markdown) or URL.
    pub benefits: Option<String>,
    /// Pay-transparency settings (checked by `careers check`'s lints).
    pub pay_transparency: serde_json::Value,
    /// The employer's size and hiring statements, for the job-ad laws.
    pub employer: Employer,
    /// Feed switches.
    pub feeds: Feeds,
    /// Free-form values for templates.
    pub extra: serde_json::Value,
    /// Theme settings (accent colour …).
    pub theme_options: serde_json::Value,
    /// Lint names silenced site-wide.
    pub lint_allow: Vec<String>,
}

/// Reads and checks site.yaml; every problem is returned, not just the first.
pub fn load(site_dir: &Path) -> Result<(SiteConfig, SourceFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let relative = Path::new(SITE_FILE);
    if !site_dir.join(relative).is_file() {
        return Err(vec![Diagnostic::error(relative, 0, 0, "no-site-file", "this folder has no content/site.yaml, so it is not a careers site")
            .help("run the command inside your site folder, pass --site DIR, or create a site with `careers init`")]);
    }
    let file = source::read(site_dir, relative).map_err(|d| vec![d])?;
    let (config, warnings) = parse_text_warned(&file)?;
    Ok((config, file, warnings))
}

/// Parses and checks site.yaml text already in memory (used by `load`, tests and fuzzing).
pub fn parse_text(file: &SourceFile) -> Result<SiteConfig, Vec<Diagnostic>> {
    parse_text_warned(file).map(|(config, _)| config)
}

/// The same, with the warnings that did not stop it.
pub(crate) fn parse_text_warned(
    file: &SourceFile,
) -> Result<(SiteConfig, Vec<Diagnostic>), Vec<Diagnostic>> {
    let node = match yaml::parse(&file.text) {
        Ok(node) => node,
        Err(err) => {
            return Err(vec![crate::content::frontmatter::syntax_diagnostic(
                file, 0, &err,
            )]);
        }
    };
    let mut reader = Reader::new(file, 0);
    let config = read(&mut reader, &node);
    match config {
        Some(config) if !crate::diagnostics::has_errors(&reader.diagnostics) => {
            Ok((config, reader.diagnostics))
        }
        _ => Err(reader.diagnostics),
    }
}

fn read(r: &mut Reader, node: &Node) -> Option<SiteConfig> {
    let what = "site.yaml";
    let f = r.fields(node, keys::SITE, what)?;
    let title = r.required_text(&f, "title", what, "title: Careers at Acme");
    let base_url = r.required_text(
        &f,
        "base_url",
        what,
        "base_url: https://careers.example.com/",
    );
    let base_url = base_url.and_then(|url| check_base_url(r, &f, url));
    let (language, languages) = languages::read(r, &f);
    let translations = languages::read_translations(r, &f);
    let show_untranslated = languages::read_untranslated(r, &f);
    let timezone = read_timezone(r, &f);
    let company = read_company(r, &f, title.as_deref().unwrap_or("Company"));
    let feeds = read_feeds(r, &f);
    let output_dir = PathBuf::from(
        r.optional_text(&f, "output_dir")
            .unwrap_or_else(|| "public".into()),
    );
    // Read before the required values are unwrapped below, so their problems are reported too.
    let apply = f.present("apply").and_then(|n| apply::read(r, n));
    let lint_allow = crate::content::fields::read_lint_allow(r, &f);
    let description = r.optional_text(&f, "description");
    let theme = r
        .optional_text(&f, "theme")
        .unwrap_or_else(|| "default".into());
    let benefits = r.optional_text(&f, "benefits");
    let employer = employer::read(r, &f);
    Some(SiteConfig {
        title: title?,
        base_url: base_url?,
        language,
        languages,
        translations,
        show_untranslated,
        description,
        theme,
        output_dir,
        timezone,
        company,
        apply,
        benefits,
        pay_transparency: f
            .present("pay_transparency")
            .map(extra::to_json)
            .unwrap_or_default(),
        employer,
        feeds,
        extra: f.present("extra").map(extra::to_json).unwrap_or_default(),
        theme_options: f
            .present("theme_options")
            .inspect(|n| crate::content::pasted::comment_values(r, n))
            .map(extra::to_json)
            .unwrap_or_default(),
        lint_allow,
    })
}

fn check_base_url(r: &mut Reader, f: &Fields, url: String) -> Option<String> {
    let node = f.get("base_url")?;
    if !(url.starts_with("https://") || url.starts_with("http://"))
        || url.len() < 10
        || url.contains(char::is_whitespace)
    {
        r.error(
            node.pos,
            url.chars().count(),
            "bad-url",
            format!("`base_url` must be a full web address starting with https://, not `{url}`"),
            "write the address the site will be published at, like `base_url: https://acme.github.io/careers/`".into(),
        );
        return None;
    }
    let without_query = url.split(['?', '#']).next().unwrap_or(&url);
    Some(if without_query.ends_with('/') {
        without_query.to_string()
    } else {
        format!("{without_query}/")
    })
}

fn read_timezone(r: &mut Reader, f: &Fields) -> jiff::tz::TimeZone {
    let Some(node) = f.present("timezone") else {
        return jiff::tz::TimeZone::UTC;
    };
    let Some(name) = r.text(node, "timezone") else {
        return jiff::tz::TimeZone::UTC;
    };
    match jiff::tz::TimeZone::get(&name) {
        Ok(tz) => tz,
        Err(_) => {
            r.error(
                node.pos,
                name.chars().count(),
                "bad-timezone",
                format!("`{name}` is not a known time zone"),
                "use an IANA name like `Europe/Berlin`, `America/New_York` or `UTC`".into(),
            );
            jiff::tz::TimeZone::UTC
        }
    }
}

fn read_company(r: &mut Reader, f: &Fields, fallback: &str) -> Company {
    let Some(node) = f.present("company") else {
        return Company {
            name: fallback.to_string(),
            ..Company::default()
        };
    };
    let Some(c) = r.fields(node, keys::COMPANY, "`company`") else {
        return Company::default();
    };
    Company {
        name: r
            .required_text(&c, "name", "`company`", "name: Acme Inc.")
            .unwrap_or_default(),
        url: crate::content::url::optional(r, &c, "url"),
        logo: crate::content::url::optional(r, &c, "logo"),
        same_as: crate::content::url::list(r, &c, "same_as"),
    }
}

fn read_feeds(r: &mut Reader, f: &Fields) -> Feeds {
    let mut feeds = Feeds {
        atom: true,
        json: true,
        indeed: false,
        linkedin: false,
    };
    if let Some(node) = f.present("feeds")
        && let Some(fields) = r.fields(node, keys::FEEDS, "`feeds`")
    {
        for (key, slot) in [
            ("atom", &mut feeds.atom),
            ("json", &mut feeds.json),
            ("indeed", &mut feeds.indeed),
            ("linkedin", &mut feeds.linkedin),
        ] {
            if fields.present(key).is_some() {
                *slot = r.flag(&fields, key);
            }
        }
    }
    feeds
}
