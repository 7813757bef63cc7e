//! JSON string escaping exactly as serde_json escapes (quotes, backslashes, control
//! characters) and HTML-safe in the same pass (`<`, `>`, `&` as `\u003c`, `\u003e`,
//! `\u0026`), finding the bytes to escape eight at a time.

/// What a byte becomes inside a JSON string: 0 itself, `u` a `\u00XX` escape, `<`, `>`,
/// `&` their HTML-safe `\u` escape, anything else a backslash and that letter.
static ESCAPE: [u8; 256] = escape_table();

const fn escape_table() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'<' as usize] = b'<';
    table[b'>' as usize] = b'>';
    table[b'&' as usize] = b'&';
    table
}

/// Every byte of a word set to 1.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of every byte of a word.
const HIGHS: u64 = ONES * 0x80;

/// Flags (with its high bit) every byte of `word` that needs an escape; the lowest flag is
/// always exact, a wrong one can only follow a right one (from a borrow), and no byte that
/// needs an escape goes unflagged.
fn escape_flags(word: u64) -> u64 {
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    // `<` (3C) and `>` (3E) differ only in bit 02; `"` (22) and `&` (26) only in bit 04.
    let angle = zero_bytes((word | (ONES * 0x02)) ^ (ONES * 0x3E));
    let quote_or_amp = zero_bytes((word | (ONES * 0x04)) ^ (ONES * 0x26));
    let backslash = zero_bytes(word ^ (ONES * u64::from(b'\\')));
    control | angle | quote_or_amp | backslash
}

/// Appends `text` escaped for the inside of a JSON string (no quotes), HTML-safe. Eight
/// bytes at a time: each word's flags name the bytes that may need an escape (a flag above a
/// true one can be wrong, so each is checked in the table), all of them are handled before
/// the next word, and the runs between them are copied whole.
pub fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while let Some(word) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let mut flags = escape_flags(u64::from_le_bytes(*word));
        while flags != 0 {
            let i = at + flags.trailing_zeros() as usize / 8;
            flags &= flags - 1;
            copied = escape_at(out, text, copied, i);
        }
        at += 8;
    }
    for i in at..bytes.len() {
        copied = escape_at(out, text, copied, i);
    }
    // Every escaped byte is ASCII, so `copied` is a character boundary.
    out.push_str(&text[copied..]);
}

/// Escapes byte `i` of `text` if it needs it, after copying the run since `copied`; returns
/// how far `text` is now in `out`.
#[inline(always)]
fn escape_at(out: &mut String, text: &str, copied: usize, i: usize) -> usize {
    let byte = text.as_bytes()[i];
    let letter = ESCAPE[usize::from(byte)];
    if letter == 0 {
        return copied;
    }
    // Markup has many escapes in a row (`>\n<`): no copy for the empty run between them.
    if i > copied {
        out.push_str(&text[copied..i]);
    }
    match letter {
        b'u' => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
        b'<' => out.push_str("\\u003c"),
        b'>' => out.push_str("\\u003e"),
        b'&' => out.push_str("\\u0026"),
        letter => {
            out.push('\\');
            out.push(char::from(letter));
        }
    }
    i + 1
}

/// Appends `text` as a JSON string, quotes included (see [`push_escaped`]).
pub fn push_string(out: &mut String, text: &str) {
    // Room for the quotes and some escapes (markup has about one byte in ten to escape).
    out.reserve(text.len() + text.len() / 2 + 2);
    out.push('"');
    push_escaped(out, text);
    out.push('"');
}

/// JSON text (serde_json's, for a value too rare to write by hand) with `<`, `>` and `&`
/// written as \u escapes, as [`push_escaped`] writes them: the same JSON to any parser, and a
/// consumer that pastes a value into a page without escaping it gets no live tag from us.
pub fn html_safe_json(text: String) -> String {
    if !text.contains(['<', '>', '&']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut copied = 0;
    for at in memchr::memchr3_iter(b'<', b'>', b'&', text.as_bytes()) {
        out.push_str(&text[copied..at]);
        out.push_str(match text.as_bytes()[at] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether `text` is written as it is inside a JSON string (an object key, say).
pub(super) fn needs_no_escape(text: &str) -> bool {
    text.bytes().all(|b| ESCAPE[usize::from(b)] == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the files held before: serde_json's string, then made HTML-safe.
    fn serde_string(text: &str) -> String {
        html_safe_json(serde_json::to_string(text).expect("serialises"))
    }

    fn same_as_serde(text: &str) {
        let mut out = String::new();
        push_string(&mut out, text);
        assert_eq!(out, serde_string(text), "{text:?}");
    }

    #[test]
    fn tricky_strings_give_the_bytes_serde_gave() {
        for text in [
            "",
            "plain",
            "\"quoted\" \\ back\\slash",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}",
            "</script><!-- & -->",
            "line\u{2028}para\u{2029}end",
            "é ß 日本 🦀 —",
            "]]> ]]]]><![CDATA[>",
            "\u{fffe}\u{ffff}\u{fffd}",
            ">\n<li>a</li>\n<p class=\"x\">",
        ] {
            same_as_serde(text);
        }
    }

    #[test]
    fn every_ascii_byte_at_every_place_in_a_word_is_found() {
        for byte in 0..=0x7Fu8 {
            for at in 0..17 {
                for before in [b'a', 0x01, b'<', 0x1F] {
                    let mut text = vec![b'a'; 20];
                    text[at] = byte;
                    if at > 0 {
                        text[at - 1] = before;
                    }
                    same_as_serde(&String::from_utf8(text).expect("ascii"));
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_string_gives_the_bytes_serde_gave(text in any::<String>()) {
            same_as_serde(&text);
        }

        #[test]
        fn any_ascii_with_markup_gives_the_bytes_serde_gave(text in "[\\x00-\\x7f<>&\"\\\\]{0,64}") {
            same_as_serde(&text);
        }
    }
}
