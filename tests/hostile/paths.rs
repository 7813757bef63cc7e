//! Paths that try to leave the site or collide: `..`, absolute paths, backslashes, symlinks
//! out of the site, symlink loops, case-only differences; and names that must just work.

use crate::hostile::{Site, located};

fn posting(slug: &str) -> String {
    format!(
        "---\ntitle: T\nslug: {slug}\ndepartment: D\nemployment_type: full_time\nlocations: [{{city: B, country: DE}}]\ndate_posted: 2026-10-01\n---\n"
    )
}

#[test]
fn slugs_with_dot_dot_absolute_paths_or_backslashes_are_refused() {
    let site = Site::new();
    site.write("content/jobs/a.md", posting("\"../../etc/passwd\""));
    site.write("content/jobs/b.md", posting("/tmp/evil"));
    site.write("content/jobs/c.md", posting("\"..\\\\..\\\\x\""));
    site.write(
        "content/pages/d.md",
        "---\ntitle: P\nslug: \"a/../../b\"\n---\n",
    );
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/jobs/a.md".into(), 3, 7, "bad-slug"),
            ("content/jobs/b.md".into(), 3, 7, "bad-slug"),
            ("content/jobs/c.md".into(), 3, 7, "bad-slug"),
            ("content/pages/d.md".into(), 3, 7, "bad-slug"),
        ],
        "{errors:#?}"
    );
    assert_eq!(errors[0].help, "write it as `slug: etc-passwd`");
    assert!(!site.path("public").exists());
}

#[cfg(unix)]
#[test]
fn symlinks_pointing_outside_the_site_are_refused() {
    let site = Site::new();
    let outside = tempfile::tempdir().expect("outside");
    std::fs::write(outside.path().join("secret.txt"), "SECRET").expect("secret");
    std::fs::write(outside.path().join("job.md"), posting("leak")).expect("job");
    use std::os::unix::fs::symlink as link;
    link(
        outside.path().join("secret.txt"),
        site.path("content/static/secret.txt"),
    )
    .expect("link");
    link(outside.path(), site.path("content/static/dir")).expect("link");
    link(
        outside.path().join("job.md"),
        site.path("content/jobs/leak.md"),
    )
    .expect("link");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/jobs/leak.md".into(), 0, 0, "link-outside-site"),
            ("content/static/dir".into(), 0, 0, "link-outside-site"),
            (
                "content/static/secret.txt".into(),
                0,
                0,
                "link-outside-site"
            ),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].message,
        "this file is a link to something outside the site folder"
    );
    assert_eq!(
        errors[1].message,
        "this folder is a link to something outside the site folder"
    );
}

/// A static folder linked to a large tree outside the site (`/usr`) is one error, and the
/// tree is not walked.
#[cfg(unix)]
#[test]
fn a_folder_link_outside_the_site_is_one_error_and_not_walked() {
    let site = Site::new();
    let outside = tempfile::tempdir().expect("outside");
    for i in 0..200 {
        let dir = outside.path().join(format!("d{}", i % 20));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join(format!("f{i}.txt")), "x").expect("file");
    }
    std::os::unix::fs::symlink(outside.path(), site.path("content/static/usr")).expect("link");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [("content/static/usr".into(), 0, 0, "link-outside-site")],
        "{errors:#?}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_content_is_reported_once_and_the_rest_still_checked() {
    let site = Site::new();
    std::os::unix::fs::symlink(site.path("content/jobs"), site.path("content/jobs/loop"))
        .expect("link");
    std::os::unix::fs::symlink("../static", site.path("content/static/sub")).expect("link");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/jobs/loop".into(), 0, 0, "symlink-loop"),
            ("content/static/sub".into(), 0, 0, "symlink-loop"),
        ],
        "{errors:#?}"
    );
    assert!(
        errors[0]
            .message
            .contains("points back to a folder that contains it")
    );
}

#[test]
fn static_files_differing_only_in_case_collide() {
    let site = Site::new();
    site.write("content/static/Logo.svg", "<svg/>");
    site.write("content/static/img/a.PNG", "x");
    site.write("content/static/IMG/a.png", "y");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/static/img/a.PNG".into(), 0, 0, "case-collision"),
            ("content/static/logo.svg".into(), 0, 0, "case-collision"),
        ],
        "{errors:#?}"
    );
    assert!(
        errors[1].message.contains("content/static/Logo.svg"),
        "{}",
        errors[1].message
    );
}

#[cfg(unix)]
#[test]
fn a_backslash_in_a_static_file_name_is_refused() {
    let site = Site::new();
    site.write("content/static/a\\b.png", "x");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [("content/static/a\\b.png".into(), 0, 0, "bad-file-name")]
    );
}

