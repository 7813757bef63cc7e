//! The keys every content file may have, with what each holds: the one table the parser
//! checks keys against, and that `careers schema` and the browser editor's forms are made from.
//! The keys of postings are here, those of pages, site.yaml and faq.yaml in [`files`].

/// The keys of pages, site.yaml and faq.yaml.
mod files;
pub(crate) use files::{COMPANY, EMPLOYER, FAQ, FAQ_GROUP, FEEDS, PAGE, SITE, TRANSLATION};

use crate::content::facts::{Education, Seniority};
use crate::content::model::{EmploymentType, PayPeriod, Workplace};

/// One key of a YAML mapping.
#[derive(Debug)]
pub(crate) struct Key {
    /// The key as written.
    pub name: &'static str,
    /// What its value holds.
    pub kind: Kind,
    /// Whether the file is wrong without it.
    pub required: bool,
    /// One sentence for HR: what it is for (schema description, editor hint).
    pub about: &'static str,
}

/// What a value holds.
#[derive(Debug)]
pub(crate) enum Kind {
    /// One line of text (a number is read as its text).
    Text,
    /// Markdown text, possibly over several lines.
    Markdown,
    /// A slug: lower-case letters, digits and hyphens.
    Slug,
    /// A web address, or a site path starting with `/`.
    Url,
    /// An email address.
    Email,
    /// A day written YYYY-MM-DD.
    Date,
    /// `true` or `false`.
    Flag,
    /// A number, whole or with a fraction.
    Number,
    /// A whole number of at least one.
    Count,
    /// A two-letter ISO 3166 country code.
    Country,
    /// A three-letter ISO 4217 currency code.
    Currency,
    /// An IANA time zone name.
    Timezone,
    /// One of the names a function lists (kept where the model defines them).
    Choice(fn() -> Vec<&'static str>),
    /// One value of the kind, or a list of them.
    OneOrList(&'static Kind),
    /// A list of values of the kind.
    List(&'static Kind),
    /// A mapping with these keys.
    Group(&'static [Key]),
    /// A mapping from names of one's choosing to values of the kind.
    Named(&'static Kind),
    /// A value of any of these kinds.
    AnyOf(&'static [Kind]),
    /// Anything (read by templates or by the lints, not by the parser).
    Free,
}

/// A key HR may leave out.
pub(super) const fn key(name: &'static str, kind: Kind, about: &'static str) -> Key {
    Key {
        name,
        kind,
        required: false,
        about,
    }
}

/// A key the file needs.
pub(super) const fn required(name: &'static str, kind: Kind, about: &'static str) -> Key {
    Key {
        name,
        kind,
        required: true,
        about,
    }
}

/// The names of a list of keys, for messages.
pub(crate) fn names(keys: &[Key]) -> Vec<&'static str> {
    keys.iter().map(|k| k.name).collect()
}

/// The names `workplace` takes.
fn workplaces() -> Vec<&'static str> {
    Workplace::NAMES.to_vec()
}

/// The names `employment_type` takes.
fn employment_types() -> Vec<&'static str> {
    EmploymentType::ALL.iter().map(|t| t.id()).collect()
}

/// The names a salary's `period` takes.
fn periods() -> Vec<&'static str> {
    PayPeriod::NAMES.to_vec()
}

/// The names `seniority` takes.
fn seniorities() -> Vec<&'static str> {
    Seniority::ALL.iter().map(|s| s.id()).collect()
}

/// The names `education` takes.
fn educations() -> Vec<&'static str> {
    Education::ALL.iter().map(|e| e.id()).collect()
}

/// The levels a required language may have.
fn levels() -> Vec<&'static str> {
    crate::content::posting::LANGUAGE_LEVELS.to_vec()
}

/// The one word `start_date` takes besides a date.
fn asap() -> Vec<&'static str> {
    vec!["asap"]
}

/// The values `untranslated_postings` takes.
pub(super) fn untranslated() -> Vec<&'static str> {
    vec!["show", "hide"]
}

