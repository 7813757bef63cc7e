//! The facts real postings carry, through the CLI on tests/fixtures/facts (an agency posting
//! with every field, and a remote part-time one): each on the page, in jobs.json and in the
//! JSON-LD under its schema.org name; the usual wrong spellings are located errors.

use std::path::Path;

use serde_json::Value;

use crate::common::{assert_snapshot, build_on, careers, copy_dir, fixture, stderr};

/// Builds `site` with a fixed today into a temp folder; returns it and the output path.
fn build(site: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    build_on(site, "2026-12-01")
}

/// The text of an output file.
fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The one JSON-LD `JobPosting` of a posting page.
fn job_posting(html: &str) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let text = html
        .split(open)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a JSON-LD block");
    let value: Value = serde_json::from_str(text).expect("JSON-LD is JSON");
    assert_eq!(value["@type"], "JobPosting");
    value
}

/// The Key facts line with `data-fact="{id}"`, as its `<dd>` text.
fn fact(html: &str, id: &str) -> String {
    let marker = format!("data-fact=\"{id}\"");
    let rest = html
        .split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no Key facts line {id}"));
    let dd = rest.split("<dd>").nth(1).expect("a dd");
    dd.split("</dd>").next().expect("closed dd").to_string()
}

#[test]
fn every_new_fact_is_on_the_page_in_jobs_json_and_in_json_ld() {
    let (_dir, out) = build(&fixture("facts"));
    let page = read(&out, "jobs/senior-data-engineer/index.html");
    assert_eq!(fact(&page, "hours_per_week"), "32–40 hours a week");
    assert_eq!(fact(&page, "start_date"), "March 1, 2027");
    assert_eq!(fact(&page, "openings"), "2 positions");
    assert_eq!(fact(&page, "visa_sponsorship"), "Not available");
    assert_eq!(
        fact(&page, "work_authorization"),
        "US citizenship or permanent residency required"
    );
    assert_eq!(fact(&page, "security_clearance"), "Public Trust");
    assert_eq!(fact(&page, "required_languages"), "English, Spanish (B2)");
    assert_eq!(fact(&page, "travel"), "Up to 20% of working time");
    assert_eq!(fact(&page, "experience"), "5 years");
    assert_eq!(fact(&page, "education"), "Bachelor&#39;s degree");
    assert!(page.contains(
        r#"<a href="/seniority/senior/">Senior</a>, <a href="/seniority/lead/">Lead</a>"#
    ));
    assert!(page.contains("<li>Level II: $130,000–150,000 per year</li>"));
    assert!(page.contains("<li>Level III: $150,000–175,000 per year</li>"));
    assert!(page.contains("<li>Bonus: up to 10 % of base pay yearly</li>"));
    assert!(page.contains("<li>Equity: stock options</li>"));
    assert!(page.contains("Posted by Fieldwork Staffing for Northwind Analytics"));

    let ld = job_posting(&page);
    assert_eq!(ld["hiringOrganization"]["name"], "Northwind Analytics");
    assert_eq!(
        ld["hiringOrganization"]["sameAs"],
        "https://northwind.test/"
    );
    assert_eq!(ld["baseSalary"]["value"]["minValue"], 130000);
    assert_eq!(ld["baseSalary"]["value"]["maxValue"], 150000);
    assert_eq!(ld["jobStartDate"], "2027-03-01");
    assert_eq!(ld["totalJobOpenings"], 2);
    assert_eq!(ld["workHours"], "32–40 hours a week");
    assert_eq!(
        ld["eligibilityToWorkRequirement"],
        "US citizenship or permanent residency required"
    );
    assert_eq!(ld["securityClearanceRequirement"], "Public Trust");
    assert_eq!(ld["experienceRequirements"]["monthsOfExperience"], 60);
    assert_eq!(
        ld["educationRequirements"]["credentialCategory"],
        "bachelor degree"
    );
    assert_eq!(
        ld["incentiveCompensation"],
        "Bonus: up to 10 % of base pay yearly; Equity: stock options"
    );

    let support = read(&out, "jobs/support-agent/index.html");
    assert_eq!(fact(&support, "start_date"), "As soon as possible");
    assert_eq!(fact(&support, "hours_per_week"), "20 hours a week");
    assert_eq!(fact(&support, "timezones"), "UTC-8 to UTC-5");
    assert_eq!(fact(&support, "travel"), "none");
    assert!(support.contains("<br>Plus commission"));
    let ld = job_posting(&support);
    assert_eq!(ld["jobImmediateStart"], true);
    assert_eq!(ld["totalJobOpenings"], 3);
    assert_eq!(
        ld["experienceRequirements"],
        "Some customer-facing experience helps"
    );
    assert_eq!(
        ld["educationRequirements"]["credentialCategory"],
        "high school"
    );
    assert_eq!(ld["incentiveCompensation"], "Plus commission");

    let jobs: Value = serde_json::from_str(&read(&out, "jobs.json")).expect("jobs.json");
    assert_eq!(jobs["version"], 2);
    let engineer = &jobs["jobs"][0];
    assert_eq!(engineer["id"], "senior-data-engineer");
    assert_eq!(engineer["seniority"], serde_json::json!(["senior", "lead"]));
    assert_eq!(
        engineer["hours_per_week"],
        serde_json::json!({"min": 32.0, "max": 40.0})
    );
    assert_eq!(engineer["start_date"], "2027-03-01");
    assert_eq!(engineer["openings"], 2);
    assert_eq!(engineer["visa_sponsorship"], false);
    assert_eq!(engineer["security_clearance"], "Public Trust");
    assert_eq!(
        engineer["required_languages"],
        serde_json::json!([{"language": "en", "level": null}, {"language": "es", "level": "B2"}])
    );
    assert_eq!(engineer["travel"], 20);
    assert_eq!(engineer["experience"], 60);
    assert_eq!(engineer["education"], "bachelor");
    assert_eq!(engineer["salaries"][1]["label"], "Level III");
    assert_eq!(engineer["salary"]["label"], "Level II");
    assert_eq!(engineer["pay"]["equity"], "stock options");
    assert_eq!(
        engineer["hiring_organization"]["name"],
        "Northwind Analytics"
    );
    let support = &jobs["jobs"][1];
    assert_eq!(support["start_date"], "asap");
    assert_eq!(support["pay"]["commission"], true);
    assert_eq!(support["timezones"], "UTC-8 to UTC-5");
}

