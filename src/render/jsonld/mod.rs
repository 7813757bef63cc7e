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
    let mut out = String::with_capacity(25);
    if push_timestamp(&mut out, &zoned) {
        return out;
    }
    out.clear();
    match write!(out, "{}", zoned.strftime("%Y-%m-%dT%H:%M:%S%:z")) {
        Ok(()) => out,
        Err(_) => day.to_string(),
    }
}

/// Appends `zoned` as `strftime("%Y-%m-%dT%H:%M:%S%:z")` prints it, by hand, when its year
/// has four digits and its offset whole minutes; false (and nothing reliable written)
/// otherwise.
fn push_timestamp(out: &mut String, zoned: &jiff::ZonedDateTime) -> bool {
    use crate::render::feeds::xml::push_digits;
    let offset = zoned.offset().seconds();
    let (Ok(year @ 1000..=9999), 0) = (u16::try_from(zoned.year()), offset % 60) else {
        return false;
    };
    let minutes = offset.unsigned_abs() / 60;
    let (Ok(hours), Ok(minutes)) = (u16::try_from(minutes / 60), u16::try_from(minutes % 60))
    else {
        return false;
    };
    let part = |n: i8| u16::from(n.unsigned_abs());
    push_digits(out, year, 4);
    out.push('-');
    push_digits(out, part(zoned.month()), 2);
    out.push('-');
    push_digits(out, part(zoned.day()), 2);
    out.push('T');
    push_digits(out, part(zoned.hour()), 2);
    out.push(':');
    push_digits(out, part(zoned.minute()), 2);
    out.push(':');
    push_digits(out, part(zoned.second()), 2);
    out.push(if offset < 0 { '-' } else { '+' });
    push_digits(out, hours, 2);
    out.push(':');
    push_digits(out, minutes, 2);
    true
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
    fn end_of_day_prints_as_strftime_in_every_zone() {
        for zone in [
            "Europe/Berlin",
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
            "America/St_Johns",
            "Pacific/Apia",
            "UTC",
        ] {
            let tz = TimeZone::get(zone).expect("tzdb has the zone");
            let mut day = jiff::civil::date(2024, 1, 1);
            while day.year() < 2027 {
                let zoned = day
                    .at(23, 59, 59, 0)
                    .to_zoned_datetime(tz.clone())
                    .expect("in range");
                let expected = zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
                assert_eq!(end_of_day(day, &tz), expected, "{zone} {day}");
                day = day.tomorrow().expect("a next day");
            }
        }
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
