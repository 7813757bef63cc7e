//! Pay as templates see it: each range with its CLDR label in the page's language, and what
//! the pay is made of beyond the ranges.

use serde::Serialize;

use crate::content::facts::PayTerms;
use crate::content::model::{PayPeriod, Salary};
use crate::i18n::Texts;

/// Pay as figures and as one readable label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SalaryView {
    /// Lowest.
    pub min: Option<f64>,
    /// Highest.
    pub max: Option<f64>,
    /// ISO currency.
    pub currency: String,
    /// hour|day|week|month|year.
    pub period: &'static str,
    /// Free text.
    pub note: String,
    /// What the range is for when there are several ("GS-14", "Berlin"), else empty.
    pub name: String,
    /// "€55,000–€70,000 per year".
    pub label: String,
}

/// What the pay is made of beyond its ranges ("Plus commission", "Bonus: up to 10 %"); with
/// no range, commission is the pay ("Commission-based pay"), as pay laws ask such ads to say.
pub(crate) fn pay_terms(pay: &PayTerms, has_range: bool, texts: &Texts) -> Vec<String> {
    let mut out = Vec::new();
    if pay.commission {
        let key = if has_range {
            "pay_commission"
        } else {
            "pay_commission_only"
        };
        out.push(texts.get(key).to_string());
    }
    if pay.tips {
        out.push(texts.get("pay_tips").to_string());
    }
    if let Some(bonus) = &pay.bonus {
        out.push(texts.fill("pay_bonus", &[("text", bonus)]));
    }
    if let Some(equity) = &pay.equity {
        out.push(texts.fill("pay_equity", &[("text", equity)]));
    }
    out
}

/// A range as figures and as the label the page prints.
pub(crate) fn salary(s: &Salary, texts: &Texts) -> SalaryView {
    let formats = texts.formats();
    let amount = |n: f64| formats.money(n, &s.currency);
    let figures = match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => amount(lo),
        (Some(lo), Some(hi)) => formats.money_range(lo, hi, &s.currency),
        (Some(lo), None) => texts.fill("pay_from", &[("amount", &amount(lo))]),
        (None, Some(hi)) => texts.fill("pay_up_to", &[("amount", &amount(hi))]),
        (None, None) => String::new(),
    };
    let per = match s.period {
        PayPeriod::Hour => "pay_per_hour",
        PayPeriod::Day => "pay_per_day",
        PayPeriod::Week => "pay_per_week",
        PayPeriod::Month => "pay_per_month",
        PayPeriod::Year => "pay_per_year",
    };
    SalaryView {
        min: s.min,
        max: s.max,
        currency: s.currency.clone(),
        period: s.period.id(),
        note: s.note.clone(),
        name: s.label.clone().unwrap_or_default(),
        label: texts.fill(per, &[("amount", &figures)]),
    }
}
