//! Reading typed values out of a located YAML tree, collecting every problem on the way.
//!
//! Each content file gets a [`Reader`]: it knows the file (for diagnostics), the line offset
//! of the YAML inside it (front matter starts after `---`), and gathers diagnostics instead
//! of stopping at the first one.

use jiff::civil::Date;

use crate::content::dates::parse_date;
use crate::content::keys::Key;
use crate::content::pasted;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::source::SourceFile;
use crate::yaml::{Node, Pos, Value};

/// Collects diagnostics for one file while its YAML is turned into typed values.
pub struct Reader<'a> {
    /// The file being read.
    pub file: &'a SourceFile,
    /// Lines before the YAML starts in the file (1 for front matter after `---`).
    pub line_offset: u32,
    /// Every problem found so far.
    pub diagnostics: Vec<Diagnostic>,
}

/// The names a mapping may have: a plain list, or a table of [`Key`]s.
pub trait Known {
    /// Whether `name` is one of them.
    fn has(&self, name: &str) -> bool;
    /// All of them, for messages.
    fn names(&self) -> Vec<&str>;
}

impl Known for [&str] {
    fn has(&self, name: &str) -> bool {
        self.contains(&name)
    }
    fn names(&self) -> Vec<&str> {
        self.to_vec()
    }
}

impl<const N: usize> Known for [&str; N] {
    fn has(&self, name: &str) -> bool {
        self.contains(&name)
    }
    fn names(&self) -> Vec<&str> {
        self.to_vec()
    }
}

impl Known for [Key] {
    fn has(&self, name: &str) -> bool {
        self.iter().any(|k| k.name == name)
    }
    fn names(&self) -> Vec<&str> {
        crate::content::keys::names(self)
    }
}

/// The keys of one YAML mapping, checked against the known names.
pub struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node<'n>)>,
    /// Where the mapping starts (for "missing key" errors).
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    /// The value under `key`, if written.
    pub fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    }

    /// The value under `key` unless it is absent or written as nothing (`key:`).
    pub fn present(&self, key: &str) -> Option<&'n Node<'n>> {
        self.get(key).filter(|n| n.value != Value::Null)
    }
}

impl<'a> Reader<'a> {
    /// A reader for YAML that starts after `line_offset` lines of the file.
    pub fn new(file: &'a SourceFile, line_offset: u32) -> Self {
        Reader {
            file,
            line_offset,
            diagnostics: Vec::new(),
        }
    }

    /// Line and column in the file of a YAML position.
    pub fn at(&self, pos: Pos) -> (u32, u32) {
        (pos.line + self.line_offset, pos.col)
    }

    /// Records an error at a YAML position, underlining `width` characters.
    pub fn error(
        &mut self,
        pos: Pos,
        width: usize,
        code: &'static str,
        message: String,
        help: String,
    ) {
        let d = Diagnostic::error(
            &self.file.path,
            pos.line + self.line_offset,
            pos.col,
            code,
            message,
        )
        .help(help)
        .width(width)
        .with_source(&self.file.text);
        self.diagnostics.push(d);
    }

