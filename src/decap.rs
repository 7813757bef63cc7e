//! The Decap CMS editor for HR: its `config.yml`, made from the parser's table of keys
//! ([`crate::content::keys`]) so every form field is one careers reads, with the widget that
//! writes what careers expects, and its `index.html`.

use serde_json::{Value, json};

use crate::content::codes::COUNTRIES;
use crate::content::keys::{self, Key, Kind};

/// The Decap CMS release the admin page loads (the one the browser tests run).
pub const VERSION: &str = "3.16.3";
/// Subresource Integrity hash of that release's `dist/decap-cms.js`.
pub const INTEGRITY: &str = include_str!("decap/integrity.txt");

/// Where the admin files go inside a site (copied to `/admin/` of the built site).
pub const ADMIN_DIR: &str = "content/static/admin";

/// `config.yml`: the GitHub backend to fill in, the local backend, and one collection each
/// for postings, pages and the FAQ. `site_url` is the site's `base_url`.
pub fn config(site_url: &str) -> String {
    let config = json!({
        "backend": {"name": "github", "repo": "OWNER/REPOSITORY", "branch": "main"},
        "local_backend": true,
        "site_url": site_url,
        "media_folder": "content/static/images",
        "public_folder": "/images",
        "collections": [postings(), pages(), faq()],
    });
    let yaml = serde_saphyr::to_string(&config).unwrap_or_default();
    format!(
        "# Decap CMS, the browser editor for HR (“Edit postings in your browser” in the careers docs).\n\
         # Written by `careers cms` from the keys careers reads; run it again with --force after\n\
         # updating careers. Fill in `repo` (your GitHub account or organisation / repository).\n{yaml}"
    )
}

/// The postings collection: one Markdown file per posting under content/jobs/.
fn postings() -> Value {
    let mut fields = fields(keys::POSTING);
    fields.push(body());
    json!({
        "name": "jobs",
        "label": "Job postings",
        "label_singular": "Job posting",
        "folder": "content/jobs",
        "create": true,
        "extension": "md",
        "format": "yaml-frontmatter",
        "slug": "{{slug}}",
        "summary": "{{title}} — {{department}}",
        "fields": fields,
    })
}

/// The pages collection (content/pages/).
fn pages() -> Value {
    let mut fields = fields(keys::PAGE);
    fields.push(body());
    json!({
        "name": "pages",
        "label": "Pages",
        "label_singular": "Page",
        "folder": "content/pages",
        "create": true,
        "extension": "md",
        "format": "yaml-frontmatter",
        "slug": "{{slug}}",
        "fields": fields,
    })
}

/// The FAQ: one file, content/faq.yaml.
fn faq() -> Value {
    json!({
        "name": "faq",
        "label": "Frequently asked questions",
        "files": [{
            "name": "faq",
            "label": "FAQ",
            "file": "content/faq.yaml",
            "format": "yaml",
            "fields": fields(keys::FAQ),
        }],
    })
}

/// The Markdown text below the front matter.
fn body() -> Value {
    json!({"name": "body", "label": "Text", "widget": "markdown", "hint": "The posting text: the role, what you look for, what you offer."})
}

/// Form fields for the keys a form can edit; free-form keys (`extra`) are left to text editors.
fn fields(keys: &[Key]) -> Vec<Value> {
    keys.iter().filter_map(field).collect()
}

/// The fields of an optional group (`salary`, `hiring_organization`): Decap asks for a
/// required field even when the whole group is left empty, so none is marked required
/// (careers check still says when one is missing).
fn optional_fields(keys: &[Key]) -> Vec<Value> {
    let mut fields = fields(keys);
    for field in &mut fields {
        field["required"] = json!(false);
    }
    fields
}

