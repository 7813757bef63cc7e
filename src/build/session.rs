//! A build session for `watch` and `serve`: the last good build kept in memory, so a save
//! re-reads only the postings it changed and the render compiles only those (the others'
//! views, bodies, rows and pages are kept from the last render); the site-wide files are
//! rendered again. What the render makes is compared with what was last published
//! ([`super::published`]): `watch` writes only the files that differ and carries the rest
//! over by hard link; `serve` keeps the whole site in memory.
//!
//! Anything but an edit of postings the last build already had (a template, settings, the
//! FAQ, a static file, a new or deleted file, a slug or draft change, a new day) reloads
//! the whole site from disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::published::{Changed, Files, Memory, Published, Rewrite, Visible};
use super::{BuildError, BuildOptions, BuildReport, Prepared};
use crate::output::{Shadow, Staging};
use crate::render::{Kept, Work};
use crate::timings::Timings;

/// Where a session publishes its builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `careers watch`: the output folder, replaced in one step by a staging folder holding
    /// the changed files and hard links to the unchanged ones.
    Folder,
    /// `careers serve`: memory only; nothing is written to disk.
    Memory,
}

/// Builds a site again and again, re-reading only what changed.
pub struct Session {
    opts: BuildOptions,
    target: Target,
    /// The last good build's loaded site (its Markdown taken by the render).
    prepared: Option<Prepared>,
    /// What the last good build rendered, for the next one to keep.
    kept: Option<Kept>,
    /// What the last good build put in the output folder ([`Target::Folder`]).
    published: Published,
    /// The output the last good build replaced, and what it holds ([`Target::Folder`]).
    shadow: Option<(Shadow, HashMap<String, u64>)>,
    /// The last good build's files ([`Target::Memory`]).
    files: Option<Arc<Files>>,
    /// Shows a build's new pages before its machine-readable files are made ([`Target::Memory`]).
    visible: Box<Visible>,
}

impl Session {
    /// A session that has built nothing yet.
    pub fn new(opts: BuildOptions, target: Target) -> Session {
        Session {
            opts,
            target,
            prepared: None,
            kept: None,
            published: Published::default(),
            shadow: None,
            files: None,
            visible: Box::new(|_| {}),
        }
    }

    /// Calls `visible` with the site to show as soon as a build's HTML pages are made (its
    /// new pages, the last build's other files), for [`Target::Memory`].
    pub fn on_visible(&mut self, visible: impl Fn(Arc<Files>) + Send + Sync + 'static) {
        self.visible = Box::new(visible);
    }

    /// The site as last built, for [`Target::Memory`].
    pub fn files(&self) -> Option<Arc<Files>> {
        self.files.clone()
    }

    /// A full build: loads everything from disk.
    pub fn build(&mut self) -> Result<BuildReport, BuildError> {
        self.prepared = None;
        self.kept = None;
        let timings = Timings::new(self.opts.timings);
        let mut prepared = super::prepare_timed(&self.opts, &timings)?;
        let work = super::markdown(&mut prepared.content);
        self.publish(prepared, work, false, timings)
    }

