//! Remote postings and where the hire may live: job boards need the regions to show a remote
//! posting to the right people.

use crate::content::model::Workplace;
use crate::diagnostics::Diagnostic;
use crate::lint::Ctx;

/// Warns about a remote posting that names no region.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let posting = ctx.posting;
    if posting.workplace != Workplace::Remote || !posting.remote_regions.is_empty() {
        return;
    }
    out.push(ctx.doc.warn(
        ctx.doc.key_or_top(&["workplace"]),
        "remote-without-region",
        "this remote posting does not say where the person may live, so job boards show it to nobody or to everybody".to_string(),
        "add the countries, states or regions you can hire in, like `remote_regions: [EU]` or `remote_regions: [US, Canada]` (`worldwide` when anywhere is fine)",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests_support::{config, posting};

    fn warnings(posting: &crate::content::model::Posting) -> Vec<&'static str> {
        let doc = crate::lint::Doc {
            file: posting.source.clone(),
            text: "---\nworkplace: remote\n---\n".into(),
            body_line: 4,
        };
        let ctx = Ctx {
            posting,
            doc: &doc,
            config: &config(),
            today: jiff::civil::date(2026, 1, 1),
        };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_remote_posting_needs_a_region() {
        let mut p = posting();
        assert!(warnings(&p).is_empty(), "on-site postings need none");
        p.workplace = Workplace::Remote;
        assert_eq!(warnings(&p), ["remote-without-region"]);
        p.remote_regions = vec!["worldwide".into()];
        assert!(warnings(&p).is_empty());
    }
}
