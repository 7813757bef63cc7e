//! site.yaml's languages: the default, every language of the site, and `translations` of
//! what HR wrote once for the whole site (title, description, department and place names).

use std::collections::BTreeMap;

use crate::content::fields::{Fields, Reader};
use crate::yaml::{Node, Value};

/// What site.yaml says in one other language.
#[derive(Clone, Debug, Default)]
pub struct Translation {
    /// The site's title in this language.
    pub title: Option<String>,
    /// The site's description in this language.
    pub description: Option<String>,
    /// Department names as postings write them → their name in this language.
    pub departments: BTreeMap<String, String>,
    /// City (or country code) as postings write it → its name in this language.
    pub locations: BTreeMap<String, String>,
}

/// `language` and `languages`: the default language and every language of the site; a tag
/// that is not BCP 47 is an error, and so is a `language` that is not first in `languages`.
pub(super) fn read(r: &mut Reader, f: &Fields) -> (String, Vec<String>) {
    let single = r.optional_text(f, "language");
    let mut languages: Vec<String> = Vec::new();
    for (tag, pos) in r.text_list(f, "languages") {
        if !crate::i18n::is_language_tag(&tag) {
            r.error(
                pos,
                tag.chars().count(),
                "bad-language",
                format!("`{tag}` is not a language code"),
                "write a language code such as en, de, fr, ja or pt-BR".into(),
            );
        } else if languages.iter().any(|l| l.eq_ignore_ascii_case(&tag)) {
            r.error(
                pos,
                tag.chars().count(),
                "duplicate-language",
                format!("`{tag}` is listed twice in `languages`"),
                "list each language once".into(),
            );
        } else {
            languages.push(tag);
        }
    }
    if let (Some(node), Some(tag)) = (f.get("language"), single.as_deref()) {
        if !crate::i18n::is_language_tag(tag) {
            r.error(
                node.pos,
                tag.chars().count(),
                "bad-language",
                format!("`{tag}` is not a language code"),
                "write a language code such as en, de, fr, ja or pt-BR".into(),
            );
        } else if languages
            .first()
            .is_some_and(|first| !first.eq_ignore_ascii_case(tag))
        {
            r.error(node.pos, tag.chars().count(), "language-not-first", format!("`language: {tag}` is not the first of `languages`, which names the default language"), format!("remove `language`, or put `{tag}` first in `languages`")) ;
        }
    }
    let language = languages
        .first()
        .cloned()
        .or(single)
        .unwrap_or_else(|| "en".into());
    if languages.is_empty() {
        languages.push(language.clone());
    }
    (language, languages)
}

/// `untranslated_postings: show | hide` (default hide).
pub(super) fn read_untranslated(r: &mut Reader, f: &Fields) -> bool {
    let Some(node) = f.get("untranslated_postings") else {
        return false;
    };
    match r.text(node, "untranslated_postings").as_deref() {
        Some("show") => true,
        Some("hide") | None => false,
        Some(other) => {
            r.error(node.pos, other.chars().count(), "bad-value", format!("`untranslated_postings` is `show` or `hide`, not `{other}`"), "write `untranslated_postings: show` to list a posting in every language, marked with its own".into());
            false
        }
    }
}

/// `translations: {de: {title: …, departments: {Engineering: Entwicklung}}}`.
pub(super) fn read_translations(r: &mut Reader, f: &Fields) -> BTreeMap<String, Translation> {
    let mut out = BTreeMap::new();
    let Some(node) = f.present("translations") else {
        return out;
    };
    for (key, value) in entries(r, node, "`translations`") {
        let Some(tag) = key.as_text() else { continue };
        if !crate::i18n::is_language_tag(&tag) {
            r.error(
                key.pos,
                tag.chars().count(),
                "bad-language",
                format!("`{tag}` under `translations` is not a language code"),
                "write a language code such as de, fr or ja, with that language's texts under it"
                    .into(),
            );
            continue;
        }
        let what = format!("`translations.{tag}`");
        let Some(t) = r.fields(value, crate::content::keys::TRANSLATION, &what) else {
            continue;
        };
        let names = |r: &mut Reader, key: &str| -> BTreeMap<String, String> {
            let Some(node) = t.present(key) else {
                return BTreeMap::new();
            };
            entries(r, node, &format!("`translations.{tag}.{key}`"))
                .into_iter()
                .filter_map(|(from, to)| Some((from.as_text()?, r.text(to, key)?)))
                .collect()
        };
        let translation = Translation {
            title: r.optional_text(&t, "title"),
            description: r.optional_text(&t, "description"),
            departments: names(r, "departments"),
            locations: names(r, "locations"),
        };
        out.insert(tag, translation);
    }
    out
}

/// The `key: value` pairs of a mapping; anything else is an error.
fn entries<'n>(
    r: &mut Reader,
    node: &'n Node<'n>,
    what: &str,
) -> Vec<(&'n Node<'n>, &'n Node<'n>)> {
    match &node.value {
        Value::Map(entries) => entries.iter().map(|(k, v)| (k, v)).collect(),
        Value::Null => Vec::new(),
        other => {
            r.error(
                node.pos,
                1,
                "wrong-type",
                format!(
                    "{what} should be a group of `key: value` lines, but it is {}",
                    other.kind_name()
                ),
                "write one `name: translation` per line, indented under it".into(),
            );
            Vec::new()
        }
    }
}