#[test]
fn file_names_with_spaces_and_non_ascii_characters_work() {
    let site = Site::new();
    site.write(
        "content/jobs/Senior Ingénieur (Zürich).md",
        "---\ntitle: Senior Ingénieur\ndepartment: Ingénierie\nemployment_type: full_time\nlocations: [{city: Zürich, country: CH}]\ndate_posted: 2026-10-01\nevergreen: true\n---\nVoilà.\n",
    );
    site.write("content/static/Über uns/Bild 1.png", "png");
    site.write(
        "content/pages/Über uns.md",
        "---\ntitle: Über uns\n---\nHallo.\n",
    );
    site.build();
    let page =
        std::fs::read_to_string(site.path("public/jobs/senior-ingenieur-zuerich/index.html"))
            .expect("posting page at the slug of its file name");
    assert!(page.contains("Senior Ingénieur") && page.contains("Zürich"));
    assert_eq!(
        std::fs::read(site.path("public/Über uns/Bild 1.png")).expect("static"),
        b"png"
    );
    assert!(site.path("public/ueber-uns/index.html").is_file());
}

/// An address starting with `//` would be read by browsers as another site's (and was
/// published as a path on this one): it is a located error asking for the full address.
#[test]
fn protocol_relative_apply_addresses_are_refused() {
    let site = Site::new();
    site.write(
        "content/jobs/a.md",
        "---\ntitle: T\ndepartment: D\nemployment_type: full_time\nlocations: [{city: B, country: DE}]\ndate_posted: 2026-10-01\napply: {url: //evil.example/apply}\n---\n",
    );
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [("content/jobs/a.md".into(), 7, 14, "bad-url")],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].message,
        "the apply `url` must be a web address starting with https://, not `//evil.example/apply`"
    );
    assert!(errors[0].help.contains("https://"), "{}", errors[0].help);
}

/// A named pipe where a posting would be is a located error, not skipped without a word
/// (reading it would hang the build).
#[cfg(unix)]
#[test]
fn a_pipe_among_the_postings_is_an_error_not_skipped() {
    let site = Site::new();
    let made = std::process::Command::new("mkfifo")
        .arg(site.path("content/jobs/pipe.md"))
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [("content/jobs/pipe.md".into(), 0, 0, "not-a-file")],
        "{errors:#?}"
    );
}

/// A static file at a path careers makes (`index.html`, `jobs.json`, a posting's page) is an
/// error naming both, not a silent replacement of the generated file.
#[test]
fn static_files_that_would_replace_generated_ones_are_refused() {
    let site = Site::new();
    site.write("content/static/index.html", "<p>mine</p>");
    site.write("content/static/jobs.json", "{}");
    site.write("content/static/jobs/platform-engineer/index.html", "x");
    site.write("content/static/jobs/logo.png", "fine");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            (
                "content/static/index.html".into(),
                0,
                0,
                "replaces-generated-file"
            ),
            (
                "content/static/jobs/platform-engineer/index.html".into(),
                0,
                0,
                "replaces-generated-file"
            ),
            (
                "content/static/jobs.json".into(),
                0,
                0,
                "replaces-generated-file"
            ),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].message,
        "this file would replace /index.html, the job listing careers makes"
    );
}

/// Two file links pointing at each other are one `symlink-loop` error, not two unreadable
/// files.
#[cfg(target_os = "linux")]
#[test]
fn two_file_links_pointing_at_each_other_are_one_symlink_loop() {
    let site = Site::new();
    std::os::unix::fs::symlink("b.md", site.path("content/jobs/a.md")).expect("link");
    std::os::unix::fs::symlink("a.md", site.path("content/jobs/b.md")).expect("link");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [("content/jobs/a.md".into(), 0, 0, "symlink-loop")],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].message,
        "this link leads round a loop of links and never to a file (a symlink loop)"
    );
}

/// Two file names that differ only in Unicode normalisation (`zürich.md` typed as one
/// character or as `u` and a combining mark) look the same; the messages tell them apart.
#[test]
fn names_differing_only_in_unicode_normalisation_are_told_apart() {
    let site = Site::new();
    let posting = "---\ntitle: T\nslug: zurich\ndepartment: D\nemployment_type: full_time\nlocations: [{city: B, country: DE}]\ndate_posted: 2026-10-01\nevergreen: true\n---\nBody\n";
    site.write("content/jobs/z\u{fc}rich.md", posting);
    site.write("content/jobs/zu\u{308}rich.md", posting);
    let errors = site.errors();
    let duplicate = errors
        .iter()
        .find(|d| d.code == "duplicate-slug")
        .expect("a duplicate slug");
    let text = duplicate.render();
    assert!(text.contains("zu\\u{308}rich.md"), "{text}");
    assert!(text.contains("z\u{fc}rich.md"), "{text}");
}
