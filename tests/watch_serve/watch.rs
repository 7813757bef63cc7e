//! `careers watch`: every change kind rebuilds the output folder; errors keep the old site.

use std::path::Path;

use crate::watch_serve::support::{Site, posting};

/// The file's text, or None when it does not exist (yet).
pub fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn watch_sees_edits_creates_atomic_saves_new_folders_renames_and_deletes() {
    let site = Site::new();
    let mut proc = site.spawn(&["watch"]);
    let page = |slug: &str| site.path(&format!("public/jobs/{slug}/index.html"));
    let a = page("a");
    proc.wait_for("the first build", |_| {
        read(&a).filter(|t| t.contains("alpha-original"))
    });
    proc.wait_stderr("Watching");

    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-edited"),
    );
    proc.wait_for("the edit", |_| {
        read(&a).filter(|t| t.contains("alpha-edited"))
    });

    site.write("content/jobs/b.md", &posting("Designer", "bravo"));
    proc.wait_for("the new posting", |_| read(&page("b")));

    site.atomic_save(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-atomic"),
    );
    proc.wait_for("the atomic save", |_| {
        read(&a).filter(|t| t.contains("alpha-atomic"))
    });

    site.write("content/jobs/team/d.md", &posting("Data Engineer", "delta"));
    proc.wait_for("a posting in a new subfolder", |_| read(&page("d")));

    std::fs::rename(
        site.path("content/jobs/b.md"),
        site.path("content/jobs/e.md"),
    )
    .expect("rename");
    proc.wait_for("the rename", |_| {
        (read(&page("e")).is_some() && read(&page("b")).is_none()).then_some(())
    });

    std::fs::remove_file(site.path("content/jobs/e.md")).expect("delete");
    proc.wait_for("the delete", |_| read(&page("e")).is_none().then_some(()));

    site.write("content/static/CNAME", "careers.example.com\n");
    proc.wait_for("a static file without extension", |_| {
        read(&site.path("public/CNAME"))
    });

    // themes/ does not exist at start: its creation is seen, then files inside it.
    std::fs::create_dir(site.path("themes")).expect("mkdir themes");
    proc.wait_stderr("Changed: themes (template)");
    // Files created in a brand-new folder before its watch exists are read by the rebuild
    // that the folder's creation triggers; from then on their own changes are seen.
    std::fs::create_dir_all(site.path("themes/acme/templates")).expect("mkdir theme");
    proc.wait_stderr("Changed: themes/acme");
    site.write("themes/acme/templates/extra.html", "<p>{{ 1 }}</p>");
    proc.wait_stderr("Changed: themes/acme/templates/extra.html (template)");

    let err = proc.stderr();
    assert!(
        err.contains("Changed: content/jobs/a.md (content)"),
        "{err}"
    );
    assert!(
        err.contains("Changed: content/static/CNAME (static)"),
        "{err}"
    );
    for line in err.lines().filter(|l| l.starts_with("Changed:")) {
        assert!(
            !line.contains("public"),
            "reacted to its own output: {line}"
        );
        assert!(!line.contains(".careers-"), "reacted to staging: {line}");
        assert!(
            !line.contains(".tmp"),
            "reacted to an editor temp file: {line}"
        );
    }
}

#[test]
fn watch_rebuilds_on_theme_template_static_and_settings_changes() {
    let site = Site::new();
    std::fs::create_dir_all(site.path("themes/default/templates")).expect("mkdir theme");
    // The static folder exists up front: a folder created in the same burst as its first file
    // is reported as the folder, and this test asserts the file's own line.
    std::fs::create_dir_all(site.path("themes/default/static")).expect("mkdir theme static");
    let mut proc = site.spawn(&["watch"]);
    let not_found = site.path("public/404.html");
    proc.wait_for("the first build", |_| read(&not_found));
    proc.wait_stderr("Watching");

    let template = "<!doctype html><html><body><p>custom-404-{{ 1 + 1 }}</p></body></html>";
    site.atomic_save("themes/default/templates/404.html", template);
    proc.wait_for("the template override", |_| {
        read(&not_found).filter(|t| t.contains("custom-404-2"))
    });
    site.write("themes/default/static/extra.css", "p { margin: 0 }");
    proc.wait_for("the theme static file", |_| {
        read(&site.path("public/extra.css"))
    });
    let settings = read(&site.path("content/site.yaml")).expect("site.yaml");
    site.atomic_save(
        "content/site.yaml",
        &settings.replace("Acme Careers", "Acme Jobs Renamed"),
    );
    proc.wait_for("the settings change", |_| {
        read(&site.path("public/index.html")).filter(|t| t.contains("Acme Jobs Renamed"))
    });
    let err = proc.stderr();
    assert!(
        err.contains("Changed: themes/default/templates/404.html (template)"),
        "{err}"
    );
    assert!(
        err.contains("Changed: themes/default/static/extra.css (static)"),
        "{err}"
    );
    assert!(err.contains("Changed: content/site.yaml (config)"), "{err}");
}

#[test]
fn watch_keeps_the_last_good_site_on_errors_and_recovers() {
    let site = Site::new();
    let mut proc = site.spawn(&["watch"]);
    let a = site.path("public/jobs/a/index.html");
    proc.wait_for("the first build", |_| {
        read(&a).filter(|t| t.contains("alpha-original"))
    });
    proc.wait_stderr("Watching");

    let good = read(&site.path("content/site.yaml")).expect("site.yaml");
    site.write("content/site.yaml", &format!("{good}broken\n"));
    proc.wait_stderr("content/site.yaml:3");
    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-while-broken"),
    );
    proc.wait_for("the second failed build", |p| {
        (p.stderr().matches("content/site.yaml:3").count() >= 2).then_some(())
    });
    let kept = read(&a).expect("the last good page is still there");
    assert!(kept.contains("alpha-original"), "{kept}");

    site.write("content/site.yaml", &good);
    proc.wait_for("the recovery", |_| {
        read(&a).filter(|t| t.contains("alpha-while-broken"))
    });
    assert!(
        proc.child.try_wait().expect("status").is_none(),
        "watch exited"
    );
}

#[test]
fn watch_with_poll_sees_changes() {
    let site = Site::new();
    let mut proc = site.spawn(&["watch", "--poll"]);
    let a = site.path("public/jobs/a/index.html");
    proc.wait_for("the first build", |_| read(&a));
    proc.wait_stderr("Watching");
    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-polled"),
    );
    proc.wait_for("the polled edit", |_| {
        read(&a).filter(|t| t.contains("alpha-polled"))
    });
}
