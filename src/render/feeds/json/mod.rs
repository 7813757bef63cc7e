//! JSON written straight into one `String`: strings escaped exactly as serde_json escapes
//! them and made HTML-safe in the same pass (see `escape`), laid out compact or as
//! serde_json's pretty printer lays it out, with no intermediate value and no second pass.

mod escape;

pub use escape::{html_safe_json, push_escaped, push_string};

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
        debug_assert!(escape::needs_no_escape(name));
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

    /// What the files held before this writer: serde_json's text, then made HTML-safe.
    fn old(value: &serde_json::Value, pretty: bool) -> String {
        let text = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        html_safe_json(text.expect("serialises"))
    }

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
    fn documents_give_the_bytes_serde_gave() {
        for text in ["", "plain", "\"<a href='x'>&amp;</a>\"\n\u{1}", "é 日本 🦀"] {
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
}
