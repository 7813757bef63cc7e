//! Reading a posting's optional facts (seniority, hours, start, openings, who may apply,
//! the hiring client), each with a plain-words error for its usual wrong spelling.

use crate::content::facts::{
    Amount, Education, Facts, Hours, Organization, RequiredLanguage, Seniority, Start,
};
use crate::content::fields::{Fields, Reader};
use crate::content::keys;
use crate::diagnostics::did_you_mean;
use crate::yaml::{Node, Value};

/// CEFR levels (and `native`) a required language may name.
pub(crate) const LEVELS: &[&str] = &["A1", "A2", "B1", "B2", "C1", "C2", "native"];

/// Reads every fact written in the front matter.
pub fn read(r: &mut Reader, f: &Fields) -> Facts {
    Facts {
        seniority: read_seniority(r, f),
        hours_per_week: f.present("hours_per_week").and_then(|n| read_hours(r, n)),
        start: f.present("start_date").and_then(|n| read_start(r, n)),
        openings: f.present("openings").and_then(|n| read_openings(r, n)),
        visa_sponsorship: f
            .present("visa_sponsorship")
            .is_some()
            .then(|| r.flag(f, "visa_sponsorship")),
        existing_vacancy: f
            .present("existing_vacancy")
            .is_some()
            .then(|| r.flag(f, "existing_vacancy")),
        work_authorization: r.optional_text(f, "work_authorization"),
        security_clearance: r.optional_text(f, "security_clearance"),
        required_languages: f
            .present("required_languages")
            .map(|n| read_languages(r, n))
            .unwrap_or_default(),
        travel: f.present("travel").and_then(|n| read_travel(r, n)),
        experience: f.present("experience").and_then(|n| read_experience(r, n)),
        education: f.present("education").and_then(|n| read_education(r, n)),
        timezones: r.optional_text(f, "timezones"),
        hiring_organization: f
            .present("hiring_organization")
            .and_then(|n| read_organization(r, n)),
    }
}

/// `seniority: senior` or a list of levels.
fn read_seniority(r: &mut Reader, f: &Fields) -> Vec<Seniority> {
    let mut levels = Vec::new();
    for (text, pos) in r.text_list(f, "seniority") {
        match Seniority::parse(&text) {
            Some(level) if !levels.contains(&level) => levels.push(level),
            Some(_) => {}
            None => {
                let names: Vec<&str> = Seniority::ALL.iter().map(|s| s.id()).collect();
                let near = abbreviation(&text).or_else(|| did_you_mean(&text, &names));
                let help = match near {
                    Some(near) => format!(
                        "write `seniority: {near}` (job boards read these words, not abbreviations); the levels are: {}",
                        names.join(", ")
                    ),
                    None => format!("use one or a list of: {}", names.join(", ")),
                };
                r.error(
                    pos,
                    text.chars().count(),
                    "bad-seniority",
                    format!("`{text}` is not a seniority level"),
                    help,
                );
            }
        }
    }
    levels.sort();
    levels
}

/// The level an abbreviation HR often write stands for (`Sr.` → senior).
fn abbreviation(text: &str) -> Option<&'static str> {
    match text.trim().trim_end_matches('.').to_lowercase().as_str() {
        "sr" | "snr" => Some("senior"),
        "jr" | "jnr" => Some("junior"),
        "mgr" => Some("manager"),
        "dir" => Some("director"),
        "vp" | "svp" | "evp" | "cxo" => Some("executive"),
        "princ" => Some("principal"),
        _ => None,
    }
}

/// `hours_per_week: 20` or `{min: 20, max: 30}`.
fn read_hours(r: &mut Reader, node: &Node) -> Option<Hours> {
    let (min, max) = match &node.value {
        Value::Map(_) => {
            let f = r.fields(node, keys::HOURS, "`hours_per_week`")?;
            let min = f.present("min").and_then(|n| r.number(n, "min"));
            let max = f.present("max").and_then(|n| r.number(n, "max"));
            match (min, max) {
                (Some(a), Some(b)) => (a, b),
                (Some(a), None) | (None, Some(a)) => (a, a),
                (None, None) => return None,
            }
        }
        _ => {
            let hours = r.number(node, "hours_per_week")?;
            (hours, hours)
        }
    };
    let fault = if min <= 0.0 || max > 168.0 {
        Some("a week has between 0 and 168 hours")
    } else if min > max {
        Some("`min` is larger than `max`")
    } else {
        None
    };
    if let Some(fault) = fault {
        r.error(
            node.pos,
            1,
            "bad-hours",
            format!("`hours_per_week` cannot be {min}–{max}: {fault}"),
            "write the hours of one week, like `hours_per_week: 20` or `hours_per_week: {min: 20, max: 30}`".into(),
        );
        return None;
    }
    Some(Hours { min, max })
}

/// `start_date: 2027-03-01` or `asap`.
fn read_start(r: &mut Reader, node: &Node) -> Option<Start> {
    let text = r.text(node, "start_date")?;
    let norm = text.to_lowercase();
    if matches!(
        norm.as_str(),
        "asap" | "as soon as possible" | "immediately" | "now"
    ) {
        return Some(Start::Asap);
    }
    match crate::content::dates::parse_date(&text) {
        Ok(date) => Some(Start::On(date)),
        Err((problem, _)) => {
            let looks_like_date = text.chars().any(|c| c.is_ascii_digit());
            let message = if looks_like_date {
                format!("`start_date` {problem}")
            } else {
                format!("`start_date` must be a date or `asap`, not `{text}`")
            };
            r.error(
                node.pos,
                text.chars().count(),
                "bad-start-date",
                message,
                "write the first day as `start_date: 2027-03-01` (year-month-day), or `start_date: asap` for as soon as possible".into(),
            );
            None
        }
    }
}

