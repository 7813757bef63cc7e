//! `careers check`'s lints: advice about postings that build fine but could cost applicants,
//! search ranking or legal compliance (pay transparency, expiry, titles, content).
//!
//! Lints only ever produce warnings (`--strict` turns them into errors in the CLI). Each has a
//! stable code listed in [`CODES`]; a posting silences one with `lint: {allow: [code]}`, the
//! whole site with the same key in site.yaml. docs/lints.md explains every code.

mod ads;
pub mod body;
pub mod expiry;
pub(crate) mod laws;
pub mod linkedin;
mod measure;
mod pasted;
pub mod pay;
pub mod remote;
pub mod title;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::model::Posting;
use crate::diagnostics::{Diagnostic, did_you_mean};

/// Every lint code, as written in `lint: {allow: [...]}`.
pub const CODES: &[&str] = &[
    "pay-range-missing",
    "pay-range-open-ended",
    "pay-range-too-wide",
    "benefits-missing",
    "close-date-missing",
    "description-missing",
    "ai-screening-unstated",
    "existing-vacancy-unstated",
    "canadian-experience-required",
    "pay-history-question",
    "title-not-gender-neutral",
    "expired",
    "expires-soon",
    "no-expiry",
    "title-too-long",
    "title-all-caps",
    "title-has-salary",
    "title-has-location",
    "title-has-remote",
    "remote-without-region",
    "body-too-short",
    "summary-too-long",
    "summary-missing",
    "summary-has-html",
    "word-bullet",
    "heading-no-space",
    "template-tag",
    "image-inline-data",
    "iframe-no-title",
    "image-no-alt",
    "apply-not-https",
    "todo-left",
    "linkedin-id-too-long",
    "linkedin-description-too-short",
    "linkedin-no-location",
];

/// A posting's file text, for pointing diagnostics at the right line and column.
pub struct Doc {
    /// The file, relative to the site folder.
    pub file: PathBuf,
    /// The whole file (empty if it could not be read again).
    pub text: String,
    /// 1-based line where the body starts (the front matter ends on the line before).
    pub body_line: u32,
}

/// Where a front-matter key's value sits: 1-based line and column, and its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the value (in characters).
    pub column: u32,
    /// Characters to underline.
    pub width: usize,
}

impl Doc {
    /// Reads the posting's file again (the model keeps no positions for most keys).
    pub fn load(site_dir: &Path, posting: &Posting) -> Doc {
        let text = crate::source::read(site_dir, &posting.source)
            .map(|f| f.text)
            .unwrap_or_default();
        Doc {
            file: posting.source.clone(),
            text,
            body_line: posting.body_line,
        }
    }

    /// The value of a top-level front-matter key (`title: …` at the start of a line).
    pub fn key(&self, key: &str) -> Option<Spot> {
        let last = self.body_line.saturating_sub(1) as usize;
        self.text
            .lines()
            .enumerate()
            .take(last)
            .find_map(|(i, line)| {
                let rest = line.strip_prefix(key)?.strip_prefix(':')?;
                let value = rest.trim_start();
                let before = line.len() - value.len();
                let value = match value.find(" #") {
                    Some(cut) => value[..cut].trim_end(),
                    None => value.trim_end(),
                };
                if value.is_empty() {
                    // `key:` with the value on the next lines: point at the key itself.
                    return Some(Spot {
                        line: i as u32 + 1,
                        column: 1,
                        width: key.chars().count(),
                    });
                }
                Some(Spot {
                    line: i as u32 + 1,
                    column: line[..before].chars().count() as u32 + 1,
                    width: value.chars().count(),
                })
            })
    }

    /// The first front-matter line holding `needle`, pointing at it.
    pub fn find(&self, needle: &str) -> Option<Spot> {
        let last = self.body_line.saturating_sub(1) as usize;
        self.text
            .lines()
            .enumerate()
            .take(last)
            .find_map(|(i, line)| {
                let at = line.find(needle)?;
                Some(Spot {
                    line: i as u32 + 1,
                    column: line[..at].chars().count() as u32 + 1,
                    width: needle.chars().count().max(1),
                })
            })
    }

    /// The first of these keys that is written, else the opening `---` line.
    pub fn key_or_top(&self, keys: &[&str]) -> Spot {
        keys.iter().find_map(|k| self.key(k)).unwrap_or(Spot {
            line: 1,
            column: 1,
            width: 3,
        })
    }

    /// A warning at a spot of this file.
    pub fn warn(&self, spot: Spot, code: &'static str, message: String, help: &str) -> Diagnostic {
        Diagnostic::warning(&self.file, spot.line, spot.column, code, message)
            .help(help)
            .width(spot.width)
            .with_source(&self.text)
    }
}

/// What every per-posting lint sees.
pub struct Ctx<'a> {
    /// The posting.
    pub posting: &'a Posting,
    /// Its file text.
    pub doc: &'a Doc,
    /// site.yaml.
    pub config: &'a SiteConfig,
    /// Today in the site's timezone.
    pub today: Date,
}

/// What the lints found, and what they left out.
pub struct Lints {
    /// Warnings, and errors for broken lint settings.
    pub diagnostics: Vec<Diagnostic>,
    /// Codes of the laws that cover some posting but not an employer of the size site.yaml
    /// gives, so were not checked.
    pub too_small_for: Vec<&'static str>,
}

