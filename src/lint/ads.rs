//! What job-ad laws ask of an ad beyond its pay: Ontario's disclosures (AI screening, an
//! existing vacancy, no Canadian-experience requirement), no pay-history question, and a
//! gender-neutral title.

use super::laws::{Law, Need};
use super::pay::{asking, laws_ask, laws_ask_citing, places, sources};
use super::{Ctx, body::body_spot};
use crate::diagnostics::Diagnostic;

/// Phrases that ask applicants for their pay history, in the languages the theme ships
/// (lower case). Salary expectations are not pay history, except where an ad asks for
/// them in place of giving its own range ("prétentions salariales").
const PAY_HISTORY: &[&str] = &[
    "salary history",
    "pay history",
    "compensation history",
    "current salary",
    "current compensation",
    "previous salary",
    "last salary",
    "present salary",
    "aktuelles gehalt",
    "aktuellen gehalt",
    "derzeitiges gehalt",
    "bisheriges gehalt",
    "bisherigen gehalt",
    "gehaltshistorie",
    "prétentions salariales",
    "salaire actuel",
    "rémunération actuelle",
    "dernier salaire",
    "salario actual",
    "historial salarial",
    "retribuzione attuale",
    "stipendio attuale",
    "ral attuale",
    "salário atual",
    "huidig salaris",
    "huidige salaris",
    "salarisgeschiedenis",
    "obecne wynagrodzenie",
    "aktualne wynagrodzenie",
    "dotychczasowe wynagrodzenie",
    "současná mzda",
    "aktuální mzda",
    "nuværende løn",
    "nuvarande lön",
    "nykyinen palkka",
];

/// Phrases that ask for Canadian experience, which Ontario bans in job ads.
const CANADIAN_EXPERIENCE: &[&str] = &[
    "canadian experience",
    "canadian work experience",
    "experience in canada",
    "expérience canadienne",
    "expérience de travail canadienne",
    "expérience au canada",
];

