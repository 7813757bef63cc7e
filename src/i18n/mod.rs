//! Interface text in the reader's language: translation files (`i18n/<lang>.yaml`) along the
//! theme chain and in the site, English filling any gap, and CLDR formats for dates, numbers
//! and money.

pub(crate) mod format;
mod messages;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
pub(crate) use format::Formats;
use messages::{Message, Messages};

/// The language every key exists in, used where a translation has a gap.
pub(crate) const FALLBACK: &str = "en";

/// One translation file: its language (the file's stem), where it came from, its text.
pub(crate) struct Layer {
    /// BCP 47 tag from the file name (`de`, `pt-BR`).
    pub language: String,
    /// Shown in messages: `i18n/de.yaml` or `(built-in theme) default/i18n/de.yaml`.
    pub display: PathBuf,
    /// The file's text.
    pub text: String,
}

/// Interface text and formats for one language, English filling the keys it lacks.
pub(crate) struct Texts {
    /// The tag pages in this language get in `lang` (`de-CH`).
    language: String,
    /// Every key: the language's own text where it has one, else English.
    messages: Messages,
    /// Keys shown in English because no file for this language has them.
    missing: Vec<String>,
    /// Whether any translation file exists for this language.
    has_file: bool,
    /// CLDR dates, numbers and money.
    formats: Formats,
    /// Every text as written, as one template value (`text.key_facts`).
    template: tera::Value,
}

/// Every language a site shows, made once per build and shared by all pages.
pub struct Catalog {
    /// Tag → its texts.
    texts: HashMap<String, Texts>,
    /// The site's default language.
    default: String,
}

impl Catalog {
    /// Reads `layers` (lowest priority first) and prepares `languages` (the first is the
    /// site's default); syntax and shape errors in the files come back as diagnostics.
    pub(crate) fn load(layers: &[Layer], languages: &[String]) -> (Catalog, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut parsed: Vec<(&Layer, Messages)> = Vec::new();
        // Only the files of languages shown (and English) are read.
        let needed = |l: &Layer| {
            l.language.eq_ignore_ascii_case(FALLBACK)
                || languages.iter().any(|tag| {
                    tag.eq_ignore_ascii_case(&l.language)
                        || primary(tag).eq_ignore_ascii_case(&l.language)
                })
        };
        for layer in layers.iter().filter(|l| needed(l)) {
            match messages::parse(layer) {
                Ok(m) => parsed.push((layer, m)),
                Err(mut d) => diagnostics.append(&mut d),
            }
        }
        let merged = |language: &str| {
            let mut out = Messages::default();
            let mut any = false;
            for (layer, m) in &parsed {
                if layer.language.eq_ignore_ascii_case(language) {
                    out.extend(m);
                    any = true;
                }
            }
            (out, any)
        };
        let (english, _) = merged(FALLBACK);
        let mut texts = HashMap::new();
        for tag in languages {
            if texts.contains_key(tag) {
                continue;
            }
            let primary = primary(tag);
            let (mut own, mut has_file) = merged(primary);
            if primary != tag {
                let (regional, any) = merged(tag);
                own.extend(&regional);
                has_file |= any;
            }
            let missing = english.keys_missing_from(&own);
            let mut messages = english.clone();
            messages.extend(&own);
            texts.insert(
                tag.clone(),
                Texts {
                    language: tag.clone(),
                    template: template_value(&messages),
                    messages,
                    missing,
                    has_file: has_file || primary.eq_ignore_ascii_case(FALLBACK),
                    formats: Formats::new(tag),
                },
            );
        }
        let default = languages
            .first()
            .cloned()
            .unwrap_or_else(|| FALLBACK.into());
        if !texts.contains_key(&default) {
            texts.insert(
                default.clone(),
                Texts {
                    language: default.clone(),
                    template: template_value(&english),
                    messages: english.clone(),
                    missing: Vec::new(),
                    has_file: true,
                    formats: Formats::new(&default),
                },
            );
        }
        (Catalog { texts, default }, diagnostics)
    }

    /// The texts of `language`, or of the site's default when it was not prepared.
    pub(crate) fn texts(&self, language: &str) -> &Texts {
        self.texts
            .get(language)
            .or_else(|| self.texts.get(&self.default))
            .or_else(|| self.texts.values().next())
            .expect("load always prepares the default language")
    }

    /// The texts of the one language every page is in, when there is only one.
    pub(crate) fn only(&self) -> Option<&Texts> {
        match self.texts.len() {
            1 => self.texts.values().next(),
            _ => None,
        }
    }

    /// The site's default language.
    pub(crate) fn default_language(&self) -> &str {
        &self.default
    }

