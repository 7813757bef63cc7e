//! `careers build --timings`: how long each phase of a build took.
//!
//! Sequential phases record wall time; work spread over threads (rendering one template,
//! writing files) records the sum of its threads' time, so it can exceed the wall time.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Collected timings; cheap no-ops when disabled.
#[derive(Debug, Default)]
pub struct Timings {
    enabled: bool,
    phases: Mutex<Vec<(String, Duration, Option<u64>)>>,
    totals: Mutex<BTreeMap<String, (Duration, usize)>>,
}

/// One line of the report: a name, a duration, and how many items it covered (0 for a phase).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timing {
    /// `load`, `render job.html`, `write` …
    pub name: String,
    /// Wall time for phases, summed thread time for totals.
    pub time: Duration,
    /// Items covered (pages rendered, files written); 0 for a sequential phase.
    pub count: usize,
    /// The process's peak memory (KiB) when a phase ended, where the OS tells it (Linux).
    pub peak_kib: Option<u64>,
}

impl Timings {
    /// Timings that record only when `enabled`.
    pub fn new(enabled: bool) -> Timings {
        Timings {
            enabled,
            ..Timings::default()
        }
    }

    /// Whether anything is recorded.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Runs `f` as the sequential phase `name`, recording its wall time.
    pub fn phase<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        if !self.enabled {
            return f();
        }
        let started = Instant::now();
        let out = f();
        let elapsed = started.elapsed();
        if let Ok(mut phases) = self.phases.lock() {
            phases.push((name.to_string(), elapsed, peak_kib()));
        }
        out
    }

    /// Runs `f` as one item of the parallel total `name` (summed over threads).
    pub fn add<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        if !self.enabled {
            return f();
        }
        let started = Instant::now();
        let out = f();
        let elapsed = started.elapsed();
        if let Ok(mut totals) = self.totals.lock() {
            let entry = totals.entry(name.to_string()).or_default();
            entry.0 += elapsed;
            entry.1 += 1;
        }
        out
    }

    /// Phases in the order they ran, then the totals by name.
    pub fn report(&self) -> Vec<Timing> {
        let mut out: Vec<Timing> = self
            .phases
            .lock()
            .map(|p| {
                p.iter()
                    .map(|(name, time, peak_kib)| Timing {
                        name: name.clone(),
                        time: *time,
                        count: 0,
                        peak_kib: *peak_kib,
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Ok(totals) = self.totals.lock() {
            out.extend(totals.iter().map(|(name, (time, count))| Timing {
                name: name.clone(),
                time: *time,
                count: *count,
                peak_kib: None,
            }));
        }
        out
    }
}

/// The process's peak resident memory so far in KiB (`VmHWM`), on Linux; `None` elsewhere.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The report as aligned text lines (what `--timings` prints).
pub fn format(report: &[Timing]) -> String {
    let mut out = String::from(
        "Timings (phases: wall time and peak memory so far; [Σ] = summed over threads):\n",
    );
    for t in report {
        let ms = t.time.as_secs_f64() * 1000.0;
        if t.count == 0 {
            let peak = t
                .peak_kib
                .map(|k| format!("   peak {:>5} MiB", k / 1024))
                .unwrap_or_default();
            out.push_str(&format!("  {:<28} {ms:>9.1} ms{peak}\n", t.name));
        } else {
            out.push_str(&format!(
                "  {:<28} {ms:>9.1} ms [Σ] {:>7} items\n",
                t.name, t.count
            ));
        }
    }
    out
}
