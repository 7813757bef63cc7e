//! The typed content of a site, after parsing and per-file validation.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

/// Where a posting's holder works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Workplace {
    /// At the company's location (the default).
    Onsite,
    /// Partly at the location, partly at home.
    Hybrid,
    /// From anywhere within `remote_regions`.
    Remote,
}

impl Workplace {
    /// All values as written in front matter.
    pub const NAMES: [&'static str; 3] = ["onsite", "hybrid", "remote"];

    /// The front-matter spelling.
    pub fn id(self) -> &'static str {
        match self {
            Workplace::Onsite => "onsite",
            Workplace::Hybrid => "hybrid",
            Workplace::Remote => "remote",
        }
    }

    /// Parses the front-matter spelling (also `office`, `fully-remote`, capitals …).
    pub fn parse(text: &str) -> Option<Self> {
        // Written as it should be, it needs no normalised copy.
        Self::parse_normalised(text)
            .or_else(|| Self::parse_normalised(&text.to_lowercase().replace(['-', ' ', '_'], "")))
    }

    /// A lower-case spelling without `-`, `_` or spaces.
    fn parse_normalised(text: &str) -> Option<Self> {
        match text {
            "onsite" | "office" | "inoffice" => Some(Workplace::Onsite),
            "hybrid" => Some(Workplace::Hybrid),
            "remote" | "fullyremote" => Some(Workplace::Remote),
            _ => None,
        }
    }

    /// The label job seekers read.
    /// The key of its name in the translation files.
    pub fn text_key(self) -> &'static str {
        match self {
            Workplace::Onsite => "workplace_onsite",
            Workplace::Hybrid => "workplace_hybrid",
            Workplace::Remote => "workplace_remote",
        }
    }

    /// Its English name.
    pub fn label(self) -> &'static str {
        match self {
            Workplace::Onsite => "On-site",
            Workplace::Hybrid => "Hybrid",
            Workplace::Remote => "Remote",
        }
    }
}

/// The kinds of employment of SPEC.md, in a fixed order used for sorting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    /// Full-time.
    FullTime,
    /// Part-time.
    PartTime,
    /// Contract / freelance.
    Contract,
    /// Temporary.
    Temporary,
    /// Internship.
    Intern,
    /// Volunteer.
    Volunteer,
    /// Paid per day worked.
    PerDiem,
    /// Anything else.
    Other,
}

impl EmploymentType {
    /// Every type, in display order.
    pub const ALL: [EmploymentType; 8] = [
        EmploymentType::FullTime,
        EmploymentType::PartTime,
        EmploymentType::Contract,
        EmploymentType::Temporary,
        EmploymentType::Intern,
        EmploymentType::Volunteer,
        EmploymentType::PerDiem,
        EmploymentType::Other,
    ];

    /// The front-matter spelling.
    pub fn id(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full_time",
            EmploymentType::PartTime => "part_time",
            EmploymentType::Contract => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Intern => "intern",
            EmploymentType::Volunteer => "volunteer",
            EmploymentType::PerDiem => "per_diem",
            EmploymentType::Other => "other",
        }
    }

    /// Parses the front-matter spelling (also accepting `-`, spaces and capitals).
    pub fn parse(text: &str) -> Option<Self> {
        // Written as it should be: no lower-casing and replacing.
        if let Some(exact) = Self::ALL.into_iter().find(|t| t.id() == text) {
            return Some(exact);
        }
        let norm = text.trim().to_lowercase().replace(['-', ' '], "_");
        let norm = match norm.as_str() {
            "internship" => "intern",
            "fulltime" => "full_time",
            "parttime" => "part_time",
            "contractor" => "contract",
            other => other,
        }
        .to_string();
        Self::ALL.into_iter().find(|t| t.id() == norm)
    }

    /// The label job seekers read.
    /// The key of its name in the translation files.
    pub fn text_key(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "type_full_time",
            EmploymentType::PartTime => "type_part_time",
            EmploymentType::Contract => "type_contract",
            EmploymentType::Temporary => "type_temporary",
            EmploymentType::Intern => "type_intern",
            EmploymentType::Volunteer => "type_volunteer",
            EmploymentType::PerDiem => "type_per_diem",
            EmploymentType::Other => "type_other",
        }
    }

    /// Its English name.
    pub fn label(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "Full-time",
            EmploymentType::PartTime => "Part-time",
            EmploymentType::Contract => "Contract",
            EmploymentType::Temporary => "Temporary",
            EmploymentType::Intern => "Internship",
            EmploymentType::Volunteer => "Volunteer",
            EmploymentType::PerDiem => "Per diem",
            EmploymentType::Other => "Other",
        }
    }

    /// The URL slug of its listing page (`/types/<slug>/`).
    pub fn slug(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full-time",
            EmploymentType::PartTime => "part-time",
            EmploymentType::Contract => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Intern => "internship",
            EmploymentType::Volunteer => "volunteer",
            EmploymentType::PerDiem => "per-diem",
            EmploymentType::Other => "other",
        }
    }
}

/// The period a salary figure is paid for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PayPeriod {
    /// Per hour.
    Hour,
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