/// `openings: 3`: a whole number of people hired.
fn read_openings(r: &mut Reader, node: &Node) -> Option<u32> {
    if let Value::Int(n) = node.value
        && (1..=100_000).contains(&n)
    {
        return Some(n as u32);
    }
    let text = node.as_text().unwrap_or_default();
    r.error(
        node.pos,
        text.chars().count().max(1),
        "bad-openings",
        format!("`openings` must be a whole number of people, not `{text}`"),
        "write digits, like `openings: 2` (leave `openings` out when it is one)".into(),
    );
    None
}

/// `required_languages: [de, {language: en, level: C1}]`.
fn read_languages(r: &mut Reader, node: &Node) -> Vec<RequiredLanguage> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![node],
    };
    items
        .into_iter()
        .filter_map(|item| read_language(r, item))
        .collect()
}

/// One required language: a code, or `{language, level}`.
fn read_language(r: &mut Reader, node: &Node) -> Option<RequiredLanguage> {
    let (code_node, level) = match &node.value {
        Value::Map(_) => {
            let f = r.fields(node, keys::LANGUAGE, "a required language")?;
            let level = f.present("level").and_then(|n| read_level(r, n));
            (f.present("language")?, level)
        }
        _ => (node, None),
    };
    let code = r.text(code_node, "language")?;
    let lower = code.to_lowercase();
    if lower.len() == 2 && crate::i18n::is_language_tag(&lower) {
        return Some(RequiredLanguage {
            language: lower,
            level,
        });
    }
    let hint = match crate::i18n::Formats::new("en").language_code_for_name(&code) {
        Some(c) => format!("write the two-letter code instead: `{c}`"),
        None => "write the two-letter ISO 639 code, like `de`, `en` or `ja`".into(),
    };
    r.error(
        code_node.pos,
        code.chars().count(),
        "bad-language",
        format!("`{code}` is not a language code"),
        hint,
    );
    None
}

/// A CEFR level (`B2`) or `native`.
fn read_level(r: &mut Reader, node: &Node) -> Option<String> {
    let text = r.text(node, "level")?;
    let found = LEVELS.iter().find(|l| l.eq_ignore_ascii_case(&text));
    if found.is_none() {
        r.error(
            node.pos,
            text.chars().count(),
            "bad-language-level",
            format!("`{text}` is not a CEFR level"),
            format!("write one of: {}", LEVELS.join(", ")),
        );
    }
    found.map(|l| l.to_string())
}

/// `travel: 25` (percent), `travel: 25%` or words.
fn read_travel(r: &mut Reader, node: &Node) -> Option<Amount> {
    let text = r.text(node, "travel")?;
    let number = text.trim_end_matches('%').trim();
    match number.parse::<u32>() {
        Ok(percent) if percent <= 100 => Some(Amount::Number(percent)),
        Ok(_) => {
            r.error(
                node.pos,
                text.chars().count(),
                "bad-travel",
                format!("`travel: {text}` is more than 100 % of the time"),
                "write the share of working time spent travelling, like `travel: 25` (percent), or say it in words".into(),
            );
            None
        }
        Err(_) => (!text.is_empty()).then_some(Amount::Text(text)),
    }
}

/// `experience: {months: 24}`, `{years: 2}` or words.
fn read_experience(r: &mut Reader, node: &Node) -> Option<Amount> {
    if !matches!(node.value, Value::Map(_)) {
        return r
            .text(node, "experience")
            .filter(|t| !t.is_empty())
            .map(Amount::Text);
    }
    let f = r.fields(node, keys::EXPERIENCE, "`experience`")?;
    let months = f.present("months").and_then(|n| r.number(n, "months"));
    let years = f.present("years").and_then(|n| r.number(n, "years"));
    let total = months.unwrap_or(0.0) + years.unwrap_or(0.0) * 12.0;
    if months.is_none() && years.is_none() || !(0.0..=1200.0).contains(&total) {
        r.error(
            node.pos,
            1,
            "bad-experience",
            "`experience` needs a number of `months` or `years`".into(),
            "write it like `experience: {months: 24}` or `experience: {years: 2}`, or in words"
                .into(),
        );
        return None;
    }
    Some(Amount::Number(total.round() as u32))
}

/// `education: bachelor`.
fn read_education(r: &mut Reader, node: &Node) -> Option<Education> {
    let text = r.text(node, "education")?;
    let level = Education::parse(&text);
    if level.is_none() {
        let names: Vec<&str> = Education::ALL.iter().map(|e| e.id()).collect();
        let help = match did_you_mean(&text, &names) {
            Some(near) => format!(
                "did you mean `{near}`? The levels are: {}",
                names.join(", ")
            ),
            None => format!("use one of: {}", names.join(", ")),
        };
        r.error(
            node.pos,
            text.chars().count(),
            "bad-education",
            format!("`{text}` is not an education level"),
            help,
        );
    }
    level
}

/// `hiring_organization: {name, url, logo}`.
fn read_organization(r: &mut Reader, node: &Node) -> Option<Organization> {
    let f = r.fields(node, keys::ORGANIZATION, "`hiring_organization`")?;
    let name = r.required_text(
        &f,
        "name",
        "`hiring_organization`",
        "name: Example Client GmbH",
    )?;
    Some(Organization {
        name,
        url: crate::content::url::optional(r, &f, "url"),
        logo: crate::content::url::optional(r, &f, "logo"),
    })
}