#[test]
fn a_range_without_a_label_is_the_one_structured_data_gets() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &fixture("facts").join("content"),
        &tmp.path().join("content"),
    );
    let path = tmp.path().join("content/jobs/senior-data-engineer.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text.replace("  - {label: Level III, min: 150000", "  - {min: 150000");
    std::fs::write(&path, text).expect("write");
    let (_dir, out) = build(tmp.path());
    let ld = job_posting(&read(&out, "jobs/senior-data-engineer/index.html"));
    assert_eq!(ld["baseSalary"]["value"]["minValue"], 150000);
    assert_eq!(ld["baseSalary"]["value"]["maxValue"], 175000);
}

#[test]
fn the_seniority_filter_has_a_page_per_level_and_marks_each_row() {
    let (_dir, out) = build(&fixture("facts"));
    let index = read(&out, "index.html");
    assert!(index.contains(r#"data-filter="seniority""#));
    for (level, name) in [
        ("entry", "Entry level"),
        ("senior", "Senior"),
        ("lead", "Lead"),
    ] {
        assert!(index.contains(&format!(
            r#"<a href="/seniority/{level}/" data-value="{level}" data-name="{name}">"#
        )));
    }
    assert!(index.contains(r#"data-seniority="senior lead""#));
    let senior = read(&out, "seniority/senior/index.html");
    assert!(senior.contains("Senior Data Engineer"));
    assert!(!senior.contains("Customer Support Agent"));
    assert!(!out.join("seniority/mid").exists());
}

#[test]
fn wrong_facts_are_located_errors_with_the_fix() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &fixture("facts").join("content"),
        &tmp.path().join("content"),
    );
    let wrong = "---\ntitle: Account Executive\ndepartment: Sales\nlocations: [{city: Austin, region: TX, country: US}]\nemployment_type: full_time\ndate_posted: 2026-11-20\nseniority: Sr.\nopenings: two\nstart_date: soon\nsalary: competitive\neducation: degree\nrequired_languages: [German]\n---\nSell our analytics products to companies in Texas.\n";
    std::fs::write(tmp.path().join("content/jobs/account-executive.md"), wrong).expect("write");
    let far = "---\ntitle: Remote Support Engineer\ndepartment: Support\nworkplace: remote\nremote_regions: [Mars, Germnay, EMAE]\nemployment_type: full_time\ndate_posted: 2026-11-20\nevergreen: true\n---\nHelp our customers from wherever you live, by chat and by email, and fix what breaks. You will work with our engineers on the problems customers find, write answers for our help pages and teach new colleagues how our products work.\n";
    std::fs::write(tmp.path().join("content/jobs/remote-support.md"), far).expect("write");
    let checked = careers(&["check", "--site", tmp.path().to_str().expect("utf-8 path")]);
    assert_eq!(checked.status.code(), Some(1), "{}", stderr(&checked));
    assert_snapshot("facts-wrong.txt", &stderr(&checked));
}

#[test]
fn remote_regions_are_expanded_for_google_and_named_in_the_row() {
    let (_dir, out) = build(&fixture("facts"));
    let index = read(&out, "index.html");
    assert!(index.contains("<li class=\"meta-location\">Remote (United States)</li>"));
    let ld = job_posting(&read(&out, "jobs/support-agent/index.html"));
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        ld["applicantLocationRequirements"],
        serde_json::json!({"@type": "Country", "name": "United States"})
    );
    let description = ld["description"].as_str().expect("description");
    assert!(
        description.ends_with(
            "<p>This position is fully remote, open to candidates in United States.</p>"
        )
    );

    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &fixture("facts").join("content"),
        &tmp.path().join("content"),
    );
    let path = tmp.path().join("content/jobs/support-agent.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("remote_regions: [US]", "remote_regions: [worldwide]"),
    )
    .expect("write");
    let (_dir, out) = build(tmp.path());
    let page = read(&out, "jobs/support-agent/index.html");
    assert!(page.contains("(open to candidates anywhere)"));
    let ld = job_posting(&page);
    assert!(
        ld.get("applicantLocationRequirements").is_none(),
        "worldwide names no country"
    );
    let description = ld["description"].as_str().expect("description");
    assert!(
        description.ends_with("<p>This position is fully remote, open to candidates anywhere.</p>")
    );
}

#[test]
fn every_posting_has_what_google_requires_of_a_job_posting() {
    let (_dir, out) = build(&fixture("facts"));
    for slug in ["senior-data-engineer", "support-agent"] {
        let ld = job_posting(&read(&out, &format!("jobs/{slug}/index.html")));
        for key in [
            "title",
            "description",
            "datePosted",
            "hiringOrganization",
            "employmentType",
        ] {
            assert!(ld.get(key).is_some(), "{slug}: {key}");
        }
        assert!(
            ld["hiringOrganization"]["name"]
                .as_str()
                .is_some_and(|n| !n.is_empty())
        );
        let located = ld.get("jobLocation").is_some()
            || (ld["jobLocationType"] == "TELECOMMUTE"
                && ld.get("applicantLocationRequirements").is_some());
        assert!(
            located,
            "{slug}: a place, or remote with where applicants may live"
        );
        if let Some(openings) = ld.get("totalJobOpenings") {
            assert!(openings.as_u64().is_some_and(|n| n > 0), "{slug}: openings");
        }
        if let Some(start) = ld.get("jobStartDate") {
            let start = start.as_str().expect("a date");
            assert!(
                jiff::civil::Date::strptime("%Y-%m-%d", start).is_ok(),
                "{slug}: {start}"
            );
        }
    }
}
