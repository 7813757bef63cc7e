//! A build session for `watch` and `serve`: the last build's state kept in memory, so a
//! one-posting edit re-parses one file and re-renders only the pages that show it.
//!
//! Anything the session does not fully understand falls back to a full build: a template,
//! config or static change, a new or deleted file, a slug or draft change, a parse error, a
//! listing page appearing or disappearing, or a new day (postings may have closed).
//! Tests (tests/incremental.rs) compare incremental results with full builds byte for byte.
//!
//! An incremental `serve` rebuild writes in two steps: the HTML pages first, then (after
//! [`Session::rebuild_with`]'s `visible` call, which signals the browser reload) the
//! machine-readable files, in the same thread, so two rebuilds never overlap.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

mod affected;
mod publish;

use super::sinks::Recording;
use super::{BuildError, BuildOptions, BuildReport, Prepared};
use crate::markdown::LinkMap;
use crate::output::Staging;
use crate::output::shadow::Shadow;
use crate::render::{Compiled, Pieces, Scope, Shape};
use crate::timings::Timings;
use crate::watch::{Change, ChangeKind};
use affected::{Before, Moves};
use publish::{Kept, Published, publish};

/// How a session publishes an incremental build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `careers watch`: double-buffered. The folder an edit swaps out is kept as a shadow;
    /// the next edit writes its files into it, re-links the files the previous edit changed,
    /// and exchanges it with the output in one step (never a half-written site). The first
    /// edit after a full build fills a staging folder with hard links to every unchanged file.
    Watch,
    /// `careers serve`: its private folder is updated in place, each file written into its
    /// spare copy beside the folder and exchanged with the live file in one step.
    Serve,
}

/// The last good build, kept for the next change.
struct State {
    prepared: Prepared,
    links: LinkMap,
    compiled: Compiled,
    /// Each posting's listing row and feed fragments; an edit re-makes only its own.
    pieces: Pieces,
    /// Listing path → members (indexes into `content.postings`).
    members: std::collections::BTreeMap<String, Vec<usize>>,
    /// The listing order and listings; kept while edits leave every posting's place alone.
    shape: Shape,
    /// Every file of the output, site-relative.
    files: Vec<String>,
    output: PathBuf,
}

/// Builds a site again and again, incrementally when it can.
pub struct Session {
    opts: BuildOptions,
    target: Target,
    state: Option<State>,
    /// Removes the previous output after a swap, off the edit's critical path.
    removing: Option<std::thread::JoinHandle<()>>,
    /// `watch`'s shadow or `serve`'s spare copies, kept for the next edit.
    kept: Kept,
}

impl Session {
    /// A session that has built nothing yet.
    pub fn new(opts: BuildOptions, target: Target) -> Session {
        Session {
            opts,
            target,
            state: None,
            removing: None,
            kept: Kept::default(),
        }
    }

    /// The shadow folder `watch` keeps between edits, if any (for tests).
    pub fn shadow_dir(&self) -> Option<&Path> {
        self.kept.shadow.as_ref().map(Shadow::dir)
    }

    /// Removes a swapped-out output folder on a thread; waits for the previous removal first,
    /// so at most one runs (and never waits when there is nothing new to remove).
    fn retire(&mut self, old: Option<PathBuf>) {
        let Some(old) = old else { return };
        if let Some(previous) = self.removing.take() {
            let _ = previous.join();
        }
        self.removing = Some(std::thread::spawn(move || {
            crate::output::remove_tree(&old);
        }));
    }

