//! Pay-transparency lints: the laws of [`super::laws`] enabled in site.yaml's
//! `pay_transparency`, applied to each posting by where it is based, where a remote hire may
//! live, its dates and the employer's size; this file checks the pay, the benefits and the
//! closing date, [`super::ads`] the rest of what the laws ask of an ad.

use std::collections::BTreeSet;

use serde_json::Value;

use super::laws::{self, Law, Need};
use super::{Ctx, Doc, join_and};
use crate::config::SiteConfig;
use crate::content::model::{PayPeriod, Posting};
use crate::diagnostics::{Diagnostic, did_you_mean};

/// Which laws to check, from site.yaml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Policy {
    /// No `pay_transparency` (or an empty list): no pay lints.
    Off,
    /// `jurisdictions: auto`: every law a posting's places fall under.
    Auto,
    /// Only these laws (by code), where a posting's places fall under them.
    Only(BTreeSet<&'static str>),
}

/// The keys `pay_transparency` may have.
const KEYS: &[&str] = &["jurisdictions", "enforce"];
/// How to write `pay_transparency`, for the hints of its errors.
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
            match laws::by_id(code) {
                Some(law) => {
                    chosen.insert(law.id);
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

/// The error for a jurisdiction code careers does not know, with the closest known one.
fn unknown_code(doc: &Doc, code: &str, spot: super::Spot) -> Diagnostic {
    let known: Vec<&str> = laws::LAWS.iter().map(|l| l.id).collect();
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

/// The laws that cover this posting under the policy, by place and date, whatever the
/// employer's size.
fn covering(posting: &Posting, policy: &Policy, today: jiff::civil::Date) -> Vec<&'static Law> {
    if *policy == Policy::Off {
        return Vec::new();
    }
    laws::of_posting(posting)
        .into_iter()
        .filter(|law| match policy {
            Policy::Only(chosen) => {
                chosen.contains(law.id) || (chosen.contains("EU") && law.in_eu())
            }
            _ => true,
        })
        .filter(|law| law.applies_on(posting, today))
        .collect()
}

/// Whether an employer of the size site.yaml gives is covered (an unknown size is).
fn big_enough(ctx: &Ctx, law: &Law) -> bool {
    ctx.config
        .employer
        .employees
        .is_none_or(|n| n >= law.employees)
}

/// The laws this posting is held to: those covering it, for an employer of this size.
pub(super) fn enforced(ctx: &Ctx, policy: &Policy) -> Vec<&'static Law> {
    covering(ctx.posting, policy, ctx.today)
        .into_iter()
        .filter(|law| big_enough(ctx, law))
        .collect()
}

/// The laws that would cover some posting but not an employer of the size site.yaml gives,
/// for `check` to say what it left out.
pub fn below_threshold(
    config: &SiteConfig,
    policy: &Policy,
    postings: &[Posting],
    today: jiff::civil::Date,
) -> Vec<&'static str> {
    let Some(employees) = config.employer.employees else {
        return Vec::new();
    };
    let mut out: Vec<&'static str> = Vec::new();
    for posting in postings {
        for law in covering(posting, policy, today) {
            if law.employees > employees && !out.contains(&law.id) {
                out.push(law.id);
            }
        }
    }
    laws::LAWS
        .iter()
        .map(|l| l.id)
        .filter(|id| out.contains(id))
        .collect()
}

/// The laws among `list` that ask for one of `needs`.
pub(super) fn asking<'a>(list: &[&'a Law], needs: &[Need]) -> Vec<&'a Law> {
    list.iter()
        .copied()
        .filter(|l| l.needs.iter().any(|n| needs.contains(n)))
        .collect()
}

/// "Maryland's Wage Range Transparency Act (Md. Code … § 3-304.2) asks": each law with its
/// citation, and the verb agreeing with how many there are.
pub(super) fn laws_ask(list: &[&Law]) -> String {
    laws_ask_citing(list, |l| l.source.cite)
}

/// [`laws_ask`] with another section of each law cited (its pay-history ban).
pub(super) fn laws_ask_citing(list: &[&Law], cite: impl Fn(&Law) -> &'static str) -> String {
    let names: Vec<String> = list
        .iter()
        .map(|l| format!("{} ({})", l.name, cite(l)))
        .collect();
    let verb = if names.len() == 1 { "asks" } else { "ask" };
    format!("{} {verb}", join_and(&names))
}

/// "Colorado and Maryland": where the laws are.
pub(super) fn places(list: &[&Law]) -> String {
    join_and(&list.iter().map(|l| l.place.to_string()).collect::<Vec<_>>())
}

/// The laws' pages, for the end of a hint.
pub(super) fn sources(list: &[&Law]) -> String {
    let urls: Vec<&str> = list.iter().map(|l| l.source.url).collect();
    let word = if urls.len() == 1 { "source" } else { "sources" };
    format!("{word}: {}", urls.join(" "))
}

