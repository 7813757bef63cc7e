//! How a session publishes an incremental build: in place (`serve`), or into the shadow or a
//! staging folder swapped with the output (`watch`, see [`super::Target::Watch`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{State, Target};
use crate::build::BuildError;
use crate::build::sinks::{InPlace, Recording};
use crate::output::Staging;
use crate::output::shadow::Shadow;
use crate::output::spare::Spares;
use crate::render::{Scope, Sink};
use crate::timings::Timings;

/// What a session keeps beside its output between edits, to make the next one cheap.
#[derive(Default)]
pub(super) struct Kept {
    /// `watch`: the output the last edit swapped out, kept for the next edit.
    pub(super) shadow: Option<Shadow>,
    /// `serve`: the spare copies its files are replaced through, made by the first edit.
    pub(super) spares: Option<Spares>,
}

/// What [`publish`] did.
pub(super) struct Published {
    /// How many files were written.
    pub(super) written: usize,
    /// `watch`: the files written (sorted); `serve`: not recorded.
    pub(super) fresh: Vec<String>,
    /// A folder to remove off the critical path (a shadow another build made unusable).
    pub(super) retire: Option<PathBuf>,
}

/// Writes the affected files: into the shadow or, when there is none, a staging copy
/// (watch), or in place (serve). Serve calls `visible` once the HTML pages are written,
/// before the machine-readable files.
pub(super) fn publish(
    target: Target,
    state: &State,
    kept: &mut Kept,
    input: &crate::render::Input,
    scope: Scope,
    timings: &Timings,
    visible: &(dyn Fn() + Sync),
) -> Result<Published, BuildError> {
    let render = |sink: &dyn Sink| {
        crate::render::render_with(
            input,
            &state.links,
            &state.compiled,
            &state.pieces,
            scope,
            sink,
            timings,
        )
        .map_err(|d| crate::build::render_error(Path::new("."), d))
    };
    if target == Target::Serve {
        let spares = match kept.spares {
            Some(ref spares) => spares,
            None => kept
                .spares
                .insert(Spares::beside(&state.output).map_err(BuildError::Io)?),
        };
        let sink = InPlace { spares, visible };
        let written = render(&sink)?;
        return Ok(Published {
            written,
            fresh: Vec::new(),
            retire: None,
        });
    }
    // One writer per output, and no other build's stale-folder sweep while the shadow is
    // in use: a sweep between edits removes it, which `is_current` notices.
    let _lock = crate::output::lock(&state.output).map_err(BuildError::Io)?;
    let shadow = &mut kept.shadow;
    let mut retire = None;
    if !shadow.as_ref().is_some_and(Shadow::is_current) {
        retire = shadow.take().map(Shadow::into_dir);
    }
    if let Some(current) = shadow.as_mut() {
        let sink = Recording::new(&*current);
        let written = render(&sink)?;
        let fresh = sink.into_files();
        let fresh_set: BTreeSet<String> = fresh.iter().cloned().collect();
        timings
            .phase("re-link files of the last edit", || {
                current.catch_up(&fresh_set)
            })
            .map_err(BuildError::Io)?;
        timings
            .phase("swap (exchange folders)", || current.swap(fresh_set))
            .map_err(BuildError::Io)?;
        return Ok(Published {
            written,
            fresh,
            retire,
        });
    }
    let staging = Staging::create(&state.output).map_err(BuildError::Io)?;
    let sink = Recording::new(&staging);
    let written = render(&sink)?;
    let fresh = sink.into_files();
    let fresh_set: BTreeSet<String> = fresh.iter().cloned().collect();
    timings
        .phase("link unchanged files", || {
            use rayon::prelude::*;
            state
                .files
                .par_iter()
                .filter(|f| !fresh_set.contains(*f))
                .try_for_each(|f| staging.link(&state.output.join(f), Path::new(f)))
        })
        .map_err(BuildError::Io)?;
    let (output, old) = timings
        .phase("swap (exchange folders)", || staging.swap())
        .map_err(BuildError::Io)?;
    // The swapped-out folder becomes the shadow: it differs from the output only in `fresh`.
    if let Some(old) = old {
        match Shadow::keep(&output, &old, fresh_set) {
            Ok(kept) => *shadow = Some(kept),
            Err(_) => retire = Some(old),
        }
    }
    Ok(Published {
        written,
        fresh,
        retire,
    })
}
