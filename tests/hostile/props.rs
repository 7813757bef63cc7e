//! Property test: whatever text a posting file holds, checking the site never panics; it
//! either passes or fails with located content errors.

use proptest::prelude::*;

use crate::hostile::Site;

/// Posting-like text: a front matter made of known keys, YAML punctuation and arbitrary
/// characters, then an arbitrary body.
fn posting_text() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "title",
        "slug",
        "department",
        "locations",
        "workplace",
        "employment_type",
        "salary",
        "date_posted",
        "valid_through",
        "apply",
        "faq",
        "extra",
        "image",
        "summary",
        "tags",
    ]);
    let value = prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 :,\\[\\]{}&*!|>'\"#-]{0,40}",
        Just("[{city: Berlin, country: DE}]".to_string()),
        Just("2026-10-01".to_string()),
        Just("{url: javascript:alert(1)}".to_string()),
        Just("</script><script>alert(1)</script>".to_string()),
    ];
    let line = (key, value).prop_map(|(k, v)| format!("{k}: {v}\n"));
    (
        prop::collection::vec(line, 0..12),
        any::<String>(),
        any::<bool>(),
    )
        .prop_map(|(lines, body, close)| {
            let close = if close { "---\n" } else { "" };
            format!("---\n{}{close}{body}", lines.concat())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_posting_text_never_panics_the_check(text in posting_text()) {
        let site = Site::new();
        site.write("content/jobs/arbitrary.md", &text);
        match careers::build::check(&site.options()) {
            Ok(_) => {}
            Err(careers::build::BuildError::Content(diagnostics)) => {
                prop_assert!(!diagnostics.is_empty());
                for d in &diagnostics {
                    prop_assert!(!d.message.is_empty() && !d.help.is_empty(), "{:?}", d);
                }
            }
            Err(other) => {
                prop_assert!(false, "non-content error from content: {}", other);
            }
        }
    }
}
