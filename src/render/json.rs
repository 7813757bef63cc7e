//! JSON through serde_json, HTML-safe: `<`, `>` and `&` are written as `\u003c`, `\u003e`
//! and `\u0026`. The same JSON to any parser, and it can sit inside a `<script>` or be
//! pasted into a page by a consumer without making a live tag.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` into `out`, compact or laid out as `serde_json::to_writer_pretty` does.
/// serde_json writes many small pieces: they are gathered before the escaping pass.
pub(crate) fn write(out: &mut dyn Write, value: &impl Serialize, pretty: bool) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, HtmlSafe(out));
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    };
    written.map_err(io::Error::other)?;
    out.flush()
}

/// `value` as compact HTML-safe JSON.
pub(crate) fn compact(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only for a value serde cannot write (none of ours).
    let _ = write(&mut out, value, false);
    String::from_utf8(out).unwrap_or_default()
}

/// A writer that escapes `<`, `>` and `&`. In JSON text they can only occur inside
/// strings, so escaping every one of them is exactly escaping them in every string.
struct HtmlSafe<W>(W);

impl<W: Write> Write for HtmlSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut copied = 0;
        for at in memchr::memchr3_iter(b'<', b'>', b'&', buf) {
            self.0.write_all(&buf[copied..at])?;
            self.0.write_all(match buf[at] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            })?;
            copied = at + 1;
        }
        self.0.write_all(&buf[copied..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_strings_is_escaped_and_the_json_unchanged() {
        let value = serde_json::json!({"a": "</script><b>&amp;", "b": ["x\u{2028}\"y"]});
        let text = compact(&value);
        assert_eq!(
            text,
            r#"{"a":"\u003c/script\u003e\u003cb\u003e\u0026amp;","b":["x\u{2028}\"y"]}"#
                .replace("\\u{2028}", "\u{2028}")
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, value);
    }
}
