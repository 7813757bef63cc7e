//! Writing through a [`Sink`] while counting files and timing templates; template errors
//! become located diagnostics.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::output::OutputError;
use crate::render::{Failure, Input, Sink, theme};
use crate::timings::Timings;

/// Room for a typical posting page (10–15 KB), so rendering one rarely reallocates.
const PAGE_CAPACITY: usize = 16 * 1024;

/// The sink, with a count of files written and the timings to add to.
pub(crate) struct Out<'a> {
    pub(crate) sink: &'a dyn Sink,
    pub(crate) written: &'a AtomicUsize,
    pub(crate) timings: &'a Timings,
}

impl Out<'_> {
    pub(crate) fn bytes(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self.timings.add("write", || {
            self.sink.write_with(path, &mut |w| w.write_all(bytes))
        })?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Keeps the file the sink had at `path` last time (a page whose posting is unchanged).
    pub(crate) fn keep(&self, path: &str) -> Result<(), OutputError> {
        self.sink.keep(path)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Copies a file from disk (a static file) through the sink.
    pub(crate) fn copy(&self, from: &std::path::Path, to: &str) -> Result<(), OutputError> {
        self.sink.copy(from, to)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Writes one file made piece by piece (the site-wide feeds), streamed when the sink
    /// can take it that way; its time counts where the caller makes it.
    pub(crate) fn stream(
        &self,
        path: &str,
        fill: &mut crate::output::Fill,
    ) -> Result<(), OutputError> {
        self.sink.write_with(path, fill)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Renders `template` with `ctx` into `path`; template errors become located diagnostics.
    pub(crate) fn template(
        &self,
        input: &Input,
        template: &str,
        ctx: &tera::Context,
        path: &str,
    ) -> Result<(), Failure> {
        // Into bytes, not a String: `Tera::render` checks the whole page is UTF-8 again
        // (every piece it writes already is) and the sink wants bytes anyway.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        self.timings
            .add(template, || input.tera.render_to(template, ctx, &mut html))
            .map_err(|e| Failure::Content(vec![theme::template_diagnostic(input.theme, &e)]))?;
        self.bytes(path, &html).map_err(Failure::Output)
    }

    /// [`Out::template`] for a page too large to hold whole (the index and the listings):
    /// rendered straight into the sink when it can take a file in pieces. Slower per byte
    /// than rendering into memory (each piece goes through the writer), so only for that.
    pub(crate) fn template_streamed(
        &self,
        input: &Input,
        template: &str,
        ctx: &tera::Context,
        path: &str,
    ) -> Result<(), Failure> {
        let mut failed = None;
        let written = self.timings.add(template, || {
            self.sink.write_with(path, &mut |w| {
                // The writer keeps its own error: tera reports only the kind of an I/O error.
                let mut writer = KeepError {
                    inner: w,
                    error: None,
                };
                match input.tera.render_to(template, ctx, &mut writer) {
                    Ok(()) => Ok(()),
                    Err(_) if writer.error.is_some() => Err(writer
                        .error
                        .take()
                        .unwrap_or_else(|| std::io::Error::other(""))),
                    Err(e) => {
                        failed = Some(e);
                        Err(std::io::Error::other("template error"))
                    }
                }
            })
        });
        if let Some(e) = failed {
            return Err(Failure::Content(vec![theme::template_diagnostic(
                input.theme,
                &e,
            )]));
        }
        written.map_err(Failure::Output)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// A writer that remembers the first error of the writer it wraps.
struct KeepError<'w> {
    inner: &'w mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl std::io::Write for KeepError<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.inner.write(bytes).inspect_err(|e| {
            if self.error.is_none() {
                self.error = Some(std::io::Error::new(e.kind(), e.to_string()));
            }
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
