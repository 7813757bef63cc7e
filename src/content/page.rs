//! A free page (content/pages/**/*.md): title, optional summary, Markdown body.

use crate::content::fields::Reader;
use crate::content::model::Page;
use crate::content::{extra, slug};
use crate::yaml::Node;

/// Reads a page from its parsed front matter.
pub fn read(
    r: &mut Reader,
    node: &Node,
    file_stem: &str,
    body: &str,
    body_line: u32,
) -> Option<Page> {
    let f = r.fields(node, crate::content::keys::PAGE, "the front matter")?;
    let title = r.required_text(&f, "title", "this page", "title: Our hiring process");
    let (file_stem, file_language) = crate::content::language::split_stem(file_stem);
    let slug = slug::read(r, &f, file_stem);
    let language = crate::content::language::read(r, &f).or(file_language);
    Some(Page {
        language,
        source: r.file.path.clone(),
        title: title?,
        slug: slug?,
        summary: r.optional_text(&f, "summary"),
        draft: r.flag(&f, "draft"),
        date_updated: r.date(&f, "date_updated").map(|(d, _)| d),
        image: crate::content::url::optional(r, &f, "image"),
        extra: f.present("extra").map(extra::to_json).unwrap_or_default(),
        body: body.to_string(),
        body_line,
    })
}
