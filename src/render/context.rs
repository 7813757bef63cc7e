//! The template context every page starts from: the site, its navigation, the build.

use serde::Serialize;

use crate::markdown;
use crate::render::Input;

#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    root: &'a str,
    company: CompanyView<'a>,
    extra: &'a serde_json::Value,
    theme_options: &'a serde_json::Value,
    /// site.yaml `benefits`: a link when it is a URL, else rendered Markdown (shown on postings).
    benefits: BenefitsView,
    /// `language` as OpenGraph writes it (`en_GB`).
    og_locale: String,
    /// The favicon's link (`theme_options.favicon`, default `favicon.svg`), empty for none.
    favicon_url: String,
    /// `/feed.xml` as a link path and as an absolute URL.
    feed_url: String,
    feed_permalink: String,
    /// `theme_options.hero` with its image's link resolved; absent when not set.
    hero: Option<HeroView>,
}

/// The company's pitch above the listing: any of a heading, a sentence and an image.
#[derive(Serialize, Default, PartialEq, Debug)]
struct HeroView {
    title: String,
    text: String,
    /// The image's link (a path from the site root, or a full URL kept), empty for none.
    image: String,
}

#[derive(Serialize, Default)]
struct BenefitsView {
    url: String,
    html: String,
}

#[derive(Serialize)]
struct CompanyView<'a> {
    name: &'a str,
    url: &'a str,
    logo: String,
    logo_url: String,
    same_as: &'a [String],
}

#[derive(Serialize)]
struct NavView {
    pages: Vec<NavPage>,
    has_faq: bool,
    faq_url: String,
    jobs_url: String,
}

#[derive(Serialize)]
struct NavPage {
    title: String,
    url: String,
}

/// The context shared by every page (`site`, `nav`, `build`), made once per build.
pub(crate) fn base_context(input: &Input) -> tera::Context {
    let Input {
        config,
        content,
        urls,
        ..
    } = *input;
    let benefits = match config.benefits.as_deref() {
        Some(b)
            if b.starts_with("https://")
                || b.starts_with("http://")
                || (b.starts_with('/') && !b.contains(char::is_whitespace)) =>
        {
            BenefitsView {
                url: urls.asset_path(b),
                html: String::new(),
            }
        }
        Some(b) => BenefitsView {
            url: String::new(),
            html: markdown::render_plain(b),
        },
        None => BenefitsView::default(),
    };
    let site = SiteView {
        benefits,
        og_locale: config.language.replace('-', "_"),
        favicon_url: favicon_url(&config.theme_options, urls),
        feed_url: urls.path("feed.xml"),
        feed_permalink: urls.absolute("feed.xml"),
        hero: hero(&config.theme_options, urls),
        title: &config.title,
        description: config.description.as_deref().unwrap_or(""),
        language: &config.language,
        base_url: &urls.base_url,
        root: &urls.site_root,
        company: CompanyView {
            name: &config.company.name,
            url: config.company.url.as_deref().unwrap_or(""),
            logo: config
                .company
                .logo
                .as_deref()
                .map(|l| urls.asset_path(l))
                .unwrap_or_default(),
            logo_url: config
                .company
                .logo
                .as_deref()
                .map(|l| urls.asset(l))
                .unwrap_or_default(),
            same_as: &config.company.same_as,
        },
        extra: &config.extra,
        theme_options: &config.theme_options,
    };
    let nav = NavView {
        pages: content
            .pages
            .iter()
            .map(|p| NavPage {
                title: p.title.clone(),
                url: urls.path(&format!("{}/", p.slug)),
            })
            .collect(),
        has_faq: !content.faq.is_empty(),
        faq_url: urls.path("faq/"),
        jobs_url: urls.path(""),
    };
    let mut ctx = tera::Context::new();
    set_language(&mut ctx, input.i18n.texts(&config.language));
    ctx.insert("site", &site);
    ctx.insert("nav", &nav);
    // Each language's home page, for the language switcher (empty for a site in one).
    let homes = input.alternates.map_or(&[][..], |a| a.homes());
    ctx.insert("languages", homes);
    ctx.insert(
        "build",
        &serde_json::json!({"generator": concat!("careers ", env!("CARGO_PKG_VERSION"))}),
    );
    ctx
}

/// Sets the page's language: `lang` (BCP 47, what `t` translates into), `og_locale` (the
/// same as OpenGraph writes it, `de_CH`) and `text` (its texts as written).
pub(crate) fn set_language(ctx: &mut tera::Context, texts: &crate::i18n::Texts) {
    let language = texts.language();
    ctx.insert("lang", language);
    ctx.insert("og_locale", &language.replace('-', "_"));
    ctx.insert_value("text", texts.template_texts().clone());
}

/// The favicon link: `theme_options.favicon` (absent means `favicon.svg`; `""`, `null` or
/// `false` mean none), a full URL kept, a path taken from the site root.
fn favicon_url(theme_options: &serde_json::Value, urls: &crate::render::urls::Urls) -> String {
    let favicon = match theme_options.get("favicon") {
        None => "favicon.svg".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null | serde_json::Value::Bool(false)) => String::new(),
        Some(other) => other.to_string(),
    };
    if favicon.is_empty() || favicon.contains("://") {
        favicon
    } else {
        urls.asset_path(&favicon)
    }
}

/// `theme_options.hero` (`title`, `text`, `image`, each optional): `None` unless it is a map
/// with at least one of them as text; values that are not text are left out.
fn hero(theme_options: &serde_json::Value, urls: &crate::render::urls::Urls) -> Option<HeroView> {
    let hero = theme_options.get("hero")?.as_object()?;
    let text = |key: &str| {
        hero.get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    let image = text("image");
    let view = HeroView {
        title: text("title"),
        text: text("text"),
        image: match image.is_empty() {
            true => image,
            false => urls.asset_path(&image),
        },
    };
    (view != HeroView::default()).then_some(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hero_resolves_its_image_and_is_absent_when_empty() {
        let urls = crate::render::urls::Urls::new("https://x.org/careers/");
        let of = |v: serde_json::Value| hero(&serde_json::json!({ "hero": v }), &urls);
        let full = of(serde_json::json!({"title": "Build robots", "image": "/team.jpg"}));
        assert_eq!(
            full,
            Some(HeroView {
                title: "Build robots".into(),
                text: String::new(),
                image: "/careers/team.jpg".into(),
            })
        );
        let kept = of(serde_json::json!({"image": "https://cdn.example/a.jpg"}));
        assert_eq!(
            kept.map(|h| h.image).as_deref(),
            Some("https://cdn.example/a.jpg")
        );
        assert_eq!(of(serde_json::json!({"title": 3, "text": ""})), None);
        assert_eq!(of(serde_json::json!("just text")), None);
        assert_eq!(hero(&serde_json::Value::Null, &urls), None);
    }

    #[test]
    fn favicon_defaults_keeps_urls_and_can_be_switched_off() {
        let urls = crate::render::urls::Urls::new("https://x.org/careers/");
        let with = |v: serde_json::Value| favicon_url(&serde_json::json!({ "favicon": v }), &urls);
        assert_eq!(
            favicon_url(&serde_json::Value::Null, &urls),
            "/careers/favicon.svg"
        );
        assert_eq!(with(serde_json::json!("/img/f.png")), "/careers/img/f.png");
        assert_eq!(
            with(serde_json::json!("https://cdn/f.png")),
            "https://cdn/f.png"
        );
        assert_eq!(with(serde_json::json!("")), "");
        assert_eq!(with(serde_json::Value::Null), "");
    }
}
