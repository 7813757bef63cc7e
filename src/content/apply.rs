//! `apply: {url | email}`, shared by site.yaml and postings.

use crate::content::fields::Reader;
use crate::content::model::Apply;
use crate::yaml::Node;

/// Reads an apply block; exactly one of `url` and `email` must be given.
pub fn read(r: &mut Reader, node: &Node) -> Option<Apply> {
    let f = r.fields(node, &["url", "email"], "`apply`")?;
    let url = r.optional_text(&f, "url");
    let email = r.optional_text(&f, "email");
    match (url, email) {
        (Some(url), None) => {
            let pos = f.get("url").map(|n| n.pos).unwrap_or(node.pos);
            // `//host/…` is another site's address to a browser, not a path on this one.
            if url.contains(char::is_whitespace)
                || url.starts_with("//")
                || !(url.starts_with("https://")
                    || url.starts_with("http://")
                    || url.starts_with('/'))
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
        (None, Some(email)) => {
            let pos = f.get("email").map(|n| n.pos).unwrap_or(node.pos);
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
