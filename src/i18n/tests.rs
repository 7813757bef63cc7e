//! The bundled translations are complete, and texts are picked and filled as documented.

use super::*;

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