    /// Warnings for `check`: a language with no translation file, or keys it lacks.
    pub(crate) fn gaps(&self, site_file: &Path) -> Vec<Diagnostic> {
        let mut tags: Vec<&String> = self.texts.keys().collect();
        tags.sort();
        let mut out = Vec::new();
        for tag in tags {
            let texts = &self.texts[tag];
            if texts.formats.language() == FALLBACK && !primary(tag).eq_ignore_ascii_case(FALLBACK)
            {
                out.push(Diagnostic::warning(site_file, 0, 0, "unknown-language", format!("careers does not know how `{tag}` writes dates, numbers and money, so they are written as in English")).help("check the language code (for example de, fr, ja, pt-BR)"));
            }
            if !texts.has_file {
                out.push(Diagnostic::warning(site_file, 0, 0, "no-translation", format!("there is no translation of the interface into `{tag}`, so pages in `{tag}` show English buttons and headings")).help(format!("add the file i18n/{tag}.yaml to the site with the keys of the theme's i18n/en.yaml translated (see docs/languages.md)")));
            } else if !texts.missing.is_empty() {
                out.push(Diagnostic::warning(site_file, 0, 0, "missing-translation", format!("the `{tag}` translation has no text for {}, so English is shown there", list(&texts.missing))).help(format!("add the missing keys to i18n/{tag}.yaml (the theme's i18n/en.yaml has every key)")));
            }
        }
        out
    }
}

/// Every key's text as written (placeholders unfilled) as a template value: a map from key
/// to text, which a page looks into instead of calling a function for each text (some forty
/// per page); texts with plural forms are left to `t`.
fn template_value(messages: &Messages) -> tera::Value {
    let map: std::collections::BTreeMap<&str, &str> = messages.texts().collect();
    tera::Value::from_serializable(&map)
}

/// The language subtag of a tag (`de` of `de-CH`).
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// `a`, `a and b`, `a, b and 3 more`: key names for a message.
fn list(keys: &[String]) -> String {
    let shown: Vec<String> = keys.iter().take(5).map(|k| format!("`{k}`")).collect();
    match keys.len() {
        0 => String::new(),
        1 => shown[0].clone(),
        n if n <= 5 => format!("{} and {}", shown[..n - 1].join(", "), shown[n - 1]),
        n => format!("{} and {} more", shown.join(", "), n - 5),
    }
}

impl Texts {
    /// The language's tag, for `lang` attributes.
    pub(crate) fn language(&self) -> &str {
        &self.language
    }

    /// Every text as written, as one template value (`text` in templates).
    pub(crate) fn template_texts(&self) -> &tera::Value {
        &self.template
    }

    /// CLDR formats for this language.
    pub(crate) fn formats(&self) -> &Formats {
        &self.formats
    }

    /// The text of `key` (the `other` form of a plural); the key itself when no file has it.
    pub(crate) fn get<'a>(&'a self, key: &'a str) -> &'a str {
        match self.messages.get(key) {
            Some(Message::Text(t)) => t,
            Some(Message::Plural(forms)) => messages::pick(forms, "other"),
            None => key,
        }
    }

    /// The text of `key` (for the number `n` when given), or `None` when no file has the key.
    pub(crate) fn lookup(&self, key: &str, n: Option<u64>) -> Option<&str> {
        Some(match (self.messages.get(key)?, n) {
            (Message::Text(t), _) => t,
            (Message::Plural(forms), Some(n)) => messages::pick(forms, self.formats.plural(n)),
            (Message::Plural(forms), None) => messages::pick(forms, "other"),
        })
    }

    /// The form of `key` for a CLDR plural `category` (from `Formats::plural_of`); the key itself
    /// when no file has it.
    pub(crate) fn lookup_category<'a>(&'a self, key: &'a str, category: &str) -> &'a str {
        match self.messages.get(key) {
            Some(Message::Text(t)) => t,
            Some(Message::Plural(forms)) => messages::pick(forms, category),
            None => key,
        }
    }

    /// Every plural form of `key` as JSON (`{"one": "…", "other": "…"}`), for scripts that
    /// pick one with the browser's `Intl.PluralRules`.
    pub(crate) fn plural_forms(&self, key: &str) -> String {
        let map: serde_json::Map<String, serde_json::Value> = match self.messages.get(key) {
            Some(Message::Plural(forms)) => forms
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone().into()))
                .collect(),
            _ => [("other".to_string(), self.get(key).to_string().into())]
                .into_iter()
                .collect(),
        };
        serde_json::Value::Object(map).to_string()
    }

    /// [`Texts::get`] with every `{name}` replaced by its value.
    pub(crate) fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.get(key), values)
    }
}

/// Whether `tag` is written like a BCP 47 language tag: a 2–3 letter language, then
/// subtags of 1–8 letters or digits (`de`, `pt-BR`, `zh-Hant-TW`).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `text` with every `{name}` of `values` replaced; unknown names stay as written.
pub(crate) fn fill(text: &str, values: &[(&str, &str)]) -> String {
    messages::fill_by(text, |name| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| std::borrow::Cow::Borrowed(*v))
    })
}

/// `text` with every `{name}` replaced by what `value` gives for it; names it has no value
/// for stay as written.
pub(crate) fn fill_by<'v>(
    text: &str,
    value: impl Fn(&str) -> Option<std::borrow::Cow<'v, str>>,
) -> String {
    messages::fill_by(text, value)
}

#[cfg(test)]
mod tests;
