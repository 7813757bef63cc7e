//! `-- N --hugo [--against OLD] --runs R`: fresh builds of careers (and an older careers
//! binary) against Hugo on the same N synthetic postings, written by benches/gen_corpus.py
//! as a careers site and a Hugo site with lean templates (so the comparison is in Hugo's
//! favour). Each round runs every builder once, the order turning from round to round, so all
//! see the same moment of a shared machine; the ratios are taken within a round.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A builder: its name and how to run one fresh build into `out`.
type Builder<'a> = (String, Box<dyn Fn(&Path) -> Command + 'a>);

/// Prints each builder's median time and peak memory, and Hugo's time over careers'.
pub fn compare(
    n: usize,
    root: &Path,
    rounds: usize,
    careers: &Path,
    old: Option<&Path>,
    run: fn(Command) -> (Duration, u64),
) {
    let corpus = root.join("corpus");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_corpus.py");
    let written = Command::new("python3")
        .arg(&script)
        .arg(n.to_string())
        .arg(&corpus)
        .output()
        .expect("run python3 benches/gen_corpus.py");
    assert!(written.status.success(), "gen_corpus.py failed");
    let careers_site = corpus.join("careers");
    let careers_build = |binary: &Path| {
        let (binary, site) = (binary.to_path_buf(), careers_site.clone());
        move |out: &Path| {
            let mut c = Command::new(&binary);
            c.args(["build", "--quiet", "--force", "--site"]).arg(&site);
            c.arg("--output").arg(out);
            c
        }
    };
    let hugo_site = corpus.join("hugo");
    let mut builders: Vec<Builder> = vec![
        ("careers (this)".into(), Box::new(careers_build(careers))),
        (
            "hugo".into(),
            Box::new(move |out: &Path| {
                let mut c = Command::new("hugo");
                c.args(["--quiet", "-s"]).arg(&hugo_site).arg("-d").arg(out);
                c
            }),
        ),
    ];
    if let Some(old) = old {
        builders.push((
            format!("careers ({})", old.display()),
            Box::new(careers_build(old)),
        ));
    }
    let mut times = vec![Vec::new(); builders.len()];
    let mut peaks = vec![0u64; builders.len()];
    for round in 0..rounds.max(1) {
        for k in 0..builders.len() {
            let b = (k + round) % builders.len();
            let out = root.join(format!("out-{b}"));
            let _ = std::fs::remove_dir_all(&out);
            let (time, rss) = run((builders[b].1)(&out));
            times[b].push(time.as_secs_f64() * 1000.0);
            peaks[b] = peaks[b].max(rss);
        }
    }
    println!("\n{n} postings, {} rounds, fresh builds:", times[0].len());
    for (b, (name, _)) in builders.iter().enumerate() {
        let mib = peaks[b] as f64 / 1024.0;
        println!(
            "{name:<44} {:>7.0} ms {mib:>7.0} MiB peak",
            median(times[b].clone())
        );
    }
    let ratio =
        |a: usize, b: usize| median(times[a].iter().zip(&times[b]).map(|(x, y)| x / y).collect());
    println!(
        "{:<44} {:>7.2}×",
        "hugo / careers (this), median of rounds",
        ratio(1, 0)
    );
    if builders.len() > 2 {
        println!(
            "{:<44} {:>7.2}×",
            "careers (this) / old, median of rounds",
            ratio(0, 2)
        );
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}