    /// Rebuilds after the site-relative files `changed` were saved.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<BuildReport, BuildError> {
        let timings = Timings::new(self.opts.timings);
        let Some(mut prepared) = self.prepared.take() else {
            return self.build();
        };
        // A site in several languages renders each language from scratch.
        if prepared.config.languages.len() > 1 {
            return self.build();
        }
        let kept = self.kept.take();
        let Some(edited) = self.reread(&mut prepared, changed, &timings) else {
            return self.build();
        };
        if self.target == Target::Folder {
            let output = crate::output::absolute(&super::output_dir(&self.opts, &prepared));
            if self.published.current(&output).is_none() {
                // Another build replaced the output: nothing in it can be kept.
                return self.build();
            }
        }
        let markdown = (prepared.content.postings.iter_mut().enumerate())
            .map(|(i, posting)| {
                edited
                    .contains(&i)
                    .then(|| std::mem::take(&mut posting.body))
            })
            .collect();
        let work = Work { markdown, kept };
        self.publish(prepared, work, true, timings)
    }

    /// Re-reads the edited postings into `prepared` and says which they are (by index);
    /// `None` when the changes need the whole site loaded again.
    fn reread(
        &self,
        prepared: &mut Prepared,
        changed: &[PathBuf],
        timings: &Timings,
    ) -> Option<Vec<usize>> {
        let site = &self.opts.site_dir;
        if changed.is_empty() || today(&self.opts, prepared) != prepared.today {
            return None;
        }
        let mut edited = Vec::new();
        for path in changed {
            let i = posting_index(prepared, site, path)?;
            edited.push(i);
            let old = &prepared.content.postings[i];
            let (posting, mut diagnostics) = timings.add("parse edited", || {
                crate::content::parse_markdown(site, &old.source, crate::content::posting::read)
            });
            let posting = posting?;
            if crate::diagnostics::has_errors(&diagnostics)
                || posting.slug != old.slug
                || (posting.draft && !self.opts.drafts)
            {
                return None;
            }
            crate::diagnostics::attach_sources(site, &mut diagnostics);
            prepared.warnings.retain(|d| d.file != posting.source);
            prepared.warnings.extend(diagnostics);
            prepared.content.postings[i] = posting;
        }
        let problems = timings.phase("validate", || {
            crate::validate::check(&prepared.content, &prepared.config.languages, &[])
        });
        (!crate::diagnostics::has_errors(&problems)).then_some(edited)
    }

    /// Renders `prepared` and publishes it to the session's target; keeps it on success.
    fn publish(
        &mut self,
        prepared: Prepared,
        work: Work,
        incremental: bool,
        timings: Timings,
    ) -> Result<BuildReport, BuildError> {
        let site = self.opts.site_dir.clone();
        let (rendered, output) = match self.target {
            Target::Memory => {
                let sink = Memory::new(self.files.clone(), &*self.visible);
                let rendered = super::render(&prepared, work, &sink, &site, &timings)?;
                self.files = Some(Arc::new(sink.into_files()));
                (rendered, PathBuf::new())
            }
            Target::Folder => self.publish_folder(&prepared, work, &timings)?,
        };
        let written = rendered.files;
        self.kept = Some(rendered.kept);
        let mut report = super::report(&prepared, output, written);
        report.incremental = incremental;
        report.timings = timings.report();
        self.prepared = Some(prepared);
        Ok(report)
    }

    /// Publishes into the output folder, waiting for any other build of it to finish first:
    /// through the shadow when there is one, else through a staging folder that carries
    /// unchanged files over from the output. The output replaced becomes the shadow.
    fn publish_folder(
        &mut self,
        prepared: &Prepared,
        work: Work,
        timings: &Timings,
    ) -> Result<(crate::render::Rendered, PathBuf), BuildError> {
        let output = super::output_dir(&self.opts, prepared);
        crate::output::check_output(&self.opts.site_dir, &output, self.opts.force)?;
        let output = crate::output::absolute(&output);
        let _lock = crate::output::lock::wait(&output)?;
        let shadow = self.shadow.take();
        if let Some((shadow, holds)) = shadow {
            let usable = shadow.is_there() && shadow.target() == output;
            // What else is in it came in by hand while it was the output: it goes, as it
            // would with a fresh folder.
            if usable
                && self.published.current(&output).is_some()
                && shadow.remove_unknown(&holds).is_ok()
            {
                return self.through_shadow(prepared, work, shadow, holds, timings);
            }
            shadow.discard();
        }
        let staging = Staging::create(&output)?;
        let before = self.published.current(staging.target());
        // Only an output this session published can become the shadow: its files are known.
        let known = before.is_some();
        let sink = Changed::new(&staging, before);
        let rendered = super::render(prepared, work, &sink, &self.opts.site_dir, timings)?;
        let hashes = sink.into_hashes();
        let (output, old) = timings.phase("publish", || staging.commit_keeping_old())?;
        let holds = self.published.roll(&output, hashes);
        match old {
            Some(old) if known => self.keep_shadow(&old, &output, holds),
            Some(old) => {
                let _ = std::fs::remove_dir_all(old);
            }
            None => {}
        }
        Ok((rendered, output))
    }

    /// Publishes by rewriting the shadow (holding `holds`) and swapping it in.
    fn through_shadow(
        &mut self,
        prepared: &Prepared,
        work: Work,
        shadow: Shadow,
        holds: HashMap<String, u64>,
        timings: &Timings,
    ) -> Result<(crate::render::Rendered, PathBuf), BuildError> {
        let output = shadow.target().to_path_buf();
        let written = {
            let current = self.published.current(&output).cloned().unwrap_or_default();
            let sink = Rewrite::new(&shadow, &holds, &current);
            super::render(prepared, work, &sink, &self.opts.site_dir, timings)
                .and_then(|rendered| Ok((rendered, sink.finish()?)))
        };
        let (rendered, hashes) = match written {
            Ok(done) => done,
            Err(e) => {
                shadow.discard();
                return Err(e);
            }
        };
        let shadow = timings.phase("publish", || shadow.swap())?;
        let holds = self.published.roll(&output, hashes);
        self.shadow = Some((shadow, holds));
        Ok((rendered, output))
    }

    /// Keeps `old`, the output a staging folder replaced, as the shadow (removed instead
    /// when it cannot be kept).
    fn keep_shadow(&mut self, old: &Path, output: &Path, holds: HashMap<String, u64>) {
        match Shadow::keep(old, output) {
            Ok(shadow) => self.shadow = Some((shadow, holds)),
            Err(_) => {
                let _ = std::fs::remove_dir_all(old);
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some((shadow, _)) = self.shadow.take() {
            shadow.discard();
        }
    }
}

/// Today in the site's timezone, or the date the options fix.
fn today(opts: &BuildOptions, prepared: &Prepared) -> jiff::civil::Date {
    opts.today.unwrap_or_else(|| {
        jiff::Timestamp::now()
            .to_zoned_datetime(prepared.config.timezone.clone())
            .date()
    })
}

/// The index of the posting read from the site-relative `path`, when it is one that still
/// exists.
fn posting_index(prepared: &Prepared, site: &Path, path: &Path) -> Option<usize> {
    let is_posting = path.starts_with("content/jobs")
        && crate::content::ignored::is_markdown(path)
        && site.join(path).is_file();
    let i = prepared
        .content
        .postings
        .iter()
        .position(|p| p.source == path)?;
    is_posting.then_some(i)
}
