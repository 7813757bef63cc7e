//! The bundled translations are complete, and texts are picked and filled as documented.

use super::*;

/// The languages the built-in theme ships complete translations for.
const BUNDLED: [&str; 15] = [
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "cs", "ja", "zh", "ko",
];

/// Every bundled `default/i18n/*.yaml` as catalog layers.
fn bundled() -> Vec<Layer> {
    let theme = crate::render::theme::load(std::path::Path::new("/nonexistent"), "default")
        .expect("the built-in theme loads");
    crate::render::theme::translation_layers(&theme)
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
        let texts = catalog.texts(language);
        assert!(texts.has_file, "{language}");
        assert!(
            texts.missing.is_empty(),
            "i18n/{language}.yaml lacks {:?}",
            texts.missing
        );
    }
    assert!(catalog.gaps(Path::new("content/site.yaml")).is_empty());
}

#[test]
fn plural_texts_follow_each_languages_rules() {
    let (catalog, _) = Catalog::load(&bundled(), &["en".into(), "pl".into(), "cs".into()]);
    let en = catalog.texts("en");
    assert_eq!(en.plural("positions_count", 1), "{n} position");
    assert_eq!(en.plural("positions_count", 2), "{n} positions");
    let pl = catalog.texts("pl");
    let (one, few, many) = (
        pl.plural("positions_count", 1),
        pl.plural("positions_count", 3),
        pl.plural("positions_count", 5),
    );
    assert!(one != few && few != many && one != many, "{one} / {few} / {many}");
    assert_eq!(pl.plural("positions_count", 22), few);
    let cs = catalog.texts("cs");
    assert_ne!(cs.plural("positions_count", 2), cs.plural("positions_count", 5));
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
    let gaps: Vec<String> = catalog
        .gaps(Path::new("content/site.yaml"))
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    assert!(gaps[0].starts_with("there is no translation of the interface into `eo`"));
    assert!(gaps[1].starts_with("the `xx` translation has no text for `"), "{}", gaps[1]);
}

#[test]
fn broken_files_are_located_errors() {
    let layer = Layer {
        language: "de".into(),
        display: "i18n/de.yaml".into(),
        text: "a: Text\nb:\n  one: x\n  several: y\n".into(),
    };
    let (_, errors) = Catalog::load(&[layer], &["de".into()]);
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column), (3, 3));
    assert_eq!(
        errors[0].message,
        "the translation of `b` has the plural category `several`, which CLDR does not have"
    );
}

#[test]
fn placeholders_are_filled_and_unknown_ones_kept() {
    assert_eq!(
        fill("Apply for {title} at {company}", &[("title", "Intern")]),
        "Apply for Intern at {company}"
    );
    assert_eq!(fill("{a}{b", &[("a", "1")]), "1{b");
    assert!(is_language_tag("pt-BR") && is_language_tag("zh-Hant-TW") && is_language_tag("de"));
    assert!(!is_language_tag("deutsch") && !is_language_tag("") && !is_language_tag("d"));
}
