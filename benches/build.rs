//! `cargo bench --bench build -- [N] [--runs R] [--edits] [--generate DIR] [--help]`: the
//! build benchmark.
//!
//! Generates N synthetic postings (default 10,000) into a temp folder (on /dev/shm when it
//! exists), then, in the same run and R times each (default 5), measures:
//! - the floor: read every posting, render its Markdown with pulldown-cmark and write one
//!   file per posting, in parallel with rayon, no templates;
//! - `careers build` run as a child process of the real binary, into a fresh output folder
//!   and again over an existing one, with its peak memory (`wait4` maxrss);
//! - one-posting edits through `careers::build::Session` (the watch/serve path): a body edit
//!   (its listing row stays the same) and a salary edit (its row changes, so the index and
//!   its listings are rendered again); for serve both "visible" (the new pages shown,
//!   `Session::on_visible`) and "complete" (every file made).
//!
//! `-- N --generate DIR` only writes the site, for profiling by hand; `-- N --edits` only
//! measures the one-posting edits (`--disk`: in the system temp folder); `-- N --against OLD`
//! compares two binaries' fresh builds in pairs (`paired.rs`); `-- N --hugo` compares with
//! Hugo on the same corpus (`hugo.rs`).
//!
//! It prints medians, the ratio to the floor, and peak memory. Figures, never assertions.

#[path = "hugo.rs"]
mod hugo;
#[path = "paired.rs"]
mod paired;
#[path = "synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// What `cargo bench --bench build -- --help` prints.
const USAGE: &str =
    "usage: cargo bench --bench build -- [N] [--runs R] [--edits] [--generate DIR] [--against OLD]
  N               postings to generate (default 10000)
  --runs R        runs per figure, medians printed (default 5)
  --edits         measure only the one-posting edits (watch and serve)
  --disk          work in the system temp folder (a disk) instead of /dev/shm
  --generate DIR  only write the synthetic site into DIR
  --against OLD   only fresh builds of this binary and the careers binary OLD, R pairs
                  taking turns on which goes first: both medians and the paired difference
  --hugo          only fresh builds of this binary, Hugo (and OLD with --against) on the same
                  corpus (benches/gen_corpus.py), R rounds taking turns on the order:
                  medians, peak memory and the median of the rounds' ratios
  CAREERS_BIN=... measure another careers binary (before/after)";

fn main() {
    let mut n = 10_000usize;
    let mut runs = 5usize;
    let mut generate: Option<PathBuf> = None;
    let mut edits_only = false;
    let mut disk = false;
    let mut against: Option<PathBuf> = None;
    let mut with_hugo = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--generate" => generate = args.next().map(PathBuf::from),
            "--edits" => edits_only = true,
            "--disk" => disk = true,
            "--against" => against = args.next().map(PathBuf::from),
            "--hugo" => with_hugo = true,
            "--runs" => runs = args.next().and_then(|r| r.parse().ok()).unwrap_or(runs),
            "--help" | "-h" => {
                println!("{USAGE}");
                return;
            }
            a if a.starts_with('-') => {} // `cargo bench` passes --bench
            a => n = a.parse().unwrap_or(n),
        }
    }
    if let Some(dir) = generate {
        // `-- N --generate DIR`: only write the synthetic site (for profiling by hand).
        std::fs::create_dir_all(&dir).expect("create the site folder");
        synth::write_site(&dir, n).expect("write the synthetic site");
        println!("wrote {n} postings into {}", dir.display());
        return;
    }
    let root = temp_root(disk);
    if with_hugo {
        let binary = std::env::var_os("CAREERS_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_careers")));
        hugo::compare(n, &root, runs, &binary, against.as_deref(), run_measured);
        let _ = std::fs::remove_dir_all(&root);
        return;
    }
    let site = root.join("site");
    std::fs::create_dir_all(&site).expect("create the temp site");
    let started = Instant::now();
    synth::write_site(&site, n).expect("write the synthetic site");
    println!(
        "careers build benchmark: {n} postings in {} (generated in {} ms), {runs} runs each, {} threads",
        site.display(),
        started.elapsed().as_millis(),
        rayon::current_num_threads()
    );

    // CAREERS_BIN=/path/to/old/careers compares another build of the binary (before/after).
    let binary = std::env::var_os("CAREERS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_careers")));
    if let Some(old) = against {
        paired::compare(&binary, &old, &root, runs, |binary, out| {
            let _ = std::fs::remove_dir_all(out);
            run_build(binary, &site, out, &[]).0
        });
        let _ = std::fs::remove_dir_all(&root);
        return;
    }
    if edits_only {
        // `-- N --edits`: only the one-posting edits (watch and serve sessions).
        measure_edits(&site, &root, runs).print();
        let _ = std::fs::remove_dir_all(&root);
        return;
    }
    let floor = median(runs, || floor(&site, &root.join("floor")));
    let out = root.join("public");
    let mut fresh_rss = Vec::new();
    let fresh = median(runs, || {
        let _ = std::fs::remove_dir_all(&out);
        let (t, rss) = run_build(&binary, &site, &out, &[]);
        fresh_rss.push(rss);
        t
    });
    let mut again_rss = Vec::new();
    let again = median(runs, || {
        let (t, rss) = run_build(&binary, &site, &out, &[]);
        again_rss.push(rss);
        t
    });
    let edits = measure_edits(&site, &root, runs);
    // What writing careers' own output costs with no work at all: every file of the last
    // build, read into memory first, written into a fresh folder the way the floor writes
    // (after the sessions, so their peak memory above does not include these bytes).
    let (output_files, output_bytes) = read_tree(&out);
    let same_bytes = median(runs, || write_tree(&output_files, &root.join("same-bytes")));
    let file_count = output_files.len();
    drop(output_files);

    let mib = |kb: &[u64]| kb.iter().copied().max().unwrap_or(0) as f64 / 1024.0;
    println!();
    println!(
        "{:<44} {:>10} {:>8} {:>10}",
        "", "median", "× floor", "peak RSS"
    );
    println!(
        "{:<44} {:>7.0} ms {:>8} {:>10}",
        "floor (read + markdown + write)",
        ms(floor),
        "1.00",
        "-"
    );
    println!(
        "{:<44} {:>7.0} ms {:>8.2} {:>6.0} MiB",
        "careers build (fresh output folder)",
        ms(fresh),
        ratio(fresh, floor),
        mib(&fresh_rss)
    );
    println!(
        "{:<44} {:>7.0} ms {:>8.2} {:>6.0} MiB",
        "careers build (replacing an existing output)",
        ms(again),
        ratio(again, floor),
        mib(&again_rss)
    );
    println!(
        "{:<44} {:>7.0} ms {:>8.2} {:>10}",
        format!(
            "only writing its {} files ({} MB)",
            file_count,
            output_bytes / 1_000_000
        ),
        ms(same_bytes),
        ratio(same_bytes, floor),
        "-"
    );
    edits.print();
    println!();
    println!("careers build --timings (one run):");
    let output = Command::new(&binary)
        .args(["build", "--timings", "--site"])
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .output()
        .expect("run careers");
    print!("{}", String::from_utf8_lossy(&output.stderr));
    print!("{}", String::from_utf8_lossy(&output.stdout));
    let _ = std::fs::remove_dir_all(&root);
}

