//! The one place YAML is parsed: text in, a tree of located values out.
//!
//! Everything else in the crate reads YAML through [`Node`], so the choice of parser
//! (serde-saphyr) and its safety settings (alias-bomb budget, YAML 1.2 booleans,
//! duplicate keys rejected) live here and nowhere else.

mod events;

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

/// A position in a source file: 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
}

/// A YAML value with the position it was written at; its text borrows from the parsed
/// text where it can (text the event parser did not have to unescape), so a tree costs few allocations.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'t> {
    /// What the value is.
    pub value: Value<'t>,
    /// Where the value starts.
    pub pos: Pos,
}

/// The shapes a YAML value can take; maps keep their keys' positions and order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'t> {
    /// `~`, `null` or nothing at all.
    Null,
    /// `true` / `false` (YAML 1.2 spellings only).
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// Any other scalar.
    Str(Cow<'t, str>),
    /// A list.
    Seq(Vec<Node<'t>>),
    /// A mapping, in source order.
    Map(Vec<(Node<'t>, Node<'t>)>),
}

impl Value<'_> {
    /// A plain-words name of the kind of value, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a group of keys",
        }
    }
}

impl Node<'_> {
    /// The scalar as text, if it is a scalar (numbers and booleans are written back as text).
    pub fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A YAML syntax problem, located in the parsed text.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// Where the parser gave up (line 0 when unknown).
    pub pos: Pos,
    /// The parser's own words.
    pub message: String,
}

/// Parses one YAML document. An empty document is `Null`.
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Null,
            pos: Pos { line: 1, col: 1 },
        });
    }
    if let Some(pos) = tab_in_indentation(text) {
        return Err(SyntaxError {
            pos,
            message: TAB_MESSAGE.to_string(),
        });
    }
    if let Some(node) = events::parse(text) {
        return Ok(node);
    }
    full(text)
}

/// Parses with serde-saphyr (everything the event path leaves alone).
fn full(text: &str) -> Result<Node<'static>, SyntaxError> {
    let mut budget = Budget::default();
    // Deeper values recurse in the deserializer; 64 overflowed 2 MB thread stacks in debug.
    budget.max_depth = 32;
    budget.max_aliases = 1_000;
    // A front matter has tens of values and a large FAQ thousands; an alias bomb stops here
    // at a few MB, so even many of them parsed at once keep a build small.
    budget.max_nodes = 100_000;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = 100_000;
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.underscored_numbers_as_strings = true;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(spanned) => Ok(to_node(spanned)),
        Err(err) => {
            let pos = err
                .location()
                .map(|loc| Pos {
                    line: loc.line() as u32,
                    col: loc.column() as u32,
                })
                .unwrap_or_default();
            let message = err.without_snippet().to_string();
            Err(SyntaxError {
                pos,
                message: first_line(&message),
            })
        }
    }
}

/// The message for a tab in indentation; YAML forbids tabs there, and editors hide them.
pub const TAB_MESSAGE: &str =
    "a tab character is used for indentation; YAML only allows spaces there";

fn tab_in_indentation(text: &str) -> Option<Pos> {
    // Almost no file has a tab at all: one memchr pass, then the lines only when it does.
    memchr::memchr(b'\t', text.as_bytes())?;
    text.lines().enumerate().find_map(|(i, line)| {
        // Spaces and tabs are ASCII: the indentation's byte length is its length in characters.
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let col = line[..indent].find('\t')?;
        let rest = &line[indent..];
        // A tab before a comment or on an otherwise blank line is harmless.
        if rest.is_empty() || rest.starts_with('#') {
            return None;
        }
        Some(Pos {
            line: i as u32 + 1,
            col: col as u32 + 1,
        })
    })
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    // serde-saphyr appends " at line X column Y"; we print positions ourselves.
    match line.rfind(" at line ") {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

/// The parser-facing tree; converted into [`Node`] once parsing succeeded.
#[derive(Debug)]
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

fn to_node(spanned: Spanned<Raw>) -> Node<'static> {
    let pos = Pos {
        line: spanned.referenced.line() as u32,
        col: spanned.referenced.column() as u32,
    };
    let value = match spanned.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(Cow::Owned(s)),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(to_node).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (to_node(k), to_node(v)))
                .collect(),
        ),
    };
    Node { value, pos }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        match i64::try_from(v) {
            Ok(i) => Ok(Raw::Int(i)),
            Err(_) => Ok(Raw::Str(v.to_string())),
        }
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v)
            .map(Raw::Int)
            .unwrap_or_else(|_| Raw::Str(v.to_string())))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v)
            .map(Raw::Int)
            .unwrap_or_else(|_| Raw::Str(v.to_string())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Raw>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let node = parse("title: Hello\nlist:\n  - a\n  - 2\n").expect("valid yaml");
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].0.pos, Pos { line: 1, col: 1 });
        assert_eq!(entries[0].1.pos, Pos { line: 1, col: 8 });
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("not a seq")
        };
        assert_eq!(items[1].pos, Pos { line: 4, col: 5 });
        assert_eq!(items[1].value, Value::Int(2));
    }

    #[test]
    fn leading_zero_postal_codes_stay_text() {
        let node = parse("code: 01234\n").expect("valid yaml");
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].1.value, Value::Str("01234".into()));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // Depth 64 overflowed a 2 MB test-thread stack in debug builds; 32 is far above
        // anything a site needs and safe on every thread.
        for n in [33usize, 100, 5000] {
            let flow = format!("extra: {}1{}\n", "[".repeat(n), "]".repeat(n));
            assert!(parse(&flow).is_err(), "flow depth {n}");
        }
        let block: String = (0..40)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        assert_eq!(parse(&block).expect_err("too deep").pos.line, 33);
        assert!(parse(&format!("a: {}1{}\n", "[".repeat(30), "]".repeat(30))).is_ok());
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = parse("a: b\n\tc: d\n").expect_err("tab is invalid");
        assert_eq!(err.pos.line, 2);
    }
}
