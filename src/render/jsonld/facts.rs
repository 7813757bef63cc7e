//! The schema.org properties of a posting's optional facts: start, openings, hours, who may
//! apply, experience, education and pay beyond the base range. Absent facts are left out.

use serde::Serialize;

use crate::content::facts::{Amount, PayTerms, Start};
use crate::content::model::Posting;
use crate::render::views::JobView;

/// The `JobPosting` members made from the posting's facts, in byte order of their keys.
#[derive(Serialize)]
pub(super) struct FactsLd<'a> {
    #[serde(rename = "educationRequirements")]
    #[serde(skip_serializing_if = "Option::is_none")]
    education: Option<Credential>,
    #[serde(rename = "eligibilityToWorkRequirement")]
    #[serde(skip_serializing_if = "Option::is_none")]
    eligibility: Option<&'a str>,
    #[serde(rename = "experienceRequirements")]
    #[serde(skip_serializing_if = "Option::is_none")]
    experience: Option<Experience<'a>>,
    #[serde(rename = "incentiveCompensation")]
    #[serde(skip_serializing_if = "Option::is_none")]
    incentive: Option<String>,
    #[serde(rename = "jobImmediateStart")]
    #[serde(skip_serializing_if = "Option::is_none")]
    immediate_start: Option<bool>,
    #[serde(rename = "jobStartDate", skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(rename = "securityClearanceRequirement")]
    #[serde(skip_serializing_if = "Option::is_none")]
    clearance: Option<&'a str>,
    #[serde(rename = "totalJobOpenings", skip_serializing_if = "Option::is_none")]
    openings: Option<u32>,
    #[serde(rename = "workHours", skip_serializing_if = "Option::is_none")]
    work_hours: Option<&'a str>,
}

/// `educationRequirements`: a credential of one of Google's categories.
#[derive(Serialize)]
struct Credential {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "credentialCategory")]
    category: &'static str,
}

/// `experienceRequirements`: months of experience, or HR's words.
#[derive(Serialize)]
#[serde(untagged)]
enum Experience<'a> {
    Months {
        #[serde(rename = "@type")]
        kind: &'static str,
        #[serde(rename = "monthsOfExperience")]
        months: u32,
    },
    Text(&'a str),
}

/// The facts' members for `posting`, whose view `job` has the labels in its language.
pub(super) fn facts_ld<'a>(posting: &'a Posting, job: &'a JobView) -> FactsLd<'a> {
    let facts = &posting.facts;
    FactsLd {
        education: facts.education.map(|e| Credential {
            kind: "EducationalOccupationalCredential",
            category: e.credential_category(),
        }),
        eligibility: facts.work_authorization.as_deref(),
        experience: facts.experience.as_ref().map(|e| match e {
            Amount::Number(months) => Experience::Months {
                kind: "OccupationalExperienceRequirements",
                months: *months,
            },
            Amount::Text(t) => Experience::Text(t),
        }),
        incentive: incentive(&posting.pay, job),
        immediate_start: (facts.start == Some(Start::Asap)).then_some(true),
        start_date: match facts.start {
            Some(Start::On(date)) => Some(date.to_string()),
            _ => None,
        },
        clearance: facts.security_clearance.as_deref(),
        openings: facts.openings,
        work_hours: job
            .details
            .iter()
            .find(|d| d.id == "hours_per_week")
            .map(|d| d.value.as_str()),
    }
}

/// `incentiveCompensation`: commission, tips, bonus and equity as the page words them.
fn incentive(pay: &PayTerms, job: &JobView) -> Option<String> {
    (*pay != PayTerms::default()).then(|| job.pay_terms.join("; "))
}