/// Every lint code, for `lint: {allow: [...]}`.
fn lint_codes() -> Vec<&'static str> {
    crate::lint::CODES.to_vec()
}

/// `apply: {url | email}`, in site.yaml and postings.
pub(crate) const APPLY: &[Key] = &[
    key("url", Kind::Url, "The page or form where people apply."),
    key("email", Kind::Email, "The address applications go to."),
];
/// `apply`: an email, a URL, or a group with one of them.
pub(super) const APPLY_KIND: Kind = Kind::AnyOf(&[Kind::Group(APPLY), Kind::Url, Kind::Email]);

/// `lint: {allow: [...]}`, in site.yaml and postings.
pub(crate) const LINT: &[Key] = &[key(
    "allow",
    Kind::OneOrList(&Kind::Choice(lint_codes)),
    "Lints to switch off (`careers explain` lists them).",
)];

/// One place in a posting's `locations`.
pub(crate) const LOCATION: &[Key] = &[
    key("city", Kind::Text, "City or town."),
    key(
        "region",
        Kind::Text,
        "State, province or region (NJ, Bavaria).",
    ),
    required(
        "country",
        Kind::Country,
        "Two-letter country code: DE, FR, US.",
    ),
    key(
        "postal_code",
        Kind::Text,
        "Postal code; quote it if it starts with 0.",
    ),
    key("street", Kind::Text, "Street and number."),
];

/// One pay range in `salary`.
pub(crate) const SALARY: &[Key] = &[
    key("min", Kind::Number, "Lowest pay, in figures."),
    key("max", Kind::Number, "Highest pay, in figures."),
    required(
        "currency",
        Kind::Currency,
        "Three-letter currency code: EUR, USD, GBP.",
    ),
    key(
        "period",
        Kind::Choice(periods),
        "What the figures are per (default: year).",
    ),
    key("note", Kind::Text, "A few words shown beside the figures."),
    key(
        "label",
        Kind::Text,
        "What this range is for, when there are several.",
    ),
];

/// One question of a posting's `faq` or of a group in faq.yaml.
pub(crate) const QUESTION: &[Key] = &[
    required(
        "question",
        Kind::Text,
        "The question, as applicants ask it.",
    ),
    required("answer", Kind::Markdown, "The answer (Markdown)."),
];

/// `hours_per_week: {min, max}`.
pub(crate) const HOURS: &[Key] = &[
    key("min", Kind::Number, "Fewest hours a week."),
    key("max", Kind::Number, "Most hours a week."),
];

/// `experience: {months | years}`.
pub(crate) const EXPERIENCE: &[Key] = &[
    key("months", Kind::Number, "Months of experience asked for."),
    key("years", Kind::Number, "Years of experience asked for."),
];

/// One of `required_languages` with its level.
pub(crate) const LANGUAGE: &[Key] = &[
    required("language", Kind::Text, "Language code: en, de, es."),
    key("level", Kind::Choice(levels), "CEFR level, or native."),
];

/// `hiring_organization`: the client an agency hires for.
pub(crate) const ORGANIZATION: &[Key] = &[
    required("name", Kind::Text, "The client's name."),
    key("url", Kind::Url, "The client's website."),
    key(
        "logo",
        Kind::Url,
        "The client's logo: /logo.png or a full address.",
    ),
];