/// "Date posted" for `date_posted`.
fn label(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// One form field, or `None` for a key no widget writes correctly.
fn field(key: &Key) -> Option<Value> {
    // A posting has one pay range far more often than several: the form edits one.
    let mut out = match (key.name, &key.kind) {
        ("salary", Kind::OneOrList(Kind::Group(range))) => widget(&Kind::Group(range))?,
        (_, kind) => widget(kind)?,
    };
    out["name"] = json!(key.name);
    out["label"] = json!(label(key.name));
    out["hint"] = json!(key.about);
    out["required"] = json!(key.required);
    Some(out)
}

/// The widget that writes a value of this kind as careers reads it.
fn widget(kind: &Kind) -> Option<Value> {
    Some(match kind {
        Kind::Text | Kind::Url | Kind::Email | Kind::Currency | Kind::Timezone => {
            json!({"widget": "string"})
        }
        Kind::Slug => {
            json!({"widget": "string", "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "lower-case letters, digits and hyphens"]})
        }
        Kind::Markdown => json!({"widget": "markdown"}),
        Kind::Date => json!({
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": false,
            "picker_utc": true,
        }),
        // No default: an untouched switch is left out, not written as `false` (which would say
        // "no visa sponsorship" where HR said nothing).
        Kind::Flag => json!({"widget": "boolean"}),
        Kind::Number => json!({"widget": "number", "value_type": "float"}),
        Kind::Count => json!({"widget": "number", "value_type": "int", "min": 1}),
        Kind::Country => json!({"widget": "select", "options": COUNTRIES
            .iter()
            .map(|(code, name)| json!({"label": format!("{name} ({code})"), "value": code}))
            .collect::<Vec<_>>()}),
        Kind::Choice(names) => json!({"widget": "select", "options": names()}),
        Kind::OneOrList(item) | Kind::List(item) => match &**item {
            Kind::Choice(names) => {
                json!({"widget": "select", "multiple": true, "options": names()})
            }
            Kind::Group(keys) => json!({"widget": "list", "fields": fields(keys)}),
            Kind::AnyOf(kinds) => return widget(&Kind::List(kinds.first()?)),
            _ => json!({"widget": "list"}),
        },
        Kind::Group(keys) => json!({"widget": "object", "fields": optional_fields(keys)}),
        Kind::AnyOf(kinds) => return kinds.iter().find_map(widget),
        Kind::Named(_) | Kind::Free => return None,
    })
}

/// `index.html`: loads the pinned Decap release (checked against its hash), shows previews
/// with the site's own stylesheet.
pub fn index_html() -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Edit the careers site</title>
</head>
<body>
  <script src="https://unpkg.com/decap-cms@{VERSION}/dist/decap-cms.js" integrity="{integrity}" crossorigin="anonymous"></script>
  <script>CMS.registerPreviewStyle("../style.css");</script>
</body>
</html>
"#,
        integrity = INTEGRITY.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_posting_key_a_form_can_write_has_a_field() {
        let config: Value =
            serde_saphyr::from_str(&config("https://x.test/")).expect("config is YAML");
        let jobs = &config["collections"][0];
        let names: Vec<&str> = jobs["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["name"].as_str())
            .collect();
        let expected: Vec<&str> = keys::POSTING
            .iter()
            .filter(|k| !matches!(k.kind, Kind::Free | Kind::Named(_)))
            .map(|k| k.name)
            .chain(["body"])
            .collect();
        assert_eq!(names, expected);
        let field = |name: &str| {
            jobs["fields"]
                .as_array()
                .and_then(|f| f.iter().find(|x| x["name"] == name))
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(field("employment_type")["widget"], "select");
        assert_eq!(field("employment_type")["multiple"], true);
        assert_eq!(
            field("workplace")["options"],
            json!(["onsite", "hybrid", "remote"])
        );
        assert_eq!(field("date_posted")["widget"], "datetime");
        assert_eq!(field("locations")["widget"], "list");
        assert_eq!(field("salary")["widget"], "object");
        assert_eq!(config["local_backend"], true);
    }
}
