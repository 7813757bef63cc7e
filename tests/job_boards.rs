//! The job-board feeds, /indeed.xml and /linkedin.xml, read back with an XML parser and
//! compared field by field with the postings they come from (the job-boards fixture: a
//! posting in two places, a remote one, and one LinkedIn refuses), and the warnings
//! `careers check` gives for the fields LinkedIn would refuse.

use std::collections::BTreeMap;

use careers::content::model::{Apply, Posting};

use crate::common::{assert_snapshot, build_on, careers, fixture};

/// One `<job>`: its child elements' texts by name.
type Job = BTreeMap<String, String>;

/// The `<job>` elements of a feed, and the texts of the root's other children.
fn jobs(text: &str) -> (Vec<Job>, Job) {
    let doc = roxmltree::Document::parse(text).expect("the feed is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "source");
    let texts = |node: roxmltree::Node| -> Job {
        node.children()
            .filter(|c| c.is_element() && c.tag_name().name() != "job")
            .map(|c| {
                let text: String = c.children().filter_map(|t| t.text()).collect();
                (c.tag_name().name().to_string(), text)
            })
            .collect()
    };
    let jobs = root
        .children()
        .filter(|c| c.has_tag_name("job"))
        .map(texts)
        .collect();
    (jobs, texts(root))
}

/// The fixture's postings as careers reads them.
fn postings() -> Vec<Posting> {
    let (content, _) = careers::content::load(&fixture("job-boards"));
    content.postings
}

fn find<'a>(jobs: &'a [Job], key: &str, value: &str) -> &'a Job {
    jobs.iter()
        .find(|j| j.get(key).map(String::as_str) == Some(value))
        .unwrap_or_else(|| panic!("no job with {key} = {value}"))
}

fn get<'a>(job: &'a Job, key: &str) -> Option<&'a str> {
    job.get(key).map(String::as_str)
}

#[test]
fn indeed_xml_carries_every_field_of_the_postings() {
    let (_dir, out) = build_on(&fixture("job-boards"), "2026-11-25");
    let text = std::fs::read_to_string(out.join("indeed.xml")).expect("indeed.xml written");
    let (jobs, head) = jobs(&text);
    assert_eq!(
        get(&head, "lastBuildDate"),
        Some("2026-11-16T00:00:00+01:00")
    );
    let postings = postings();
    let platform = postings
        .iter()
        .find(|p| p.slug == "platform-engineer")
        .expect("fixture");
    // One <job> per location, each its own reference number, all one requisition.
    let split: Vec<&Job> = jobs
        .iter()
        .filter(|j| get(j, "requisitionid") == Some("PLAT-9"))
        .collect();
    assert_eq!(split.len(), platform.locations.len());
    for (job, place) in split.iter().zip(&platform.locations) {
        assert_eq!(get(job, "title"), Some(platform.title.as_str()));
        assert_eq!(
            get(job, "date"),
            Some("2026-11-02T00:00:00+01:00"),
            "ISO 8601 in Berlin time"
        );
        assert_eq!(get(job, "city"), Some(place.city.as_str()));
        assert_eq!(get(job, "country"), Some(place.country.as_str()));
        assert_eq!(
            get(job, "state"),
            (!place.region.is_empty()).then_some(place.region.as_str())
        );
        assert_eq!(get(job, "category"), Some(platform.department.as_str()));
        assert_eq!(
            get(job, "url"),
            Some("https://careers.lindqvist.test/jobs/platform-engineer/")
        );
        assert_eq!(get(job, "jobtype"), Some("fulltime, parttime"));
        assert_eq!(get(job, "education"), Some("bachelor degree"));
        assert_eq!(get(job, "experience"), Some("3 years"));
        assert_eq!(
            get(job, "expirationdate"),
            Some("2027-03-31T23:59:59+02:00")
        );
        assert_eq!(get(job, "salary"), Some("€70,000–90,000 per year"));
        assert_eq!(get(job, "remotetype"), Some("Hybrid remote"));
        assert_eq!(get(job, "email"), None, "applications go to the ATS");
        assert!(
            get(job, "description").is_some_and(
                |d| d.contains("<li>Three years of running services in production</li>")
            )
        );
    }
    let numbers: Vec<&str> = split
        .iter()
        .filter_map(|j| get(j, "referencenumber"))
        .collect();
    assert_eq!(numbers, ["PLAT-9-berlin-de", "PLAT-9-austin-us"]);
    let berlin = find(&jobs, "referencenumber", "PLAT-9-berlin-de");
    assert_eq!(get(berlin, "postalcode"), Some("10115"));
    assert_eq!(get(berlin, "streetaddress"), Some("Invalidenstraße 1"));
    // A posting without a reference: its slug is both ids; email applications are named.
    let agent = find(&jobs, "referencenumber", "support-agent");
    assert_eq!(get(agent, "requisitionid"), Some("support-agent"));
    assert_eq!(
        get(agent, "country"),
        Some("PT"),
        "first country of remote_regions"
    );
    assert_eq!(get(agent, "remotetype"), Some("Fully remote"));
    assert_eq!(get(agent, "email"), Some("jobs@lindqvist.test"));
    assert_eq!(get(agent, "jobtype"), None, "Indeed has no volunteer type");
    assert_eq!(get(agent, "expirationdate"), None, "evergreen");
    assert_eq!(jobs.len(), 4);
}

