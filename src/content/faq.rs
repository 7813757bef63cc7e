//! content/faq.yaml: groups of questions shown on /faq/ and on postings that list them.

use crate::content::fields::Reader;
use crate::content::frontmatter;
use crate::content::model::FaqGroup;
use crate::content::posting::read_questions;
use crate::content::slug;
use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;
use crate::yaml::{Node, Value};

/// Parses faq.yaml text already in memory: the groups that are fine, and every problem.
pub fn parse_text(file: &SourceFile) -> (Vec<FaqGroup>, Vec<Diagnostic>) {
    let node = match crate::yaml::parse(&file.text) {
        Ok(node) => node,
        Err(err) => {
            return (
                Vec::new(),
                vec![frontmatter::syntax_diagnostic(file, 0, &err)],
            );
        }
    };
    let mut reader = Reader::new(file, 0);
    let groups = read(&mut reader, &node);
    (groups, reader.diagnostics)
}

/// Reads the groups; every problem is recorded in the reader.
pub fn read(r: &mut Reader, node: &Node) -> Vec<FaqGroup> {
    let Some(f) = r.fields(node, crate::content::keys::FAQ, "faq.yaml") else {
        return Vec::new();
    };
    let Some(groups) = f.present("groups") else {
        if node.value != Value::Null {
            r.missing(&f, "groups", "faq.yaml", "groups:");
        }
        return Vec::new();
    };
    let Value::Seq(items) = &groups.value else {
        r.error(
            groups.pos,
            1,
            "wrong-type",
            "`groups` should be a list of groups".into(),
            "write each group as `- id: …` with `title:` and `questions:` below it".into(),
        );
        return Vec::new();
    };
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for item in items {
        let Some(g) = r.fields(item, crate::content::keys::FAQ_GROUP, "a FAQ group") else {
            continue;
        };
        let id = r.required_text(&g, "id", "this FAQ group", "id: internships");
        let title = r.required_text(&g, "title", "this FAQ group", "title: Internships");
        let questions = g
            .present("questions")
            .map(|n| read_questions(r, n, "`questions`"))
            .unwrap_or_default();
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        let pos = g.get("id").map(|n| n.pos).unwrap_or(item.pos);
        if !slug::is_valid(&id) {
            r.error(
                pos,
                id.chars().count(),
                "bad-slug",
                format!("the group id `{id}` may only use lower-case letters, digits and hyphens"),
                format!("write it as `id: {}`", slug::slugify(&id)),
            );
            continue;
        }
        if seen.contains(&id) {
            r.error(
                pos,
                id.chars().count(),
                "duplicate-id",
                format!("there are two FAQ groups with the id `{id}`"),
                "give each group its own id".into(),
            );
            continue;
        }
        seen.push(id.clone());
        out.push(FaqGroup {
            id,
            title,
            questions,
        });
    }
    out
}
