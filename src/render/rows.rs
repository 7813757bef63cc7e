//! Listing rows: each open posting becomes one template value, with its row HTML rendered
//! once from the theme's `partials/job_row.html` (`job.row_html`), so the index and every
//! listing that shows the posting print the same fragment instead of rendering it again.

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::views::JobView;
use crate::render::{Input, Out};

/// The row template every listing prints for each posting; a theme may override it.
pub const ROW_TEMPLATE: &str = "partials/job_row.html";

/// Each open posting as a template value (the view plus `row_html`, a safe string), in order.
pub(crate) fn values(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    open: &[&JobView],
) -> Result<Vec<tera::Value>, Diagnostic> {
    open.par_iter()
        .map(|view| value(input, base, out, view))
        .collect()
}

/// One posting's template value with its rendered row.
pub(crate) fn value(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    view: &JobView,
) -> Result<tera::Value, Diagnostic> {
    let job = tera::Value::from_serializable(view);
    let mut ctx = base.clone();
    ctx.insert_value("job", job.clone());
    let html = out.render(input, ROW_TEMPLATE, &ctx)?;
    let Some(mut map) = job.into_map() else {
        return Ok(tera::Value::from_serializable(view));
    };
    map.insert(
        tera::value::Key::Str("row_html"),
        tera::Value::safe_string(&html),
    );
    Ok(tera::Value::from(map))
}
