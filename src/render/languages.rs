//! A site in several languages: each language site.yaml lists is rendered like a site of its
//! own (its postings, FAQ, free pages, listings, feeds and 404 page) in its own folder,
//! `/<lang>/`, the default language at the root; pages that are translations of each other
//! name each other (`hreflang`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::content::language::tree;
use crate::content::model::Posting;
use crate::output::{Fill, OutputError};
use crate::render::urls::Urls;
use crate::render::{Failure, Input, Kept, Rendered, Sink, Work};
use crate::timings::Timings;

/// One language version of a page, for `<link rel="alternate" hreflang>`, the sitemap and
/// the language switcher.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternate {
    /// BCP 47 tag (`de`), or `x-default` for the version shown to everyone else.
    pub hreflang: String,
    /// Absolute URL.
    pub url: String,
    /// Link path.
    pub path: String,
    /// The language's own name ("Deutsch"), from its translation file.
    pub name: String,
    /// The tag as OpenGraph writes it (`de_CH`).
    pub locale: String,
}

/// Every page that exists in several languages, by the absolute URL of each version.
#[derive(Default)]
pub struct Alternates {
    /// Absolute URL → every version of that page, the `x-default` last.
    by_url: HashMap<String, Arc<Vec<Alternate>>>,
    /// The home page of each language, for pages that have no translation.
    homes: Vec<Alternate>,
}

impl Alternates {
    /// The versions of the page at `url`; empty when it has none in other languages.
    pub(crate) fn of(&self, url: &str) -> &[Alternate] {
        self.by_url.get(url).map_or(&[], |v| v.as_slice())
    }

    /// Each language's home page (empty for a site in one language).
    pub(crate) fn homes(&self) -> &[Alternate] {
        &self.homes
    }

    /// Records one page in several languages: (language, folder URLs, site-relative path).
    fn add(&mut self, input: &Input, versions: Vec<(&str, &Urls, String)>) {
        if versions.len() < 2 {
            return;
        }
        let mut set: Vec<Alternate> = versions
            .iter()
            .map(|(language, urls, path)| alternate(input, language, urls, path))
            .collect();
        let languages = &input.config.languages;
        set.sort_by_key(|a| {
            let listed = languages.iter().position(|l| *l == a.hreflang);
            (listed.unwrap_or(usize::MAX), a.hreflang.clone())
        });
        let default = &input.config.languages[0];
        let x_default = set
            .iter()
            .find(|a| &a.hreflang == default)
            .unwrap_or(&set[0])
            .clone();
        set.push(Alternate {
            hreflang: "x-default".into(),
            ..x_default
        });
        let set = Arc::new(set);
        for a in set.iter().filter(|a| a.hreflang != "x-default") {
            self.by_url.insert(a.url.clone(), Arc::clone(&set));
        }
    }
}

/// One version of a page.
fn alternate(input: &Input, language: &str, urls: &Urls, path: &str) -> Alternate {
    Alternate {
        hreflang: language.to_string(),
        url: urls.absolute(path),
        path: urls.path(path),
        name: input.i18n.texts(language).get("language_name").to_string(),
        locale: language.replace('-', "_"),
    }
}

