//! A job posting file: front matter checked key by key, body kept as Markdown.

mod facts;
mod pay;
mod placeholders;

use super::fields::read_lint_allow;
use crate::content::codes;
use crate::content::fields::{Fields, Reader};
use crate::content::model::{EmploymentType, Location, Posting, Question, Workplace};
use crate::content::{apply, extra, keys, slug};
use crate::yaml::{Node, Value};

/// The levels a required language may have.
pub(crate) use facts::LEVELS as LANGUAGE_LEVELS;
const WHAT: &str = "this posting";

/// Reads a posting from its parsed front matter; `None` when a required part is unusable.
pub fn read(
    r: &mut Reader,
    node: &Node,
    file_stem: &str,
    body: &str,
    body_line: u32,
) -> Option<Posting> {
    let f = r.fields(node, keys::POSTING, "the front matter")?;
    placeholders::check(r, node, body, body_line);
    let title = r.required_text(&f, "title", WHAT, "title: Backend Engineer");
    let (file_stem, file_language) = crate::content::language::split_stem(file_stem);
    let slug = slug::read(r, &f, file_stem);
    let language = crate::content::language::read(r, &f).or(file_language);
    let department = r.required_text(&f, "department", WHAT, "department: Engineering");
    let department_at = r.at(f.get("department").map_or(f.pos, |n| n.pos));
    let workplace = read_workplace(r, &f);
    let locations = read_locations(r, &f);
    if locations.is_empty() && workplace != Workplace::Remote && f.get("locations").is_none() {
        r.missing(
            &f,
            "locations",
            WHAT,
            "locations: [{city: Berlin, country: DE}]` (or `workplace: remote",
        );
    }
    let employment_types = read_employment_types(r, &f);
    let salaries = pay::read_salaries(r, &f);
    let date_posted = match r.date(&f, "date_posted") {
        Some((d, _)) => Some(d),
        None => {
            if f.present("date_posted").is_none() {
                r.missing(&f, "date_posted", WHAT, "date_posted: 2026-11-28");
            }
            None
        }
    };
    let valid_through = r.date(&f, "valid_through");
    if let (Some(posted), Some((until, pos))) = (date_posted, valid_through)
        && until < posted
    {
        r.error(
            pos,
            10,
            "expires-before-posted",
            format!("`valid_through` ({until}) is before `date_posted` ({posted})"),
            "the last day to apply must be on or after the day the posting was published".into(),
        );
    }
    let evergreen = r.flag(&f, "evergreen");
    let faq = f
        .present("faq")
        .map(|n| read_questions(r, n, "`faq`"))
        .unwrap_or_default();
    let faq_groups = r
        .text_list(&f, "faq_groups")
        .into_iter()
        .map(|(t, p)| (t, p.line + r.line_offset, p.col))
        .collect();
    let posting = Posting {
        source: r.file.path.clone(),
        title: title?,
        slug: slug?,
        department: department?,
        department_at,
        team: r.optional_text(&f, "team"),
        locations,
        workplace,
        remote_regions: read_remote_regions(r, &f),
        employment_types: employment_types?,
        salaries,
        pay: pay::read_terms(r, &f),
        facts: facts::read(r, &f),
        date_posted: date_posted?,
        date_updated: r.date(&f, "date_updated").map(|(d, _)| d),
        valid_through: valid_through.map(|(d, _)| d),
        evergreen,
        apply: f.present("apply").and_then(|n| apply::read(r, n)),
        reference: r.optional_text(&f, "reference"),
        reference_at: r.at(f.get("reference").map_or(f.pos, |n| n.pos)),
        summary: r.optional_text(&f, "summary"),
        tags: r
            .text_list(&f, "tags")
            .into_iter()
            .map(|(t, _)| t)
            .collect(),
        duration: r.optional_text(&f, "duration"),
        draft: r.flag(&f, "draft"),
        faq,
        faq_groups,
        image: crate::content::url::optional(r, &f, "image"),
        lint_allow: read_lint_allow(r, &f),
        language,
        translation_key: r.optional_text(&f, "translation_key"),
        extra: f.present("extra").map(extra::to_json).unwrap_or_default(),
        body: body.to_string(),
        body_line,
    };
    Some(posting)
}

/// `remote_regions`, each checked against the known countries, states, provinces and regions.
fn read_remote_regions(r: &mut Reader, f: &Fields) -> Vec<String> {
    let mut known = Vec::new();
    for (text, pos) in r.text_list(f, "remote_regions") {
        if crate::content::regions::parse(&text).is_some() {
            known.push(text);
            continue;
        }
        let help = match crate::content::regions::suggest(&text) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "write a country (`DE` or `Germany`), a US state or Canadian province (`California`, `US-CA`, `Ontario`), or a region: worldwide, EU, EEA, EMEA, APAC, LATAM, North America, DACH, Nordics, Benelux, UK&I".into(),
        };
        r.error(
            pos,
            text.chars().count(),
            "unknown-region",
            format!("`{text}` is not a country or region careers knows"),
            help,
        );
    }
    known
}

