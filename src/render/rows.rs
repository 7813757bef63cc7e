//! Per-posting pieces shared by many files, made once and kept by watch/serve sessions:
//! the listing row (the posting as a template value, with its row HTML rendered once from
//! the theme's `partials/job_row.html` as `job.row_html`) and its feed fragments.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::feeds::{self, Fragments};
use crate::render::views::JobView;
use crate::render::{Compiled, Input, theme};
use crate::timings::Timings;

/// The row template every listing prints for each posting; a theme may override it.
pub const ROW_TEMPLATE: &str = "partials/job_row.html";

/// Every posting's row value and feed fragments, by index into `content.postings`;
/// `None` for a closed posting (it is on no listing and in no feed).
#[derive(Clone, Default)]
pub struct Pieces {
    /// Row values (the view plus `row_html`).
    pub rows: Vec<Option<tera::Value>>,
    /// Feed fragments, when kept (watch/serve); a one-off build makes them as it writes.
    pub feeds: Option<Vec<Option<Fragments>>>,
}

type Piece = (Option<tera::Value>, Option<Fragments>);

/// The pieces of every posting, in parallel; feed fragments only when `keep_feeds`.
pub fn pieces(
    input: &Input,
    compiled: &Compiled,
    keep_feeds: bool,
    timings: &Timings,
) -> Result<Pieces, Vec<Diagnostic>> {
    let base = crate::render::context::base_context(input);
    let made: Vec<Result<Piece, Diagnostic>> = (0..compiled.views.len())
        .into_par_iter()
        .map(|i| piece(input, &base, compiled, i, keep_feeds, timings))
        .collect();
    let mut out = Pieces {
        rows: Vec::new(),
        feeds: keep_feeds.then(Vec::new),
    };
    let mut diagnostics = Vec::new();
    for result in made {
        match result {
            Ok((row, feed)) => {
                out.rows.push(row);
                if let Some(feeds) = &mut out.feeds {
                    feeds.push(feed);
                }
            }
            Err(d) => diagnostics.push(d),
        }
    }
    if diagnostics.is_empty() {
        Ok(out)
    } else {
        Err(diagnostics)
    }
}

impl Pieces {
    /// Re-makes the pieces of the `edited` postings only.
    pub fn update(
        &mut self,
        input: &Input,
        compiled: &Compiled,
        edited: &BTreeSet<usize>,
        timings: &Timings,
    ) -> Result<(), Vec<Diagnostic>> {
        let base = crate::render::context::base_context(input);
        let keep = self.feeds.is_some();
        for &i in edited {
            let (row, feed) =
                piece(input, &base, compiled, i, keep, timings).map_err(|d| vec![d])?;
            self.rows[i] = row;
            if let Some(feeds) = &mut self.feeds {
                feeds[i] = feed;
            }
        }
        Ok(())
    }
}

fn piece(
    input: &Input,
    base: &tera::Context,
    compiled: &Compiled,
    i: usize,
    keep_feeds: bool,
    timings: &Timings,
) -> Result<Piece, Diagnostic> {
    let view = &compiled.views[i];
    if view.closed {
        return Ok((None, None));
    }
    let row = value(input, base, view, timings)?;
    if !keep_feeds {
        return Ok((Some(row), None));
    }
    let entry = feeds::Entry {
        posting: &input.content.postings[i],
        view,
        html: &compiled.bodies[i],
    };
    let feed = feeds::fragments::make(input.config, input.urls, &entry);
    Ok((Some(row), Some(feed)))
}

/// One posting's template value with its rendered row.
fn value(
    input: &Input,
    base: &tera::Context,
    view: &JobView,
    timings: &Timings,
) -> Result<tera::Value, Diagnostic> {
    let job = tera::Value::from_serializable(view);
    let mut ctx = base.clone();
    ctx.insert_value("job", job.clone());
    let html = timings
        .add(ROW_TEMPLATE, || input.tera.render(ROW_TEMPLATE, &ctx))
        .map_err(|e| theme::template_diagnostic(input.theme, &e))?;
    // The context's reference goes first, so the map is taken over, not copied.
    drop(ctx);
    let Some(mut map) = job.into_map() else {
        return Ok(tera::Value::from_serializable(view));
    };
    map.insert(
        tera::value::Key::Str("row_html"),
        tera::Value::safe_string(&html),
    );
    Ok(tera::Value::from(map))
}
