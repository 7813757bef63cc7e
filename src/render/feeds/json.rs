//! JSON written straight into one `String`: strings escaped exactly as serde_json escapes
//! them and made HTML-safe (`<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`) in the same
//! pass, laid out compact or as serde_json's pretty printer lays it out, with no
//! intermediate value and no second pass.

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
/// always exact (a wrong one can only follow a right one, from a borrow), which is all
/// [`next_escape`] reads.
fn escape_flags(word: u64) -> u64 {
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    // `<` (3C) and `>` (3E) differ only in bit 02; `"` (22) and `&` (26) only in bit 04.
    let angle = zero_bytes((word | (ONES * 0x02)) ^ (ONES * 0x3E));
    let quote_or_amp = zero_bytes((word | (ONES * 0x04)) ^ (ONES * 0x26));
    let backslash = zero_bytes(word ^ (ONES * u64::from(b'\\')));
    control | angle | quote_or_amp | backslash
}

/// The index of the first byte at or after `at` that needs an escape (`bytes.len()` if
/// none), eight bytes at a time.
fn next_escape(bytes: &[u8], mut at: usize) -> usize {
    while let Some(word) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let flags = escape_flags(u64::from_le_bytes(*word));
        if flags != 0 {
            return at + flags.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&b| ESCAPE[usize::from(b)] == 0) {
        at += 1;
    }
    at
}

/// Appends `text` escaped for the inside of a JSON string (no quotes), HTML-safe; runs of
/// bytes that need no escape are found eight at a time and copied whole.
pub fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    loop {
        let at = next_escape(bytes, copied);
        // Every escaped byte is ASCII, so `at` is a character boundary. Markup has many
        // escapes in a row (`>\n<`): no copy for the empty run between them.
        if at > copied {
            out.push_str(&text[copied..at]);
        }
        let Some(&byte) = bytes.get(at) else {
            return;
        };
        match ESCAPE[usize::from(byte)] {
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
        copied = at + 1;
    }
}

/// Appends `text` as a JSON string, quotes included (see [`push_escaped`]).
pub fn push_string(out: &mut String, text: &str) {
    // Room for the quotes and some escapes (markup has about one byte in ten to escape).
    out.reserve(text.len() + text.len() / 2 + 2);
    out.push('"');
    push_escaped(out, text);
    out.push('"');
}

/// Appends a number as serde_json prints it (`null` for NaN and infinities), through a
/// buffer on the stack.
fn push_number(out: &mut String, write: impl FnOnce(&mut &mut [u8]) -> serde_json::Result<()>) {
    let mut buffer = [0u8; 40];
    let mut rest = &mut buffer[..];
    let ok = write(&mut rest).is_ok();
    let written = 40 - rest.len();
    match std::str::from_utf8(&buffer[..written]) {
        Ok(text) if ok => out.push_str(text),
        _ => out.push_str("null"),
    }
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

/// Spaces for indenting pretty-printed JSON (two per level).
/// A comma, a line break and spaces: sliced, one copy writes the separator of a pretty
/// member (`,` and the break and two spaces a level) or of the first one (from the break).
const BREAKS: &str = ",\n                                                                ";

/// One JSON value being written into a `String`: keys, values and containers are appended
/// in order, with the commas, line breaks and indentation of serde_json's output.
pub struct Json<'a> {
    out: &'a mut String,
    /// `None` for compact JSON; otherwise how many levels the value is already indented
    /// (an item pretty-printed where it sits inside a larger document).
    indent: Option<usize>,
    /// How many containers are open.
    depth: usize,
    /// Bit `n`: the container at depth `n` already holds something.
    filled: u64,
    /// A key was just written: the next value needs no separator.
    after_key: bool,
}

impl<'a> Json<'a> {
    /// Compact JSON, as `serde_json::to_string` writes it.
    pub fn compact(out: &'a mut String) -> Self {
        Json {
            out,
            indent: None,
            depth: 0,
            filled: 0,
            after_key: false,
        }
    }

    /// Pretty JSON, as `serde_json::to_string_pretty` writes it, every line after the first
    /// indented `levels` more.
    pub fn pretty(out: &'a mut String, levels: usize) -> Self {
        Json {
            indent: Some(levels),
            ..Json::compact(out)
        }
    }

    /// The buffer being written (to append a large string escaped piece by piece).
    pub fn out(&mut self) -> &mut String {
        self.out
    }

    fn depth_bit(&self) -> u64 {
        1u64 << (self.depth % 64)
    }

    /// Writes a line break and the indentation of the current depth, after a comma when
    /// `comma` (only the comma in compact JSON).
    fn line_break(&mut self, comma: bool) {
        let Some(levels) = self.indent else {
            if comma {
                self.out.push(',');
            }
            return;
        };
        let from = usize::from(!comma);
        let spaces = 2 * (levels + self.depth);
        match BREAKS.get(from..2 + spaces) {
            Some(text) => self.out.push_str(text),
            None => {
                self.out.push_str(&BREAKS[from..2]);
                self.out.extend(std::iter::repeat_n(' ', spaces));
            }
        }
    }

    /// The comma and line break before the next member of the innermost container.
    fn separate(&mut self) {
        if self.depth == 0 {
            return;
        }
        let filled = self.filled & self.depth_bit() != 0;
        self.filled |= self.depth_bit();
        self.line_break(filled);
    }

    fn value_start(&mut self) {
        if !std::mem::take(&mut self.after_key) {
            self.separate();
        }
    }

