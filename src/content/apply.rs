//! `apply: {url | email}`, shared by site.yaml and postings; a bare web or email address
//! (`apply: https://…`) is read as the one it can only be.

use crate::content::fields::Reader;
use crate::content::model::Apply;
use crate::yaml::{Node, Pos, Value};

/// Reads an apply block; exactly one of `url` and `email` must be given.
pub fn read(r: &mut Reader, node: &Node) -> Option<Apply> {
    if let Value::Str(text) = &node.value {
        return bare(r, node, text.trim());
    }
    let f = r.fields(node, crate::content::keys::APPLY, "`apply`")?;
    let url = r.optional_text(&f, "url");
    let email = r.optional_text(&f, "email");
    match (url, email) {
        (Some(url), None) => check_url(r, f.get("url").map_or(node.pos, |n| n.pos), url),
        (None, Some(email)) => check_email(r, f.get("email").map_or(node.pos, |n| n.pos), email),
        (Some(_), Some(_)) => {
            r.error(
                node.pos,
                1,
                "apply-both",
                "`apply` has both a `url` and an `email`; job seekers need one way".into(),
                "keep either `url` or `email` and delete the other".into(),
            );
            None
        }
        (None, None) => {
            r.error(
                node.pos,
                1,
                "apply-empty",
                "`apply` has neither a `url` nor an `email`".into(),
                "add `url: https://…` or `email: jobs@example.com` under `apply:`".into(),
            );
            None
        }
    }
}

/// `apply: https://…` or `apply: jobs@…`: unambiguous, so read as `url` or `email`.
fn bare(r: &mut Reader, node: &Node, text: &str) -> Option<Apply> {
    if text.starts_with("https://") || text.starts_with("http://") {
        return check_url(r, node.pos, text.to_string());
    }
    if text.contains('@') && !text.contains(' ') {
        return check_email(r, node.pos, text.to_string());
    }
    if crate::content::pasted::text_for_keys(r, node) {
        return None;
    }
    r.error(
        node.pos,
        text.chars().count().max(1),
        "apply-not-an-address",
        format!("`apply` must be a web address or an email address, not `{text}`"),
        "write `apply: {url: https://jobs.example.com/apply/123}` or `apply: {email: jobs@example.com}`".into(),
    );
    None
}

/// The address of an application form: a full web address or a path on this site.
fn check_url(r: &mut Reader, pos: Pos, url: String) -> Option<Apply> {
    // `//host/…` is another site's address to a browser, not a path on this one.
    if url.contains(char::is_whitespace)
        || url.starts_with("//")
        || !(url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/'))
    {
        r.error(
            pos,
            url.chars().count(),
            "bad-url",
            format!("the apply `url` must be a web address starting with https://, not `{url}`"),
            "write the full address of the application form, like `url: https://jobs.example.com/apply/123`".into(),
        );
        return None;
    }
    Some(Apply::Url(url))
}

/// An email address to apply to; a `mailto:` in front is dropped.
fn check_email(r: &mut Reader, pos: Pos, email: String) -> Option<Apply> {
    let email = email.trim_start_matches("mailto:").to_string();
    let valid = email
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        && !email.contains(char::is_whitespace)
        && !email.contains(['<', '>', '"', '?', '&']);
    if !valid {
        r.error(
            pos,
            email.chars().count(),
            "bad-email",
            format!("`{email}` is not an email address"),
            "write it like `email: jobs@example.com`".into(),
        );
        return None;
    }
    Some(Apply::Email(email))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// What `apply: <text>` in site.yaml is read as, and the codes of its problems.
    fn read_apply(text: &str) -> (Option<Apply>, Vec<&'static str>) {
        let file = SourceFile {
            path: "content/site.yaml".into(),
            text: format!("apply: {text}\n"),
        };
        let node = crate::yaml::parse(&file.text).expect("valid yaml");
        let Value::Map(entries) = &node.value else {
            panic!("a map")
        };
        let mut r = Reader::new(&file, 0);
        let apply = read(&mut r, &entries[0].1);
        (apply, r.diagnostics.iter().map(|d| d.code).collect())
    }

    #[test]
    fn a_bare_address_is_the_url_or_the_email() {
        let url = "https://jobs.example.com/apply/17";
        assert_eq!(read_apply(url), (Some(Apply::Url(url.into())), vec![]));
        let email = Apply::Email("jobs@example.com".into());
        assert_eq!(read_apply("mailto:jobs@example.com"), (Some(email), vec![]));
        assert_eq!(
            read_apply("our website"),
            (None, vec!["apply-not-an-address"])
        );
        assert_eq!(read_apply("https://a b"), (None, vec!["bad-url"]));
    }
}
