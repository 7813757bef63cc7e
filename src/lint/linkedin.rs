//! What LinkedIn's Basic Jobs feed needs of a posting (`feeds: {linkedin: true}`): ids it
//! accepts, a description long enough to be taken, and a place to show the job in.

use pulldown_cmark::{Event, Parser};

use crate::content::job_boards::{MAX_ID, MIN_DESCRIPTION, job_ids, location_line};
use crate::diagnostics::Diagnostic;
use crate::lint::Ctx;

/// Adds the LinkedIn warnings for one posting, when the site publishes the feed.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !ctx.config.feeds.linkedin {
        return;
    }
    let p = ctx.posting;
    let doc = ctx.doc;
    let ids = job_ids(p);
    if let Some((id, _)) = ids.iter().find(|(id, _)| id.chars().count() > MAX_ID) {
        out.push(doc.warn(
            doc.key_or_top(&["reference", "slug", "title"]),
            "linkedin-id-too-long",
            format!(
                "LinkedIn takes job ids of at most {MAX_ID} characters, but this posting's is `{id}` ({} characters)",
                id.chars().count()
            ),
            "write a shorter `reference`, like `reference: ENG-42` (with several locations, the location is added to it)",
        ));
    }
    let length = text_length(&p.body);
    if length < MIN_DESCRIPTION {
        out.push(doc.warn(
            doc.key_or_top(&["title"]),
            "linkedin-description-too-short",
            format!(
                "LinkedIn ignores jobs whose description is shorter than {MIN_DESCRIPTION} characters; this one has {length}"
            ),
            "describe the role below the front matter: what the person will do, what you look for and what you offer",
        ));
    }
    if ids.iter().any(|(_, l)| location_line(p, *l).is_none()) {
        out.push(doc.warn(
            doc.key_or_top(&["remote_regions", "workplace", "locations"]),
            "linkedin-no-location",
            "LinkedIn needs a city or a country for every job, and this remote posting names neither".to_string(),
            "add a country to `remote_regions` (like `remote_regions: [DE, EU]`) or a place under `locations`",
        ));
    }
}

/// Characters of text in a Markdown body, markup left out.
fn text_length(body: &str) -> usize {
    Parser::new(body)
        .map(|event| match event {
            Event::Text(t) | Event::Code(t) => t.chars().count(),
            Event::SoftBreak | Event::HardBreak => 1,
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Workplace;
    use crate::lint::tests_support::{config, posting};

    fn codes(posting: &crate::content::model::Posting, linkedin: bool) -> Vec<&'static str> {
        let mut config = config();
        config.feeds.linkedin = linkedin;
        let doc = crate::lint::Doc {
            file: posting.source.clone(),
            text: "---\ntitle: A\n---\n".into(),
            body_line: 4,
        };
        let ctx = Ctx {
            posting,
            doc: &doc,
            config: &config,
            today: jiff::civil::date(2026, 1, 1),
        };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out.iter().map(|d| d.code).collect()
    }

    #[test]
    fn warns_only_where_linkedin_would_refuse_the_job() {
        let mut p = posting();
        assert!(codes(&p, true).is_empty(), "a plain posting is fine");
        p.body = "Short **text**.".into();
        assert!(codes(&p, false).is_empty(), "nothing without the feed");
        assert_eq!(codes(&p, true), ["linkedin-description-too-short"]);
        p.body = "word ".repeat(60);
        p.reference = Some("R".repeat(41));
        assert_eq!(codes(&p, true), ["linkedin-id-too-long"]);
        p.reference = Some("R".repeat(40));
        assert!(codes(&p, true).is_empty());
        p.locations.clear();
        p.workplace = Workplace::Remote;
        p.remote_regions = vec!["worldwide".into()];
        assert_eq!(codes(&p, true), ["linkedin-no-location"]);
        p.remote_regions.push("Canada".into());
        assert!(codes(&p, true).is_empty());
    }
}
