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

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::published::{Changed, Files, Memory, Published, Visible};
use super::{BuildError, BuildOptions, BuildReport, Prepared};
use crate::output::Staging;
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
        let kept = self.kept.take();
        let Some(edited) = self.reread(&mut prepared, changed, &timings) else {
            return self.build();
        };
        if self.target == Target::Folder {
            let output = super::output_dir(&self.opts, &prepared);
            if self.published.current(&output).is_none() {
                // Another build replaced the output: nothing in it can be kept.
                return self.build();
            }
        }
        let markdown = (prepared.content.postings.iter_mut().enumerate())
            .map(|(i, posting)| edited.contains(&i).then(|| std::mem::take(&mut posting.body)))
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
        let problems = timings.phase("validate", || crate::validate::check(&prepared.content));
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

    /// Renders into a staging folder that carries unchanged files over from the output,
    /// waiting for any other build of the same output to finish first.
    fn publish_folder(
        &mut self,
        prepared: &Prepared,
        work: Work,
        timings: &Timings,
    ) -> Result<(crate::render::Rendered, PathBuf), BuildError> {
        let output = super::output_dir(&self.opts, prepared);
        crate::output::check_output(&self.opts.site_dir, &output, self.opts.force)?;
        let _lock = crate::output::lock::wait(&crate::output::absolute(&output))?;
        let staging = Staging::create(&output)?;
        let sink = Changed::new(&staging, self.published.current(staging.target()));
        let rendered = super::render(prepared, work, &sink, &self.opts.site_dir, timings)?;
        let hashes = sink.into_hashes();
        let output = timings.phase("publish", || staging.commit())?;
        self.published = Published::new(&output, hashes);
        Ok((rendered, output))
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
        && path.extension().is_some_and(|e| e == "md")
        && site.join(path).is_file();
    let i = prepared
        .content
        .postings
        .iter()
        .position(|p| p.source == path)?;
    is_posting.then_some(i)
}