/// Adds the pay, benefits and closing-date warnings for one posting, every one in the same
/// run; one warning per code, naming every law that asks for it.
pub fn check(ctx: &Ctx, list: &[&'static Law], out: &mut Vec<Diagnostic>) {
    let salary_spot = ctx
        .doc
        .key_or_top(&["salary", "locations", "remote_regions"]);
    check_range(ctx, list, salary_spot, out);
    check_width(ctx, list, salary_spot, out);
    check_benefits(ctx, list, out);
    check_close_date(ctx, list, out);
}

/// `pay-range-missing` and `pay-range-open-ended`: the pay, as a fixed amount or a range
/// with both ends; a commission-based job may say so instead where the law allows it.
fn check_range(ctx: &Ctx, list: &[&Law], spot: super::Spot, out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let terms = &ctx.posting.pay;
    let mut wanting = asking(list, &[Need::Pay, Need::PayBeforeInterview]);
    let Some(salary) = ctx.posting.salary() else {
        if terms.commission && !terms.tips {
            wanting.retain(|l| !l.needs(Need::CommissionStatement));
        }
        if wanting.is_empty() {
            return;
        }
        let what = if terms.tips && wanting.iter().any(|l| l.needs(Need::TippedBaseWage)) {
            "the base wage range of this tipped job (before tips) on the posting"
        } else if wanting.iter().all(|l| l.needs(Need::PayBeforeInterview)) {
            "the starting pay or its range, in the ad or before the first interview"
        } else {
            "the lowest and the highest pay (or the one fixed amount) on the posting"
        };
        let mut help = String::from(
            "add your good-faith range, like `salary: {min: 60000, max: 75000, currency: USD, period: year}`",
        );
        if wanting.iter().any(|l| l.needs(Need::PayBeforeInterview)) {
            help.push_str("; if you tell applicants the pay before the first interview instead, allow this lint");
        }
        out.push(doc.warn(
            spot,
            "pay-range-missing",
            format!(
                "this posting gives no pay; for a job in {}, {} for {what}",
                places(&wanting),
                laws_ask(&wanting)
            ),
            &format!("{help}; {}", sources(&wanting)),
        ));
        return;
    };
    if salary.min.is_none() || salary.max.is_none() {
        let missing = if salary.min.is_none() { "min" } else { "max" };
        let lowest = if missing == "min" {
            "lowest"
        } else {
            "highest"
        };
        out.push(doc.warn(
            spot,
            "pay-range-open-ended",
            format!(
                "this salary has no `{missing}`; for a job in {}, {} for both a minimum and a maximum, not an open-ended range (\"from …\" or \"up to …\")",
                places(&wanting),
                laws_ask(&wanting)
            ),
            &format!("add `{missing}:` under `salary:` with the {lowest} pay you would in good faith offer; {}", sources(&wanting)),
        ));
    }
}

/// `pay-range-too-wide`: a range wider than a law allows, unless its top is over the law's
/// ceiling (counted over a year).
fn check_width(ctx: &Ctx, list: &[&Law], spot: super::Spot, out: &mut Vec<Diagnostic>) {
    let Some(salary) = ctx.posting.salary() else {
        return;
    };
    let (Some(min), Some(max)) = (salary.min, salary.max) else {
        return;
    };
    for law in list {
        for need in law.needs {
            let Need::MaxWidth {
                currency,
                width,
                exempt_above,
            } = *need
            else {
                continue;
            };
            let per_year = per_year(salary.period);
            let (min_y, max_y) = (min * per_year, max * per_year);
            if salary.currency != currency || max_y > exempt_above || max_y - min_y <= width {
                continue;
            }
            let yearly = if per_year == 1.0 {
                ""
            } else {
                " (counted over a year)"
            };
            out.push(ctx.doc.warn(
                spot,
                "pay-range-too-wide",
                format!(
                    "{} for a pay range of at most {currency} {} unless its top is over {currency} {} a year; this one spans {currency} {}{yearly}",
                    laws_ask(&[law]),
                    laws::thousands(width),
                    laws::thousands(exempt_above),
                    laws::thousands(max_y - min_y)
                ),
                &format!("narrow the range between `min` and `max` to {currency} {} or less; {}", laws::thousands(width), sources(&[law])),
            ));
        }
    }
}

/// How many of a pay period make a year (2080 hours, 260 days, 52 weeks, 12 months).
fn per_year(period: PayPeriod) -> f64 {
    match period {
        PayPeriod::Hour => 2080.0,
        PayPeriod::Day => 260.0,
        PayPeriod::Week => 52.0,
        PayPeriod::Month => 12.0,
        PayPeriod::Year => 1.0,
    }
}

/// `benefits-missing`: the laws that ask for a general description of the benefits.
fn check_benefits(ctx: &Ctx, list: &[&Law], out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let wanting = asking(list, &[Need::Benefits]);
    if !wanting.is_empty()
        && ctx.config.benefits.is_none()
        && !super::body::has_benefits_section(&ctx.posting.body)
    {
        out.push(doc.warn(
            doc.key_or_top(&["locations", "remote_regions", "title"]),
            "benefits-missing",
            format!(
                "for a job in {}, {} for a general description of the benefits (health insurance, holidays, retirement …)",
                places(&wanting),
                laws_ask(&wanting)
            ),
            &format!("add `benefits:` to site.yaml (shown on every posting), or a `## Benefits` section with a list to this posting; {}", sources(&wanting)),
        ));
    }
}

/// `close-date-missing`: the laws that ask for the last day to apply.
fn check_close_date(ctx: &Ctx, list: &[&Law], out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let wanting = asking(list, &[Need::CloseDate]);
    if !wanting.is_empty() && ctx.posting.valid_through.is_none() {
        out.push(doc.warn(
            doc.key_or_top(&["evergreen", "date_posted"]),
            "close-date-missing",
            format!("{} for the last day to apply on the posting, but it has no `valid_through`", laws_ask(&wanting)),
            &format!("add `valid_through: YYYY-MM-DD`; for a role that stays open, give the date you will next review it and move it on then; {}", sources(&wanting)),
        ));
    }
}
