//! The facts of a posting beyond place, type and pay range: who is sought, when, how many, who
//! may apply, and how pay is made up. Each vocabulary parses the spellings HR write.

use jiff::civil::Date;
use serde::Serialize;

/// How senior a role is, in the order of a career.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Seniority {
    /// An internship or working student.
    Intern,
    /// A first job.
    Entry,
    /// Some experience.
    Junior,
    /// Experienced (also written intermediate or medior).
    Mid,
    /// Very experienced.
    Senior,
    /// Beyond senior, hands-on.
    Staff,
    /// The most senior hands-on level.
    Principal,
    /// Leads a team's work.
    Lead,
    /// Manages people.
    Manager,
    /// Leads managers.
    Director,
    /// Runs the company or a part of it.
    Executive,
}

impl Seniority {
    /// Every level, in career order.
    pub const ALL: [Seniority; 11] = [
        Seniority::Intern,
        Seniority::Entry,
        Seniority::Junior,
        Seniority::Mid,
        Seniority::Senior,
        Seniority::Staff,
        Seniority::Principal,
        Seniority::Lead,
        Seniority::Manager,
        Seniority::Director,
        Seniority::Executive,
    ];

    /// The front-matter spelling, also the slug of its listing page.
    pub fn id(self) -> &'static str {
        match self {
            Seniority::Intern => "intern",
            Seniority::Entry => "entry",
            Seniority::Junior => "junior",
            Seniority::Mid => "mid",
            Seniority::Senior => "senior",
            Seniority::Staff => "staff",
            Seniority::Principal => "principal",
            Seniority::Lead => "lead",
            Seniority::Manager => "manager",
            Seniority::Director => "director",
            Seniority::Executive => "executive",
        }
    }

    /// Parses the front-matter spelling and the usual synonyms (`Intermediate`, `medior`,
    /// `entry-level`, `exec`); abbreviations such as `Sr.` are not guessed.
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(exact) = Self::ALL.into_iter().find(|s| s.id() == text) {
            return Some(exact);
        }
        let norm = text.trim().to_lowercase().replace(['-', '_'], " ");
        let norm = match norm.as_str() {
            "internship" | "working student" | "trainee" => "intern",
            "entry level" | "graduate" | "new grad" => "entry",
            "intermediate" | "medior" | "mid level" | "middle" => "mid",
            "exec" | "c level" => "executive",
            "team lead" => "lead",
            other => other,
        }
        .to_string();
        Self::ALL.into_iter().find(|s| s.id() == norm)
    }

    /// The key of its name in the translation files.
    pub fn text_key(self) -> &'static str {
        match self {
            Seniority::Intern => "seniority_intern",
            Seniority::Entry => "seniority_entry",
            Seniority::Junior => "seniority_junior",
            Seniority::Mid => "seniority_mid",
            Seniority::Senior => "seniority_senior",
            Seniority::Staff => "seniority_staff",
            Seniority::Principal => "seniority_principal",
            Seniority::Lead => "seniority_lead",
            Seniority::Manager => "seniority_manager",
            Seniority::Director => "seniority_director",
            Seniority::Executive => "seniority_executive",
        }
    }
}

/// The highest education a role asks for, as Google for Jobs names credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Education {
    /// A secondary-school diploma.
    HighSchool,
    /// A two-year degree.
    Associate,
    /// A first degree.
    Bachelor,
    /// A master's degree.
    Master,
    /// A doctorate.
    Doctorate,
    /// A professional certificate or vocational qualification.
    ProfessionalCertificate,
}

impl Education {
    /// Every level, as written in front matter.
    pub const ALL: [Education; 6] = [
        Education::HighSchool,
        Education::Associate,
        Education::Bachelor,
        Education::Master,
        Education::Doctorate,
        Education::ProfessionalCertificate,
    ];

