//! URL slugs: made from names and file names, and checked so no path can escape the output.

use crate::content::fields::{Fields, Reader};

/// Turns any text into a URL slug: lower-case ASCII letters, digits and single hyphens.
pub fn slugify(text: &str) -> String {
    slug_of([text], text.len())
}

/// [`slugify`] of the pieces written one after the other (a heading's text events), without
/// joining them first.
pub fn slugify_parts<'t>(parts: impl IntoIterator<Item = &'t str>) -> String {
    slug_of(parts, 32)
}

fn slug_of<'t>(parts: impl IntoIterator<Item = &'t str>, capacity: usize) -> String {
    let mut slug = SlugWriter {
        out: String::with_capacity(capacity),
        no_hyphen: true,
    };
    for part in parts {
        for c in part.chars() {
            // Most text is ASCII other than `&`: no folding to look up.
            if c.is_ascii() && c != '&' {
                slug.push(c);
                continue;
            }
            match fold(c) {
                Some(folded) => folded.chars().for_each(|c| slug.push(c)),
                None => slug.push(c),
            }
        }
    }
    let mut out = slug.out;
    let kept = out.trim_end_matches('-').len();
    if kept == 0 {
        return "item".to_string();
    }
    out.truncate(kept);
    out
}

/// A slug being written: letters and digits kept (lower-cased), anything else one hyphen.
struct SlugWriter {
    out: String,
    /// Whether the slug so far is empty or ends with a hyphen (no hyphen goes there next).
    no_hyphen: bool,
}

impl SlugWriter {
    #[inline]
    fn push(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.out.push(c.to_ascii_lowercase());
            self.no_hyphen = false;
        } else if !self.no_hyphen {
            self.out.push('-');
            self.no_hyphen = true;
        }
    }
}

/// Folds common accented letters to ASCII so "Zürich" becomes "zurich" (`None`: kept as is).
fn fold(c: char) -> Option<&'static str> {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => "a",
        'ä' | 'Ä' | 'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => "o",
        'ö' | 'Ö' | 'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'Ù' | 'Ú' | 'Û' => "u",
        'ü' | 'Ü' => "ue",
        'ß' => "ss",
        'ł' | 'Ł' => "l",
        'ś' | 'š' | 'Š' => "s",
        'ž' | 'ż' | 'ź' | 'Ž' => "z",
        'ý' | 'ÿ' => "y",
        '&' => "-and-",
        _ => return None,
    };
    Some(s)
}

/// Whether a slug written by hand is safe and tidy (no `/`, `..`, spaces or capitals).
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// The `slug` key of a posting or page, or the slug of its file name.
pub fn read(r: &mut Reader, f: &Fields, file_stem: &str) -> Option<String> {
    let Some(node) = f.present("slug") else {
        return Some(slugify(file_stem));
    };
    let text = r.text(node, "slug")?;
    if is_valid(&text) {
        return Some(text);
    }
    r.error(
        node.pos,
        text.chars().count(),
        "bad-slug",
        format!("the slug `{text}` may only use lower-case letters a–z, digits and hyphens"),
        format!("write it as `slug: {}`", slugify(&text)),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_tidy() {
        assert_eq!(
            slugify("Backend Development Intern"),
            "backend-development-intern"
        );
        assert_eq!(slugify("Zürich, CH"), "zuerich-ch");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("R&D"), "r-and-d");
        assert_eq!(slugify("日本"), "item");
        assert_eq!(slugify("--a--b--"), "a-b");
        assert_eq!(slugify_parts(["What ", "you", " do!"]), "what-you-do");
        assert_eq!(slugify_parts(["R", "&", "D-"]), "r-and-d");
        assert!(!is_valid("../x"));
        assert!(is_valid("senior-engineer-2"));
    }
}
