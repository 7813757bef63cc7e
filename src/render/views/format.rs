//! Text made for templates: query-string encoding, short summaries.

/// Percent-encodes text for a URL query value.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Slugs joined with single spaces.
pub(super) fn join_slugs<'a>(slugs: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for slug in slugs {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(slug);
    }
    out
}

/// The first `max` characters of `text` and `…`, or all of it when it is not longer.
pub(super) fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_characters_like_teras_truncate() {
        assert_eq!(cut("short", 220), "short");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("日本語hello", 3), "日本語…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(join_slugs(["a", "b-c"].into_iter()), "a b-c");
        assert_eq!(join_slugs(std::iter::empty()), "");
    }

    #[test]
    fn percent_encoding_keeps_unreserved_bytes() {
        assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(percent_encode("Dev & Ops/ü"), "Dev%20%26%20Ops%2F%C3%BC");
    }
}