impl PayPeriod {
    /// All values as written in front matter.
    pub const NAMES: [&'static str; 5] = ["hour", "day", "week", "month", "year"];

    /// Parses the front-matter spelling.
    pub fn parse(text: &str) -> Option<Self> {
        // Written as it should be, it needs no lower-cased copy.
        Self::parse_lower(text).or_else(|| Self::parse_lower(&text.trim().to_lowercase()))
    }

    fn parse_lower(text: &str) -> Option<Self> {
        match text {
            "hour" | "hourly" => Some(PayPeriod::Hour),
            "day" | "daily" => Some(PayPeriod::Day),
            "week" | "weekly" => Some(PayPeriod::Week),
            "month" | "monthly" => Some(PayPeriod::Month),
            "year" | "yearly" | "annual" | "annually" => Some(PayPeriod::Year),
            _ => None,
        }
    }

    /// The front-matter spelling.
    pub fn id(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A place a posting is based at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// City or town.
    pub city: String,
    /// State, province or region.
    pub region: String,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: String,
    /// Postal code, kept as written.
    pub postal_code: String,
    /// Street address.
    pub street: String,
    /// Line and column of its `city` in the file (of the entry without one), for messages
    /// about more than one file.
    #[serde(skip)]
    pub at: (u32, u32),
}

/// A pay range.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Salary {
    /// Lowest pay (absent for open-ended "up to" ranges).
    pub min: Option<f64>,
    /// Highest pay (absent for open-ended "from" ranges).
    pub max: Option<f64>,
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// What the figures are per.
    pub period: PayPeriod,
    /// Free text shown beside the figures.
    pub note: String,
    /// What this range is for, when a posting has several ("GS-14", "Berlin").
    pub label: Option<String>,
}

/// How to apply: a form/page URL or an email address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Apply {
    /// An application form or ATS page.
    Url(String),
    /// An address to send applications to.
    Email(String),
}

/// A question and its Markdown answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The question, plain text.
    pub question: String,
    /// The answer, Markdown.
    pub answer: String,
    /// Line of the answer in its file (for link errors).
    #[serde(skip)]
    pub line: u32,
}

/// One job posting, as written by HR.
#[derive(Clone, Debug, Serialize)]
pub struct Posting {
    /// The file, relative to the site folder.
    pub source: PathBuf,
    /// Job title.
    pub title: String,
    /// URL slug (`/jobs/<slug>/`).
    pub slug: String,
    /// Department name.
    pub department: String,
    /// Line and column of the `department` value in the file, for messages about more than
    /// one file.
    #[serde(skip)]
    pub department_at: (u32, u32),
    /// Team within the department.
    pub team: Option<String>,
    /// Where the job is based.
    pub locations: Vec<Location>,
    /// On-site, hybrid or remote.
    pub workplace: Workplace,
    /// Countries/regions a remote hire may live in.
    pub remote_regions: Vec<String>,
    /// At least one kind of employment.
    pub employment_types: Vec<EmploymentType>,
    /// Pay ranges as published: none, one, or several with labels.
    pub salaries: Vec<Salary>,
    /// Commission, tips, bonus and equity.
    pub pay: crate::content::facts::PayTerms,
    /// Seniority, hours, start, openings, who may apply, the hiring client.
    pub facts: crate::content::facts::Facts,
    /// When the posting was published.
    pub date_posted: Date,
    /// When it was last changed (sitemap lastmod), if given.
    pub date_updated: Option<Date>,
    /// Last day applications are accepted.
    pub valid_through: Option<Date>,
    /// Open until filled.
    pub evergreen: bool,
    /// How to apply (falls back to site.yaml's at render time).
    pub apply: Option<Apply>,
    /// Stable id for structured data and feeds.
    pub reference: Option<String>,
    /// Line and column of the `reference` value, for naming a reference two postings share.
    #[serde(skip)]
    pub reference_at: (u32, u32),
    /// Listing teaser; default is the first paragraph.
    pub summary: Option<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// E.g. "3–6 months".
    pub duration: Option<String>,
    /// Built only with `--drafts`.
    pub draft: bool,
    /// The posting's own questions.
    pub faq: Vec<Question>,
    /// Ids of groups in content/faq.yaml.
    pub faq_groups: Vec<(String, u32, u32)>,
    /// Image for social cards (site path or URL).
    pub image: Option<String>,
    /// Lint names silenced for this posting.
    pub lint_allow: Vec<String>,
    /// The posting's language (front matter `language`, else the file name's `.de.md`);
    /// `None` means the site's default.
    pub language: Option<String>,
    /// Links translations with different file names (front matter `translation_key`).
    pub translation_key: Option<String>,
    /// Free-form values for templates.
    pub extra: serde_json::Value,
    /// The Markdown body.
    pub body: String,
    /// Line in the file where the body starts (1-based).
    pub body_line: u32,
}

impl Posting {
    /// The range that applies when one is needed (structured data, pay-law lints): the first
    /// without a label, else the first.
    pub fn salary(&self) -> Option<&Salary> {
        self.salaries
            .iter()
            .find(|s| s.label.is_none())
            .or(self.salaries.first())
    }
}

/// A free page (benefits, hiring process …).
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// The file, relative to the site folder.
    pub source: PathBuf,
    /// Page title.
    pub title: String,
    /// The page's language (front matter or `.de.md`); `None` means the site's default.
    pub language: Option<String>,
    /// URL slug (`/<slug>/`).
    pub slug: String,
    /// Meta description.
    pub summary: Option<String>,
    /// Built only with `--drafts`.
    pub draft: bool,
    /// Last change, for the sitemap.
    pub date_updated: Option<Date>,
    /// Image for social cards.
    pub image: Option<String>,
    /// Free-form values for templates.
    pub extra: serde_json::Value,
    /// The Markdown body.
    pub body: String,
    /// Line in the file where the body starts (1-based).
    pub body_line: u32,
}

/// One group of content/faq.yaml.
#[derive(Clone, Debug, Serialize)]
pub struct FaqGroup {
    /// Referenced by postings' `faq_groups`.
    pub id: String,
    /// Heading shown on /faq/.
    pub title: String,
    /// The questions, in file order.
    pub questions: Vec<Question>,
}

/// A file copied verbatim to the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticFile {
    /// Absolute path on disk.
    pub from: PathBuf,
    /// Path inside the output folder (checked to stay inside it).
    pub to: PathBuf,
}
