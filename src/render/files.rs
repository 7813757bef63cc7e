//! The files of a render besides its pages: the machine-readable ones (feeds, jobs.json,
//! search.json, sitemap, robots.txt) and the static files of the theme and the site.

use super::out::Out;
use super::{Input, Made, feeds};
use crate::output::OutputError;

/// Every machine-readable file (feeds, /jobs.json, /search.json, sitemap, robots.txt).
pub(super) fn feed_files(input: &Input, made: &Made, out: &Out) -> Result<(), OutputError> {
    let Input {
        config,
        content,
        urls,
        ..
    } = *input;
    out.timings.phase("feeds + sitemap", || {
        let order = &made.shape.order;
        let entries: Vec<feeds::Entry> = order
            .iter()
            .map(|&i| feeds::Entry {
                posting: &content.postings[i],
                view: &made.compiled.views[i],
                html: &made.compiled.bodies[i],
            })
            .collect();
        let site = feeds::Site {
            config,
            urls,
            content,
            open: &entries,
            listings: &made.shape.listings.pages,
            alternates: input.alternates,
            guests: input.guests,
            shared: input.shared,
        };
        feeds::write(&site, &|path, fill| out.stream(path, fill), out.timings)
    })
}

/// Static files: the theme's assets first, then the site's own (which win).
pub(super) fn static_files(input: &Input, out: &Out) -> Result<(), OutputError> {
    let content = input.content;
    if !input.shared {
        return Ok(());
    }
    for (path, file) in &input.theme.static_files {
        let overridden = content
            .static_files
            .iter()
            .any(|s| s.to.to_string_lossy() == path.as_str());
        if !overridden {
            out.bytes(path, &file.bytes)?;
        }
    }
    for file in &content.static_files {
        let to = file.to.to_string_lossy().replace('\\', "/");
        out.copy(&file.from, &to)?;
    }
    Ok(())
}
