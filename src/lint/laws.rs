//! Pay-transparency and job-ad laws as data ([`table::LAWS`]): what each asks of an ad,
//! which postings it covers (by place, date and employer size), and its row in docs/lints.md.

use jiff::civil::Date;

use crate::content::model::Posting;

/// Which laws cover a posting by place.
mod places;
/// The laws themselves.
mod table;

pub(crate) use places::of_posting;
pub(crate) use table::LAWS;

/// One law: where, from when, for which employers, what an ad must show, and its source.
#[derive(Debug)]
pub(crate) struct Law {
    /// The code written in site.yaml (`US-MD`).
    pub(crate) id: &'static str,
    /// The place, for messages ("Maryland").
    pub(crate) place: &'static str,
    /// The law, in plain words ("Maryland's Wage Range Transparency Act").
    pub(crate) name: &'static str,
    /// Where jobs fall under it.
    pub(crate) area: Area,
    /// Whether a remote job open to people living there falls under it too.
    pub(crate) remote: bool,
    /// The day it took effect.
    pub(crate) in_force: Date,
    /// The day it is enforced from, when later than `in_force`.
    pub(crate) enforced: Option<Date>,
    /// The smallest employer it covers, in employees.
    pub(crate) employees: u32,
    /// What an ad must show or avoid.
    pub(crate) needs: &'static [Need],
    /// Where the law says so.
    pub(crate) source: Source,
    /// Where the ban on pay-history questions is, when elsewhere than `source`.
    pub(crate) history_cite: &'static str,
    /// What else HR should know, for the docs; empty for nothing.
    pub(crate) note: &'static str,
}

/// Where a law's jobs are.
#[derive(Debug)]
pub(crate) enum Area {
    /// A country (ISO 3166-1 code).
    Country(&'static str),
    /// A state or province: its country and its code (`"US", "MD"`).
    Region(&'static str, &'static str),
    /// A city: its country, its state's code and the names it is written as.
    City(&'static str, &'static str, &'static [&'static str]),
    /// Any EU member country that has no row of its own.
    EuMember,
}

/// One thing a law asks of a job ad.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Need {
    /// The pay: a fixed amount or a range with both ends.
    Pay,
    /// The pay, in the ad or before the first interview (careers can only see the ad).
    PayBeforeInterview,
    /// A range at most `width` wide unless its top is over `exempt_above` a year.
    MaxWidth {
        /// The currency the figures are in.
        currency: &'static str,
        /// The widest range allowed.
        width: f64,
        /// A yearly top above which any width is allowed.
        exempt_above: f64,
    },
    /// A general description of the benefits.
    Benefits,
    /// Other pay (bonus, commission, equity) when offered: careers shows what `bonus`,
    /// `commission` and `equity` say and cannot know what is left out.
    OtherPay,
    /// The last day to apply.
    CloseDate,
    /// A commission-based job may say so instead of giving a range.
    CommissionStatement,
    /// A tipped job says so and gives the base wage range.
    TippedBaseWage,
    /// The job description, when one exists.
    Description,
    /// Whether artificial intelligence screens, assesses or selects applicants.
    AiScreening,
    /// Whether the posting is for a vacancy that exists.
    ExistingVacancy,
    /// No requirement of Canadian experience.
    NoCanadianExperience,
    /// No question about pay history.
    NoPayHistory,
    /// A gender-neutral job title.
    GenderNeutral,
}

/// Where a law says what it asks.
#[derive(Debug)]
pub(crate) struct Source {
    /// Statute and section, as lawyers cite them.
    pub(crate) cite: &'static str,
    /// The statute's or the regulator's page.
    pub(crate) url: &'static str,
}

/// When a law applies and what it asks.
impl Law {
    /// The first day a posting can be held to it: enforcement where that comes later.
    pub(crate) fn from(&self) -> Date {
        self.enforced.unwrap_or(self.in_force)
    }

    /// Whether it is the EU directive or a member country's own transposition of it, all of
    /// which `jurisdictions: [EU]` stands for.
    pub(crate) fn in_eu(&self) -> bool {
        match self.area {
            Area::EuMember => true,
            Area::Country(c) => crate::content::regions::EU.contains(&c),
            _ => false,
        }
    }

    /// Whether it asks for `need`.
    pub(crate) fn needs(&self, need: Need) -> bool {
        self.needs.contains(&need)
    }

    /// Whether it covers a posting still open on `today`: posted, or still shown, on or after
    /// the day it applies from.
    pub(crate) fn applies_on(&self, posting: &Posting, today: Date) -> bool {
        if posting.valid_through.is_some_and(|until| until < today) {
            return false;
        }
        self.from() <= posting.date_posted.max(today)
    }
}

/// The law with this code, as written in site.yaml (case-insensitive).
pub(crate) fn by_id(code: &str) -> Option<&'static Law> {
    let code = code.trim();
    LAWS.iter().find(|l| l.id.eq_ignore_ascii_case(code))
}

