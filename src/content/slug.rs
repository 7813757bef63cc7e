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

/// The ASCII a non-ASCII character (or `&`) stands for in a slug (`None`: a word break).
///
/// Letters and digits of any script are transliterated by deunicode ("Zürich" → `zuerich`,
/// 営業 → `ying-ye`, Москва → `moskva`); marks that only modify the letter before them
/// (a decomposed accent, a joiner) add nothing; other symbols and emoji separate words.
fn fold(c: char) -> Option<&'static str> {
    // German umlauts as German writes them without the dots, where deunicode drops them.
    let s = match c {
        'ä' | 'Ä' => "ae",
        'ö' | 'Ö' => "oe",
        'ü' | 'Ü' => "ue",
        '&' => "-and-",
        _ => {
            let ascii = deunicode::deunicode_char(c)?;
            return (c.is_alphanumeric() || ascii.is_empty()).then_some(ascii);
        }
    };
    Some(s)
}

/// The slug of a location's listing (`/locations/<slug>/`): city and country code, or the
/// country code alone for a location without a city.
pub fn location(city: &str, country: &str) -> String {
    if city.is_empty() {
        country.to_ascii_lowercase()
    } else {
        slugify_parts([city, " ", country])
    }
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
        assert_eq!(slugify("🚀"), "item");
        assert_eq!(slugify("--a--b--"), "a-b");
        assert_eq!(slugify_parts(["What ", "you", " do!"]), "what-you-do");
        assert_eq!(slugify_parts(["R", "&", "D-"]), "r-and-d");
        assert!(!is_valid("../x"));
        assert!(is_valid("senior-engineer-2"));
    }

    #[test]
    fn latin_letters_fold_as_they_always_have() {
        // Every letter careers folded by a table of its own, and what it became.
        let letters = [
            ("àáâãåāÀÁÂÃÅ", "a"),
            ("äÄæÆ", "ae"),
            ("çÇčČć", "c"),
            ("èéêëēęěÈÉÊË", "e"),
            ("ìíîïÌÍÎÏ", "i"),
            ("ñÑń", "n"),
            ("òóôõøÒÓÔÕØ", "o"),
            ("öÖœŒ", "oe"),
            ("ùúûÙÚÛ", "u"),
            ("üÜ", "ue"),
            ("ß", "ss"),
            ("łŁ", "l"),
            ("śšŠ", "s"),
            ("žżźŽ", "z"),
            ("ýÿ", "y"),
        ];
        for (group, folded) in letters {
            for c in group.chars() {
                assert_eq!(slugify(&format!("x{c}x")), format!("x{folded}x"), "{c}");
            }
        }
        let cases = [
            ("Zürich", "zuerich"),
            ("Köln Düsseldorf", "koeln-duesseldorf"),
            ("ÄÖÜ äöü", "aeoeue-aeoeue"),
            ("Straße", "strasse"),
            ("Æsir Œuvre", "aesir-oeuvre"),
            ("København Ørsted", "kobenhavn-orsted"),
            ("Crème Brûlée", "creme-brulee"),
            ("São Paulo", "sao-paulo"),
            ("Łódź", "lodz"),
            ("Señor Niño", "senor-nino"),
            ("Čeština Šárka Žižkov", "cestina-sarka-zizkov"),
            ("Kraków Gdańsk", "krakow-gdansk"),
            ("Façade", "facade"),
            ("Marketing & Sales", "marketing-and-sales"),
            ("C++ / Rust", "c-rust"),
            ("Team ★ Growth 🚀", "team-growth"),
        ];
        for (text, slug) in cases {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }

    #[test]
    fn letters_the_old_table_lacked_are_transliterated_too() {
        assert_eq!(slugify("İstanbul"), "istanbul");
        assert_eq!(slugify("Đà Nẵng"), "da-nang");
        assert_eq!(slugify("Þór"), "thor");
        assert_eq!(slugify("Ýmir"), "ymir");
        // An accent written as its own combining mark belongs to its letter.
        assert_eq!(slugify("Re\u{301}sume\u{301}"), "resume");
    }

    #[test]
    fn every_script_gets_a_slug_of_its_own() {
        // Japanese: kanji, kana, and two departments that must not share a page.
        assert_eq!(slugify("営業"), "ying-ye");
        assert_eq!(slugify("開発"), "kai-fa");
        assert_eq!(slugify("テキスト"), "tekisuto");
        assert_eq!(location("東京", "JP"), "dong-jing-jp");
        assert_eq!(location("大阪", "JP"), "da-ban-jp");
        // Chinese.
        assert_eq!(slugify("北京"), "bei-jing");
        assert_eq!(slugify("上海 工程部"), "shang-hai-gong-cheng-bu");
        // Korean.
        assert_eq!(slugify("서울"), "seoul");
        assert_eq!(slugify("개발팀"), "gaebaltim");
        // Cyrillic.
        assert_eq!(slugify("Москва"), "moskva");
        assert_eq!(slugify("Отдел продаж"), "otdel-prodazh");
        // Greek.
        assert_eq!(slugify("Αθήνα"), "athena");
        // Arabic.
        assert_eq!(slugify("القاهرة"), "lqhr");
        assert_ne!(slugify("دبي"), slugify("القاهرة"));
        // Headings written in pieces give the same slug as the whole text.
        assert_eq!(slugify_parts(["仕事", "の", "内容"]), slugify("仕事の内容"));
    }

    #[test]
    fn a_location_without_a_city_is_its_country() {
        assert_eq!(location("", "DE"), "de");
        assert_eq!(location("Berlin", "DE"), "berlin-de");
        assert_eq!(location("Zürich", "CH"), "zuerich-ch");
    }
}