    /// A full build (the first one, and the fallback); keeps its state on success.
    pub fn build(&mut self) -> Result<BuildReport, BuildError> {
        self.state = None;
        // After a full build the previous output's difference is unknown: no shadow.
        let shadow = self.kept.shadow.take().map(Shadow::into_dir);
        self.retire(shadow);
        let timings = Timings::new(self.opts.timings);
        let prepared = super::prepare_timed(&self.opts, &timings)?;
        let output = super::output_dir(&self.opts, &prepared);
        crate::output::check_output(&self.opts.site_dir, &output, self.opts.force)
            .map_err(BuildError::Io)?;
        // Held until the swap: one writer per output (see `output::lock`).
        let _lock = crate::output::lock(&output).map_err(BuildError::Io)?;
        let staging = Staging::create(&output).map_err(BuildError::Io)?;
        let input = super::input(&prepared);
        let links = crate::render::link_map(&prepared.content, &prepared.urls);
        let site = &self.opts.site_dir;
        let compiled =
            crate::render::compile(&input, &links).map_err(|d| super::render_error(site, d))?;
        let pieces = crate::render::pieces(&input, &compiled, true, &timings)
            .map_err(|d| super::render_error(site, d))?;
        let sink = Recording::new(&staging);
        let written = crate::render::render_with(
            &input,
            &links,
            &compiled,
            &pieces,
            Scope::All,
            &sink,
            &timings,
        )
        .map_err(|d| super::render_error(site, d))?;
        let files = sink.into_files();
        let (output_dir, old) = staging.swap().map_err(BuildError::Io)?;
        self.retire(old);
        let shape = crate::render::shape(&compiled.views, &prepared.urls);
        let members = owned(shape.members());
        let mut report = super::report(&prepared, output_dir.clone(), written);
        report.timings = timings.report();
        self.state = Some(State {
            prepared,
            links,
            compiled,
            pieces,
            members,
            shape,
            files,
            output: output_dir,
        });
        Ok(report)
    }

    /// Rebuilds after `changes`: only what they touch when understood, else fully.
    pub fn rebuild(&mut self, changes: &[Change]) -> Result<BuildReport, BuildError> {
        self.rebuild_with(changes, &|| {})
    }

    /// [`Session::rebuild`], calling `visible` at most once, when the new pages can be seen.
    ///
    /// An incremental `serve` rebuild calls it as soon as its HTML pages are written, then
    /// writes the machine-readable files (feeds, `/jobs.json`, sitemap …) before returning;
    /// a `watch` rebuild or a full build calls it after everything is published. It is not
    /// called when the build fails before its pages are written.
    pub fn rebuild_with(
        &mut self,
        changes: &[Change],
        visible: &(dyn Fn() + Sync),
    ) -> Result<BuildReport, BuildError> {
        let signalled = AtomicBool::new(false);
        let once = || {
            if !signalled.swap(true, Ordering::SeqCst) {
                visible();
            }
        };
        let result = match self.incremental(changes, &once) {
            Some(Ok(report)) => Ok(report),
            // An incremental write failed half-way: the full build starts from a clean slate.
            Some(Err(_)) | None => self.build(),
        };
        if result.is_ok() {
            once();
        }
        result
    }

