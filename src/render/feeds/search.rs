//! `/search.json`: the small index the listing script filters with (no bodies), one item
//! per open posting.

use crate::render::feeds::json::Json;
use crate::render::views::JobView;

/// The text of `/search.json` from each posting's [`item`].
pub fn render<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut out = Vec::new();
    let _ = render_to(items, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`] written piece by piece into `out`.
pub fn render_to<S: AsRef<str>>(
    items: impl IntoIterator<Item = S>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(b"[")?;
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            out.write_all(b",")?;
        }
        out.write_all(item.as_ref().as_bytes())?;
    }
    out.write_all(b"]\n")
}

/// One posting's item (compact, HTML-safe JSON), its members in the (alphabetical) order
/// the file has always had.
pub fn item(j: &JobView) -> String {
    let mut text = String::with_capacity(
        j.title.len() + j.department.name.len() + j.location_label.len() + j.summary.len() + 3,
    );
    for (n, part) in [&j.title, &j.department.name, &j.location_label, &j.summary]
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            text.push(' ');
        }
        text.push_str(part);
    }
    let text = lowercase(&text);
    let mut out = String::with_capacity(text.len() + j.title.len() + j.url.len() + 256);
    let mut w = Json::compact(&mut out);
    w.begin_object();
    w.key("department").string(&j.department.slug);
    w.key("locations")
        .strings(j.locations.iter().map(|l| l.slug.as_str()));
    w.key("text").string(&text);
    w.key("title").string(&j.title);
    w.key("types")
        .strings(j.employment_types.iter().map(|t| t.slug));
    w.key("url").string(&j.url);
    w.key("workplace").string(j.workplace);
    w.end_object();
    out
}

/// `text.to_lowercase()`, with runs of ASCII lowered in place by bytes (`str::to_lowercase`
/// goes character by character after the first non-ASCII one). Only a capital sigma
/// lowers differently by its neighbours: text with one takes the general path.
fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
            rest = chars.as_str();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lowercase_is_str_to_lowercase() {
        for text in [
            "",
            "ABC def",
            "Zürich · Remote — ÀÉÎ…",
            "İSTANBUL",
            "ΟΔΟΣ ΟΔΟΣ.",
            "ǅ ẞ Ⅻ",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn lowercase_of_any_string_is_str_to_lowercase(text in any::<String>()) {
            prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }

        #[test]
        fn lowercase_of_mixed_text_is_str_to_lowercase(text in "[A-Za-z ΣσςΑΩİÀé·—…']{0,40}") {
            prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }
    }
}
