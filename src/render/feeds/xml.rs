//! XML text for the feeds: escaping for element content and attribute values, CDATA
//! sections, and dates, appended straight to the file's buffer. Both drop the control
//! characters (and U+FFFE, U+FFFF) XML 1.0 forbids.

use jiff::civil::Date;

/// 1 if a byte may start something [`push_escaped`] changes: markup, a control character,
/// or the first byte of U+FFFE/U+FFFF (EF BF BE/BF). Plain comparisons, no branch.
fn may_escape(b: u8) -> u8 {
    u8::from(b == b'&')
        | u8::from(b == b'<')
        | u8::from(b == b'>')
        | u8::from(b == b'"')
        | u8::from(b == b'\'')
        | u8::from(b == 0xEF)
        | u8::from(b < 0x20)
}

/// 1 if a byte may start a character XML forbids: a control character other than tab and
/// line breaks, or the first byte of U+FFFE/U+FFFF.
fn may_be_forbidden(b: u8) -> u8 {
    (u8::from(b < 0x20) & u8::from(b != b'\n') & u8::from(b != b'\t') & u8::from(b != b'\r'))
        | u8::from(b == 0xEF)
}

/// Whether `test` gives 1 for any byte of `bytes`, 32 at a time without a branch per byte
/// (the compiler makes vector code of it), so text with nothing to change is passed over
/// fast.
fn any_byte(bytes: &[u8], test: impl Fn(u8) -> u8) -> bool {
    let chunks = bytes.chunks_exact(32);
    let rest = chunks.remainder();
    chunks
        .into_iter()
        .any(|chunk| chunk.iter().fold(0, |any, &b| any | test(b)) != 0)
        || rest.iter().any(|&b| test(b) != 0)
}

/// Whether the three bytes from `at` are U+FFFE or U+FFFF (forbidden in XML).
fn is_nonchar_at(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at..at + 3), Some([0xEF, 0xBF, 0xBE | 0xBF]))
}

/// Appends `text` escaped for XML element content and attribute values (and without the
/// control characters XML 1.0 forbids).
pub fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    if !any_byte(bytes, may_escape) {
        out.push_str(text);
        return;
    }
    let mut copied = 0;
    let mut at = 0;
    // Byte by byte: everything replaced is ASCII, or U+FFFE/U+FFFF (EF BF BE/BF), so every
    // cut falls on a character boundary.
    while at < bytes.len() {
        let (replacement, len) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\n' | b'\t' | b'\r' => {
                at += 1;
                continue;
            }
            b if b < 0x20 => ("", 1),
            0xEF if is_nonchar_at(bytes, at) => ("", 3),
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        at += len;
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// Escapes text for XML element content and attribute values (see [`push_escaped`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` in a CDATA section; a `]]>` inside is split across two sections.
pub fn push_cdata(out: &mut String, text: &str) {
    out.reserve(text.len() + 12);
    out.push_str("<![CDATA[");
    if has_forbidden(text) {
        let clean: String = text.chars().filter(|&c| !is_forbidden(c)).collect();
        push_cdata_text(out, &clean);
    } else {
        push_cdata_text(out, text);
    }
    out.push_str("]]>");
}

/// Wraps text in a CDATA section (see [`push_cdata`]).
pub fn cdata(text: &str) -> String {
    let mut out = String::new();
    push_cdata(&mut out, text);
    out
}

/// Appends the inside of a CDATA section: each `]]>` as `]]` `]]><![CDATA[` `>` (found from
/// its `]`, a rare byte, so with no searcher to set up for a short field).
fn push_cdata_text(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    for at in memchr::memchr_iter(b']', bytes) {
        if bytes.get(at..at + 3) == Some(b"]]>") {
            out.push_str(&text[copied..at + 2]);
            out.push_str("]]><![CDATA[");
            copied = at + 2;
        }
    }
    out.push_str(&text[copied..]);
}

/// [`is_forbidden`] for any character of `text`, by bytes: the control characters are
/// ASCII, U+FFFE and U+FFFF are EF BF BE and EF BF BF.
fn has_forbidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    any_byte(bytes, may_be_forbidden)
        && bytes.iter().enumerate().any(|(at, &b)| {
            (b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r')) || is_nonchar_at(bytes, at)
        })
}