/// What a measured edit changes in posting 42.
#[derive(Clone, Copy)]
enum EditKind {
    /// A sentence added at the end of the body: its page, `/jobs.json`, `/indeed.xml` and
    /// the JSON-LD change; its listing row, feed entry, search item and sitemap entry do not.
    Body,
    /// Another salary: its listing row too, so the index and its listings are rendered again.
    Salary,
}

/// Medians of one-posting edits (body and salary) through watch and serve sessions, with
/// the last salary edit's phase timings.
struct EditFigures {
    /// (label, median) per line.
    lines: Vec<(String, Duration)>,
    watch_timings: Vec<careers::timings::Timing>,
    serve_timings: Vec<careers::timings::Timing>,
}

/// Edits one posting again and again through a watch session, then a serve session.
fn measure_edits(site: &Path, root: &Path, runs: usize) -> EditFigures {
    let mut round = 0;
    let mut lines = Vec::new();
    let mut last = [Vec::new(), Vec::new()];
    for (t, (target, name)) in [
        (careers::build::Target::Folder, "watch"),
        (careers::build::Target::Memory, "serve"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut session = session(site, &root.join(format!("{name}-out")), target);
        let shown = std::sync::Arc::new(std::sync::Mutex::new(None));
        let seen = std::sync::Arc::clone(&shown);
        session.on_visible(move |_| {
            *seen.lock().expect("lock") = Some(Instant::now());
        });
        for (kind, what) in [(EditKind::Body, "body"), (EditKind::Salary, "salary")] {
            let mut visible = Vec::new();
            let complete = median(runs.max(3) * 2, || {
                round += 1;
                let edit = edit_one(&mut session, site, round, kind, &shown);
                last[t] = edit.timings;
                visible.push(edit.visible);
                edit.complete
            });
            visible.sort();
            if t == 0 {
                lines.push((format!("{what} edit, watch (shadow + exchange)"), complete));
            } else {
                let seen = visible[visible.len() / 2];
                lines.push((format!("{what} edit, serve: visible (reload)"), seen));
                lines.push((format!("{what} edit, serve: complete"), complete));
            }
        }
    }
    let [watch_timings, serve_timings] = last;
    EditFigures {
        lines,
        watch_timings,
        serve_timings,
    }
}

impl EditFigures {
    /// The edit lines, then the phases of the last watch and serve edit.
    fn print(&self) {
        for (label, time) in &self.lines {
            println!("{label:<44} {:>7.1} ms {:>8} {:>10}", ms(*time), "-", "-");
        }
        println!();
        println!("salary edit, watch, last run:");
        print!("{}", careers::timings::format(&self.watch_timings));
        println!();
        println!("salary edit, serve, last run:");
        print!("{}", careers::timings::format(&self.serve_timings));
    }
}

/// A fresh folder under /dev/shm when it exists (tmpfs) and `disk` is false, else the
/// system temp folder.
fn temp_root(disk: bool) -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() && !disk {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let root = base.join(format!("careers-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    root
}

fn median(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1)).map(|_| f()).collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

/// Read + pulldown-cmark (the options careers uses) + write one file per posting, in parallel.
fn floor(site: &Path, out: &Path) -> Duration {
    let _ = std::fs::remove_dir_all(out);
    let started = Instant::now();
    let mut files: Vec<PathBuf> = std::fs::read_dir(site.join("content/jobs"))
        .expect("read jobs")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    std::fs::create_dir_all(out).expect("create floor output");
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES;
    files.par_iter().for_each(|path| {
        let text = std::fs::read_to_string(path).expect("read posting");
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        let mut html = String::with_capacity(body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(body, options));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("x");
        let dir = out.join("jobs").join(stem);
        std::fs::create_dir_all(&dir).expect("create dir");
        std::fs::write(dir.join("index.html"), html).expect("write");
    });
    started.elapsed()
}

/// Every file under `dir` (relative path, bytes) and their total size.
fn read_tree(dir: &Path) -> (Vec<(PathBuf, Vec<u8>)>, usize) {
    let files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
            (relative, std::fs::read(e.path()).expect("read output file"))
        })
        .collect();
    let bytes = files.iter().map(|(_, b)| b.len()).sum();
    (files, bytes)
}

