//! Reading a posting's pay: one range or a list of labelled ranges, and how pay is made up
//! (commission, tips, bonus, equity). Words instead of a range are an error that says why.

use crate::content::codes;
use crate::content::facts::PayTerms;
use crate::content::fields::{Fields, Reader};
use crate::content::model::{PayPeriod, Salary};
use crate::content::pasted;
use crate::yaml::{Node, Value};

/// `salary:` as one range or a list of ranges; problems are reported.
pub fn read_salaries(r: &mut Reader, f: &Fields) -> Vec<Salary> {
    let Some(node) = f.present("salary") else {
        return Vec::new();
    };
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(|n| read_salary(r, n)).collect(),
        Value::Map(_) => read_salary(r, node).into_iter().collect(),
        _ => {
            not_a_range(r, node);
            Vec::new()
        }
    }
}

/// `commission`, `tips`, `bonus` and `equity`.
pub fn read_terms(r: &mut Reader, f: &Fields) -> PayTerms {
    PayTerms {
        commission: r.flag(f, "commission"),
        tips: r.flag(f, "tips"),
        bonus: r.optional_text(f, "bonus"),
        equity: r.optional_text(f, "equity"),
    }
}

/// `salary: competitive`, `salary: DOE`, `salary: 55000`: words or one figure instead of a range.
fn not_a_range(r: &mut Reader, node: &Node) {
    if pasted::text_for_keys(r, node) {
        return;
    }
    let text = node.as_text().unwrap_or_default();
    if let Some(fix) = pasted::salary_text_fix(&text) {
        r.error(
            node.pos,
            text.chars().count().max(1),
            "salary-not-a-range",
            format!("`salary` must be a range with the amounts in figures, not `{text}`"),
            if fix.contains('…') {
                format!("write it as {fix}, with the three-letter currency code (EUR, USD, GBP …)")
            } else {
                format!("write it as {fix}")
            },
        );
        return;
    }
    r.error(
        node.pos,
        text.chars().count().max(1),
        "salary-not-a-range",
        format!("`salary` must be a pay range, not `{text}`"),
        "pay-transparency laws in force (Colorado, California, Washington, New York, Illinois, \
         Ontario, the EU …) require the real figures in the ad, and \"competitive\" or \"DOE\" \
         does not meet them: write the range as `salary: {min: 55000, max: 70000, currency: EUR, \
         period: year}`, or leave `salary` out"
            .into(),
    );
}

/// One range: `{min, max, currency, period, note, label}`.
fn read_salary(r: &mut Reader, node: &Node) -> Option<Salary> {
    if !matches!(node.value, Value::Map(_)) {
        not_a_range(r, node);
        return None;
    }
    let f = r.fields(node, crate::content::keys::SALARY, "`salary`")?;
    let (min, max) = read_bounds(r, node, &f);
    let currency = read_currency(r, node, &f);
    let period = match f.present("period") {
        None => Some(PayPeriod::Year),
        Some(n) => r.text(n, "period").and_then(|text| {
            let parsed = PayPeriod::parse(&text);
            if parsed.is_none() {
                r.error(
                    n.pos,
                    text.chars().count(),
                    "bad-period",
                    format!("`period` must be hour, day, week, month or year, not `{text}`"),
                    "write one of: hour, day, week, month, year".into(),
                );
            }
            parsed
        }),
    };
    Some(Salary {
        min,
        max,
        currency: currency?,
        period: period?,
        note: r.optional_text(&f, "note").unwrap_or_default(),
        label: r.optional_text(&f, "label"),
    })
}

/// `min` and `max`: at least one, neither negative, in order.
fn read_bounds(r: &mut Reader, node: &Node, f: &Fields) -> (Option<f64>, Option<f64>) {
    let min = f.present("min").and_then(|n| amount(r, n, "min"));
    let max = f.present("max").and_then(|n| amount(r, n, "max"));
    if min.is_none() && max.is_none() && f.present("min").is_none() && f.present("max").is_none() {
        r.error(
            node.pos,
            1,
            "salary-empty",
            "`salary` has neither `min` nor `max`".into(),
            "add `min: 50000` and `max: 60000` under `salary:` (or remove `salary`)".into(),
        );
    }
    for (key, value) in [("min", min), ("max", max)] {
        if let (Some(v), Some(n)) = (value, f.get(key))
            && v < 0.0
        {
            r.error(
                n.pos,
                1,
                "negative-salary",
                format!("salary `{key}` cannot be negative"),
                "write the amount without a minus sign".into(),
            );
        }
    }
    if let (Some(lo), Some(hi), Some(n)) = (min, max, f.get("min"))
        && lo > hi
    {
        r.error(
            n.pos,
            lo.to_string().len(),
            "salary-range",
            format!("salary `min` ({lo}) is larger than `max` ({hi})"),
            "swap the two numbers: `min` is the lowest pay, `max` the highest".into(),
        );
    }
    (min, max)
}

/// One bound as a number; `55.000` (a German thousands separator) is an error, not 55.
fn amount(r: &mut Reader, node: &Node, key: &str) -> Option<f64> {
    let Some(text) = pasted::thousands_dot(r, node) else {
        return r.number(node, key);
    };
    let whole = text.replace('.', "");
    r.error(
        node.pos,
        text.chars().count(),
        "salary-decimal-dot",
        format!(
            "salary `{key}` is written `{text}`: the dot is read as a decimal point, so this is {}, not {whole}",
            text.split('.').next().unwrap_or_default()
        ),
        format!("write the amount without a thousands separator: `{key}: {whole}`"),
    );
    None
}

/// `currency`: an ISO 4217 code, with the fix for a symbol.
fn read_currency(r: &mut Reader, node: &Node, f: &Fields) -> Option<String> {
    let Some(n) = f.present("currency") else {
        r.error(
            node.pos,
            1,
            "missing-key",
            "`salary` has no `currency`".into(),
            "add the three-letter currency code, like `currency: EUR` or `currency: USD`".into(),
        );
        return None;
    };
    let text = r.text(n, "currency")?;
    let code = text.to_uppercase();
    if codes::is_currency(&code) {
        return Some(code);
    }
    let hint = match text.as_str() {
        "€" => "write `currency: EUR`".to_string(),
        "$" => "write the code, like `currency: USD` or `currency: CAD`".to_string(),
        "£" => "write `currency: GBP`".to_string(),
        _ => "write the three-letter ISO 4217 code, like EUR, USD or GBP".to_string(),
    };
    r.error(
        n.pos,
        text.chars().count(),
        "bad-currency",
        format!("`{text}` is not a currency code"),
        hint,
    );
    None
}