    /// Writes the key of the next object member; `name` must need no escaping.
    pub fn key(&mut self, name: &str) -> &mut Self {
        debug_assert!(name.bytes().all(|b| ESCAPE[usize::from(b)] == 0));
        self.separate();
        self.out.push('"');
        self.out.push_str(name);
        self.out
            .push_str(if self.indent.is_some() { "\": " } else { "\":" });
        self.after_key = true;
        self
    }

    /// Writes a string value.
    pub fn string(&mut self, text: &str) {
        self.value_start();
        push_string(self.out, text);
    }

    /// Writes a string value, or `null`.
    pub fn opt_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw("null"),
        }
    }

    /// Writes an array of strings.
    pub fn strings<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) {
        self.begin_array();
        for item in items {
            self.string(item);
        }
        self.end_array();
    }

    /// Writes `true` or `false`.
    pub fn bool(&mut self, value: bool) {
        self.raw(if value { "true" } else { "false" });
    }

    /// Writes a whole number.
    pub fn int(&mut self, value: i64) {
        self.value_start();
        push_number(self.out, |w| serde_json::to_writer(w, &value));
    }

    /// Writes a float as serde_json does (`72000.0`; `null` when not finite).
    pub fn float(&mut self, value: f64) {
        self.value_start();
        push_number(self.out, |w| serde_json::to_writer(w, &value));
    }

    /// Writes a float, or `null`.
    pub fn opt_float(&mut self, value: Option<f64>) {
        match value {
            Some(value) => self.float(value),
            None => self.raw("null"),
        }
    }

    /// Writes `null`.
    pub fn null(&mut self) {
        self.raw("null");
    }

    /// Writes a value given as JSON text.
    fn raw(&mut self, json: &str) {
        self.value_start();
        self.out.push_str(json);
    }

    fn open(&mut self, bracket: char) {
        self.value_start();
        self.out.push(bracket);
        self.depth += 1;
        self.filled &= !self.depth_bit();
    }

    fn close(&mut self, bracket: char) {
        let filled = self.filled & self.depth_bit() != 0;
        self.depth = self.depth.saturating_sub(1);
        if filled && self.indent.is_some() {
            self.line_break(false);
        }
        self.out.push(bracket);
    }

    /// Opens an object (`{`).
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// Closes the innermost object (`}`).
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// Opens an array (`[`).
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// Closes the innermost array (`]`).
    pub fn end_array(&mut self) {
        self.close(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the files held before this writer: serde_json's text, then made HTML-safe.
    fn old(value: &serde_json::Value, pretty: bool) -> String {
        let text = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        html_safe_json(text.expect("serialises"))
    }

    const TRICKY: &[&str] = &[
        "",
        "plain",
        "\"quoted\" \\ back\\slash",
        "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}",
        "</script><!-- & -->",
        "line\u{2028}para\u{2029}end",
        "é ß 日本 🦀 —",
        "]]> ]]]]><![CDATA[>",
        "\u{fffe}\u{ffff}\u{fffd}",
    ];

    /// Keys in byte order: serde_json's map keeps them sorted.
    fn write_sample(j: &mut Json, text: &str) {
        j.begin_object();
        j.key("a").string(text);
        j.key("empty").begin_array();
        j.end_array();
        j.key("eo").begin_object();
        j.end_object();
        j.key("list").strings([text, "x"]);
        j.key("nested").begin_array();
        j.begin_object();
        j.key("s").opt_string(Some(text));
        j.end_object();
        j.opt_string(None);
        j.end_array();
        j.key("obj").begin_object();
        j.key("f").float(72000.0);
        j.key("g").opt_float(Some(0.1));
        j.key("h").opt_float(Some(f64::NAN));
        j.key("i").int(-42);
        j.key("n").null();
        j.key("t").bool(true);
        j.end_object();
        j.end_object();
    }

    fn sample_value(text: &str) -> serde_json::Value {
        serde_json::json!({
            "a": text, "empty": [], "list": [text, "x"],
            "obj": {"n": null, "t": true, "i": -42, "f": 72000.0, "g": 0.1, "h": null},
            "eo": {}, "nested": [{"s": text}, null],
        })
    }

    fn same_as_serde(text: &str) {
        for pretty in [false, true] {
            let mut out = String::new();
            let mut j = if pretty {
                Json::pretty(&mut out, 0)
            } else {
                Json::compact(&mut out)
            };
            write_sample(&mut j, text);
            assert_eq!(out, old(&sample_value(text), pretty), "{text:?}");
        }
    }

    #[test]
    fn tricky_strings_give_the_bytes_serde_gave() {
        for text in TRICKY {
            same_as_serde(text);
        }
    }

    #[test]
    fn indented_items_equal_indenting_after_each_line_break() {
        let mut out = String::new();
        write_sample(&mut Json::pretty(&mut out, 2), "a\nb");
        let whole = old(&sample_value("a\nb"), true).replace('\n', "\n    ");
        assert_eq!(out, whole);
    }

    #[test]
    fn numbers_print_as_serde_prints_them() {
        for f in [0.0, -0.0, 1.5, 1e15, 1e16, 1e300, -3.25e-7, f64::INFINITY] {
            let mut out = String::new();
            Json::compact(&mut out).float(f);
            assert_eq!(out, old(&serde_json::json!(f), false), "{f}");
        }
        for i in [0, -1, i64::MIN, i64::MAX] {
            let mut out = String::new();
            Json::compact(&mut out).int(i);
            assert_eq!(out, i.to_string());
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
                    let text = String::from_utf8(text).expect("ascii");
                    same_as_serde(&text);
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
