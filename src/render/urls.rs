//! URLs under the site's base URL, so every link works when hosted under a sub-path.

/// Knows the base URL and turns site paths into links.
#[derive(Clone, Debug)]
pub struct Urls {
    /// Absolute base URL, ending with `/` (`https://acme.github.io/careers/`).
    pub base_url: String,
    /// Its path part, starting and ending with `/` (`/careers/`).
    pub root: String,
    /// The base URL of the whole site, where files shared by every language live (the same
    /// as `base_url` but for the pages of a language in its own folder).
    pub site_base_url: String,
    /// Its path part.
    pub site_root: String,
}

impl Urls {
    /// Splits a base URL (already normalised to end with `/`) into its parts.
    pub fn new(base_url: &str) -> Self {
        let after_scheme = base_url
            .split_once("://")
            .map_or(base_url, |(_, rest)| rest);
        let root = match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_string(),
            None => "/".to_string(),
        };
        let root = if root.ends_with('/') {
            root
        } else {
            format!("{root}/")
        };
        Urls {
            site_base_url: base_url.to_string(),
            site_root: root.clone(),
            base_url: base_url.to_string(),
            root,
        }
    }

    /// The URLs of the pages in the folder `language` (`/careers/de/`); files shared by
    /// every language stay at the site's root.
    pub fn in_folder(&self, language: &str) -> Urls {
        Urls {
            base_url: format!("{}{language}/", self.site_base_url),
            root: format!("{}{language}/", self.site_root),
            site_base_url: self.site_base_url.clone(),
            site_root: self.site_root.clone(),
        }
    }

    /// The link path of a site-relative path (`jobs/x/` → `/careers/jobs/x/`).
    pub fn path(&self, relative: &str) -> String {
        format!("{}{}", self.root, relative.trim_start_matches('/'))
    }

    /// [`Urls::path`] of a path given in pieces (`["jobs/", slug, "/"]`), in one allocation.
    pub fn path_of(&self, pieces: &[&str]) -> String {
        join(&self.root, pieces)
    }

    /// [`Urls::absolute`] of a path given in pieces, in one allocation.
    pub fn absolute_of(&self, pieces: &[&str]) -> String {
        join(&self.base_url, pieces)
    }

    /// The absolute URL of a site-relative path.
    pub fn absolute(&self, relative: &str) -> String {
        format!("{}{}", self.base_url, relative.trim_start_matches('/'))
    }

    /// A path from site.yaml or front matter: `/logo.png` is under the site root, full URLs
    /// are kept, anything else is taken as relative to the site root too.
    pub fn asset(&self, value: &str) -> String {
        if value.starts_with("https://") || value.starts_with("http://") {
            value.to_string()
        } else {
            format!("{}{}", self.site_base_url, value.trim_start_matches('/'))
        }
    }
}

/// `prefix` followed by the pieces, the first without its leading `/` (like [`Urls::path`]).
fn join(prefix: &str, pieces: &[&str]) -> String {
    let mut out =
        String::with_capacity(prefix.len() + pieces.iter().map(|p| p.len()).sum::<usize>());
    out.push_str(prefix);
    for (i, piece) in pieces.iter().enumerate() {
        out.push_str(if i == 0 {
            piece.trim_start_matches('/')
        } else {
            piece
        });
    }
    out
}

impl Urls {
    /// Like [`Urls::asset`] but as a link path for pages (`/careers/logo.png`), so pages make
    /// no request to another host when previewed locally.
    pub fn asset_path(&self, value: &str) -> String {
        if value.starts_with("https://") || value.starts_with("http://") {
            value.to_string()
        } else {
            format!("{}{}", self.site_root, value.trim_start_matches('/'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_path_hosting() {
        let u = Urls::new("https://acme.github.io/careers/");
        assert_eq!(u.root, "/careers/");
        assert_eq!(u.path("jobs/a/"), "/careers/jobs/a/");
        assert_eq!(
            u.asset("/logo.png"),
            "https://acme.github.io/careers/logo.png"
        );
        assert_eq!(u.asset("https://cdn.x/logo.png"), "https://cdn.x/logo.png");
        assert_eq!(Urls::new("https://x.com/").root, "/");
    }

    #[test]
    fn paths_in_pieces_match_whole_paths() {
        let u = Urls::new("https://acme.github.io/careers/");
        assert_eq!(u.path_of(&["jobs/", "a", "/"]), u.path("jobs/a/"));
        assert_eq!(u.path_of(&["/faq/"]), u.path("/faq/"));
        assert_eq!(u.absolute_of(&["jobs/", "a", "/"]), u.absolute("jobs/a/"));
        assert_eq!(u.path_of(&[]), u.path(""));
    }
}
