//! Job-ad laws on fixture sites: each law's posting is flagged by that law only, and not when
//! the law does not yet apply, once the posting has closed, or for a smaller employer; and
//! what the laws ask beyond a range (Ontario's limits and disclosures, pay history,
//! gender-neutral titles, commission and tips, a job description).

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{assert_snapshot, careers, check_codes, copy_dir, fixture, stderr};

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// One law as `careers explain` describes it.
struct Law {
    /// `US-MD`.
    id: String,
    /// "Maryland's Wage Range Transparency Act", as messages name it.
    name: String,
    /// The first day postings are held to it (enforcement, where later).
    from: jiff::civil::Date,
    /// The smallest employer it covers.
    employees: u32,
}

/// Every law of the table, read through `careers explain` (one per fixture posting).
fn laws(site: &Path) -> Vec<Law> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(site.join("content/jobs")).expect("jobs") {
        let path = entry.expect("entry").path();
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_uppercase();
        let run = careers(&["explain", &id]);
        assert!(run.status.success(), "careers explain {id}");
        let text = String::from_utf8(run.stdout).expect("UTF-8");
        let field = |label: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(label))
                .map(str::to_string)
        };
        let first = text.lines().next().unwrap_or_default();
        let name = first.split_once(" — ").expect("`ID — name`").1.to_string();
        let date = field("Enforced from: ").or_else(|| field("In force from: "));
        let employees = field("Employers: ").expect("employers");
        out.push(Law {
            id,
            name,
            from: date.expect("date").parse().expect("a date"),
            employees: employees
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// For each posting file, the laws named in its warnings, from `check --format json`.
fn laws_named(site: &Path, today: &str, laws: &[Law]) -> Vec<(String, BTreeSet<String>)> {
    let out = careers(&[
        "check",
        "--format",
        "json",
        "--today",
        today,
        "--site",
        s(site),
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    let mut found: Vec<(String, BTreeSet<String>)> = Vec::new();
    for d in doc["diagnostics"].as_array().expect("diagnostics") {
        let file = d["file"].as_str().unwrap_or_default();
        let id = file
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".md");
        let message = d["message"].as_str().unwrap_or_default();
        let named = laws
            .iter()
            .filter(|l| message.contains(&format!("{} (", l.name)));
        let named: BTreeSet<String> = named.map(|l| l.id.clone()).collect();
        match found.iter_mut().find(|(f, _)| f == &id.to_uppercase()) {
            Some((_, set)) => set.extend(named),
            None => found.push((id.to_uppercase(), named)),
        }
    }
    found.retain(|(_, set)| !set.is_empty());
    found.sort();
    found
}

/// The laws a posting in this law's place falls under: New York City is in New York State.
fn expected_for(id: &str) -> BTreeSet<String> {
    match id {
        "US-NYC" => ["US-NY", "US-NYC"].map(String::from).into(),
        _ => [id.to_string()].into(),
    }
}

#[test]
fn each_laws_posting_is_flagged_by_its_law_alone() {
    let site = fixture("job-ad-laws");
    let laws = laws(&site);
    assert_eq!(laws.len(), 22, "one fixture posting per law of the table");
    let found = laws_named(&site, "2027-10-01", &laws);
    let expected: Vec<(String, BTreeSet<String>)> = laws
        .iter()
        .map(|l| (l.id.clone(), expected_for(&l.id)))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_law_does_not_apply_the_day_before_it_takes_effect() {
    let site = fixture("job-ad-laws");
    let laws = laws(&site);
    for law in &laws {
        let eve = law.from.yesterday().expect("a day before").to_string();
        let found = laws_named(&site, &eve, &laws);
        let flagged = found.iter().find(|(id, _)| id == &law.id);
        let by_itself = flagged.is_some_and(|(_, set)| set.contains(&law.id));
        assert!(!by_itself, "{} flagged on {eve}, before it applies", law.id);
        let on_the_day = laws_named(&site, &law.from.to_string(), &laws);
        let flagged = on_the_day.iter().find(|(id, _)| id == &law.id);
        assert!(
            flagged.is_some_and(|(_, set)| set.contains(&law.id)),
            "{} not flagged on {}, the day it applies",
            law.id,
            law.from
        );
    }
}

#[test]
fn a_closed_posting_is_never_flagged() {
    let site = fixture("job-ad-laws");
    let laws = laws(&site);
    // Every fixture posting closes on 2029-12-31.
    assert_eq!(laws_named(&site, "2030-01-01", &laws), []);
}

#[test]
fn laws_for_larger_employers_are_left_out_and_check_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("job-ad-laws"), &site);
    let laws = laws(&site);
    let thresholds: BTreeSet<u32> = laws.iter().map(|l| l.employees).collect();
    for threshold in thresholds.into_iter().filter(|t| *t > 1) {
        let yaml = site.join("content/site.yaml");
        let text = std::fs::read_to_string(&yaml).expect("site.yaml");
        let text = text
            .split("employer:")
            .next()
            .unwrap_or_default()
            .to_string();
        let employees = threshold - 1;
        std::fs::write(
            &yaml,
            format!("{text}employer:\n  employees: {employees}\n"),
        )
        .expect("write");
        let found = laws_named(&site, "2027-10-01", &laws);
        for law in &laws {
            let flagged = found
                .iter()
                .any(|(id, set)| id == &law.id && set.contains(&law.id));
            assert_eq!(
                flagged,
                law.employees <= employees,
                "{} (for {}+ employees) with {employees} employees",
                law.id,
                law.employees
            );
        }
        let human = careers(&["check", "--today", "2027-10-01", "--site", s(&site)]);
        let note =
            format!("Not checked, as site.yaml gives `employer: {{employees: {employees}}}`");
        assert!(stderr(&human).contains(&note), "{}", stderr(&human));
    }
    let human = careers(&["check", "--today", "2027-10-01", "--site", s(&site)]);
    assert_snapshot(
        "job-ad-laws-small-employer.txt",
        &note_lines(&stderr(&human)),
    );
}

/// The lines of `check`'s output that are not diagnostics.
fn note_lines(text: &str) -> String {
    let notes: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Not checked"))
        .collect();
    notes.join("\n") + "\n"
}

#[test]
fn what_the_laws_ask_beyond_a_range() {
    let site = fixture("job-ad-checks");
    let (_, found) = check_codes(&site, "2026-11-25");
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("berlin-pay-history.md", "pay-history-question"),
            ("berlin-title-one-gender.md", "title-not-gender-neutral"),
            ("buffalo-no-description.md", "description-missing"),
            ("buffalo-no-description.md", "body-too-short"),
            ("burlington-tipped.md", "pay-range-missing"),
            ("denver-commission-only.md", "pay-range-missing"),
            (
                "toronto-canadian-experience.md",
                "canadian-experience-required"
            ),
            ("toronto-hourly-too-wide.md", "pay-range-too-wide"),
            ("toronto-top-200000-spread-60000.md", "pay-range-too-wide"),
            ("toronto-vacancy-unstated.md", "existing-vacancy-unstated"),
        ]
    );
    let human = careers(&["check", "--today", "2026-11-25", "--site", s(&site)]);
    assert_snapshot("job-ad-checks.txt", &stderr(&human));
}

