//! The event path against serde-saphyr: every text the event path takes must give exactly
//! serde-saphyr's tree, positions included.

use super::parse;
use crate::yaml::full;

/// Every text the event path takes must give exactly the full parser's tree.
fn same(text: &str) -> bool {
    match parse(text) {
        Some(fast) => {
            assert_eq!(Ok(fast), full(text), "the event path differs on:\n{text}");
            true
        }
        None => false,
    }
}

#[test]
fn agrees_with_the_full_parser_on_plain_front_matter() {
    let posting = "title: Engineering Specialist 0\ndepartment: Engineering\nteam: Team 0\nemployment_type: full_time\nworkplace: onsite\nlocations:\n  - city: Berlin\n    country: DE\n  - city: Amsterdam\n    country: NL\nsalary:\n  min: 40000\n  max: 55000\n  currency: EUR\n  period: year\ndate_posted: 2025-01-01\nvalid_through: 2099-12-31\nreference: BENCH-000000\ntags: [tag0, tag0, benchmark]\n";
    assert!(same(posting));
    for text in [
        "a: b\n",
        "a: 0\nb: 007\nc: 12\n",
        "- a\n- b\n",
        "list:\n  - x\n  - 2\n",
        "nested:\n  deeper:\n    k: München Straße\n",
        "tags: []\n",
        "tags: [ a ,b,  c d ]\n",
        "# comment\na: b\n\n# another\nc: d\n",
        "items:\n  - name: x\n    more:\n      - 1\n      - 2\n  - name: yy\n",
        "title: Senior Engineer (m/w/d), Berlin\n",
        "a: b  \nc:   spaced value\n",
        "url: https://example.com/a:b\nk-e_y9: v\n",
        "city: Zürich\nafter: [Ünïcode, straße]\nlast: x\n",
        "locations:\n  - city: São Paulo\n    country: BR\n  - city: Kraków\n",
        "a: Yesterday\nb: nope\nc: trueish\n",
        "a: [x:y, z]\n",
        "a: b:c\n",
        "a: \"10997\"\nb: 'it''s'\nc: x # note\nd: ''\ne: \"\"\n",
        "a: \"quoted: with # and & and [x]\"  # note\n",
        "a: 'x: \"y\" # z' # note\n",
        "list:\n  - \"q: r\"\n  - 's'\n  - plain # note\n  - key: \"v\" # note\n",
        "a: # note\n  b: c\n",
        "tags: [a, b] # note\n",
        "summary: >\n  Spend three to six months in our Platform team,\n  shipping real features.\nnext: x\n",
        "s: >\n  one two\n  three\n\n  four\n\n\n  five\nm: 1\n",
        "s: |\n  one\n    two: #x\n\n  'three'\n\n\nm: 1\n",
        "s: >-\n  a\n  b\nt: |-\n  c\n  d\n",
        "s: > # note\n    a # not a note\n    b: c\n",
        "outer:\n  s: |\n    text\n  after: x\n",
        "s: >\n  trailing spaces  \n  kept\n",
        "s: |\n  last line, no newline at the end",
        "s: >\n  x\n  \n  y\n",
        "postal_code: 3087 BM\nduration: 3–6 months\nsize: 10 000 people\n",
        "salary: {min: 50000, max: 60000, currency: EUR, period: year}\n",
        "l:\n  - {city: Berlin,  country: DE, postal_code: \"10115\"}\n  - { city: 'São Paulo' , country: BR }  # note\n",
        "a: {}\nb: { }\nc: {k: v} # note\n",
        "draft: true\nremote: false\nlist: [true, x]\n",
        "department: People & Operations\ntitle: Rock 'n' roll # note\nq: Why? Because!\n",
        "a: C# and F#\nb: x | y > z\nc: save 50% *off* @home\nd: b# c\n",
    ] {
        assert!(same(text), "the event path should take:\n{text}");
    }
}

#[test]
fn leaves_what_it_cannot_type_for_certain_to_serde_saphyr() {
    for text in [
        "a: Null\n",
        "a: 1.5\n",
        "a: 1e3\n",
        "a: -3\n",
        "a: &x b\nc: *x\n",
        "a: b\na: c\n",
        "a: {b: c, b: d}\n",
        "a: TRUE\n",
        "a: Yes\n",
        "a: [NO, x]\n",
        "a: !!str 1\n",
        "? [a]\n: b\n",
        "a:\n",
        "a: 2001-12-14 21:59:43.10 -5\n",
        "a: 99999999999999999999\n",
        "a: y\n",
        "a: [\n",
        "a: b\n---\nc: d\n",
    ] {
        assert!(!same(text), "the event path should decline:\n{text}");
    }
    let deep = (0..40).fold(String::from("x"), |inner, _| format!("[{inner}]"));
    assert!(
        !same(&format!("a: {deep}\n")),
        "too deep for the event path"
    );
}