    /// The incremental path; `None` when the changes need a full build.
    fn incremental(
        &mut self,
        changes: &[Change],
        visible: &(dyn Fn() + Sync),
    ) -> Option<Result<BuildReport, BuildError>> {
        let state = self.state.as_mut()?;
        let site = self.opts.site_dir.clone();
        let today = self.opts.today.unwrap_or_else(|| {
            jiff::Timestamp::now()
                .to_zoned_datetime(state.prepared.config.timezone.clone())
                .date()
        });
        if changes.is_empty() || today != state.prepared.today {
            return None;
        }
        let timings = Timings::new(self.opts.timings);
        // Every change must be an edit of a posting this build already has.
        let mut edited = BTreeSet::new();
        for change in changes {
            let known = change.kind == ChangeKind::Content
                && change.path.starts_with("content/jobs")
                && site.join(&change.path).is_file();
            let i = state
                .prepared
                .content
                .postings
                .iter()
                .position(|p| p.source == change.path);
            edited.insert(i.filter(|_| known)?);
        }
        // Re-parse; any error, a slug or draft change, or a new problem across files: full build.
        let mut parsed = Vec::new();
        let mut warnings = Vec::new();
        // The sitemap shows each posting's last change.
        let mut lastmod_changed = false;
        for &i in &edited {
            let old = &state.prepared.content.postings[i];
            let (posting, diags) = timings.add("parse edited", || {
                crate::content::parse_markdown(&site, &old.source, crate::content::posting::read)
            });
            let posting = posting?;
            if crate::diagnostics::has_errors(&diags)
                || posting.slug != old.slug
                || (posting.draft && !self.opts.drafts)
            {
                return None;
            }
            warnings.extend(diags);
            lastmod_changed |= posting.date_updated.unwrap_or(posting.date_posted)
                != old.date_updated.unwrap_or(old.date_posted);
            parsed.push((i, posting));
        }
        // From here on the state changes; on any fallback it is dropped and rebuilt in full.
        for (i, posting) in parsed {
            state.prepared.content.postings[i] = posting;
        }
        // The last build passed every check and the edits kept their slugs: only the edited
        // postings' own references can have broken.
        let problems = timings.phase("validate", || {
            let content = &state.prepared.content;
            crate::validate::check_edited(content, edited.iter().map(|&i| &content.postings[i]))
        });
        if crate::diagnostics::has_errors(&problems) {
            self.state = None;
            return None;
        }
        let input = super::input(&state.prepared);
        let mut same_places = true;
        for &i in &edited {
            let (view, html, diags) = timings.add("markdown + view", || {
                crate::render::compile_posting(
                    &input,
                    &state.links,
                    &state.prepared.content.postings[i],
                )
            });
            if !diags.is_empty() {
                self.state = None;
                return None;
            }
            same_places &= crate::render::same_place(&state.compiled.views[i], &view);
            state.compiled.views[i] = view;
            state.compiled.bodies[i] = html;
        }
        // What the edited postings showed before, to tell which files the edit changes.
        let before = Before::of(&edited, &state.pieces);
        let updated = timings.phase("rows + feed entries", || {
            state
                .pieces
                .update(&input, &state.compiled, &edited, &timings)
        });
        if updated.is_err() {
            self.state = None;
            return None;
        }
        // Which listings changed: new members, or showing an edited posting. The shape is
        // made again only when an edit moved a posting (title, date, department, places …).
        let fresh_shape = (!same_places).then(|| {
            timings.phase("listing shape", || {
                crate::render::shape(&state.compiled.views, &state.prepared.urls)
            })
        });
        let new_members = fresh_shape.as_ref().map(|shape| owned(shape.members()));
        if new_members
            .as_ref()
            .is_some_and(|members| members.keys().ne(state.members.keys()))
        {
            self.state = None;
            return None;
        }
        let all_listings = fresh_shape
            .as_ref()
            .is_some_and(|shape| shape.listings.filters != state.shape.listings.filters);
        let affected = timings.phase("affected files", || {
            before.affected(
                &state.pieces,
                Moves {
                    old: &state.members,
                    new: new_members.as_ref(),
                    all_listings,
                    reordered: fresh_shape.is_some(),
                    lastmod: lastmod_changed,
                },
            )
        });
        let scope = Scope::Only(&affected, fresh_shape.as_ref().unwrap_or(&state.shape));
        let published = timings.phase("publish", || {
            publish(
                self.target,
                state,
                &mut self.kept,
                &input,
                scope,
                &timings,
                visible,
            )
        });
        let Published {
            written,
            fresh,
            retire,
        } = match published {
            Ok(done) => done,
            Err(e) => {
                // The fallback full build discards the shadow too.
                self.state = None;
                return Some(Err(e));
            }
        };
        // The incremental path never removes a file; a new one joins the list.
        if fresh.iter().any(|f| state.files.binary_search(f).is_err()) {
            state.files.extend(fresh);
            state.files.sort();
            state.files.dedup();
        }
        if let Some(members) = new_members {
            state.members = members;
        }
        if let Some(shape) = fresh_shape {
            state.shape = shape;
        }
        // Warnings: the edited files' own are replaced by their new ones.
        let prepared = &mut state.prepared;
        let edited_paths: Vec<&Path> = edited
            .iter()
            .map(|&i| prepared.content.postings[i].source.as_path())
            .collect();
        prepared
            .warnings
            .retain(|d| !edited_paths.contains(&d.file.as_path()));
        crate::diagnostics::attach_sources(&site, &mut warnings);
        prepared.warnings.extend(warnings);
        let mut report = super::report(prepared, state.output.clone(), written);
        report.timings = timings.report();
        report.incremental = true;
        self.retire(retire);
        Some(Ok(report))
    }
}

fn owned(
    members: std::collections::BTreeMap<&str, Vec<usize>>,
) -> std::collections::BTreeMap<String, Vec<usize>> {
    members
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

impl Drop for Session {
    /// The shadow and the spares are the session's own: removed when the session ends.
    fn drop(&mut self) {
        if let Some(shadow) = self.kept.shadow.take() {
            crate::output::remove_tree(&shadow.into_dir());
        }
        if let Some(spares) = self.kept.spares.take() {
            crate::output::remove_tree(spares.dir());
        }
        if let Some(removing) = self.removing.take() {
            let _ = removing.join();
        }
    }
}