#[test]
fn ontario_statements_and_commission_show_on_the_posting_page() {
    let site = fixture("job-ad-checks");
    let (_tmp, out) = common::build_on(&site, "2026-11-25");
    let page = |slug: &str| {
        std::fs::read_to_string(out.join(format!("jobs/{slug}/index.html"))).expect("page")
    };
    let toronto = page("toronto-top-200001-spread-60000");
    assert!(
        toronto.contains("Eine bestehende offene Stelle"),
        "existing vacancy, in the site's German"
    );
    assert!(
        toronto.contains("Wir nutzen keine künstliche Intelligenz"),
        "AI screening statement"
    );
    let hourly = page("toronto-hourly-too-wide");
    assert!(hourly.contains("Keine aktuell offene Stelle"));
    let sales = page("burlington-commission-only");
    assert!(
        sales.contains("Vergütung auf Provisionsbasis"),
        "commission-based pay is said"
    );
}

#[test]
fn eu_in_site_yaml_stands_for_the_member_countries_own_laws_too() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("job-ad-laws"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    let text = text.replace("jurisdictions: auto", "jurisdictions: [EU]");
    std::fs::write(&yaml, text).expect("write");
    let laws = laws(&site);
    let flagged: Vec<String> = laws_named(&site, "2027-10-01", &laws)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(flagged, ["EU", "NL", "PL"]);
}