    /// The front-matter spelling.
    pub fn id(self) -> &'static str {
        match self {
            Education::HighSchool => "high_school",
            Education::Associate => "associate",
            Education::Bachelor => "bachelor",
            Education::Master => "master",
            Education::Doctorate => "doctorate",
            Education::ProfessionalCertificate => "professional_certificate",
        }
    }

    /// Parses the front-matter spelling (also `-`, spaces, capitals, `phd`, `bachelors`).
    pub fn parse(text: &str) -> Option<Self> {
        let norm = text.trim().to_lowercase().replace(['-', ' ', '\''], "_");
        let norm = match norm.as_str() {
            "bachelors" | "bachelor_s" | "bachelor_degree" | "ba" | "bsc" | "bs" => "bachelor",
            "masters" | "master_s" | "master_degree" | "msc" | "ma" => "master",
            "phd" | "doctoral" | "doctorate_degree" => "doctorate",
            "highschool" | "secondary" => "high_school",
            "associates" | "associate_s" | "associate_degree" => "associate",
            "certificate" | "professional" => "professional_certificate",
            other => other,
        }
        .to_string();
        Self::ALL.into_iter().find(|e| e.id() == norm)
    }

    /// Google's `credentialCategory` for it (master's and doctorates are postgraduate).
    pub fn credential_category(self) -> &'static str {
        match self {
            Education::HighSchool => "high school",
            Education::Associate => "associate degree",
            Education::Bachelor => "bachelor degree",
            Education::Master | Education::Doctorate => "postgraduate degree",
            Education::ProfessionalCertificate => "professional certificate",
        }
    }

    /// The key of its name in the translation files.
    pub fn text_key(self) -> &'static str {
        match self {
            Education::HighSchool => "education_high_school",
            Education::Associate => "education_associate",
            Education::Bachelor => "education_bachelor",
            Education::Master => "education_master",
            Education::Doctorate => "education_doctorate",
            Education::ProfessionalCertificate => "education_professional_certificate",
        }
    }
}

/// When the job starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Start {
    /// As soon as possible (`start_date: asap`).
    Asap,
    /// On this day.
    On(Date),
}

/// Weekly hours: one figure (`min == max`) or a range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Hours {
    /// Fewest hours a week.
    pub min: f64,
    /// Most hours a week.
    pub max: f64,
}

/// A language applicants must speak, with the CEFR level when given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequiredLanguage {
    /// Its code (`de`).
    pub language: String,
    /// A1, A2, B1, B2, C1, C2 or native.
    pub level: Option<String>,
}

/// Something given either as a number or in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Amount {
    /// A number (months of experience, percent of time travelling).
    Number(u32),
    /// HR's own words.
    Text(String),
}

/// The company hiring when it is not the site's (an agency posting for a client).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Organization {
    /// Its name.
    pub name: String,
    /// Its website.
    pub url: Option<String>,
    /// Its logo (a site path or URL).
    pub logo: Option<String>,
}

/// How pay is made up beyond the ranges: some pay laws treat commission and tips apart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PayTerms {
    /// Part of the pay is commission.
    pub commission: bool,
    /// Part of the pay is tips.
    pub tips: bool,
    /// A bonus, in HR's words ("up to 10 % yearly").
    pub bonus: Option<String>,
    /// Equity, in HR's words ("stock options").
    pub equity: Option<String>,
}

/// The optional facts of a posting; everything absent when not written.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Facts {
    /// One or more levels.
    pub seniority: Vec<Seniority>,
    /// Weekly hours.
    pub hours_per_week: Option<Hours>,
    /// Start date or as soon as possible.
    pub start: Option<Start>,
    /// How many people are hired.
    pub openings: Option<u32>,
    /// Whether the employer sponsors a work visa.
    pub visa_sponsorship: Option<bool>,
    /// Whether the posting is for a vacancy that exists (absent: site.yaml's `employer`
    /// default, else not said).
    pub existing_vacancy: Option<bool>,
    /// Who may work in the role ("US citizenship required").
    pub work_authorization: Option<String>,
    /// A security clearance the role needs.
    pub security_clearance: Option<String>,
    /// Languages applicants must speak.
    pub required_languages: Vec<RequiredLanguage>,
    /// Travel: percent of time, or words.
    pub travel: Option<Amount>,
    /// Experience: months, or words.
    pub experience: Option<Amount>,
    /// Highest education asked for.
    pub education: Option<Education>,
    /// Working hours' time zones of a remote role (`UTC-5 to UTC+1`).
    pub timezones: Option<String>,
    /// The client an agency hires for.
    pub hiring_organization: Option<Organization>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seniority_reads_synonyms_but_not_abbreviations() {
        assert_eq!(Seniority::parse("Intermediate"), Some(Seniority::Mid));
        assert_eq!(Seniority::parse("medior"), Some(Seniority::Mid));
        assert_eq!(Seniority::parse("Senior"), Some(Seniority::Senior));
        assert_eq!(Seniority::parse("entry-level"), Some(Seniority::Entry));
        assert_eq!(Seniority::parse("Sr."), None);
    }

    #[test]
    fn education_reads_common_spellings() {
        assert_eq!(Education::parse("Bachelor's"), Some(Education::Bachelor));
        assert_eq!(Education::parse("PhD"), Some(Education::Doctorate));
        assert_eq!(Education::parse("high school"), Some(Education::HighSchool));
        assert_eq!(
            Education::Master.credential_category(),
            "postgraduate degree"
        );
        assert_eq!(Education::parse("degree"), None);
    }
}
