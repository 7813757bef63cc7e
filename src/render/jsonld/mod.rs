//! Structured data for search engines: `JobPosting` on open posting pages and `FAQPage`
//! on /faq/, built from the same views the visible page prints.

pub mod description;
mod facts;
mod job_posting;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_json::{Value, json};

use crate::content::model::FaqGroup;

pub use job_posting::job_posting;

/// The last second of `day` in the site's timezone, with its UTC offset
/// (`2026-12-31T23:59:59+01:00`); the plain date if the zone cannot express it.
pub fn end_of_day(day: Date, tz: &TimeZone) -> String {
    match day.at(23, 59, 59, 0).to_zoned_datetime(tz.clone()) {
        Ok(zoned) => zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        Err(_) => day.to_string(),
    }
}

/// The `FAQPage` object for /faq/ in `language`; answers are their rendered HTML.
pub fn faq_page(groups: &[FaqGroup], answers: &[Vec<String>], language: &str) -> Value {
    let entities: Vec<Value> = groups
        .iter()
        .zip(answers)
        .flat_map(|(g, a)| g.questions.iter().zip(a.iter()))
        .map(|(q, answer)| json!({"@type": "Question", "name": q.question, "acceptedAnswer": {"@type": "Answer", "text": answer}}))
        .collect();
    json!({"@context": "https://schema.org", "@type": "FAQPage", "inLanguage": language, "mainEntity": entities})
}

/// Wraps JSON-LD in a script tag, HTML-safe so no value can close the script early.
pub fn script(value: &impl serde::Serialize) -> String {
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        crate::render::json::compact(value)
    )
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
}
