//! One translation file read into keys and texts, and texts filled with values.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::i18n::Layer;
use crate::yaml::{self, Node, Value};

/// The CLDR plural categories, in CLDR's order.
pub(super) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A key's text: one for every number, or one per plural category.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Message {
    /// The same text whatever the number.
    Text(String),
    /// (category, text) pairs; `other` is always among them.
    Plural(Vec<(&'static str, String)>),
}

/// Keys and their texts.
#[derive(Clone, Debug, Default)]
pub(super) struct Messages(HashMap<String, Message>);

impl Messages {
    /// Takes every key of `other`, replacing the ones already here.
    pub(super) fn extend(&mut self, other: &Messages) {
        for (k, v) in &other.0 {
            self.0.insert(k.clone(), v.clone());
        }
    }

    /// Every key with one text for every number, and that text.
    pub(super) fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().filter_map(|(k, m)| match m {
            Message::Text(t) => Some((k.as_str(), t.as_str())),
            Message::Plural(_) => None,
        })
    }

    /// The text of a key.
    pub(super) fn get(&self, key: &str) -> Option<&Message> {
        self.0.get(key)
    }

    /// This file's keys that `other` lacks, sorted.
    pub(super) fn keys_missing_from(&self, other: &Messages) -> Vec<String> {
        let mut missing: Vec<String> = self
            .0
            .keys()
            .filter(|k| !other.0.contains_key(*k))
            .cloned()
            .collect();
        missing.sort();
        missing
    }
}

/// The form for `category`, else `other`.
pub(super) fn pick<'a>(forms: &'a [(&'static str, String)], category: &str) -> &'a str {
    forms
        .iter()
        .find(|(c, _)| *c == category)
        .or_else(|| forms.iter().find(|(c, _)| *c == "other"))
        .map_or("", |(_, t)| t.as_str())
}

/// `text` with every `{name}` replaced by what `value` gives; unknown names stay as written.
pub(super) fn fill_by<'v>(
    text: &str,
    value: impl Fn(&str) -> Option<std::borrow::Cow<'v, str>>,
) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads one file: a mapping of keys to texts or to plural forms.
pub(super) fn parse(layer: &Layer) -> Result<Messages, Vec<Diagnostic>> {
    let file = &layer.display;
    let root = yaml::parse(&layer.text).map_err(|e| {
        vec![
            Diagnostic::error(file, e.pos.line, e.pos.col, "yaml-syntax", e.message)
                .help("fix the YAML syntax of this translation file")
                .with_source(&layer.text),
        ]
    })?;
    let entries = match &root.value {
        Value::Map(entries) => entries.as_slice(),
        Value::Null => &[],
        other => {
            return Err(vec![
                Diagnostic::error(
                    file,
                    root.pos.line,
                    root.pos.col,
                    "translation-shape",
                    format!(
                        "a translation file is a list of `key: text` lines, but this one is {}",
                        other.kind_name()
                    ),
                )
                .help("write one `key: text` per line, like the theme's i18n/en.yaml")
                .with_source(&layer.text),
            ]);
        }
    };
    let mut messages = HashMap::new();
    let mut errors = Vec::new();
    for (key, value) in entries {
        let Some(name) = key.as_text() else { continue };
        match message(value) {
            Ok(m) => {
                messages.insert(name, m);
            }
            Err(problem) => errors.push(
                Diagnostic::error(file, value.pos.line, value.pos.col, "translation-shape", format!("the translation of `{name}` {problem}"))
                    .help("write a text, or for a text that depends on a number one text per plural category (zero, one, two, few, many, other), `other` included")
                    .with_source(&layer.text),
            ),
        }
    }
    if errors.is_empty() {
        Ok(Messages(messages))
    } else {
        Err(errors)
    }
}

/// One key's value as a message, or what is wrong with it.
fn message(value: &Node) -> Result<Message, String> {
    match &value.value {
        Value::Map(forms) => {
            let mut out = Vec::new();
            for (category, text) in forms {
                let category = category.as_text().unwrap_or_default();
                let Some(known) = CATEGORIES.iter().find(|c| **c == category) else {
                    return Err(format!(
                        "has the plural category `{category}`, which CLDR does not have"
                    ));
                };
                let Some(text) = text.as_text() else {
                    return Err(format!(
                        "has {} for `{category}` instead of a text",
                        text.value.kind_name()
                    ));
                };
                out.push((*known, text));
            }
            if !out.iter().any(|(c, _)| *c == "other") {
                return Err("has plural forms but no `other`".into());
            }
            Ok(Message::Plural(out))
        }
        Value::Seq(_) | Value::Null => {
            Err(format!("is {} instead of a text", value.value.kind_name()))
        }
        _ => Ok(Message::Text(value.as_text().unwrap_or_default())),
    }
}