/// Every key a posting's front matter may have.
pub(crate) const POSTING: &[Key] = &[
    required("title", Kind::Text, "Job title, without pay or place."),
    key(
        "slug",
        Kind::Slug,
        "The address of the page, /jobs/<slug>/ (default: the file name).",
    ),
    required("department", Kind::Text, "Department the role is in."),
    key("team", Kind::Text, "Team within the department."),
    key(
        "locations",
        Kind::OneOrList(&Kind::Group(LOCATION)),
        "Where the person works; at least one unless remote.",
    ),
    key(
        "workplace",
        Kind::Choice(workplaces),
        "On-site (default), hybrid or remote.",
    ),
    key(
        "remote_regions",
        Kind::OneOrList(&Kind::Text),
        "Countries or regions a remote hire may live in.",
    ),
    required(
        "employment_type",
        Kind::OneOrList(&Kind::Choice(employment_types)),
        "Kind of employment.",
    ),
    key(
        "salary",
        Kind::OneOrList(&Kind::Group(SALARY)),
        "Pay range, or a list of labelled ranges.",
    ),
    required("date_posted", Kind::Date, "Day the posting is published."),
    key("date_updated", Kind::Date, "Day of the last real change."),
    key("valid_through", Kind::Date, "Last day to apply."),
    key("evergreen", Kind::Flag, "Always open: no closing date."),
    key(
        "apply",
        APPLY_KIND,
        "How to apply, when not as in site.yaml.",
    ),
    key(
        "reference",
        Kind::Text,
        "Your stable id for the role (feeds, structured data).",
    ),
    key(
        "summary",
        Kind::Text,
        "One or two sentences for listings and search results.",
    ),
    key("tags", Kind::OneOrList(&Kind::Text), "Keywords."),
    key("duration", Kind::Text, "How long a fixed-term role lasts."),
    key("draft", Kind::Flag, "Built only with --drafts."),
    key(
        "faq",
        Kind::List(&Kind::Group(QUESTION)),
        "Questions and answers about this role.",
    ),
    key(
        "faq_groups",
        Kind::OneOrList(&Kind::Slug),
        "Ids of groups in content/faq.yaml to show.",
    ),
    key("extra", Kind::Free, "Free-form values for templates."),
    key(
        "image",
        Kind::Url,
        "Picture for sharing: /team.jpg or a full address.",
    ),
    key(
        "lint",
        Kind::Group(LINT),
        "Lints switched off for this posting.",
    ),
    key(
        "language",
        Kind::Text,
        "Language of this posting (BCP 47: en, de).",
    ),
    key(
        "translation_key",
        Kind::Text,
        "Shared by the versions of one posting in several languages.",
    ),
    key("commission", Kind::Flag, "Part of the pay is commission."),
    key("tips", Kind::Flag, "Part of the pay is tips."),
    key("bonus", Kind::Text, "Bonus, in your words."),
    key("equity", Kind::Text, "Equity, in your words."),
    key(
        "seniority",
        Kind::OneOrList(&Kind::Choice(seniorities)),
        "Level of the role.",
    ),
    key(
        "hours_per_week",
        Kind::AnyOf(&[Kind::Number, Kind::Group(HOURS)]),
        "Weekly hours, or a range.",
    ),
    key(
        "start_date",
        Kind::AnyOf(&[Kind::Date, Kind::Choice(asap)]),
        "Start day, or asap.",
    ),
    key("openings", Kind::Count, "How many people are hired."),
    key(
        "visa_sponsorship",
        Kind::Flag,
        "Whether you sponsor a work visa.",
    ),
    key(
        "existing_vacancy",
        Kind::Flag,
        "Whether the posting is for a vacancy that exists now (Ontario asks every posting to say).",
    ),
    key(
        "work_authorization",
        Kind::Text,
        "Who may work in the role.",
    ),
    key(
        "security_clearance",
        Kind::Text,
        "Security clearance the role needs.",
    ),
    key(
        "required_languages",
        Kind::OneOrList(&Kind::AnyOf(&[Kind::Text, Kind::Group(LANGUAGE)])),
        "Languages applicants must speak.",
    ),
    key(
        "travel",
        Kind::AnyOf(&[Kind::Number, Kind::Text]),
        "Percent of time travelling, or words.",
    ),
    key(
        "experience",
        Kind::AnyOf(&[Kind::Group(EXPERIENCE), Kind::Text]),
        "Experience asked for.",
    ),
    key(
        "education",
        Kind::Choice(educations),
        "Highest education asked for.",
    ),
    key(
        "timezones",
        Kind::Text,
        "Working hours' time zones of a remote role.",
    ),
    key(
        "hiring_organization",
        Kind::Group(ORGANIZATION),
        "The client, when an agency posts for one.",
    ),
];