#[test]
fn linkedin_xml_follows_the_basic_jobs_format() {
    let (_dir, out) = build_on(&fixture("job-boards"), "2026-11-25");
    let text = std::fs::read_to_string(out.join("linkedin.xml")).expect("linkedin.xml written");
    let (jobs, head) = jobs(&text);
    assert_eq!(get(&head, "publisher"), Some("Lindqvist Robotics"));
    assert_eq!(
        get(&head, "publisherUrl"),
        Some("https://careers.lindqvist.test/")
    );
    assert_eq!(get(&head, "expectedJobCount"), Some("4"));
    assert_eq!(jobs.len(), 4);
    let postings = postings();
    for job in &jobs {
        let id = get(job, "partnerJobId").expect("every job has an id");
        let posting = postings
            .iter()
            .find(|p| id.starts_with(p.reference.as_deref().unwrap_or(&p.slug)))
            .unwrap_or_else(|| panic!("{id} belongs to no posting"));
        assert_eq!(get(job, "title"), Some(posting.title.as_str()));
        assert_eq!(get(job, "company"), Some("Lindqvist Robotics"));
        let apply = match &posting.apply {
            Some(Apply::Url(url)) => url.clone(),
            _ => format!("https://careers.lindqvist.test/jobs/{}/", posting.slug),
        };
        assert_eq!(get(job, "applyUrl"), Some(apply.as_str()));
        assert!(get(job, "description").is_some_and(|d| d.starts_with("<p>")));
    }
    let berlin = find(&jobs, "partnerJobId", "PLAT-9-berlin-de");
    assert_eq!(get(berlin, "location"), Some("Berlin, Germany"));
    assert_eq!(get(berlin, "postalCode"), Some("10115"));
    assert_eq!(get(berlin, "workplaceTypes"), Some("Hybrid"));
    assert_eq!(get(berlin, "jobtype"), Some("FULL_TIME"));
    assert_eq!(get(berlin, "experienceLevel"), Some("MID_SENIOR_LEVEL"));
    let austin = find(&jobs, "partnerJobId", "PLAT-9-austin-us");
    assert_eq!(
        get(austin, "location"),
        Some("Austin, TX"),
        "US places: City, State"
    );
    assert_eq!(get(austin, "state"), Some("TX"));
    let agent = find(&jobs, "partnerJobId", "support-agent");
    assert_eq!(get(agent, "location"), Some("Portugal"));
    assert_eq!(get(agent, "workplaceTypes"), Some("Remote"));
    assert_eq!(get(agent, "jobtype"), Some("VOLUNTEER"));
    assert_eq!(get(agent, "experienceLevel"), Some("ENTRY_LEVEL"));
    let field = find(&jobs, "title", "Field Technician");
    assert_eq!(
        get(field, "location"),
        None,
        "worldwide is no place LinkedIn knows"
    );
}

#[test]
fn check_warns_where_linkedin_would_refuse_a_job() {
    let site = fixture("job-boards");
    let out = careers(&[
        "check",
        "--site",
        site.to_str().expect("utf-8"),
        "--today",
        "2026-11-25",
    ]);
    assert!(out.status.success(), "warnings only");
    let text = crate::common::stderr(&out);
    let linkedin: String = text
        .split("\n\n")
        .filter(|d| d.contains("linkedin-"))
        .map(|d| format!("{d}\n\n"))
        .collect();
    assert_snapshot("job-boards-linkedin.txt", &linkedin);
    let strict = careers(&[
        "check",
        "--strict",
        "--site",
        site.to_str().expect("utf-8"),
        "--today",
        "2026-11-25",
    ]);
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict turns them into errors"
    );
}
