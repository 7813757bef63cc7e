//! Expected output of the HR workflow tests, kept apart so the tests stay readable.

/// The file `careers new` writes, with its two dates replaced by `<date>`.
pub const NEW_POSTING: &str = r##"---
title: Senior Backend Engineer
department: Engineering
# One of: full_time, part_time, contract, temporary, intern, volunteer, per_diem, other.
employment_type: full_time
# Where the work happens: onsite, hybrid or remote.
workplace: onsite
locations:
  - city: Berlin
    country: DE
# Many places require a pay range on job ads (`careers explain pay-range-missing`). Remove the "#" to use it:
# salary: {min: 50000, max: 60000, currency: EUR, period: year}
date_posted: <date>
# The last day to apply. For a role that is always open, delete it and write `evergreen: true`.
valid_through: <date>
# A one- or two-sentence teaser for listings and search results (up to 160 characters).
summary: TODO # TODO: what the role is about, in one sentence
# More facts job seekers filter on; remove the "#" of those that apply:
# seniority: mid              # intern, entry, junior, mid, senior, staff, principal, lead, manager, director, executive
# hours_per_week: 40          # or {min: 20, max: 30}
# start_date: asap            # or a date: 2027-03-01
# openings: 2
# visa_sponsorship: false
# required_languages: [en, {language: de, level: B2}]
# experience: {years: 2}
# education: bachelor         # high_school, associate, bachelor, master, doctorate, professional_certificate
# remote_regions: [EU]        # with workplace: remote: countries, US states, or EU, EMEA, APAC, worldwide …
---

## About the role

TODO: two or three sentences about the team and why this role matters.

## What you will do

- TODO

## What we look for

- TODO

## Benefits

- TODO (or delete this section: the `benefits` in site.yaml are shown on every posting)
"##;

/// `careers check` on tests/fixtures/lints/snapshot, human format (stderr); the posting has
/// closed, so no pay law applies to it any more.
pub const HUMAN: &str = r#"content/jobs/data-analyst.md:2:22: warning: the title mentions pay; job boards reject or demote titles with salaries in them
  |
2 | title: Data Analyst (80k)
  |                      ^^^
  help: remove it from the title and write the range under `salary:` (min, max, currency, period) (`careers explain title-has-salary`)

content/jobs/data-analyst.md:10:16: warning: this posting closed on 2020-01-31 (`valid_through`), so the site shows it as "This position is closed" and lists it nowhere
   |
10 | valid_through: 2020-01-31
   |                ^^^^^^^^^^
  help: if you are still hiring, move `valid_through` to a later date; if the role is filled, leave the file as it is (its page says the position is closed) or delete it (`careers explain expired`)

content/jobs/data-analyst.md:13:11: warning: `title-has-salry` is not the name of a lint, so it silences nothing
   |
13 |   allow: [title-has-salry]
   |           ^^^^^^^^^^^^^^^
  help: did you mean `title-has-salary`? `careers explain` lists every lint

content/site.yaml:10:20: error: careers does not know the pay-transparency jurisdiction `US-COL`
   |
10 |   enforce: [US-CO, US-COL]
   |                    ^^^^^^
  help: did you mean `US-CO`? careers knows: US-CO, US-NY, US-NYC, US-CA, US-WA, US-IL, US-MA, US-NJ, US-MD, US-MN, US-VT, US-DC, US-HI, US-CLEVELAND, US-COLUMBUS, US-DE, CA-BC, CA-PE, CA-ON, PL, NL, EU, or `auto`

1 error, 3 warnings
"#;

/// The same, `--format json` (stdout).
pub const JSON: &str = r#"{
  "diagnostics": [
    {
      "code": "title-has-salary",
      "column": 22,
      "file": "content/jobs/data-analyst.md",
      "help": "remove it from the title and write the range under `salary:` (min, max, currency, period)",
      "line": 2,
      "message": "the title mentions pay; job boards reject or demote titles with salaries in them",
      "severity": "warning"
    },
    {
      "code": "expired",
      "column": 16,
      "file": "content/jobs/data-analyst.md",
      "help": "if you are still hiring, move `valid_through` to a later date; if the role is filled, leave the file as it is (its page says the position is closed) or delete it",
      "line": 10,
      "message": "this posting closed on 2020-01-31 (`valid_through`), so the site shows it as \"This position is closed\" and lists it nowhere",
      "severity": "warning"
    },
    {
      "code": "unknown-lint",
      "column": 11,
      "file": "content/jobs/data-analyst.md",
      "help": "did you mean `title-has-salary`? `careers explain` lists every lint",
      "line": 13,
      "message": "`title-has-salry` is not the name of a lint, so it silences nothing",
      "severity": "warning"
    },
    {
      "code": "unknown-jurisdiction",
      "column": 20,
      "file": "content/site.yaml",
      "help": "did you mean `US-CO`? careers knows: US-CO, US-NY, US-NYC, US-CA, US-WA, US-IL, US-MA, US-NJ, US-MD, US-MN, US-VT, US-DC, US-HI, US-CLEVELAND, US-COLUMBUS, US-DE, CA-BC, CA-PE, CA-ON, PL, NL, EU, or `auto`",
      "line": 10,
      "message": "careers does not know the pay-transparency jurisdiction `US-COL`",
      "severity": "error"
    }
  ],
  "errors": 1,
  "version": 1,
  "warnings": 3
}
"#;
