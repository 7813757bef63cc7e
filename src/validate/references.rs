//! A `reference` is one job's number in feeds, jobs.json and Google for Jobs, so two jobs
//! may not share one; translations of one job do.

use std::collections::HashMap;

use crate::content::Content;
use crate::content::model::Posting;
use crate::diagnostics::{Diagnostic, shown_path};

/// The key that links translations of one job (as the render links them).
fn job_key(p: &Posting) -> &str {
    p.translation_key.as_deref().unwrap_or(&p.slug)
}

/// An error on every posting whose `reference` an earlier posting of another job uses.
pub(super) fn check(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, &Posting> = HashMap::new();
    for p in &content.postings {
        let Some(reference) = p.reference.as_deref() else {
            continue;
        };
        match seen.get(reference) {
            Some(first) if job_key(first) != job_key(p) => out.push(duplicate(p, reference, first)),
            Some(_) => {}
            None => {
                seen.insert(reference, p);
            }
        }
    }
    out
}

/// The error for `p`, naming the file that has the reference first.
fn duplicate(p: &Posting, reference: &str, first: &Posting) -> Diagnostic {
    let (line, column) = p.reference_at;
    Diagnostic::error(
        &p.source,
        line,
        column,
        "duplicate-reference",
        format!(
            "this posting has the reference `{reference}`, which {} already uses; job boards and Google for Jobs would take the two for one job",
            shown_path(&first.source)
        ),
    )
    .help("change `reference` to this job's own number, or remove the `reference` line")
    .width(reference.chars().count())
}