/// `workplace`, defaulting to on-site.
fn read_workplace(r: &mut Reader, f: &Fields) -> Workplace {
    let Some(node) = f.present("workplace") else {
        return Workplace::Onsite;
    };
    let Some(text) = r.text(node, "workplace") else {
        return Workplace::Onsite;
    };
    match Workplace::parse(&text) {
        Some(workplace) => workplace,
        None => {
            r.error(
                node.pos,
                text.chars().count(),
                "bad-workplace",
                format!("`workplace` must be onsite, hybrid or remote, not `{text}`"),
                "write one of: `workplace: onsite`, `workplace: hybrid`, `workplace: remote`"
                    .into(),
            );
            Workplace::Onsite
        }
    }
}

fn read_employment_types(r: &mut Reader, f: &Fields) -> Option<Vec<EmploymentType>> {
    let list = r.text_list(f, "employment_type");
    if list.is_empty() {
        if f.present("employment_type").is_none() {
            r.missing(f, "employment_type", WHAT, "employment_type: full_time");
        }
        return None;
    }
    let mut types = Vec::new();
    for (text, pos) in list {
        match EmploymentType::parse(&text) {
            Some(t) if !types.contains(&t) => types.push(t),
            Some(_) => {}
            None => {
                let names: Vec<&str> = EmploymentType::ALL.iter().map(|t| t.id()).collect();
                let help = match crate::diagnostics::did_you_mean(&text, &names) {
                    Some(near) => {
                        format!("did you mean `{near}`? The types are: {}", names.join(", "))
                    }
                    None => format!("use one of: {}", names.join(", ")),
                };
                r.error(
                    pos,
                    text.chars().count(),
                    "bad-employment-type",
                    format!("`{text}` is not an employment type"),
                    help,
                );
            }
        }
    }
    (!types.is_empty()).then_some(types)
}

fn read_locations(r: &mut Reader, f: &Fields) -> Vec<Location> {
    let Some(node) = f.present("locations") else {
        return Vec::new();
    };
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => vec![node],
        _ => {
            r.error(
                node.pos,
                1,
                "wrong-type",
                "`locations` should be a list of places, each with `city` and `country`".into(),
                "write it like `locations: [{city: Berlin, country: DE}]`".into(),
            );
            return Vec::new();
        }
    };
    items
        .into_iter()
        .filter_map(|item| read_location(r, item))
        .collect()
}

fn read_location(r: &mut Reader, node: &Node) -> Option<Location> {
    let f = r.fields(node, keys::LOCATION, "a location")?;
    let city = r.optional_text(&f, "city").unwrap_or_default();
    let at = r.at(f.present("city").map_or(node.pos, |n| n.pos));
    let country_node = f.present("country");
    let country = match country_node {
        None => {
            r.error(
                node.pos,
                1,
                "missing-key",
                "this location has no `country`".into(),
                "add the two-letter country code, like `country: DE` (Germany) or `country: US`"
                    .into(),
            );
            return None;
        }
        Some(n) => {
            let text = r.text(n, "country")?;
            let code = text.to_uppercase();
            if codes::country_name(&code).is_none() {
                let help = match codes::country_code_for_name(&text) {
                    Some(c) => format!("write the two-letter ISO code instead: `country: {c}`"),
                    None => "write the two-letter ISO 3166 code, like DE, FR, GB or US".into(),
                };
                r.error(
                    n.pos,
                    text.chars().count(),
                    "bad-country",
                    format!("`{text}` is not a country code"),
                    help,
                );
                return None;
            }
            code
        }
    };
    Some(Location {
        city,
        region: r.optional_text(&f, "region").unwrap_or_default(),
        country,
        postal_code: r.optional_text(&f, "postal_code").unwrap_or_default(),
        street: r.optional_text(&f, "street").unwrap_or_default(),
        at,
    })
}

/// Reads a list of `{question, answer}` (a posting's `faq`, or a group in faq.yaml).
pub fn read_questions(r: &mut Reader, node: &Node, what: &str) -> Vec<Question> {
    let Value::Seq(items) = &node.value else {
        r.error(
            node.pos,
            1,
            "wrong-type",
            format!("{what} should be a list of questions"),
            "write each as `- question: …` with `answer: …` on the next line".into(),
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let f = r.fields(item, keys::QUESTION, "a question")?;
            let question = r.required_text(
                &f,
                "question",
                "this question",
                "question: Is this role paid?",
            );
            let answer = r.required_text(&f, "answer", "this question", "answer: Yes.");
            let line = f
                .get("answer")
                .map(|n| n.pos.line + r.line_offset)
                .unwrap_or(0);
            Some(Question {
                question: question?,
                answer: answer?,
                line,
            })
        })
        .collect()
}
