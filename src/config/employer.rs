//! site.yaml's `employer`: facts about the employer that decide which job-ad laws apply
//! (its size) and what its postings state (AI screening, existing vacancies).

use crate::content::fields::{Fields, Reader};
use crate::content::keys;

/// What site.yaml says about the employer; everything absent when not written.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Employer {
    /// How many people it employs: laws for larger employers are not checked.
    pub employees: Option<u32>,
    /// Whether artificial intelligence screens, assesses or selects applicants (every
    /// posting says so when true).
    pub ai_screening: Option<bool>,
    /// Whether postings are for vacancies that exist, unless a posting says otherwise.
    pub existing_vacancy: Option<bool>,
}

/// Reads `employer`; a wrong type or an unknown key is an error.
pub(super) fn read(r: &mut Reader, f: &Fields) -> Employer {
    let Some(node) = f.present("employer") else {
        return Employer::default();
    };
    let Some(e) = r.fields(node, keys::EMPLOYER, "`employer`") else {
        return Employer::default();
    };
    let flag = |r: &mut Reader, key: &str| e.present(key).is_some().then(|| r.flag(&e, key));
    Employer {
        employees: e.present("employees").and_then(|n| employees(r, n)),
        ai_screening: flag(r, "ai_screening"),
        existing_vacancy: flag(r, "existing_vacancy"),
    }
}

/// A head count: a whole number of at least one.
fn employees(r: &mut Reader, node: &crate::yaml::Node) -> Option<u32> {
    let n = r.number(node, "employees")?;
    if n >= 1.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
        return Some(n as u32);
    }
    r.error(
        node.pos,
        1,
        "bad-employees",
        format!("`employees` must be a whole number of people, not `{n}`"),
        "write how many people the company employs, like `employer: {employees: 120}`".into(),
    );
    None
}