/// What a need asks, in the few words of the docs' table.
fn need_words(need: &Need) -> String {
    match need {
        Need::Pay => "pay or range".into(),
        Need::PayBeforeInterview => "pay or range (in the ad or before the interview)".into(),
        Need::MaxWidth {
            currency,
            width,
            exempt_above,
        } => format!(
            "range at most {currency} {} wide unless its top is over {currency} {}",
            thousands(*width),
            thousands(*exempt_above)
        ),
        Need::Benefits => "benefits".into(),
        Need::OtherPay => "other compensation".into(),
        Need::CloseDate => "last day to apply".into(),
        Need::CommissionStatement => "commission statement".into(),
        Need::TippedBaseWage => "tipped: base wage".into(),
        Need::Description => "job description".into(),
        Need::AiScreening => "AI-screening disclosure".into(),
        Need::ExistingVacancy => "existing-vacancy statement".into(),
        Need::NoCanadianExperience => "no Canadian-experience requirement".into(),
        Need::NoPayHistory => "no pay-history question".into(),
        Need::GenderNeutral => "gender-neutral title".into(),
    }
}

/// What `careers explain US-MD` prints: the law's row of the table, in sentences.
pub(crate) fn explain(law: &Law) -> String {
    let reach = if law.remote {
        " (jobs there, and remote jobs open to people living there)"
    } else {
        " (jobs performed there)"
    };
    let mut out = format!("{} — {}\n\nPlace: {}{reach}\n", law.id, law.name, law.place);
    out.push_str(&format!("In force from: {}\n", law.in_force));
    if let Some(enforced) = law.enforced {
        out.push_str(&format!("Enforced from: {enforced}\n"));
    }
    let size = match law.employees {
        0 | 1 => "any size".to_string(),
        n => format!("{n} or more employees"),
    };
    out.push_str(&format!("Employers: {size}\n"));
    let needs: Vec<String> = law.needs.iter().map(need_words).collect();
    out.push_str(&format!("Asks for: {}\n", needs.join(", ")));
    out.push_str(&format!(
        "Source: {} — {}\n",
        law.source.cite, law.source.url
    ));
    if !law.history_cite.is_empty() {
        out.push_str(&format!("Pay-history ban: {}\n", law.history_cite));
    }
    if !law.note.is_empty() {
        out.push_str(&format!("Note: {}\n", law.note));
    }
    out.push_str(&format!(
        "\nChecked when content/site.yaml has `pay_transparency: {{jurisdictions: [{}]}}` or `{{jurisdictions: auto}}`.\n",
        law.id
    ));
    out
}

/// The table of laws as docs/lints.md shows it, generated from [`LAWS`].
#[cfg(test)]
pub(crate) fn docs_table() -> String {
    let mut out = String::from(
        "| Code | Place | Remote jobs | In force from | Employees | Asks for | Source | Notes |\n\
         |------|-------|-------------|---------------|-----------|----------|--------|-------|\n",
    );
    for law in LAWS {
        let from = match law.enforced {
            Some(enforced) => format!("{} (enforced from {enforced})", law.in_force),
            None => law.in_force.to_string(),
        };
        let employees = match law.employees {
            0 | 1 => "any".to_string(),
            n => format!("{n}+"),
        };
        let needs: Vec<String> = law.needs.iter().map(need_words).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {from} | {employees} | {} | [{}]({}){} | {} |\n",
            law.id,
            law.place,
            if law.remote { "yes" } else { "no" },
            needs.join(", "),
            law.source.cite,
            law.source.url,
            match law.history_cite {
                "" => String::new(),
                cite => format!("; pay history: {cite}"),
            },
            law.note
        ));
    }
    out
}

/// 52000.0 → "52,000".
pub(crate) fn thousands(value: f64) -> String {
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
    use super::*;

    #[test]
    fn formats_thousands() {
        assert_eq!(thousands(52000.0), "52,000");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1234567.0), "1,234,567");
    }

    #[test]
    fn codes_are_unique_and_read_back() {
        for law in LAWS {
            assert_eq!(by_id(&law.id.to_lowercase()).map(|l| l.id), Some(law.id));
            assert_eq!(LAWS.iter().filter(|l| l.id == law.id).count(), 1);
            assert!(law.source.url.starts_with("https://"), "{}", law.id);
            assert!(law.enforced.is_none_or(|e| e > law.in_force), "{}", law.id);
        }
    }

    #[test]
    fn the_docs_show_the_table_as_it_is() {
        let docs = include_str!("../../docs/lints.md");
        let table = docs_table();
        assert!(
            docs.contains(&table),
            "docs/lints.md's table of laws differs from src/lint/laws/table.rs; put this in:\n{table}"
        );
    }
}
