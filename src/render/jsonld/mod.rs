//! Structured data for search engines: `JobPosting` on open posting pages and `FAQPage`
//! on /faq/, built from the same views the visible page prints.

pub mod description;
mod job_posting;

use std::fmt::Write as _;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_json::{Value, json};

use crate::config::SiteConfig;
use crate::content::model::{FaqGroup, Posting};
use crate::render::feeds::json::Json;
use crate::render::urls::Urls;
use crate::render::views::JobView;

pub use job_posting::JobPosting;

/// A posting's `JobPosting` object, ready to be written by [`script`]; `body_html` is its
/// rendered body.
pub fn job_posting<'a>(
    job: &'a JobView,
    posting: &'a Posting,
    body_html: &'a str,
    config: &'a SiteConfig,
    urls: &'a Urls,
) -> JobPosting<'a> {
    JobPosting {
        job,
        posting,
        body_html,
        config,
        urls,
    }
}

/// The last second of `day` in the site's timezone, with its UTC offset
/// (`2026-12-31T23:59:59+01:00`); the plain date if the zone cannot express it.
pub fn end_of_day(day: Date, tz: &TimeZone) -> String {
    let Ok(zoned) = day.at(23, 59, 59, 0).to_zoned_datetime(tz.clone()) else {
        return day.to_string();
    };
    let mut out = String::new();
    match write!(out, "{}", zoned.strftime("%Y-%m-%dT%H:%M:%S%:z")) {
        Ok(()) => out,
        Err(_) => day.to_string(),
    }
}

/// The `FAQPage` object for /faq/; answers are their rendered HTML.
pub fn faq_page(groups: &[FaqGroup], answers: &[Vec<String>]) -> Value {
    let entities: Vec<Value> = groups
        .iter()
        .zip(answers)
        .flat_map(|(g, a)| g.questions.iter().zip(a.iter()))
        .map(|(q, answer)| json!({"@type": "Question", "name": q.question, "acceptedAnswer": {"@type": "Answer", "text": answer}}))
        .collect();
    json!({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities})
}

/// Structured data that can be written as HTML-safe JSON into a script tag.
pub trait JsonLd {
    /// Appends the JSON text (`<`, `>` and `&` as `\u` escapes) to `out`.
    fn write_json(&self, out: &mut String);
    /// How many bytes the JSON text may take, to size the buffer once.
    fn size_hint(&self) -> usize {
        1024
    }
}

impl JsonLd for Value {
    fn write_json(&self, out: &mut String) {
        let text = serde_json::to_string(self).unwrap_or_default();
        out.push_str(&crate::render::feeds::json::html_safe_json(text));
    }
}

impl JsonLd for JobPosting<'_> {
    fn write_json(&self, out: &mut String) {
        self.write(&mut Json::compact(out));
    }
    fn size_hint(&self) -> usize {
        self.body_html.len() + self.body_html.len() / 4 + 1024
    }
}

/// Wraps JSON-LD in a script tag, escaping `<` so no value can close the script early.
pub fn script(value: &impl JsonLd) -> String {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    const CLOSE: &str = "</script>";
    let mut out = String::with_capacity(OPEN.len() + value.size_hint() + CLOSE.len());
    out.push_str(OPEN);
    value.write_json(&mut out);
    out.push_str(CLOSE);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_through_is_the_last_second_in_the_site_zone() {
        let berlin = TimeZone::get("Europe/Berlin").expect("tzdb has Berlin");
        assert_eq!(
            end_of_day(jiff::civil::date(2026, 12, 31), &berlin),
            "2026-12-31T23:59:59+01:00"
        );
        assert_eq!(
            end_of_day(jiff::civil::date(2026, 7, 1), &berlin),
            "2026-07-01T23:59:59+02:00"
        );
        assert_eq!(
            end_of_day(jiff::civil::date(2026, 7, 1), &TimeZone::UTC),
            "2026-07-01T23:59:59+00:00"
        );
    }

    #[test]
    fn remote_regions_become_countries_when_they_name_one() {
        let region = |text| {
            let mut out = String::new();
            job_posting::region(&mut Json::compact(&mut out), text);
            out
        };
        assert_eq!(region("de"), r#"{"@type":"Country","name":"Germany"}"#);
        assert_eq!(
            region("Netherlands"),
            r#"{"@type":"Country","name":"Netherlands"}"#
        );
        assert_eq!(
            region("EU"),
            r#"{"@type":"AdministrativeArea","name":"EU"}"#
        );
    }
}
