//! Broken and oversized input: YAML bombs, deep nesting, huge files, long lines, control
//! characters, invalid UTF-8, mixed line endings and byte-order marks.

use crate::hostile::{Site, located};

#[test]
fn yaml_alias_bomb_in_front_matter_is_a_located_error_not_a_memory_blow_up() {
    let site = Site::new();
    let yaml = std::fs::read_to_string(crate::common::fixture("hostile/files/alias-bomb.yaml"))
        .expect("fixture");
    site.write("content/jobs/bomb.md", format!("---\n{yaml}---\nBody\n"));
    let errors = site.errors();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    assert_eq!(
        (d.file.to_str(), d.code),
        (Some("content/jobs/bomb.md"), "yaml-syntax")
    );
    assert!(
        d.line >= 2 && d.line <= 11,
        "located inside the front matter: {d:?}"
    );
    assert_eq!(
        d.message,
        "this YAML is too deeply nested or repeats itself too much: its `*aliases` expand to too many values"
    );
    assert_eq!(
        d.help,
        "write the values out plainly, without `&anchors` and `*aliases`"
    );
}

#[test]
fn yaml_alias_bomb_in_faq_and_site_yaml_is_refused_too() {
    let site = Site::new();
    site.add("alias-bomb.yaml", "content/faq.yaml");
    let errors = site.errors();
    assert_eq!(
        crate::hostile::located(&errors),
        [
            ("content/faq.yaml".into(), 7, 8, "yaml-syntax"),
            // The posting's group cannot be found in a FAQ that did not parse.
            (
                "content/jobs/engineer.md".into(),
                8,
                14,
                "unknown-faq-group"
            ),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].message,
        "this YAML is too deeply nested or repeats itself too much: its `*aliases` expand to too many values"
    );

    let site = Site::new();
    site.add("alias-bomb.yaml", "content/site.yaml");
    let errors = site.errors();
    assert_eq!(
        (errors[0].file.to_str(), errors[0].code),
        (Some("content/site.yaml"), "yaml-syntax")
    );
}

#[test]
fn deeply_nested_values_stop_at_the_depth_limit() {
    let site = Site::new();
    for (name, nested) in [
        (
            "flow",
            format!("extra: {}1{}\n", "[".repeat(5000), "]".repeat(5000)),
        ),
        (
            "block",
            (0..200)
                .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
                .collect(),
        ),
    ] {
        site.write(
            &format!("content/jobs/{name}.md"),
            format!("---\ntitle: T\n{nested}---\n"),
        );
    }
    let errors = site.errors();
    let codes: Vec<_> = errors
        .iter()
        .map(|d| (d.file.display().to_string(), d.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("content/jobs/block.md".to_string(), "yaml-syntax"),
            ("content/jobs/flow.md".to_string(), "yaml-syntax")
        ],
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .all(|d| d.message.ends_with("too much: more than 32 levels deep")),
        "{errors:#?}"
    );
}

#[test]
fn a_multi_megabyte_posting_with_very_long_lines_builds() {
    let site = Site::new();
    let word_line = "lorem ipsum dolor sit amet ".repeat(40_000); // ~1 MB on one line
    let mut body = String::new();
    for i in 0..3 {
        body.push_str(&format!("## Part {i}\n\n{word_line}\n\n"));
    }
    let posting = format!(
        "---\ntitle: Big Role\ndepartment: Engineering\nemployment_type: full_time\nlocations: [{{city: Berlin, country: DE}}]\ndate_posted: 2026-10-01\nevergreen: true\nsummary: \"{}\"\n---\n{body}",
        "s".repeat(100_000)
    );
    assert!(posting.len() > 3_000_000);
    site.write("content/jobs/big.md", &posting);
    let report = site.build();
    assert_eq!(report.open_postings, 2);
    let page = std::fs::read_to_string(site.path("public/jobs/big/index.html")).expect("page");
    assert!(page.contains("<h2 id=\"part-2\">Part 2</h2>"));
    assert!(page.len() > 3_000_000);
}

