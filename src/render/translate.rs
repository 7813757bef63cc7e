//! Translations in themes: the `i18n/<lang>.yaml` files of each theme and of the site, and
//! the template functions `t` and `t_forms` that print their texts in a page's language.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::i18n::Catalog;
use crate::render::theme::{Theme, ThemeFile};

/// Registers `t` and `t_forms`, which read the page's language from its `lang` variable.
pub(crate) fn register(tera: &mut tera::Tera, catalog: Arc<Catalog>) {
    let forms = Arc::clone(&catalog);
    tera.register_function("t", move |kwargs: tera::Kwargs, state: &tera::State| {
        translate(&catalog, &kwargs, state)
    });
    tera.register_function(
        "t_forms",
        move |kwargs: tera::Kwargs, state: &tera::State| -> tera::TeraResult<String> {
            let key: &str = kwargs.must_get("key")?;
            Ok(texts_of(&forms, state).plural_forms(key))
        },
    );
}

/// Adds the `<lang>.yaml` files of the folder `relative` (inside the site) as translations
/// over the ones already there.
pub(crate) fn add_files(
    theme: &mut Theme,
    site_dir: &Path,
    relative: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !site_dir.join(relative).is_dir() {
        return;
    }
    for file in crate::content::static_files(site_dir, relative, diagnostics) {
        let name = file.to.to_string_lossy().replace('\\', "/");
        let Some(language) = name.strip_suffix(".yaml").filter(|l| !l.contains('/')) else {
            continue;
        };
        let display = file.from.strip_prefix(site_dir).unwrap_or(&file.from);
        match std::fs::read(&file.from) {
            Ok(bytes) => theme.i18n.push((
                language.to_string(),
                ThemeFile {
                    display: display.to_path_buf(),
                    bytes,
                },
            )),
            Err(e) => diagnostics.push(Diagnostic::error(
                display,
                0,
                0,
                "unreadable-file",
                format!("cannot read this translation file: {e}"),
            )),
        }
    }
}

/// The theme's translation files as catalog layers, lowest priority first.
pub(crate) fn layers(theme: &Theme) -> Vec<crate::i18n::Layer> {
    theme
        .i18n
        .iter()
        .map(|(language, f)| crate::i18n::Layer {
            language: language.clone(),
            display: f.display.clone(),
            text: String::from_utf8_lossy(&f.bytes).into_owned(),
        })
        .collect()
}

/// The texts of the page being rendered: the language in its `lang` variable.
fn texts_of<'c>(catalog: &'c Catalog, state: &tera::State) -> &'c crate::i18n::Texts {
    // A site in one language needs no look-up (rows call `t` for each of 10,000 postings).
    if let Some(only) = catalog.only() {
        return only;
    }
    match state.get::<String>("lang") {
        Ok(Some(lang)) => catalog.texts(&lang),
        _ => catalog.texts(catalog.default_language()),
    }
}

/// The template function `t(key="…", n=…, name=value…)`: the key's text in the page's
/// language (the form for `n` when it has plural forms), each `{name}` filled in.
fn translate(
    catalog: &Catalog,
    kwargs: &tera::Kwargs,
    state: &tera::State,
) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    let n: Option<i64> = kwargs.get("n")?;
    let Some(text) = texts_of(catalog, state).lookup(key, n.map(i64::unsigned_abs)) else {
        return Err(tera::Error::message(format!(
            "there is no text `{key}` in the theme's translation files (i18n/en.yaml)"
        )));
    };
    if !text.contains('{') {
        return Ok(text.to_string());
    }
    Ok(crate::i18n::fill_by(text, |name| {
        let value = kwargs.get::<tera::Value>(name).ok().flatten()?;
        Some(match value.as_str() {
            Some(s) => std::borrow::Cow::Owned(s.to_string()),
            None => std::borrow::Cow::Owned(value.to_string()),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Layer;

    /// The languages the built-in theme ships complete translations for.
    const BUNDLED: [&str; 15] = [
        "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "cs", "ja", "zh", "ko",
    ];

    /// Every bundled `default/i18n/*.yaml` as catalog layers.
    fn bundled() -> Vec<Layer> {
        let theme = crate::render::theme::load(Path::new("/nonexistent"), "default")
            .expect("the built-in theme loads");
        layers(&theme)
    }

    #[test]
    fn every_bundled_language_has_every_key() {
        let layers = bundled();
        let languages: Vec<String> = BUNDLED.iter().map(|l| l.to_string()).collect();
        let (catalog, errors) = Catalog::load(&layers, &languages);
        assert!(errors.is_empty(), "{errors:?}");
        for language in BUNDLED {
            assert!(
                layers.iter().any(|l| l.language == language),
                "no i18n/{language}.yaml"
            );
        }
        let gaps = catalog.gaps(Path::new("content/site.yaml"));
        assert!(
            gaps.is_empty(),
            "{:?}",
            gaps.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }

    #[test]
    fn plural_texts_follow_each_languages_rules() {
        let (catalog, _) = Catalog::load(&bundled(), &["en".into(), "pl".into(), "cs".into()]);
        let en = catalog.texts("en");
        assert_eq!(
            en.lookup("positions_count", Some(1)).unwrap_or_default(),
            "{n} position"
        );
        assert_eq!(
            en.lookup("positions_count", Some(2)).unwrap_or_default(),
            "{n} positions"
        );
        let pl = catalog.texts("pl");
        let (one, few, many) = (
            pl.lookup("positions_count", Some(1)).unwrap_or_default(),
            pl.lookup("positions_count", Some(3)).unwrap_or_default(),
            pl.lookup("positions_count", Some(5)).unwrap_or_default(),
        );
        assert!(
            one != few && few != many && one != many,
            "{one} / {few} / {many}"
        );
        assert_eq!(
            pl.lookup("positions_count", Some(22)).unwrap_or_default(),
            few
        );
        let cs = catalog.texts("cs");
        assert_ne!(
            cs.lookup("positions_count", Some(2)).unwrap_or_default(),
            cs.lookup("positions_count", Some(5)).unwrap_or_default()
        );
    }

    #[test]
    fn a_site_file_overrides_one_key_and_gaps_are_named() {
        let mut layers = bundled();
        layers.push(Layer {
            language: "de".into(),
            display: "i18n/de.yaml".into(),
            text: "key_facts: Das Wichtigste\n".into(),
        });
        layers.push(Layer {
            language: "xx".into(),
            display: "i18n/xx.yaml".into(),
            text: "key_facts: Facts in xx\n".into(),
        });
        let languages = ["de".to_string(), "xx".into(), "de-CH".into(), "eo".into()];
        let (catalog, errors) = Catalog::load(&layers, &languages);
        assert!(errors.is_empty());
        assert_eq!(catalog.texts("de").get("key_facts"), "Das Wichtigste");
        assert_eq!(catalog.texts("de-CH").get("key_facts"), "Das Wichtigste");
        assert_eq!(catalog.texts("xx").get("fact_team"), "Team");
        let all = catalog.gaps(Path::new("content/site.yaml"));
        let unknown: Vec<&str> = (all.iter())
            .filter(|d| d.code == "unknown-language")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            unknown,
            [
                "careers does not know how `xx` writes dates, numbers and money, so they are written as in English"
            ]
        );
        let gaps: Vec<String> = (all.iter())
            .filter(|d| d.code != "unknown-language")
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert!(gaps[0].starts_with("there is no translation of the interface into `eo`"));
        assert!(
            gaps[1].starts_with("the `xx` translation has no text for `"),
            "{}",
            gaps[1]
        );
    }
}