/// Adds the warnings for one posting under `list`, the laws it is held to.
pub fn check(ctx: &Ctx, list: &[&'static Law], out: &mut Vec<Diagnostic>) {
    if list.is_empty() {
        return;
    }
    disclosures(ctx, list, out);
    let body = ctx.posting.body.as_str();
    let history = asking(list, &[Need::NoPayHistory]);
    let canada = asking(list, &[Need::NoCanadianExperience]);
    // Lower-cased once, for both lists of phrases.
    let lower = if history.is_empty() && canada.is_empty() {
        String::new()
    } else {
        body.to_lowercase()
    };
    if !history.is_empty()
        && let Some((at, phrase)) = find_phrase(body, &lower, PAY_HISTORY)
    {
        out.push(ctx.doc.warn(
            body_spot(ctx.doc, body, at, phrase.chars().count()),
            "pay-history-question",
            format!(
                "the posting asks for \"{phrase}\"; for a job in {}, {} that employers do not ask applicants about their pay history",
                places(&history),
                laws_ask_citing(&history, |l| match l.history_cite {
                    "" => l.source.cite,
                    cite => cite,
                })
            ),
            &format!("remove the question; you may ask what pay applicants expect, after giving your own range; {}", sources(&history)),
        ));
    }
    if !canada.is_empty()
        && let Some((at, phrase)) = find_phrase(body, &lower, CANADIAN_EXPERIENCE)
    {
        out.push(ctx.doc.warn(
            body_spot(ctx.doc, body, at, phrase.chars().count()),
            "canadian-experience-required",
            format!(
                "the posting mentions \"{phrase}\"; {} that a job ad does not require Canadian experience",
                laws_ask(&canada)
            ),
            &format!("ask for the experience itself (\"3 years of payroll work\"), wherever it was gained; {}", sources(&canada)),
        ));
    }
    gender_neutral(ctx, list, out);
    let describing = asking(list, &[Need::Description]);
    if !describing.is_empty() && !body.chars().any(char::is_alphanumeric) {
        out.push(ctx.doc.warn(
            ctx.doc.key_or_top(&["title"]),
            "description-missing",
            format!(
                "the posting has no text; for a job in {}, {} for the job description on the posting, when one exists",
                places(&describing),
                laws_ask(&describing)
            ),
            &format!("write what the job is below the front matter's closing `---`; {}", sources(&describing)),
        ));
    }
}

/// `ai-screening-unstated` and `existing-vacancy-unstated`: Ontario asks every posting to say
/// both, and careers prints them in the Key facts once site.yaml or the posting says them.
fn disclosures(ctx: &Ctx, list: &[&'static Law], out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let ai = asking(list, &[Need::AiScreening]);
    if !ai.is_empty() && ctx.config.employer.ai_screening.is_none() {
        out.push(doc.warn(
            doc.key_or_top(&["locations", "remote_regions", "title"]),
            "ai-screening-unstated",
            format!(
                "for a job in {}, {} whether artificial intelligence screens, assesses or selects applicants, and careers does not know",
                places(&ai),
                laws_ask(&ai)
            ),
            &format!("add `employer: {{ai_screening: true}}` (or `false`) to site.yaml; every posting then says so; {}", sources(&ai)),
        ));
    }
    let vacancy = asking(list, &[Need::ExistingVacancy]);
    let existing = ctx.posting.facts.existing_vacancy;
    if !vacancy.is_empty() && existing.or(ctx.config.employer.existing_vacancy).is_none() {
        out.push(doc.warn(
            doc.key_or_top(&["locations", "remote_regions", "title"]),
            "existing-vacancy-unstated",
            format!(
                "for a job in {}, {} whether the posting is for a vacancy that exists now",
                places(&vacancy),
                laws_ask(&vacancy)
            ),
            &format!("add `existing_vacancy: true` to the posting (`false` when you are gathering applicants for later), or `employer: {{existing_vacancy: true}}` to site.yaml for every posting; {}", sources(&vacancy)),
        ));
    }
}

/// `title-not-gender-neutral`: in German and French, where job titles have a gender, the
/// usual neutral form is a marker such as "(m/w/d)" or "(H/F)"; careers checks titles in
/// those two languages only.
fn gender_neutral(ctx: &Ctx, list: &[&'static Law], out: &mut Vec<Diagnostic>) {
    let wanting = asking(list, &[Need::GenderNeutral]);
    let language = ctx
        .posting
        .language
        .as_deref()
        .unwrap_or(&ctx.config.language);
    let primary = language.split('-').next().unwrap_or(language);
    let example = match primary {
        "de" => "(m/w/d)",
        "fr" => "(H/F)",
        _ => return,
    };
    if wanting.is_empty() || has_gender_marker(&ctx.posting.title) {
        return;
    }
    out.push(ctx.doc.warn(
        ctx.doc.key_or_top(&["title"]),
        "title-not-gender-neutral",
        format!(
            "the title `{}` names one gender; for a job in {}, {} for gender-neutral job titles",
            ctx.posting.title,
            places(&wanting),
            laws_ask(&wanting)
        ),
        &format!(
            "add `{example}` to the title, or use a form for every gender; {}",
            sources(&wanting)
        ),
    ));
}

/// Whether a title carries a gender marker ("(m/w/d)", "(H/F)", "(all genders)") or a
/// gender-inclusive ending ("Entwickler*in", "Entwickler:innen", "développeur·euse").
fn has_gender_marker(title: &str) -> bool {
    let lower = title.to_lowercase();
    let inclusive = [
        "*in",
        ":in",
        "_in",
        "innen",
        "·",
        "(e)",
        "(ne)",
        "all genders",
        "alle geschlechter",
        "(gn)",
    ];
    if inclusive.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // A bracket of gender letters separated by slashes: (m/w/d), (w/m/x), (f/h), (h/f/x).
    lower.split('(').skip(1).any(|rest| {
        let inside = rest.split(')').next().unwrap_or("");
        let letters: Vec<&str> = inside.split('/').map(str::trim).collect();
        letters.len() >= 2
            && letters
                .iter()
                .all(|l| matches!(*l, "m" | "w" | "d" | "f" | "h" | "x" | "i" | "div"))
    })
}

/// The first of `phrases` in `text` (whose lower case is `lower`), ignoring case: its byte
/// offset and the words as written there.
fn find_phrase<'t>(
    text: &'t str,
    lower: &str,
    phrases: &[&'static str],
) -> Option<(usize, &'t str)> {
    // Lower-casing keeps offsets only while it keeps lengths; otherwise point at the start.
    let same_offsets = lower.len() == text.len();
    let (at, phrase) = phrases
        .iter()
        .filter_map(|p| lower.find(p).map(|at| (at, *p)))
        .min_by_key(|(at, _)| *at)?;
    match text.get(at..at + phrase.len()) {
        Some(written) if same_offsets => Some((at, written)),
        _ => Some((0, phrase)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_gender_markers() {
        for title in [
            "Softwareentwickler (m/w/d)",
            "Entwickler (w/m/d) Backend",
            "Développeur (H/F)",
            "Développeur backend (F/H/X)",
            "Entwickler*in",
            "Entwickler:innen im Team",
            "Engineer (all genders)",
        ] {
            assert!(has_gender_marker(title), "{title}");
        }
        for title in [
            "Softwareentwickler",
            "Développeur backend",
            "Engineer (Berlin)",
            "Lead (m)",
        ] {
            assert!(!has_gender_marker(title), "{title}");
        }
    }

    #[test]
    fn finds_the_first_phrase_ignoring_case() {
        let text = "Send your CV. Please state your Current Salary and salary history.";
        assert_eq!(
            find_phrase(text, &text.to_lowercase(), PAY_HISTORY),
            Some((32, "Current Salary"))
        );
        let plain = "Tell us what you expect to earn.";
        assert_eq!(find_phrase(plain, &plain.to_lowercase(), PAY_HISTORY), None);
    }
}
