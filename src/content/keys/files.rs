//! The keys of free pages, content/site.yaml and content/faq.yaml.

use super::{APPLY_KIND, Key, Kind, LINT, QUESTION, key, required, untranslated};

/// Every key a free page's front matter may have.
pub(crate) const PAGE: &[Key] = &[
    required("title", Kind::Text, "Page title."),
    key(
        "slug",
        Kind::Slug,
        "The address of the page, /<slug>/ (default: the file name).",
    ),
    key(
        "summary",
        Kind::Text,
        "One or two sentences for search results.",
    ),
    key("draft", Kind::Flag, "Built only with --drafts."),
    key("date_updated", Kind::Date, "Day of the last real change."),
    key("image", Kind::Url, "Picture for sharing."),
    key("extra", Kind::Free, "Free-form values for templates."),
    key("language", Kind::Text, "Language of this page (BCP 47)."),
];

/// `company` in site.yaml.
pub(crate) const COMPANY: &[Key] = &[
    required("name", Kind::Text, "Company name."),
    key("url", Kind::Url, "Company homepage."),
    key("logo", Kind::Url, "Logo: /logo.svg or a full address."),
    key(
        "same_as",
        Kind::OneOrList(&Kind::Url),
        "Company profiles (LinkedIn …).",
    ),
];

/// `feeds` in site.yaml.
pub(crate) const FEEDS: &[Key] = &[
    key("atom", Kind::Flag, "Atom feeds (default on)."),
    key("json", Kind::Flag, "/jobs.json (default on)."),
    key(
        "indeed",
        Kind::Flag,
        "/indeed.xml for Indeed (default off).",
    ),
    key(
        "linkedin",
        Kind::Flag,
        "/linkedin.xml for LinkedIn (default off).",
    ),
];

/// One language's entry in site.yaml's `translations`.
pub(crate) const TRANSLATION: &[Key] = &[
    key("title", Kind::Text, "Site title in this language."),
    key(
        "description",
        Kind::Text,
        "Site description in this language.",
    ),
    key(
        "departments",
        Kind::Named(&Kind::Text),
        "Department names in this language.",
    ),
    key(
        "locations",
        Kind::Named(&Kind::Text),
        "Place names in this language.",
    ),
];

/// Every key content/site.yaml may have.
pub(crate) const SITE: &[Key] = &[
    required("title", Kind::Text, "Site title."),
    required(
        "base_url",
        Kind::Url,
        "Full address the site is published at.",
    ),
    key(
        "language",
        Kind::Text,
        "Default language (BCP 47, default en).",
    ),
    key(
        "languages",
        Kind::OneOrList(&Kind::Text),
        "Every language the site is published in.",
    ),
    key(
        "translations",
        Kind::Named(&Kind::Group(TRANSLATION)),
        "Texts in other languages, by language.",
    ),
    key(
        "untranslated_postings",
        Kind::Choice(untranslated),
        "List postings with no version in a language.",
    ),
    key(
        "description",
        Kind::Text,
        "Meta description of the listing.",
    ),
    key("theme", Kind::Text, "Theme name (default: default)."),
    key("output_dir", Kind::Text, "Output folder (default: public)."),
    key(
        "timezone",
        Kind::Timezone,
        "Time zone for today and dates: Europe/Berlin.",
    ),
    key(
        "company",
        Kind::Group(COMPANY),
        "The company behind the site.",
    ),
    key(
        "apply",
        APPLY_KIND,
        "How to apply, for postings that do not say.",
    ),
    key(
        "benefits",
        Kind::Markdown,
        "Benefits text (Markdown) or a link to them.",
    ),
    key(
        "pay_transparency",
        Kind::Free,
        "Job-ad laws careers check applies: {jurisdictions: auto} or a list of codes (`careers explain` lists them).",
    ),
    key(
        "employer",
        Kind::Group(EMPLOYER),
        "The employer's size and hiring statements, for the job-ad laws.",
    ),
    key("feeds", Kind::Group(FEEDS), "Which feeds to publish."),
    key("extra", Kind::Free, "Free-form values for templates."),
    key("theme_options", Kind::Free, "Theme settings."),
    key("lint", Kind::Group(LINT), "Lints switched off site-wide."),
];

/// The keys of site.yaml's `employer`.
pub(crate) const EMPLOYER: &[Key] = &[
    key(
        "employees",
        Kind::Count,
        "How many people the company employs: laws for larger employers are not checked.",
    ),
    key(
        "ai_screening",
        Kind::Flag,
        "Whether artificial intelligence screens, assesses or selects applicants.",
    ),
    key(
        "existing_vacancy",
        Kind::Flag,
        "Whether postings are for vacancies that exist now, unless a posting says.",
    ),
];

/// One group of content/faq.yaml.
pub(crate) const FAQ_GROUP: &[Key] = &[
    required("id", Kind::Slug, "Id postings name in faq_groups."),
    required("title", Kind::Text, "Heading of the group."),
    key(
        "questions",
        Kind::List(&Kind::Group(QUESTION)),
        "The questions of the group.",
    ),
];

/// Every key content/faq.yaml may have.
pub(crate) const FAQ: &[Key] = &[required(
    "groups",
    Kind::List(&Kind::Group(FAQ_GROUP)),
    "Groups of questions.",
)];
