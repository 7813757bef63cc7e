//! XML text for the feeds: escaping for element content and attribute values, CDATA
//! sections, and dates, appended straight to the file's buffer. Both drop the control
//! characters (and U+FFFE, U+FFFF) XML 1.0 forbids.

use std::fmt::Write as _;

use jiff::civil::Date;

/// A character XML 1.0 does not allow.
fn is_forbidden(c: char) -> bool {
    ((c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `text` escaped for XML element content and attribute values (and without the
/// characters XML 1.0 forbids).
pub fn push_escaped(out: &mut String, text: &str) {
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
}

/// Escapes text for XML element content and attribute values (see [`push_escaped`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` in a CDATA section, without the characters XML forbids; a `]]>` inside is
/// split across two sections.
pub fn push_cdata(out: &mut String, text: &str) {
    let clean: String = text.chars().filter(|&c| !is_forbidden(c)).collect();
    out.push_str("<![CDATA[");
    out.push_str(&clean.replace("]]>", "]]]]><![CDATA[>"));
    out.push_str("]]>");
}

/// Wraps text in a CDATA section (see [`push_cdata`]).
pub fn cdata(text: &str) -> String {
    let mut out = String::new();
    push_cdata(&mut out, text);
    out
}

/// Appends a date as `YYYY-MM-DD`.
pub fn push_date(out: &mut String, date: Date) {
    let _ = write!(out, "{date}");
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