#[test]
fn control_characters_and_nul_bytes_are_located_errors() {
    let site = Site::new();
    site.add("control-chars.md", "content/jobs/control.md");
    site.write(
        "content/jobs/escaped.md",
        "---\ntitle: \"Bad\\0 title\"\ndepartment: D\nemployment_type: full_time\nlocations: [{city: B, country: DE}]\ndate_posted: 2026-10-01\n---\n",
    );
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/jobs/control.md".into(), 3, 17, "control-character"),
            ("content/jobs/escaped.md".into(), 2, 8, "control-character"),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].message,
        "this file contains an invisible control character (U+0001) here"
    );
    // The terminal never receives the raw control character.
    let shown = errors[0].render();
    assert!(
        !shown.contains('\u{1}') && shown.contains('\u{2401}'),
        "{shown:?}"
    );
}

#[test]
fn invalid_utf8_is_a_located_error_that_says_how_to_save_the_file() {
    let site = Site::new();
    site.add("invalid-utf8.md", "content/jobs/latin1.md");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [("content/jobs/latin1.md".into(), 5, 21, "not-utf8")]
    );
    assert_eq!(errors[0].message, "this file is not saved as UTF-8 text");
    assert!(errors[0].help.contains("UTF-8"));
}

#[test]
fn mixed_line_endings_and_a_byte_order_mark_build_like_plain_lf() {
    let site = Site::new();
    site.add("mixed-line-endings.md", "content/jobs/mixed.md");
    site.add("bom.md", "content/jobs/bom.md");
    let mut faq = b"\xef\xbb\xbf".to_vec();
    faq.extend(
        std::fs::read(site.path("content/faq.yaml"))
            .expect("faq")
            .iter()
            .flat_map(|&b| {
                if b == b'\n' {
                    vec![b'\r', b'\n']
                } else {
                    vec![b]
                }
            }),
    );
    site.write("content/faq.yaml", faq);
    let report = site.build();
    assert_eq!(report.open_postings, 3);
    let mixed = std::fs::read_to_string(site.path("public/jobs/mixed/index.html")).expect("page");
    assert!(mixed.contains("Mixed Endings"));
    assert!(
        mixed.contains("Line one\nLine two"),
        "a lone CR is a line break too"
    );
    assert!(!mixed.contains('\r'));
    let bom = std::fs::read_to_string(site.path("public/jobs/bom/index.html")).expect("page");
    assert!(bom.contains("With BOM") && !bom.contains('\u{feff}'));
    let faq = std::fs::read_to_string(site.path("public/faq/index.html")).expect("faq");
    assert!(faq.contains("Can I work remotely?"));
}

/// Twenty alias bombs in one site: each is its located error, and the whole check stays
/// small (it took 505 MB with a budget for one file only).
#[cfg(target_os = "linux")]
#[test]
// The child is reaped by `wait4` (which also gives its peak memory), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn many_alias_bombs_in_one_build_stay_within_256_mib() {
    let site = Site::new();
    let yaml = std::fs::read_to_string(crate::common::fixture("hostile/files/alias-bomb.yaml"))
        .expect("fixture");
    for i in 0..20 {
        site.write(
            &format!("content/jobs/bomb-{i:02}.md"),
            format!("---\n{yaml}---\nBody\n"),
        );
    }
    let log = site.path("check.log");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["check", "--site", site.root().to_str().expect("utf8")])
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("spawn careers check");
    let (status, peak_kib) = wait_with_peak(child.id());
    assert_eq!(status, 1, "content errors");
    assert!(peak_kib < 256 * 1024, "peak {} MiB", peak_kib / 1024);
    let text = std::fs::read_to_string(&log).expect("read log");
    let bombs = text
        .lines()
        .filter(|l| l.contains("its `*aliases` expand to too many values"))
        .count();
    assert_eq!(bombs, 20, "{text}");
}

/// Waits for the child `pid`; its exit code and its own peak memory in KiB (`wait4`).
#[cfg(target_os = "linux")]
fn wait_with_peak(pid: u32) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: wait4 on our own child, with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid as libc::pid_t, "wait4");
    (libc::WEXITSTATUS(status), usage.ru_maxrss.max(0) as u64)
}
