//! Pay-transparency lints: the laws enabled in site.yaml's `pay_transparency`, applied to
//! each posting by where it is based and where a remote hire may live.

use std::collections::BTreeSet;

use serde_json::Value;

use super::jurisdiction::{self, Jurisdiction};
use super::{Ctx, Doc, join_and};
use crate::config::SiteConfig;
use crate::content::model::PayPeriod;
use crate::diagnostics::{Diagnostic, did_you_mean};

/// Which laws to check, from site.yaml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Policy {
    /// No `pay_transparency` (or an empty list): no pay lints.
    Off,
    /// `jurisdictions: auto`: every law a posting's places fall under.
    Auto,
    /// Only these laws, where a posting's places fall under them.
    Only(BTreeSet<Jurisdiction>),
}

const KEYS: &[&str] = &["jurisdictions", "enforce"];
const EXAMPLE: &str = "write it like `pay_transparency: {jurisdictions: [US-CO, US-NYC, EU]}` or `pay_transparency: {jurisdictions: auto}`";

/// Reads `pay_transparency` (`jurisdictions` or its synonym `enforce`); mistakes are errors.
pub fn policy(config: &SiteConfig, doc: &Doc) -> (Policy, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let at = |needle: &str| {
        doc.find(needle)
            .unwrap_or_else(|| doc.key_or_top(&["pay_transparency"]))
    };
    let map = match &config.pay_transparency {
        Value::Null => return (Policy::Off, errors),
        Value::Object(map) => map,
        _ => {
            let spot = doc.key_or_top(&["pay_transparency"]);
            let d = Diagnostic::error(&doc.file, spot.line, spot.column, "bad-pay-transparency", "`pay_transparency` should list the places whose pay-transparency laws careers checks")
                .help(EXAMPLE)
                .width(spot.width)
                .with_source(&doc.text);
            return (Policy::Off, vec![d]);
        }
    };
    let mut chosen = BTreeSet::new();
    let mut auto = false;
    for (key, value) in map {
        if !KEYS.contains(&key.as_str()) {
            let spot = at(&format!("{key}:"));
            let help = match did_you_mean(key, KEYS) {
                Some(near) => format!("did you mean `{near}`? {EXAMPLE}"),
                None => EXAMPLE.to_string(),
            };
            errors.push(
                Diagnostic::error(
                    &doc.file,
                    spot.line,
                    spot.column,
                    "unknown-key",
                    format!("unknown key `{key}` in `pay_transparency`"),
                )
                .help(help)
                .width(key.chars().count())
                .with_source(&doc.text),
            );
            continue;
        }
        let items: Vec<&str> = match value {
            Value::String(s) if s.trim().eq_ignore_ascii_case("auto") => {
                auto = true;
                continue;
            }
            Value::String(s) => vec![s.as_str()],
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for code in items {
            match Jurisdiction::parse(code) {
                Some(j) => {
                    chosen.insert(j);
                }
                None => errors.push(unknown_code(doc, code, at(code))),
            }
        }
    }
    let policy = if auto {
        Policy::Auto
    } else if chosen.is_empty() {
        Policy::Off
    } else {
        Policy::Only(chosen)
    };
    (policy, errors)
}

fn unknown_code(doc: &Doc, code: &str, spot: super::Spot) -> Diagnostic {
    let known: Vec<&str> = Jurisdiction::ALL.iter().map(|j| j.code()).collect();
    // did_you_mean compares in lower case.
    let lower: Vec<String> = known.iter().map(|k| k.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let help = match did_you_mean(code, &lower) {
        Some(near) => format!(
            "did you mean `{}`? careers knows: {}, or `auto`",
            near.to_uppercase(),
            known.join(", ")
        ),
        None => format!(
            "careers knows: {}, or write `jurisdictions: auto`",
            known.join(", ")
        ),
    };
    Diagnostic::error(
        &doc.file,
        spot.line,
        spot.column,
        "unknown-jurisdiction",
        format!("careers does not know the pay-transparency jurisdiction `{code}`"),
    )
    .help(help)
    .width(code.chars().count())
    .with_source(&doc.text)
}

/// The laws that apply to this posting under the policy: none once it has closed, and only
/// those already in force on the day it was posted.
fn enforced(ctx: &Ctx, policy: &Policy) -> Vec<Jurisdiction> {
    let p = ctx.posting;
    if p.valid_through.is_some_and(|until| until < ctx.today) {
        return Vec::new();
    }
    let places = jurisdiction::of_posting(p);
    let chosen: Vec<Jurisdiction> = match policy {
        Policy::Off => Vec::new(),
        Policy::Auto => places.into_iter().collect(),
        Policy::Only(chosen) => places.intersection(chosen).copied().collect(),
    };
    chosen
        .into_iter()
        .filter(|j| j.in_force() <= p.date_posted)
        .collect()
}

fn laws(list: &[Jurisdiction]) -> String {
    let names: Vec<String> = list.iter().map(|j| j.law().to_string()).collect();
    let verb = if names.len() == 1 {
        "requires"
    } else {
        "require"
    };
    format!("{} {verb}", join_and(&names))
}

fn places(list: &[Jurisdiction]) -> String {
    join_and(
        &list
            .iter()
            .map(|j| j.place().to_string())
            .collect::<Vec<_>>(),
    )
}

/// Adds the pay-transparency warnings for one posting, every one in the same run.
pub fn check(ctx: &Ctx, policy: &Policy, out: &mut Vec<Diagnostic>) {
    let list = enforced(ctx, policy);
    if list.is_empty() {
        return;
    }
    let salary_spot = ctx
        .doc
        .key_or_top(&["salary", "locations", "remote_regions"]);
    check_range(ctx, &list, salary_spot, out);
    check_benefits(ctx, &list, out);
    check_close_date(ctx, &list, out);
    let in_cad = ctx.posting.salary().is_some_and(|s| s.currency == "CAD");
    if list.contains(&Jurisdiction::CaOn) && in_cad {
        check_ontario_spread(ctx, salary_spot, out);
    }
}

/// `pay-range-missing` and `pay-range-open-ended`: every law here asks for both ends.
fn check_range(ctx: &Ctx, list: &[Jurisdiction], spot: super::Spot, out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let Some(salary) = ctx.posting.salary() else {
        out.push(doc.warn(
            spot,
            "pay-range-missing",
            format!(
                "this posting has no salary range; for a job in {}, {} the lowest and the highest pay on the posting",
                places(list),
                laws(list)
            ),
            "add your good-faith range, like `salary: {min: 60000, max: 75000, currency: USD, period: year}`",
        ));
        return;
    };
    if salary.min.is_none() || salary.max.is_none() {
        let missing = if salary.min.is_none() { "min" } else { "max" };
        out.push(doc.warn(
            spot,
            "pay-range-open-ended",
            format!(
                "this salary has no `{missing}`; for a job in {}, {} both a minimum and a maximum, not an open-ended range (\"from …\" or \"up to …\")",
                places(list),
                laws(list)
            ),
            &format!("add `{missing}:` under `salary:` with the {} pay you would in good faith offer", if missing == "min" { "lowest" } else { "highest" }),
        ));
    }
}

/// `benefits-missing`: the laws that ask for a description of benefits.
fn check_benefits(ctx: &Ctx, list: &[Jurisdiction], out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let wants_benefits: Vec<Jurisdiction> = list
        .iter()
        .copied()
        .filter(|j| j.wants_benefits())
        .collect();
    if !wants_benefits.is_empty()
        && ctx.config.benefits.is_none()
        && !super::body::has_benefits_section(&ctx.posting.body)
    {
        out.push(doc.warn(
            doc.key_or_top(&["locations", "remote_regions", "title"]),
            "benefits-missing",
            format!(
                "for a job in {}, {} a general description of the benefits (health insurance, holidays, retirement …)",
                places(&wants_benefits),
                laws(&wants_benefits)
            ),
            "add `benefits:` to site.yaml (shown on every posting), or a `## Benefits` section with a list to this posting",
        ));
    }
}

/// `close-date-missing`: Colorado asks for the last day to apply.
fn check_close_date(ctx: &Ctx, list: &[Jurisdiction], out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    if list.contains(&Jurisdiction::UsCo) && ctx.posting.valid_through.is_none() {
        out.push(doc.warn(
            doc.key_or_top(&["evergreen", "date_posted"]),
            "close-date-missing",
            format!("{} the last day to apply on the posting, but it has no `valid_through`", laws(&[Jurisdiction::UsCo])),
            "add `valid_through: YYYY-MM-DD`; for a role that stays open, give the date you will next review it and move it on then",
        ));
    }
}

/// Ontario: a range whose top is under CAD 200,000 a year may span at most CAD 50,000.
fn check_ontario_spread(ctx: &Ctx, spot: super::Spot, out: &mut Vec<Diagnostic>) {
    let Some(salary) = ctx.posting.salary() else {
        return;
    };
    let (Some(min), Some(max)) = (salary.min, salary.max) else {
        return;
    };
    let per_year = match salary.period {
        PayPeriod::Hour => 2080.0,
        PayPeriod::Day => 260.0,
        PayPeriod::Week => 52.0,
        PayPeriod::Month => 12.0,
        PayPeriod::Year => 1.0,
    };
    let (min_y, max_y) = (min * per_year, max * per_year);
    if max_y < 200_000.0 && max_y - min_y > 50_000.0 {
        let yearly = if per_year == 1.0 {
            String::new()
        } else {
            " (counted over a year)".to_string()
        };
        out.push(ctx.doc.warn(
            spot,
            "pay-range-too-wide",
            format!(
                "{} a pay range of at most CAD 50,000 when the top is under CAD 200,000 a year; this one spans CAD {}{yearly}",
                laws(&[Jurisdiction::CaOn]),
                thousands(max_y - min_y)
            ),
            "narrow the range between `min` and `max` to CAD 50,000 or less",
        ));
    }
}

/// 52000.0 → "52,000".
fn thousands(value: f64) -> String {
    let digits = format!("{}", value.round() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_thousands() {
        assert_eq!(super::thousands(52000.0), "52,000");
        assert_eq!(super::thousands(999.0), "999");
        assert_eq!(super::thousands(1234567.0), "1,234,567");
    }
}
