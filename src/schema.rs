//! JSON Schema (2020-12) of the content files, made from the parser's own table of keys
//! ([`crate::content::keys`]), so editors underline what `careers check` would reject.

use serde_json::{Map, Value, json};

use crate::content::keys::{self, Key, Kind};

/// The files a schema describes, with the table each is read with.
pub const DOCUMENTS: [(&str, &str); 4] = [
    (
        "posting",
        "the front matter of a posting (content/jobs/*.md)",
    ),
    ("page", "the front matter of a page (content/pages/*.md)"),
    ("site", "content/site.yaml"),
    ("faq", "content/faq.yaml"),
];

/// The table of keys of a document named in [`DOCUMENTS`].
fn table(name: &str) -> Option<&'static [Key]> {
    Some(match name {
        "posting" => keys::POSTING,
        "page" => keys::PAGE,
        "site" => keys::SITE,
        "faq" => keys::FAQ,
        _ => return None,
    })
}

/// The schema of one document, or `None` for a name not in [`DOCUMENTS`].
pub fn document(name: &str) -> Option<Value> {
    let keys = table(name)?;
    let (_, what) = DOCUMENTS.iter().find(|(n, _)| *n == name)?;
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    schema.insert(
        "$id".into(),
        json!(format!("https://careers.invalid/schema/{name}.schema.json")),
    );
    schema.insert("title".into(), json!(format!("careers: {what}")));
    if let Value::Object(group) = group(keys) {
        schema.extend(group);
    }
    Some(Value::Object(schema))
}

/// A mapping with exactly these keys, the required ones listed.
fn group(keys: &[Key]) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|k| {
            let mut property = kind(&k.kind);
            if let Value::Object(map) = &mut property {
                map.insert("description".into(), json!(k.about));
            }
            (k.name.to_string(), property)
        })
        .collect();
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut out = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        out["required"] = json!(required);
    }
    out
}

/// The schema of one kind of value.
fn kind(kind: &Kind) -> Value {
    match kind {
        // The parser reads a number or a YAML 1.1 boolean (`region: ON`) as its text.
        Kind::Text => json!({"type": ["string", "number", "boolean"]}),
        Kind::Markdown => json!({"type": "string"}),
        Kind::Slug => json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}),
        Kind::Url => json!({"type": "string", "pattern": "^(https?://|mailto:|/)"}),
        Kind::Email => json!({"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"}),
        Kind::Date => {
            json!({"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"})
        }
        Kind::Flag => json!({"type": "boolean"}),
        Kind::Number => json!({"anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": "^[0-9][0-9 ,_]*(\\.[0-9]+)?$"},
        ]}),
        Kind::Count => json!({"type": "integer", "minimum": 1}),
        Kind::Country => json!({"type": "string", "pattern": "^[A-Za-z]{2}$"}),
        Kind::Currency => json!({"type": "string", "pattern": "^[A-Za-z]{3}$"}),
        Kind::Timezone => json!({"type": "string", "enum": timezones()}),
        Kind::Choice(names) => json!({"type": "string", "enum": spellings(names())}),
        Kind::OneOrList(item) => {
            let item = self::kind(item);
            json!({"anyOf": [item.clone(), {"type": "array", "items": item}]})
        }
        Kind::List(item) => json!({"type": "array", "items": self::kind(item)}),
        Kind::Group(keys) => group(keys),
        Kind::Named(value) => json!({"type": "object", "additionalProperties": self::kind(value)}),
        Kind::AnyOf(kinds) => json!({"anyOf": kinds.iter().map(self::kind).collect::<Vec<_>>()}),
        Kind::Free => json!({}),
    }
}

/// The names of a choice, each also with spaces for its underscores (`high school`), as the
/// parser reads both.
fn spellings(names: Vec<&'static str>) -> Vec<String> {
    let spaced = names
        .iter()
        .filter(|n| n.contains('_'))
        .map(|n| n.replace('_', " "));
    names.iter().map(|n| n.to_string()).chain(spaced).collect()
}

/// Every time zone name careers knows, sorted, so the schema is the same on each build.
fn timezones() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    names.push("UTC".into());
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The property names of a schema's top level.
    fn properties(schema: &Value) -> Vec<&str> {
        schema["properties"]
            .as_object()
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_document_lists_the_keys_the_parser_reads() {
        for (name, _) in DOCUMENTS {
            let schema = document(name).expect("a known document");
            let mut parsed = keys::names(table(name).expect("a table"));
            parsed.sort_unstable();
            let mut listed = properties(&schema);
            listed.sort_unstable();
            assert_eq!(listed, parsed, "{name}");
            assert_eq!(schema["additionalProperties"], json!(false));
        }
        assert!(document("nothing").is_none());
    }

    #[test]
    fn choices_come_from_the_model() {
        let posting = document("posting").expect("posting");
        let types = &posting["properties"]["employment_type"]["anyOf"][0]["enum"];
        assert_eq!(types[0], "full_time");
        assert_eq!(
            posting["properties"]["workplace"]["enum"],
            json!(["onsite", "hybrid", "remote"])
        );
        assert!(
            posting["required"]
                .as_array()
                .is_some_and(|r| r.contains(&json!("title")))
        );
    }
}