/// Quoting, escapes, block text, flow values and odd keys: taken or declined, never wrong.
#[test]
fn agrees_or_declines_on_the_rest_of_yaml() {
    for text in [
        "a: \"esc\\\"aped\"\n",
        "a: \"two\nlines\"\n",
        "a: 'two\n  lines'\n",
        "a: \"x\" y\n",
        "a: \"x\"# no space\n",
        "a: 'it's'\n",
        "\"key\": v\n",
        "a: &R # note\n",
        "a: x {y}\n",
        "a: back\\slash\n",
        "a: [\"x\", y]\n",
        "s: >\n  a\n    more indented\n  b\n",
        "s: >\n\n  leading blank line\n",
        "s: >+\n  keep\n",
        "s: >2\n  explicit\n",
        "s: >\nn: 1\n",
        "- >\n  item\n",
        "- k: |\n    item\n",
        "s: |\n  a\n b\n",
        "s: |\n  a\n     \n  b\n",
        "s: |\n  tab\there\n",
        "a:b: c\n",
        "a:b\n",
        "a:: b\n",
        "9a: b\n",
        "a b: c\n",
        "a: b: c\n",
        "a: [b: c]\n",
        "- a: b\n  c\n",
        "a: b\n  c\n",
        "a: x: y\n",
        "a: [b, [c]]\n",
        "a: {b: {c: d}}\n",
        "a: {b: [c]}\n",
        "a: {b: c,}\n",
        "a: {b}\n",
        "a: {b: \"x, y\"}\n",
        "a: {b: c: d}\n",
        "a: {b: c} d\n",
        "a: {b: &c d}\n",
        "a: {\n  b: c}\n",
        "a: 2025-1-1\n",
        "a: 2001-12-14 21:59 Z\n",
        "a: 1 000\n",
        "list:\n- xa\n- yb\n",
        "  a: b\n",
        "a:\tb\n",
        "a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n        i:\n         j: deep\n",
    ] {
        same(text);
    }
}

/// A pseudo-random block of `key: value` lines and `- item` lists, `depth` levels deep at
/// most, written with `indent` spaces; pieces the event path types closely (colons,
/// keywords, numbers, dates, flow lists, non-ASCII text, odd keys) turn up now and then.
fn generated_block(next: &mut impl FnMut(usize) -> usize, indent: usize, depth: usize) -> String {
    const KEYS: [&str; 10] = [
        "a", "b-c", "d_e9", "Zz", "title", "k", "a:b", "9x", "é", "a b",
    ];
    const VALUES: [&str; 36] = [
        "x",
        "München Straße",
        "a b",
        "1",
        "007",
        "0",
        "2025-01-01",
        "Team 3",
        "Yesterday",
        "[p, q]",
        "[ü, 2 ,x]",
        "[]",
        "https://x.test/a:b",
        "-x",
        "x,y",
        "2025-1-01",
        "yes",
        "TRUE",
        "[a: b]",
        "b:c",
        "b: c",
        ":",
        ",x",
        "12345678901234567890",
        "~",
        "1.5",
        "\"10997\"",
        "'it''s'",
        "x # note",
        "\"a: b\" # note",
        ">",
        "|-",
        "# note",
        "'bad'quote'",
        "{k: v, n: 1}",
        "{ a: \"q\" }",
    ];
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let list = depth > 0 && next(3) == 0;
    for _ in 0..1 + next(4) {
        // Mostly good keys and values; the odd ones (at the end of each table) rarely.
        let odd_key = next(8) == 0;
        let key = KEYS[next(if odd_key { KEYS.len() } else { 6 })];
        let odd_value = next(8) == 0;
        // Quoted, commented, block and flow-map values (the last ten) often.
        let value = match (odd_value, next(4)) {
            (true, _) => VALUES[next(VALUES.len())],
            (false, 0) => VALUES[26 + next(10)],
            _ => VALUES[next(15)],
        };
        // Block text (`>`, `|-`) gets lines after it, indented like its key's children.
        let block = if value.starts_with(['>', '|']) {
            let inner = format!("{pad}{}", " ".repeat(2 * (1 + next(2))));
            let lines = [
                "one line",
                "two: words # here",
                "",
                "  more indented",
                "'q'",
            ];
            (0..1 + next(3))
                .map(|i| {
                    let text = lines[if i == 0 { 0 } else { next(lines.len()) }];
                    if text.is_empty() {
                        "\n".to_string()
                    } else {
                        format!("{inner}{text}\n")
                    }
                })
                .collect()
        } else {
            String::new()
        };
        let nested = depth < 3 && next(3) == 0;
        match (list, nested) {
            (true, false) => out.push_str(&format!("{pad}- {value}\n{block}")),
            (true, true) => {
                out.push_str(&format!("{pad}- {key}: {value}\n"));
                out.push_str(&generated_block(next, indent + 2, depth + 1));
            }
            (false, false) => out.push_str(&format!("{pad}{key}: {value}\n{block}")),
            (false, true) => {
                out.push_str(&format!("{pad}{key}:\n"));
                let deeper = indent + 2 * (1 + next(2));
                out.push_str(&generated_block(next, deeper, depth + 1));
            }
        }
        if next(10) == 0 {
            out.push_str(["\n", "# note\n", "   \n"][next(3)]);
        }
    }
    out
}

