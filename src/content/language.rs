//! A posting's or page's language: front matter `language`, or the file name's `.de.md`.

use crate::content::fields::{Fields, Reader};

/// `backend.de` → (`backend`, `de`): the language a file name ends with, and the name
/// without it. Only two-letter codes (with subtags: `pt-BR`) count, so `notes.old.md` and
/// `role.v2.md` keep their whole name.
pub(crate) fn split_stem(stem: &str) -> (&str, Option<String>) {
    match stem.rsplit_once('.') {
        Some((name, tag))
            if !name.is_empty()
                && tag.split(['-', '_']).next().is_some_and(|l| l.len() == 2)
                && crate::i18n::is_language_tag(tag) =>
        {
            (name, Some(tag.to_string()))
        }
        _ => (stem, None),
    }
}

/// The folder a posting or page in `language` is published under: `""` for the site's
/// default language and for languages the site does not list (those pages go with the
/// default's), else the language (`de` → `/de/…`).
pub(crate) fn tree<'a>(language: Option<&'a str>, languages: &[String]) -> &'a str {
    match language {
        Some(l) if languages.iter().skip(1).any(|s| s == l) => l,
        _ => "",
    }
}

/// Front matter `language`, checked to be a language code.
pub(crate) fn read(r: &mut Reader, f: &Fields) -> Option<String> {
    let node = f.get("language")?;
    let tag = r.text(node, "language")?;
    if crate::i18n::is_language_tag(&tag) {
        Some(tag)
    } else {
        r.error(
            node.pos,
            tag.chars().count(),
            "bad-language",
            format!("`{tag}` is not a language code"),
            "write a language code such as en, de, fr, ja or pt-BR".into(),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_language_codes_are_taken_from_file_names() {
        assert_eq!(split_stem("backend.de"), ("backend", Some("de".into())));
        assert_eq!(
            split_stem("backend.pt-BR"),
            ("backend", Some("pt-BR".into()))
        );
        assert_eq!(split_stem("backend"), ("backend", None));
        assert_eq!(split_stem("notes.old"), ("notes.old", None));
        assert_eq!(split_stem("role.v2"), ("role.v2", None));
        assert_eq!(split_stem(".de"), (".de", None));
    }
}