/// Runs every lint over the postings.
pub fn run(site_dir: &Path, config: &SiteConfig, postings: &[Posting], today: Date) -> Lints {
    let site_text = crate::source::read(site_dir, Path::new(crate::config::SITE_FILE))
        .map(|f| f.text)
        .unwrap_or_default();
    let site_doc = Doc {
        file: PathBuf::from(crate::config::SITE_FILE),
        body_line: site_text.lines().count() as u32 + 2,
        text: site_text,
    };
    let (policy, mut out) = pay::policy(config, &site_doc);
    out.extend(unknown_allowed(&site_doc, &config.lint_allow));
    let mut site_wide = Vec::new();
    body::check_site_apply(config, &site_doc, &mut site_wide);
    out.extend(
        site_wide
            .into_iter()
            .filter(|d| !config.lint_allow.iter().any(|a| a == d.code)),
    );
    // Each posting's lints are independent: in parallel, kept in posting order.
    let per_posting: Vec<Vec<Diagnostic>> = postings
        .par_iter()
        .map(|posting| lint_posting(site_dir, config, &policy, posting, today))
        .collect();
    out.extend(per_posting.into_iter().flatten());
    Lints {
        diagnostics: out,
        too_small_for: pay::below_threshold(config, &policy, postings, today),
    }
}

/// The sentence `check` prints about laws left out for the employer's size, if any.
pub fn too_small_note(config: &SiteConfig, codes: &[&str]) -> Option<String> {
    let employees = config.employer.employees?;
    let list: Vec<String> = codes
        .iter()
        .filter_map(|c| laws::by_id(c))
        .map(|l| format!("{} ({} or more employees)", l.place, l.employees))
        .collect();
    (!list.is_empty()).then(|| {
        format!(
            "Not checked, as site.yaml gives `employer: {{employees: {employees}}}`: the job-ad laws of {}.",
            join_and(&list)
        )
    })
}

/// Every lint of one posting, without the ones it or site.yaml silences.
fn lint_posting(
    site_dir: &Path,
    config: &SiteConfig,
    policy: &pay::Policy,
    posting: &Posting,
    today: Date,
) -> Vec<Diagnostic> {
    let doc = Doc::load(site_dir, posting);
    let ctx = Ctx {
        posting,
        doc: &doc,
        config,
        today,
    };
    let mut found = Vec::new();
    let laws = pay::enforced(&ctx, policy);
    pay::check(&ctx, &laws, &mut found);
    ads::check(&ctx, &laws, &mut found);
    expiry::check(&ctx, &mut found);
    title::check(&ctx, &mut found);
    remote::check(&ctx, &mut found);
    body::check(&ctx, &mut found);
    linkedin::check(&ctx, &mut found);
    let allowed = |code: &str| {
        posting
            .lint_allow
            .iter()
            .chain(&config.lint_allow)
            .any(|a| a == code)
    };
    let mut out: Vec<Diagnostic> = found.into_iter().filter(|d| !allowed(d.code)).collect();
    out.extend(unknown_allowed(&doc, &posting.lint_allow));
    out
}

/// Warns about names in an `allow` list that are not lint codes (they silence nothing).
fn unknown_allowed(doc: &Doc, allow: &[String]) -> Vec<Diagnostic> {
    allow
        .iter()
        .filter(|name| !CODES.contains(&name.as_str()))
        .map(|name| {
            let spot = doc.find(name).unwrap_or_else(|| doc.key_or_top(&["lint"]));
            let help = match did_you_mean(name, CODES) {
                Some(near) => format!("did you mean `{near}`? `careers explain` lists every lint"),
                None => "`careers explain` lists every lint and its name".to_string(),
            };
            doc.warn(
                spot,
                "unknown-lint",
                format!("`{name}` is not the name of a lint, so it silences nothing"),
                &help,
            )
        })
        .collect()
}

/// Joins names as "A", "A and B", "A, B and C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc {
            file: PathBuf::from("content/jobs/a.md"),
            text: text.to_string(),
            body_line: text.lines().position(|l| l == "---").map_or(1, |_| {
                text.lines()
                    .skip(1)
                    .position(|l| l == "---")
                    .map_or(1, |i| i as u32 + 3)
            }),
        }
    }

    #[test]
    fn finds_top_level_keys_only_in_front_matter() {
        let d = doc("---\ntitle:  Backend Engineer # note\nsalary:\n  min: 1\n---\ntitle: body\n");
        assert_eq!(
            d.key("title"),
            Some(Spot {
                line: 2,
                column: 9,
                width: 16
            })
        );
        assert_eq!(d.key("min"), None);
        assert_eq!(
            d.key("salary"),
            Some(Spot {
                line: 3,
                column: 1,
                width: 6
            })
        );
        assert_eq!(d.key("missing"), None);
        assert_eq!(
            d.find("min"),
            Some(Spot {
                line: 4,
                column: 3,
                width: 3
            })
        );
    }

    #[test]
    fn joins_names_in_plain_english() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&names(&["A"])), "A");
        assert_eq!(join_and(&names(&["A", "B", "C"])), "A, B and C");
    }
}

/// Builders shared by the lint families' unit tests.
#[cfg(test)]
pub(crate) mod tests_support;
