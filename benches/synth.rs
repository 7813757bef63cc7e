//! Synthetic careers sites for the benchmark and the incremental-build tests: N postings
//! spread over departments, locations, types and workplaces, each with a realistic body.

use std::path::Path;

/// Departments postings are spread over.
pub const DEPARTMENTS: &[&str] = &[
    "Engineering",
    "Design",
    "Customer Success",
    "People Operations",
    "Sales",
    "Marketing",
    "Finance",
    "Manufacturing",
    "Field Service",
    "Research",
];

const CITIES: &[(&str, &str)] = &[
    ("Berlin", "DE"),
    ("Munich", "DE"),
    ("Hamburg", "DE"),
    ("Paris", "FR"),
    ("Lyon", "FR"),
    ("Amsterdam", "NL"),
    ("London", "GB"),
    ("Manchester", "GB"),
    ("Madrid", "ES"),
    ("Barcelona", "ES"),
    ("Milan", "IT"),
    ("Vienna", "AT"),
    ("Zurich", "CH"),
    ("Warsaw", "PL"),
    ("Prague", "CZ"),
    ("Stockholm", "SE"),
    ("Copenhagen", "DK"),
    ("Dublin", "IE"),
    ("Lisbon", "PT"),
    ("Brussels", "BE"),
];

const TYPES: &[&str] = &["full_time", "part_time", "contract", "intern", "temporary"];

/// site.yaml of a synthetic site.
pub const SITE_YAML: &str = "title: Careers at Benchmark Robotics\nbase_url: https://careers.example.com/\ntimezone: Europe/Berlin\ncompany:\n  name: Benchmark Robotics\n  url: https://www.example.com/\n  logo: /logo.svg\napply:\n  email: jobs@example.com\nfeeds:\n  atom: true\n  json: true\n  indeed: true\n";

/// The text of posting number `i` (deterministic), with `title` and `extra_body` varied by tests.
pub fn posting(
    i: usize,
    title: &str,
    salary_min: u32,
    valid_through: &str,
    extra_body: &str,
) -> String {
    let dept = DEPARTMENTS[i % DEPARTMENTS.len()];
    let (city, country) = CITIES[(i / 3) % CITIES.len()];
    let (city2, country2) = CITIES[(i / 7 + 5) % CITIES.len()];
    let kind = TYPES[i % TYPES.len()];
    let workplace = ["onsite", "hybrid", "remote"][i % 3];
    let second = if i.is_multiple_of(4) {
        format!("\n  - city: {city2}\n    country: {country2}")
    } else {
        String::new()
    };
    let day = 1 + i % 28;
    // Front matter as HR write it (the example site's and `careers new`'s style): comments,
    // a quoted postal code, and every other posting a folded summary.
    let summary = if i.is_multiple_of(2) {
        format!(
            "summary: >\n  Posting {i} in {dept}: plan routes and keep a live map of every robot on\n  the floor, with a mentor and a real backlog.\n"
        )
    } else {
        String::new()
    };
    format!(
        "---\ntitle: {title}\ndepartment: {dept}\nteam: Team {team}\n# One of: full_time, part_time, contract, temporary, intern.\nemployment_type: {kind}\nworkplace: {workplace} # onsite, hybrid or remote\nlocations:\n  - city: {city}\n    postal_code: \"{postal:05}\"\n    country: {country}{second}\nsalary:\n  min: {salary_min}\n  max: {max}\n  currency: EUR\n  period: year\ndate_posted: {year}-0{month}-{day:02}\nvalid_through: {valid_through}\nreference: BENCH-{i:06}\n{summary}tags: [tag{a}, tag{b}, benchmark]\n---\n\n\
## About the role\n\nPosting number {i} in **{dept}**. Our robots move more than two million parcels a week in warehouses across Europe. Behind every one of those trips is a team that plans routes, hands out tasks and keeps a live map of every robot on the floor.\n\n\
As a member of that team you join for the long run. You get a mentor, a real backlog and your own features in production — not a side project that nobody uses.\n\n\
## What you will do\n\n- Build and improve REST APIs that our fleet dashboard talks to\n- Write database queries and migrations, and learn how to make them fast\n- Add tests, fix bugs and review code together with the rest of the team\n- Take part in planning, stand-ups and our fortnightly demo day\n- Spend one day on a warehouse floor to see the robots at work\n\n\
## What we look for\n\n- You have shipped software that other people use\n- You have written code in Python, Java or Rust\n- You know what a database is and have written a few SQL queries\n- You can work in English; German is a nice extra, not a requirement\n\n\
| Stage | Length |\n|---|---|\n| Call | 30 min |\n| Task | 2 h |\n| Team | 1 day |\n\n\
## What we offer\n\n- A salary of €{salary_min}–€{max} a year, depending on experience\n- A dedicated mentor and a weekly one-to-one\n- Hybrid work: at least two days a week in our office, the rest wherever you like\n- A laptop of your choice, and a learning budget for books and courses\n\n\
Curious what happens after you apply? Read about [our hiring process](../pages/hiring.md).\n{extra_body}",
        team = i % 17,
        postal = 10_000 + i % 90_000,
        year = if valid_through < "2025" { 2019 } else { 2025 },
        max = salary_min + 15_000,
        month = 1 + i % 9,
        a = i % 13,
        b = i % 29,
    )
}

/// The default title of posting `i`.
pub fn title(i: usize) -> String {
    format!("{} Specialist {i}", DEPARTMENTS[i % DEPARTMENTS.len()])
}

/// The default `valid_through` of posting `i` (one in twenty is already closed).
pub fn valid_through(i: usize) -> &'static str {
    if i % 20 == 19 {
        "2020-01-31"
    } else {
        "2099-12-31"
    }
}

/// The file name of posting `i`.
pub fn file_name(i: usize) -> String {
    format!("posting-{i:06}.md")
}

/// Writes a site with `n` postings into `dir` (which must exist).
pub fn write_site(dir: &Path, n: usize) -> std::io::Result<()> {
    let jobs = dir.join("content/jobs");
    std::fs::create_dir_all(&jobs)?;
    std::fs::create_dir_all(dir.join("content/pages"))?;
    std::fs::create_dir_all(dir.join("content/static"))?;
    std::fs::write(dir.join("content/site.yaml"), SITE_YAML)?;
    std::fs::write(
        dir.join("content/pages/hiring.md"),
        "---\ntitle: Hiring process\n---\n\nHow we hire: a call, a task, a day with the team.\n",
    )?;
    std::fs::write(
        dir.join("content/static/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>\n",
    )?;
    for i in 0..n {
        let text = posting(
            i,
            &title(i),
            40_000 + (i as u32 % 50) * 1000,
            valid_through(i),
            "",
        );
        std::fs::write(jobs.join(file_name(i)), text)?;
    }
    Ok(())
}
