//! A small mutation fuzzer that runs on a stable compiler, for machines without cargo-fuzz.
//!
//! `cargo run --release --features stable --bin stable -- <target> <seconds> [seed]` reads the seeds in
//! `corpus/<target>/`, mutates them (byte flips, inserts, deletes, splices and YAML/Markdown
//! tokens), runs the target on each input, and saves inputs that panic to
//! `artifacts/<target>/crash-<n>`. It prints the number of executions when done.

use std::panic;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const TOKENS: &[&[u8]] = &[
    b"---\n",
    b"\n",
    b"\r\n",
    b"\t",
    b": ",
    b"- ",
    b"&a ",
    b"*a",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b"'",
    b"\xef\xbb\xbf",
    b"\0",
    b"\xff",
    b"|\n  ",
    b">-\n",
    b"!!binary ",
    b"? ",
    b"#",
    b"%",
    b"<script>",
    b"</script>",
    b"javascript:",
    b"](",
    b"[x](",
    b"<",
    b"`",
    b"***",
    b"| a |\n|---|\n",
    b"[^1]",
    b"\\",
    b"../",
    b"title: ",
    b"slug: ",
    b"locations:\n  - city: ",
    b"groups:\n  - id: ",
    b"questions:\n    - question: ",
    b"answer: ",
    b"apply:\n  url: ",
    b"company:\n  logo: ",
    b"date_posted: 2026-02-30\n",
    b"salary: {min: 1e309, max: -0}\n",
    b"\xe2\x80\xae",
    b"\xcc\x81",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, corpus: &[Vec<u8>]) {
    for _ in 0..=rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(6) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 if !input.is_empty() => {
                let end = (at + rng.below(16)).min(input.len());
                input.drain(at.min(end)..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                input.splice(at..at, token.iter().copied());
            }
            4 if !corpus.is_empty() => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(64)).min(other.len());
                input.splice(at..at, other[from..to].iter().copied());
            }
            _ if !input.is_empty() => {
                // Repeat a slice: long lines, deep nesting, many aliases.
                let from = rng.below(input.len());
                let to = (from + rng.below(8) + 1).min(input.len());
                let piece = input[from..to].to_vec();
                for _ in 0..rng.below(64) {
                    input.splice(at..at, piece.iter().copied());
                }
            }
            _ => {}
        }
    }
    input.truncate(64 * 1024);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target = args.get(1).map(String::as_str).unwrap_or("posting");
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let run: fn(&[u8]) = match target {
        "posting" => careers_fuzz::posting,
        "site_yaml" => careers_fuzz::site_yaml,
        "faq_yaml" => careers_fuzz::faq_yaml,
        "markdown" => careers_fuzz::markdown,
        other => {
            eprintln!("unknown target {other}: use posting, site_yaml, faq_yaml or markdown");
            std::process::exit(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut corpus: Vec<Vec<u8>> = std::fs::read_dir(root.join("corpus").join(target))
        .map(|dir| {
            dir.flatten()
                .filter_map(|e| std::fs::read(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let artifacts = root.join("artifacts").join(target);
    panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let (start, limit) = (Instant::now(), Duration::from_secs(seconds));
    let (mut executions, mut crashes) = (0u64, 0u32);
    while start.elapsed() < limit {
        let mut input = corpus[rng.below(corpus.len())].clone();
        mutate(&mut rng, &mut input, &corpus);
        executions += 1;
        if panic::catch_unwind(|| run(&input)).is_err() {
            crashes += 1;
            let _ = std::fs::create_dir_all(&artifacts);
            let path = artifacts.join(format!("crash-{seed}-{crashes}"));
            let _ = std::fs::write(&path, &input);
            eprintln!("panic: input saved to {}", path.display());
            if crashes >= 20 {
                break;
            }
        } else if rng.below(2000) == 0 && corpus.len() < 4096 {
            corpus.push(input);
        }
    }
    println!(
        "{target}: {executions} executions in {:.0}s, {crashes} panicking inputs",
        start.elapsed().as_secs_f64()
    );
}
