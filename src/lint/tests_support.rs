//! Builders shared by the lint families' unit tests: a plain posting, a plain site.yaml and
//! a context holding both.

use std::path::PathBuf;

use jiff::civil::Date;

use super::{Ctx, Doc};
use crate::config::{Company, Feeds, SiteConfig};
use crate::content::model::{EmploymentType, Location, Posting, Workplace};

/// A plain posting in Berlin with a 60-word body.
pub fn posting() -> Posting {
    Posting {
        source: PathBuf::from("content/jobs/a.md"),
        title: "Backend Engineer".into(),
        slug: "a".into(),
        department: "Engineering".into(),
        department_at: (3, 13),
        team: None,
        locations: vec![Location {
            city: "Berlin".into(),
            country: "DE".into(),
            ..Location::default()
        }],
        workplace: Workplace::Onsite,
        remote_regions: Vec::new(),
        employment_types: vec![EmploymentType::FullTime],
        salaries: Vec::new(),
        pay: Default::default(),
        facts: Default::default(),
        date_posted: jiff::civil::date(2026, 1, 1),
        date_updated: None,
        valid_through: None,
        evergreen: true,
        apply: None,
        reference: None,
        reference_at: (1, 1),
        summary: Some("Short.".into()),
        tags: Vec::new(),
        duration: None,
        draft: false,
        faq: Vec::new(),
        faq_groups: Vec::new(),
        image: None,
        lint_allow: Vec::new(),
        language: None,
        translation_key: None,
        extra: serde_json::Value::Null,
        body: "word ".repeat(60),
        body_line: 4,
    }
}

/// A site.yaml with defaults and no pay-transparency settings.
pub fn config() -> SiteConfig {
    SiteConfig {
        title: "Careers".into(),
        base_url: "https://example.com/".into(),
        language: "en".into(),
        languages: vec!["en".into()],
        translations: Default::default(),
        show_untranslated: false,
        description: None,
        theme: "default".into(),
        output_dir: PathBuf::from("public"),
        timezone: jiff::tz::TimeZone::UTC,
        company: Company::default(),
        apply: None,
        benefits: None,
        pay_transparency: serde_json::Value::Null,
        employer: Default::default(),
        feeds: Feeds {
            atom: true,
            json: true,
            indeed: false,
            linkedin: false,
        },
        extra: serde_json::Value::Null,
        theme_options: serde_json::Value::Null,
        lint_allow: Vec::new(),
    }
}

/// Runs `f` with a context for `posting` (file text: a front matter with its title).
pub fn ctx_for(posting: &Posting, today: Date, f: impl FnOnce(&Ctx)) {
    let config = config();
    let doc = Doc {
        file: posting.source.clone(),
        text: format!("---\ntitle: {}\n---\n{}", posting.title, posting.body),
        body_line: 4,
    };
    f(&Ctx {
        posting,
        doc: &doc,
        config: &config,
        today,
    });
}
