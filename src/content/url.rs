//! Web addresses written in site.yaml and front matter (company url, logo, image, same_as):
//! full `http(s)://` addresses or paths inside the site; anything a browser would run
//! (`javascript:`, `data:`, `vbscript:` …) is refused with a located error.

use crate::content::fields::{Fields, Reader};
use crate::yaml::Pos;

/// Why `text` is not a safe link target, in plain words; `None` when it is fine.
///
/// Accepted: `https://…`, `http://…`, `mailto:…` (when `allow_mailto`), and paths without a
/// scheme (`/logo.png`, `images/a.png`). Refused: any other scheme, whitespace, control
/// characters, quotes and angle brackets.
pub fn problem(text: &str, allow_mailto: bool) -> Option<String> {
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("it contains spaces or invisible control characters".into());
    }
    if text.contains(['<', '>', '"', '\'', '`']) {
        return Some("it contains quotes or angle brackets, which no address needs".into());
    }
    if text.starts_with("//") || text.starts_with("\\\\") {
        return Some(
            "it starts with `//`, which browsers read as another site's address; write the full address with https://"
                .into(),
        );
    }
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return None;
    }
    if allow_mailto && lower.starts_with("mailto:") {
        return None;
    }
    scheme(&lower).map(|scheme| {
        format!(
            "`{scheme}:` addresses are not allowed here (only https:// and http:// links, or paths inside the site)"
        )
    })
}

/// The scheme of a URL (`javascript` in `javascript:alert(1)`), if it has one.
///
/// Like browsers, a colon before any `/`, `?` or `#` starts a scheme, so `java\tscript:`
/// tricks are caught by the whitespace check and `./a:b` is a path.
fn scheme(lower: &str) -> Option<&str> {
    let end = lower.find([':', '/', '?', '#'])?;
    if lower.as_bytes()[end] != b':' || end == 0 {
        return None;
    }
    Some(&lower[..end])
}

/// Whether a link target may be written into a page as it is (used for Markdown links in
/// front-matter and FAQ text): no script-running scheme.
pub fn is_safe_link(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    !matches!(
        scheme(&cleaned),
        Some("javascript" | "vbscript" | "data" | "file")
    )
}

/// An optional address under `key`; a bad one is a located error and gives `None`.
pub fn optional(r: &mut Reader, fields: &Fields, key: &str) -> Option<String> {
    let text = r.optional_text(fields, key)?;
    let pos = fields.get(key).map(|n| n.pos).unwrap_or_default();
    check(r, key, text, pos)
}

/// A list of addresses under `key` (one address is a list of one); bad ones are errors.
pub fn list(r: &mut Reader, fields: &Fields, key: &str) -> Vec<String> {
    r.text_list(fields, key)
        .into_iter()
        .filter_map(|(text, pos)| check(r, key, text, pos))
        .collect()
}

fn check(r: &mut Reader, key: &str, text: String, pos: Pos) -> Option<String> {
    let Some(why) = problem(&text, false) else {
        return Some(text);
    };
    r.error(
        pos,
        text.chars().count(),
        "bad-url",
        format!("`{key}` is not a usable web address: {why}"),
        format!("write a full address like `{key}: https://example.com/…`, or a path inside the site like `/logo.png`"),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_schemes_are_refused_and_web_addresses_kept() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            "java\tscript:x",
            "https://x.com/\"onload=",
            "//evil.example/apply",
            "\\\\evil.example\\apply",
        ] {
            assert!(problem(bad, false).is_some(), "{bad}");
        }
        for good in [
            "https://x.com/a?b=c:d",
            "/logo.png",
            "img/a:b.png",
            "HTTP://X",
        ] {
            assert_eq!(problem(good, false), None, "{good}");
        }
        assert!(problem("mailto:a@b.c", false).is_some());
        assert_eq!(problem("mailto:a@b.c", true), None);
    }

    #[test]
    fn markdown_link_targets() {
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link(" jav\nascript:alert(1)"));
        assert!(!is_safe_link("DATA:text/html,x"));
        assert!(is_safe_link("https://example.com/"));
        assert!(is_safe_link("../pages/a.md#x:y"));
        assert!(is_safe_link("mailto:jobs@example.com"));
    }
}
