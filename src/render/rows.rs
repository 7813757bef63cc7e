//! Listing rows, made once per render and shared by every listing: each open posting as a
//! template value, with its row HTML rendered once from the theme's `partials/job_row.html`
//! as `job.row_html`.

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::compiled::Change;
use crate::render::views::JobView;
use crate::render::{Compiled, Input, theme};
use crate::timings::Timings;

/// The row template every listing prints for each posting; a theme may override it.
pub const ROW_TEMPLATE: &str = "partials/job_row.html";

/// Every posting's row value by index into `content.postings`; `None` for a closed posting
/// (it is on no listing). The rows of the last render (`kept`, same order) are kept for the
/// postings whose view did not change.
pub(crate) fn rows(
    input: &Input,
    compiled: &Compiled,
    kept: Vec<Option<tera::Value>>,
    timings: &Timings,
) -> Result<Vec<Option<tera::Value>>, Vec<Diagnostic>> {
    let base = crate::render::context::base_context(input);
    let made: Vec<Result<Option<tera::Value>, Diagnostic>> = compiled
        .views
        .par_iter()
        .zip(&compiled.changes)
        .zip(kept)
        .map(|((view, &change), kept)| match (change, kept) {
            (Change::Nothing | Change::Body, Some(row)) => Ok(Some(row)),
            _ => (!view.closed)
                .then(|| value(input, &base, view, timings))
                .transpose(),
        })
        .collect();
    let mut rows = Vec::with_capacity(made.len());
    let mut diagnostics = Vec::new();
    for result in made {
        match result {
            Ok(row) => rows.push(row),
            Err(d) => diagnostics.push(d),
        }
    }
    if diagnostics.is_empty() {
        Ok(rows)
    } else {
        Err(diagnostics)
    }
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
    if view.language != input.config.language {
        crate::render::context::set_language(&mut ctx, input.i18n.texts(&view.language));
    }
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