/// A character XML 1.0 does not allow.
fn is_forbidden(c: char) -> bool {
    ((c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Appends a date as `YYYY-MM-DD`, as jiff prints it.
pub fn push_date(out: &mut String, date: Date) {
    match u16::try_from(date.year()) {
        Ok(year) => {
            push_digits(out, year, 4);
            out.push('-');
            push_digits(out, date.month().unsigned_abs().into(), 2);
            out.push('-');
            push_digits(out, date.day().unsigned_abs().into(), 2);
        }
        // Years before 1 BC: rare enough for the general printer.
        Err(_) => {
            use std::fmt::Write as _;
            let _ = write!(out, "{date}");
        }
    }
}

/// Appends the last `width` decimal digits of `n`, zero-padded.
pub fn push_digits(out: &mut String, n: u16, width: u32) {
    for place in (0..width).rev() {
        let digit = (n / 10u16.pow(place)) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Escaping as it reads in the XML spec, character by character.
    fn plain_escape(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars().filter(|&c| !is_forbidden(c)) {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c => out.push(c),
            }
        }
        out
    }

    fn plain_cdata(text: &str) -> String {
        let clean: String = text.chars().filter(|&c| !is_forbidden(c)).collect();
        format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
    }

    proptest! {
        #[test]
        fn escaping_any_text_equals_the_plain_rules(
            text in "([a-z <>&\"'\\]\\n\t\r\x00-\x1f\u{fffd}-\u{ffff}é]|]]>){0,80}"
        ) {
            prop_assert_eq!(escape(&text), plain_escape(&text));
            prop_assert_eq!(cdata(&text), plain_cdata(&text));
        }

        #[test]
        fn escaping_any_string_equals_the_plain_rules(text in any::<String>()) {
            prop_assert_eq!(escape(&text), plain_escape(&text));
            prop_assert_eq!(cdata(&text), plain_cdata(&text));
        }
    }

    #[test]
    fn cdata_cannot_be_closed_early() {
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        assert_eq!(
            cdata("]]>]]>"),
            "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>"
        );
        assert_eq!(cdata("x\u{1}y"), "<![CDATA[xy]]>");
        assert_eq!(cdata("é\u{FFFF}\u{FFFD}\n"), "<![CDATA[é\u{FFFD}\n]]>");
        assert_eq!(cdata("plain é"), "<![CDATA[plain é]]>");
        let long = format!("{}\u{1}{}", "a".repeat(40), "]]>".repeat(3));
        assert_eq!(
            cdata(&long),
            format!(
                "<![CDATA[{}{}]]>",
                "a".repeat(40),
                "]]]]><![CDATA[>".repeat(3)
            )
        );
    }

    #[test]
    fn escape_covers_markup_and_control_characters() {
        assert_eq!(escape("<a & 'b'>\u{7}"), "&lt;a &amp; &apos;b&apos;&gt;");
        assert_eq!(
            escape("é\u{FFFE}x\u{FFFF}\u{FFFD}\"\n\t"),
            "éx\u{FFFD}&quot;\n\t"
        );
        let long = format!("{}<{}\u{FFFF}", "a".repeat(40), "é".repeat(20));
        assert_eq!(
            escape(&long),
            format!("{}&lt;{}", "a".repeat(40), "é".repeat(20))
        );
        assert_eq!(escape(&"plain ".repeat(20)), "plain ".repeat(20));
    }

    #[test]
    fn dates_print_as_jiff_prints_them() {
        for (y, m, d) in [
            (2026, 11, 5),
            (0, 1, 1),
            (7, 12, 31),
            (999, 2, 28),
            (9999, 12, 31),
        ] {
            let date = jiff::civil::date(y, m, d);
            let mut out = String::new();
            push_date(&mut out, date);
            assert_eq!(out, date.to_string());
        }
        let mut out = String::new();
        push_date(&mut out, jiff::civil::date(-1, 3, 4));
        assert_eq!(out, jiff::civil::date(-1, 3, 4).to_string());
    }
}
