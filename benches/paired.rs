//! `-- N --against OLD --runs R`: two careers binaries' fresh builds in pairs, taking turns
//! on which goes first, so both see the same moment of a shared machine. On this 2-core VM
//! other tenants move a build's wall time by 10–30 % from one minute to the next, more than
//! most changes do; the paired difference still shows a change of a few percent.

use std::path::Path;
use std::time::Duration;

/// Fresh builds (`build(binary, output folder)`, which times one) of `new` and `old` into
/// folders under `root`, `pairs` times; prints each one's median, the median of the pairs'
/// differences and how many pairs `new` won.
pub fn compare(
    new: &Path,
    old: &Path,
    root: &Path,
    pairs: usize,
    mut build: impl FnMut(&Path, &Path) -> Duration,
) {
    let (mut news, mut olds) = (Vec::new(), Vec::new());
    for pair in 0..pairs.max(1) {
        let (new_out, old_out) = (root.join("new"), root.join("old"));
        if pair % 2 == 0 {
            news.push(build(new, &new_out));
            olds.push(build(old, &old_out));
        } else {
            olds.push(build(old, &old_out));
            news.push(build(new, &new_out));
        }
    }
    let differences: Vec<f64> = news
        .iter()
        .zip(&olds)
        .map(|(n, o)| ms(*n) - ms(*o))
        .collect();
    let won = differences.iter().filter(|d| **d < 0.0).count();
    println!();
    println!("fresh builds in {} pairs, alternately first:", news.len());
    println!("{:<44} {:>7.0} ms", "this binary, median", median_ms(&news));
    println!(
        "{:<44} {:>7.0} ms",
        format!("{}, median", old.display()),
        median_ms(&olds)
    );
    println!(
        "{:<44} {:>+7.1} ms  (this binary faster in {won} of {} pairs)",
        "median difference (this − other)",
        median(differences),
        news.len()
    );
}

fn median_ms(times: &[Duration]) -> f64 {
    median(times.iter().map(|t| ms(*t)).collect())
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