#[test]
fn agrees_with_the_full_parser_on_generated_text() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut accepted = 0;
    for _ in 0..3000 {
        if same(&generated_block(&mut next, 0, 0)) {
            accepted += 1;
        }
    }
    assert!(
        accepted > 500,
        "only {accepted} generated texts took the event path"
    );
}

#[test]
fn agrees_on_every_fixture_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(root.join("tests/fixtures"))
        .into_iter()
        .chain(walkdir::WalkDir::new(root.join("content")))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let yaml = match entry.path().extension().and_then(|e| e.to_str()) {
            Some("yaml" | "yml") => text.clone(),
            Some("md") => match text
                .strip_prefix("---\n")
                .and_then(|t| t.split_once("\n---"))
            {
                Some((front, _)) => format!("{front}\n"),
                None => continue,
            },
            _ => continue,
        };
        if same(&yaml) {
            checked += 1;
        }
    }
    assert!(checked > 0, "some fixture takes the event path");
}

#[test]
fn takes_the_example_postings_and_faq() {
    // What HR starts from: the example site's postings and FAQ (comments after values,
    // quoted postal codes, folded summaries, `|` answers).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut texts: Vec<String> = walkdir::WalkDir::new(root.join("jobs"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.extend(std::fs::read_to_string(root.join("faq.yaml")).ok());
    assert!(texts.len() > 5, "the example postings are there");
    for text in texts {
        let yaml = match text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---"))
        {
            Some((front, _)) => format!("{front}\n"),
            None => text,
        };
        assert!(same(&yaml), "the event path should take:\n{yaml}");
    }
}

proptest::proptest! {
    /// Any text made of YAML's punctuation: the event path never panics, and whatever it takes
    /// is the full parser's tree.
    #[test]
    fn any_punctuated_text_is_declined_or_the_same(text in "[a-c0-9 :#'\"\\-\\[\\]{},>|&*!\n]{0,80}") {
        same(&text);
    }

    /// Lines shaped like front matter with the values the event path reads (quoted text,
    /// comments, flow maps, block text) and near misses of them.
    #[test]
    fn any_front_matter_shaped_text_is_declined_or_the_same(
        values in proptest::collection::vec(proptest::prop_oneof![
            "[a-c]{1,4}( [a-c0-9&'!]{1,4})?( #[ a-c:]{0,5})?",
            "\"[a-c ,:#'&]{0,8}\"( +#[a-c ]{0,4})?",
            "'[a-c ,:#\"]{0,6}('')?[a-c]{0,3}'( #)?",
            "\\{ ?[a-c]{1,3}: [a-c0-9]{1,3}(, [a-c]{1,3}: (\"[a-c,]{0,3}\"|[a-c:]{1,3}))? ?\\}( # x)?",
            "[>|]-?( #[a-c ]{0,3})?",
            "[a-c0-9 :#'\",{}>|-]{0,12}",
        ], 1..6),
        block in "(( {2,4})[a-c:# '\"]{0,12}\n|\n){1,4}",
    ) {
        let mut text = String::new();
        for (i, value) in values.iter().enumerate() {
            text.push_str(&format!("k{i}: {value}\n"));
            if value.starts_with(['>', '|']) {
                text.push_str(&block);
            }
        }
        same(&text);
    }
}
