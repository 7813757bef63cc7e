//! Where each pasted-text mistake is found in a line, and where it is not.

use super::*;

/// The 1-based column [`line_cause`] points at, if it finds anything.
fn col(line: &str) -> Option<u32> {
    line_cause(line).map(|c| c.col)
}

#[test]
fn lookalike_spaces_are_found_after_colons_and_in_indentation() {
    assert_eq!(col("title:\u{a0}Engineer"), Some(7));
    assert_eq!(col("\u{a0}\u{a0}country: DE"), Some(1));
    assert_eq!(col("  -\u{202f}city: Berlin"), Some(4));
    assert_eq!(col("team:\u{3000}Platform"), Some(6));
    assert_eq!(
        col("title: Senior\u{a0}Engineer"),
        None,
        "inside a value it is harmless"
    );
}

#[test]
fn a_missing_space_after_a_colon_is_found() {
    let cause = line_cause("department:Engineering").expect("glued");
    assert_eq!(cause.col, 12);
    assert_eq!(
        cause.help,
        "put a space after the colon: `department: Engineering`"
    );
    assert_eq!(col("  - city:Berlin"), Some(10));
    assert_eq!(col("url: https://example.com"), None);
    assert_eq!(col("base_url:https://x"), Some(10));
    assert_eq!(
        col("  https://example.com"),
        None,
        "a web address, not a key"
    );
    assert_eq!(col("time: 10:30"), None);
}

#[test]
fn quotes_around_part_of_a_value_are_found() {
    let cause = line_cause(r#"title: "Senior" Backend Engineer"#).expect("partly quoted");
    assert_eq!((cause.col, cause.width), (17, 16));
    assert_eq!(col(r#"title: "Senior \"Backend\"" # note"#), None);
    assert_eq!(col("title: 'It''s me' then"), Some(19));
    assert_eq!(
        col(r#"title: "Senior"#),
        None,
        "unclosed quotes are explained elsewhere"
    );
}

#[test]
fn unknown_keys_with_pasted_mistakes_are_explained() {
    let known = ["min", "max"];
    assert_eq!(key_cause("min:80000", 2, &known).map(|c| c.col), Some(6));
    assert_eq!(
        key_cause("\u{a0}\u{a0}max", 1, &known).map(|c| c.col),
        Some(1)
    );
    assert_eq!(key_cause("minimum", 1, &known), None);
    assert_eq!(key_cause("other:1", 1, &known), None);
}

#[test]
fn a_syntax_error_is_blamed_on_the_last_pasted_line_before_it() {
    let yaml = ["title: A", "department:Engineering", "employment_type: x"];
    let found = syntax_cause(yaml.into_iter(), 3).map(|(line, c)| (line, c.col));
    assert_eq!(found, Some((2, 12)));
    assert_eq!(syntax_cause(yaml.into_iter(), 1), None);
    assert!(syntax_cause(yaml.into_iter(), 0).is_some());
}