/// Renders every language of the site through `sink`, each in its folder.
pub(crate) fn render(
    input: &Input,
    mut work: Work,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<Rendered, Failure> {
    let languages = &input.config.languages;
    let folders: Vec<Urls> = languages
        .iter()
        .enumerate()
        .map(|(i, l)| match i {
            0 => input.urls.clone(),
            _ => input.urls.in_folder(l),
        })
        .collect();
    let alternates = alternates(input, &folders);
    let guests: Vec<HashMap<PathBuf, Urls>> = (0..languages.len())
        .map(|i| match input.config.show_untranslated {
            true => guests(input, &folders, i),
            false => HashMap::new(),
        })
        .collect();
    // A guest's Markdown is compiled in every folder that lists it: copied before it is taken.
    let copies: Vec<Vec<Option<String>>> = (guests.iter())
        .map(|g| {
            (input.content.postings.iter().enumerate())
                .map(|(i, p)| match g.contains_key(&p.source) {
                    true => work.markdown.get(i).cloned().flatten(),
                    false => None,
                })
                .collect()
        })
        .collect();
    let mut files = 0;
    for (i, language) in languages.iter().enumerate() {
        let folder = if i == 0 { "" } else { language.as_str() };
        let (content, markdown) = part(input, &mut work, folder, language, &guests[i], &copies[i]);
        let translation = input.config.translations.get(language);
        let config = SiteConfig {
            language: language.clone(),
            title: (translation.and_then(|t| t.title.clone()))
                .unwrap_or_else(|| input.config.title.clone()),
            description: (translation.and_then(|t| t.description.clone()))
                .or_else(|| input.config.description.clone()),
            ..input.config.clone()
        };
        let part_input = Input {
            config: &config,
            content: &content,
            urls: &folders[i],
            alternates: Some(&alternates),
            guests: Some(&guests[i]),
            shared: i == 0,
            ..*input
        };
        let part_sink = Folder {
            inner: sink,
            prefix: if i == 0 {
                String::new()
            } else {
                format!("{folder}/")
            },
            last: i + 1 == languages.len(),
        };
        let work = Work {
            markdown,
            kept: None,
        };
        files += super::render_one(&part_input, work, &part_sink, timings)?.files;
    }
    Ok(Rendered {
        files,
        kept: Kept::default(),
    })
}

/// The content of one language's folder, with the Markdown of its postings: its own and
/// its `guests` (whose Markdown is in `copies`).
fn part(
    input: &Input,
    work: &mut Work,
    folder: &str,
    language: &str,
    guests: &HashMap<PathBuf, Urls>,
    copies: &[Option<String>],
) -> (Content, Vec<Option<String>>) {
    let content = input.content;
    let languages = &input.config.languages;
    let here = |l: &Option<String>| tree(l.as_deref(), languages) == folder;
    let mut postings = Vec::new();
    let mut markdown = Vec::new();
    for (i, p) in content.postings.iter().enumerate() {
        if here(&p.language) {
            postings.push(p.clone());
            markdown.push(work.markdown.get_mut(i).and_then(Option::take));
        } else if guests.contains_key(&p.source) {
            postings.push(p.clone());
            markdown.push(copies.get(i).cloned().flatten());
        }
    }
    let faq = match folder {
        "" => content.faq.clone(),
        _ => (content.faq_translations.iter())
            .find(|(l, _)| l == language)
            .map(|(_, groups)| groups.clone())
            .unwrap_or_default(),
    };
    let part = Content {
        postings,
        pages: content
            .pages
            .iter()
            .filter(|p| here(&p.language))
            .cloned()
            .collect(),
        faq,
        faq_translations: Vec::new(),
        static_files: match folder {
            "" => content.static_files.clone(),
            _ => Vec::new(),
        },
    };
    (part, markdown)
}

/// The postings of other folders that folder `at` lists too: those with no version in its
/// language, each with the URLs of its own folder.
fn guests(input: &Input, folders: &[Urls], at: usize) -> HashMap<PathBuf, Urls> {
    let postings = &input.content.postings;
    let languages = &input.config.languages;
    let folder_index = |p: &Posting| {
        let folder = tree(p.language.as_deref(), languages);
        (languages.iter().position(|l| l == folder))
            .filter(|_| !folder.is_empty())
            .unwrap_or(0)
    };
    let key = |p: &'_ Posting| p.translation_key.clone().unwrap_or_else(|| p.slug.clone());
    let present: std::collections::HashSet<String> = (postings.iter())
        .filter(|p| folder_index(p) == at)
        .map(key)
        .collect();
    (postings.iter())
        .filter(|p| folder_index(p) != at && !present.contains(&key(p)))
        .map(|p| (p.source.clone(), folders[folder_index(p)].clone()))
        .collect()
}

/// Which pages exist in which languages: postings linked by file name or
/// `translation_key`, free pages by slug, the FAQ and the home pages.
fn alternates(input: &Input, folders: &[Urls]) -> Alternates {
    let Input {
        config, content, ..
    } = *input;
    let languages = &config.languages;
    let folder_of = |language: &Option<String>| {
        let folder = tree(language.as_deref(), languages);
        languages
            .iter()
            .position(|l| l == folder)
            .filter(|_| !folder.is_empty())
            .unwrap_or(0)
    };
    let tag = |language: &Option<String>| language.clone().unwrap_or(config.language.clone());
    let mut out = Alternates::default();
    let mut jobs: HashMap<&str, Vec<(String, usize, String)>> = HashMap::new();
    for p in &content.postings {
        let key = p.translation_key.as_deref().unwrap_or(&p.slug);
        let path = format!("jobs/{}/", p.slug);
        jobs.entry(key)
            .or_default()
            .push((tag(&p.language), folder_of(&p.language), path));
    }
    let mut pages: HashMap<&str, Vec<(String, usize, String)>> = HashMap::new();
    for p in &content.pages {
        let path = format!("{}/", p.slug);
        pages
            .entry(&p.slug)
            .or_default()
            .push((tag(&p.language), folder_of(&p.language), path));
    }
    for set in jobs.into_values().chain(pages.into_values()) {
        let versions = set
            .iter()
            .map(|(l, f, path)| (l.as_str(), &folders[*f], path.clone()))
            .collect();
        out.add(input, versions);
    }
    let homes: Vec<(&str, &Urls, String)> = languages
        .iter()
        .zip(folders)
        .map(|(l, u)| (l.as_str(), u, String::new()))
        .collect();
    out.homes = (homes.iter())
        .map(|(l, u, p)| alternate(input, l, u, p))
        .collect();
    out.add(input, homes);
    let faqs: Vec<(&str, &Urls, String)> = languages
        .iter()
        .zip(folders)
        .enumerate()
        .filter(|(i, (l, _))| match i {
            0 => !content.faq.is_empty(),
            _ => content
                .faq_translations
                .iter()
                .any(|(t, g)| t == *l && !g.is_empty()),
        })
        .map(|(_, (l, u))| (l.as_str(), u, "faq/".to_string()))
        .collect();
    out.add(input, faqs);
    out
}

/// The sink of one language's folder: every path inside `prefix`.
struct Folder<'s> {
    /// Where the files go.
    inner: &'s dyn Sink,
    /// `de/`, or nothing for the default language.
    prefix: String,
    /// Whether this is the last language rendered (the one that says the pages are done).
    last: bool,
}

impl Sink for Folder<'_> {
    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError> {
        self.inner
            .write_with(&format!("{}{path}", self.prefix), fill)
    }
    fn pages_done(&self) {
        if self.last {
            self.inner.pages_done();
        }
    }
    fn keep(&self, path: &str) -> Result<(), OutputError> {
        self.inner.keep(&format!("{}{path}", self.prefix))
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), OutputError> {
        self.inner.copy(from, &format!("{}{to}", self.prefix))
    }
}