    /// Checks that `node` is a mapping whose keys are all in `known`; unknown keys get
    /// "did you mean". `what` names the mapping in messages ("the front matter").
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        known: &(impl Known + ?Sized),
        what: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            if pasted::text_for_keys(self, node) {
                return None;
            }
            if node.value != Value::Null {
                self.error(
                    node.pos,
                    1,
                    "wrong-type",
                    format!(
                        "{what} should be a group of `key: value` lines, but it is {}",
                        node.value.kind_name()
                    ),
                    "write one `key: value` per line, indented under its parent".into(),
                );
                return None;
            }
            return Some(Fields {
                entries: Vec::new(),
                pos: node.pos,
            });
        };
        let mut fields = Fields {
            entries: Vec::with_capacity(entries.len()),
            pos: node.pos,
        };
        for (key, value) in entries {
            let Value::Str(name) = &key.value else {
                let text = key.as_text().unwrap_or_default();
                self.error(
                    key.pos,
                    text.chars().count(),
                    "unknown-key",
                    format!("`{text}` is not a valid key name in {what}"),
                    format!("known keys are: {}", known.names().join(", ")),
                );
                continue;
            };
            if known.has(name) {
                if value.value == Value::Null {
                    pasted::comment_value(self, key);
                }
                fields.entries.push((name.as_ref(), value));
            } else if let Some(cause) = pasted::key_cause(name, key.pos.col, &known.names()) {
                pasted::report(self, key.pos, "yaml-syntax", cause);
            } else {
                let help = match did_you_mean(name, &known.names()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("known keys are: {}", known.names().join(", ")),
                };
                self.error(
                    key.pos,
                    name.chars().count(),
                    "unknown-key",
                    format!("unknown key `{name}` in {what}"),
                    help,
                );
            }
        }
        Some(fields)
    }

    /// Reports a required key that is missing; `example` is a line HR can copy.
    pub fn missing(&mut self, fields: &Fields, key: &str, what: &str, example: &str) {
        self.error(
            Pos {
                line: fields.pos.line.max(1),
                col: 0,
            },
            1,
            "missing-key",
            format!("{what} has no `{key}`, and it is required"),
            format!("add a line like `{example}`"),
        );
    }

    /// A scalar as text; lists and maps are errors.
    pub fn text(&mut self, node: &Node, key: &str) -> Option<String> {
        // Text is read where it lies; only numbers and booleans are written out first.
        let written;
        let text = match &node.value {
            Value::Str(s) => s.as_ref(),
            _ => match node.as_text() {
                Some(t) => {
                    written = t;
                    written.as_str()
                }
                None if node.value == Value::Null => return None,
                None => {
                    self.error(
                        node.pos,
                        1,
                        "wrong-type",
                        format!(
                            "`{key}` should be a single piece of text, but it is {}",
                            node.value.kind_name()
                        ),
                        format!("write it on one line, like `{key}: …`"),
                    );
                    return None;
                }
            },
        };
        // Every forbidden character is ASCII, and no byte of a longer UTF-8 sequence is.
        if text
            .bytes()
            .any(|b| crate::source::is_forbidden_control(char::from(b)))
        {
            self.error(
                node.pos,
                1,
                "control-character",
                format!("`{key}` contains an invisible control character (written as an escape like `\\0` or `\\x01`)"),
                "remove the escape; write only visible characters".into(),
            );
            return None;
        }
        let text = text.trim();
        // Curly quotes are three bytes starting 0xE2: one byte compare for every other value.
        if text.as_bytes().first() == Some(&0xE2) {
            pasted::curly_quotes(self, node, key, text);
        }
        Some(text.to_string())
    }

    /// Non-empty text under `key`, reporting it when missing and required.
    pub fn required_text(
        &mut self,
        fields: &Fields,
        key: &str,
        what: &str,
        example: &str,
    ) -> Option<String> {
        match fields.present(key) {
            Some(node) => {
                let text = self.text(node, key)?;
                if text.is_empty() {
                    self.error(
                        node.pos,
                        1,
                        "empty-value",
                        format!("`{key}` is empty"),
                        format!("write something after it, like `{example}`"),
                    );
                    return None;
                }
                Some(text)
            }
            None => {
                match fields.get(key) {
                    Some(node) => self.error(
                        node.pos,
                        1,
                        "empty-value",
                        format!("`{key}` is empty, and it is required"),
                        format!("write a value after it, like `{example}`"),
                    ),
                    None => self.missing(fields, key, what, example),
                }
                None
            }
        }
    }

    /// Optional text under `key` (absent or empty gives `None`).
    pub fn optional_text(&mut self, fields: &Fields, key: &str) -> Option<String> {
        let node = fields.present(key)?;
        self.text(node, key).filter(|t| !t.is_empty())
    }

    /// `true`/`false` under `key`, default false.
    pub fn flag(&mut self, fields: &Fields, key: &str) -> bool {
        match fields.present(key) {
            None => false,
            Some(Node {
                value: Value::Bool(b),
                ..
            }) => *b,
            Some(node) => {
                let text = node.as_text().unwrap_or_default();
                self.error(
                    node.pos,
                    text.chars().count(),
                    "wrong-type",
                    format!("`{key}` must be true or false, not `{text}`"),
                    format!("write `{key}: true` or `{key}: false`"),
                );
                false
            }
        }
    }

    /// A number under `key` (whole or with a fraction).
    pub fn number(&mut self, node: &Node, key: &str) -> Option<f64> {
        match &node.value {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) if f.is_finite() => Some(*f),
            Value::Str(s) => {
                let cleaned: String = s
                    .chars()
                    .filter(|c| !matches!(c, ',' | '_' | ' '))
                    .collect();
                match cleaned.parse::<f64>() {
                    Ok(n) if n.is_finite() => Some(n),
                    _ => {
                        self.error(
                            node.pos,
                            s.chars().count(),
                            "not-a-number",
                            format!("`{key}` must be a number, not `{s}`"),
                            format!(
                                "write digits only, without currency signs, like `{key}: 55000`"
                            ),
                        );
                        None
                    }
                }
            }
            other => {
                self.error(
                    node.pos,
                    1,
                    "not-a-number",
                    format!("`{key}` must be a number, but it is {}", other.kind_name()),
                    format!("write it like `{key}: 55000`"),
                );
                None
            }
        }
    }

    /// One text or a list of texts under `key`.
    pub fn text_list(&mut self, fields: &Fields, key: &str) -> Vec<(String, Pos)> {
        let Some(node) = fields.present(key) else {
            return Vec::new();
        };
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| {
                    self.text(item, key)
                        .filter(|t| !t.is_empty())
                        .map(|t| (t, item.pos))
                })
                .collect(),
            _ => self
                .text(node, key)
                .filter(|t| !t.is_empty())
                .map(|t| vec![(t, node.pos)])
                .unwrap_or_default(),
        }
    }

    /// A date written YYYY-MM-DD, with plain-words errors for other spellings.
    pub fn date(&mut self, fields: &Fields, key: &str) -> Option<(Date, Pos)> {
        let node = fields.present(key)?;
        let text = self.text(node, key)?;
        match parse_date(&text) {
            Ok(date) => Some((date, node.pos)),
            Err((message, help)) => {
                self.error(
                    node.pos,
                    text.chars().count(),
                    "bad-date",
                    format!("`{key}` {message}"),
                    help,
                );
                None
            }
        }
    }
}

/// `lint: {allow: [name, …]}`, shared by site.yaml and postings.
pub(crate) fn read_lint_allow(r: &mut Reader, f: &Fields) -> Vec<String> {
    let Some(node) = f.present("lint") else {
        return Vec::new();
    };
    let Some(lint) = r.fields(node, crate::content::keys::LINT, "`lint`") else {
        return Vec::new();
    };
    r.text_list(&lint, "allow")
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}
