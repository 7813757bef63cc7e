//! Structured data for search engines: `JobPosting` on open posting pages and `FAQPage`
//! on /faq/, built from the same views the visible page prints.

use serde_json::{Map, Value, json};

use crate::config::SiteConfig;
use crate::content::model::{FaqGroup, Posting, Workplace};
use crate::render::urls::Urls;
use crate::render::views::JobView;

/// Google's case-sensitive employmentType values.
fn google_type(id: &str) -> &'static str {
    match id {
        "full_time" => "FULL_TIME",
        "part_time" => "PART_TIME",
        "contract" => "CONTRACTOR",
        "temporary" => "TEMPORARY",
        "intern" => "INTERN",
        "volunteer" => "VOLUNTEER",
        "per_diem" => "PER_DIEM",
        _ => "OTHER",
    }
}

/// The `JobPosting` object of an open posting; `description_html` is its rendered body.
pub fn job_posting(
    job: &JobView,
    posting: &Posting,
    description_html: &str,
    config: &SiteConfig,
    urls: &Urls,
) -> Value {
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(config.company.name));
    if let Some(url) = &config.company.url {
        org.insert("sameAs".into(), json!(url));
    }
    if let Some(logo) = &config.company.logo {
        org.insert("logo".into(), json!(urls.asset(logo)));
    }
    let mut obj = Map::new();
    obj.insert("@context".into(), json!("https://schema.org/"));
    obj.insert("@type".into(), json!("JobPosting"));
    obj.insert("title".into(), json!(job.title));
    obj.insert("description".into(), json!(description_html));
    obj.insert("datePosted".into(), json!(job.date_posted));
    if let Some(until) = posting.valid_through {
        let end = until
            .at(23, 59, 59, 0)
            .to_zoned_datetime(config.timezone.clone())
            .map(|z| z.timestamp().to_string())
            .unwrap_or_else(|_| until.to_string());
        obj.insert("validThrough".into(), json!(end));
    }
    let types: Vec<&str> = job
        .employment_types
        .iter()
        .map(|t| google_type(t.id))
        .collect();
    obj.insert(
        "employmentType".into(),
        if types.len() == 1 {
            json!(types[0])
        } else {
            json!(types)
        },
    );
    obj.insert("hiringOrganization".into(), Value::Object(org));
    obj.insert("url".into(), json!(job.permalink));
    if !job.reference.is_empty() {
        obj.insert(
            "identifier".into(),
            json!({"@type": "PropertyValue", "name": config.company.name, "value": job.reference}),
        );
    }
    let places: Vec<Value> = job
        .locations
        .iter()
        .map(|l| {
            let mut address = Map::new();
            address.insert("@type".into(), json!("PostalAddress"));
            for (key, value) in [
                ("streetAddress", &l.street),
                ("addressLocality", &l.city),
                ("addressRegion", &l.region),
                ("postalCode", &l.postal_code),
                ("addressCountry", &l.country),
            ] {
                if !value.is_empty() {
                    address.insert(key.into(), json!(value));
                }
            }
            json!({"@type": "Place", "address": Value::Object(address)})
        })
        .collect();
    if !places.is_empty() {
        obj.insert(
            "jobLocation".into(),
            if places.len() == 1 {
                places[0].clone()
            } else {
                Value::Array(places)
            },
        );
    }
    if posting.workplace == Workplace::Remote {
        obj.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        let regions: Vec<Value> = posting
            .remote_regions
            .iter()
            .map(|r| json!({"@type": "Country", "name": r}))
            .collect();
        if !regions.is_empty() {
            obj.insert(
                "applicantLocationRequirements".into(),
                if regions.len() == 1 {
                    regions[0].clone()
                } else {
                    Value::Array(regions)
                },
            );
        }
    }
    if let Some(s) = &posting.salary {
        let mut value = Map::new();
        value.insert("@type".into(), json!("QuantitativeValue"));
        match (s.min, s.max) {
            (Some(lo), Some(hi)) if lo == hi => {
                value.insert("value".into(), json!(lo));
            }
            (lo, hi) => {
                if let Some(lo) = lo {
                    value.insert("minValue".into(), json!(lo));
                }
                if let Some(hi) = hi {
                    value.insert("maxValue".into(), json!(hi));
                }
            }
        }
        value.insert("unitText".into(), json!(s.period.id().to_uppercase()));
        obj.insert("baseSalary".into(), json!({"@type": "MonetaryAmount", "currency": s.currency, "value": Value::Object(value)}));
    }
    let direct = job
        .apply
        .as_ref()
        .is_some_and(|a| a.kind == "url" && a.href.starts_with(&urls.base_url));
    obj.insert("directApply".into(), json!(direct));
    Value::Object(obj)
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

/// Wraps JSON-LD in a script tag, escaping `<` so no value can close the script early.
pub fn script(value: &Value) -> String {
    let text = serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("<script type=\"application/ld+json\">{text}</script>")
}