/// Writes the files into a fresh `out` in parallel (folders made as needed), like [`floor`].
fn write_tree(files: &[(PathBuf, Vec<u8>)], out: &Path) -> Duration {
    let _ = std::fs::remove_dir_all(out);
    let started = Instant::now();
    files.par_iter().for_each(|(relative, bytes)| {
        let path = out.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(path, bytes).expect("write");
    });
    started.elapsed()
}

/// Runs the real binary; returns its wall time and peak resident memory in KiB.
// The child is reaped by `wait4` (which also gives its own maxrss), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_build(binary: &Path, site: &Path, out: &Path, extra: &[&str]) -> (Duration, u64) {
    let mut command = Command::new(binary);
    command
        .args(["build", "--quiet", "--site"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .args(extra);
    run_measured(command)
}

/// Runs a command to its end; returns its wall time and peak resident memory in KiB.
#[allow(clippy::zombie_processes)]
fn run_measured(mut command: Command) -> (Duration, u64) {
    let started = Instant::now();
    let child = command.spawn().expect("start the command");
    let (status, rss) = wait_rusage(child.id());
    let elapsed = started.elapsed();
    assert!(status == 0, "{command:?} failed with status {status}");
    (elapsed, rss)
}

/// Waits for one child and returns (exit status, its own maxrss in KiB).
fn wait_rusage(pid: u32) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: plain wait4 on our own child, with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert!(waited == pid as libc::pid_t, "wait4 failed");
    (libc::WEXITSTATUS(status), usage.ru_maxrss.max(0) as u64)
}

/// A session over the site with its first (full) build done, as watch/serve hold one.
fn session(site: &Path, out: &Path, target: careers::build::Target) -> careers::build::Session {
    let opts = careers::build::BuildOptions {
        site_dir: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        force: true,
        timings: true,
        ..Default::default()
    };
    let mut session = careers::build::Session::new(opts, target);
    session.build().expect("first session build");
    session
}

/// How long one edit took: until the reload was signalled, and until the rebuild returned.
struct Edit {
    visible: Duration,
    complete: Duration,
    timings: Vec<careers::timings::Timing>,
}

/// The pause before each measured edit (the watcher's debounce is 150 ms).
const EDIT_GAP: Duration = Duration::from_millis(200);

/// One posting edited on disk (`kind` says what changes), then rebuilt through the session.
fn edit_one(
    session: &mut careers::build::Session,
    site: &Path,
    round: usize,
    kind: EditKind,
    shown: &std::sync::Mutex<Option<Instant>>,
) -> Edit {
    let i = 42;
    let salary = 40_000 + (i as u32 % 50) * 1000;
    let (salary, body) = match kind {
        EditKind::Body => (salary, format!("\nEdited {round}.\n")),
        EditKind::Salary => (salary + 1000 * (round as u32 % 7 + 1), String::new()),
    };
    let text = synth::posting(i, &synth::title(i), salary, synth::valid_through(i), &body);
    let relative = PathBuf::from("content/jobs").join(synth::file_name(i));
    std::fs::write(site.join(&relative), text).expect("edit posting");
    // Saves reach a session at least the watcher's 150 ms debounce apart; work a session
    // leaves to a thread after an edit (removing old files) may use that time, as it does
    // in `watch` and `serve`. The pause is not counted.
    std::thread::sleep(EDIT_GAP);
    *shown.lock().expect("lock") = None;
    let started = Instant::now();
    let report = session.rebuild(&[relative]).expect("incremental build");
    let complete = started.elapsed();
    let visible = shown.lock().expect("lock").map(|at| at - started);
    Edit {
        visible: visible.unwrap_or(complete),
        complete,
        timings: report.timings,
    }
}
