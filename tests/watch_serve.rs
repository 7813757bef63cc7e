//! `careers watch` and `careers serve` end to end: the real binary on a temp copy of
//! tests/fixtures/serve-site, each kind of change, errors and recovery, live reload, and
//! the preview server's refusals. Every wait polls against a generous deadline.

mod support;

use std::path::Path;

use support::{Site, events, get, next_event, posting, raw};

fn read(path: &Path) -> Option<String> {
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

#[test]
fn serve_serves_the_preview_and_never_touches_the_output_folder() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();

    let page = get(port, "/jobs/a/");
    assert_eq!(page.status, 200, "{page:?}");
    assert!(
        page.head.contains("Content-Type: text/html"),
        "{}",
        page.head
    );
    assert!(page.body.contains("alpha-original"), "{}", page.body);
    assert!(
        page.body.contains("/__careers/live.js"),
        "reload script missing"
    );
    let home = get(port, "/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("/__careers/live.js"));

    let redirect = get(port, "/jobs/a");
    assert_eq!(redirect.status, 301);
    assert!(
        redirect.head.contains("Location: /jobs/a/"),
        "{}",
        redirect.head
    );
    let css = get(port, "/style.css");
    assert_eq!(css.status, 200);
    assert!(css.head.contains("Content-Type: text/css"), "{}", css.head);
    assert!(!css.body.contains("live.js"), "script injected into CSS");
    let missing = get(port, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("/__careers/live.js"));
    assert_eq!(get(port, "/__careers/live.js").status, 200);

    site.atomic_save(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-served"),
    );
    proc.wait_for("the served edit", |_| {
        get(port, "/jobs/a/")
            .body
            .contains("alpha-served")
            .then_some(())
    });
    assert!(
        !site.path("public").exists(),
        "serve wrote into the output folder"
    );
    let previews = std::fs::read_dir(site.tmp()).expect("tmp").count();
    assert_eq!(previews, 1, "serve builds into one folder under TMPDIR");

    #[cfg(unix)]
    {
        let pid = proc.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status();
        assert!(sent.expect("kill runs").success());
        let code = proc.wait_exit();
        assert_eq!(code.code(), Some(0), "{}", proc.stderr());
        let left = std::fs::read_dir(site.tmp()).expect("tmp").count();
        assert_eq!(left, 0, "the preview folder was not removed");
        assert!(
            site.path("content/jobs/a.md").exists(),
            "site content deleted"
        );
    }
}

#[test]
fn serve_shows_the_error_overlay_keeps_the_old_site_and_recovers() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let stream = events(port);
    assert_eq!(next_event(&stream).name, "hello");

    let good = read(&site.path("content/site.yaml")).expect("site.yaml");
    site.write("content/site.yaml", &format!("{good}broken\n"));
    let overlay = next_event(&stream);
    assert_eq!(overlay.name, "build-error", "{overlay:?}");
    assert!(
        overlay.data.contains("content/site.yaml:3"),
        "{}",
        overlay.data
    );
    assert!(proc.stderr().contains("content/site.yaml:3"));
    let page = get(port, "/jobs/a/");
    assert_eq!(page.status, 200, "the last good site is still served");
    assert!(page.body.contains("alpha-original"));

    // A page opened while the build is broken gets the overlay on load.
    let late = events(port);
    assert_eq!(next_event(&late).name, "hello");
    let replay = next_event(&late);
    assert_eq!(replay.name, "build-error");
    assert!(
        replay.data.contains("content/site.yaml:3"),
        "{}",
        replay.data
    );

    site.write("content/site.yaml", &good);
    assert_eq!(next_event(&stream).name, "reload");
    assert_eq!(next_event(&late).name, "reload");
    let fresh = events(port);
    assert_eq!(next_event(&fresh).name, "hello");
    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-after-fix"),
    );
    assert_eq!(
        next_event(&fresh).name,
        "reload",
        "no overlay replay after the fix"
    );
}

#[test]
fn live_reload_fires_exactly_once_per_rebuild() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let stream = events(port);
    let hello = next_event(&stream);
    assert_eq!(hello.name, "hello");
    let first: u64 = hello.data.parse().expect("generation");

    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-one"),
    );
    let reload = next_event(&stream);
    assert_eq!(
        (reload.name.as_str(), reload.data.clone()),
        ("reload", format!("{}", first + 1))
    );
    assert!(
        get(port, "/jobs/a/").body.contains("alpha-one"),
        "reload before the build"
    );

    // Editor junk is ignored; the real edit after it gives the very next reload.
    site.write("content/jobs/.a.md.swp", "swap");
    site.write("content/jobs/a.md~", "backup");
    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-two"),
    );
    let reload = next_event(&stream);
    assert_eq!(
        (reload.name.as_str(), reload.data.clone()),
        ("reload", format!("{}", first + 2))
    );
    assert!(get(port, "/jobs/a/").body.contains("alpha-two"));

    // A burst of 200 files is one rebuild, so one reload, and the next edit the next one.
    for i in 0..200 {
        site.write(&format!("content/static/burst/f{i}.txt"), "x");
    }
    let reload = next_event(&stream);
    assert_eq!(
        (reload.name.as_str(), reload.data.clone()),
        ("reload", format!("{}", first + 3))
    );
    assert!(
        get(port, "/burst/f199.txt").status == 200,
        "burst not fully built"
    );
    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "alpha-three"),
    );
    let reload = next_event(&stream);
    assert_eq!(
        (reload.name.as_str(), reload.data.clone()),
        ("reload", format!("{}", first + 4))
    );
    assert!(
        get(port, "/jobs/a/").body.contains("alpha-three"),
        "burst split in two"
    );
    let err = proc.stderr();
    assert!(!err.contains(".swp") && !err.contains("a.md~"), "{err}");
    assert!(err.contains("more changes"), "{err}");
}

#[test]
fn serve_refuses_traversal_and_answers_malformed_requests_with_400() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let secret = site.dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET").expect("write secret");

    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
        "/jobs/..\\..\\secret.txt",
        "/jobs/%5c..%5c..%5csecret.txt",
        "/a%00.html",
    ] {
        let resp = get(port, path);
        assert!(matches!(resp.status, 403 | 404), "{path}: {resp:?}");
        assert!(!resp.body.contains("TOP-SECRET"), "{path} leaked");
    }

    #[cfg(unix)]
    {
        let preview = std::fs::read_dir(site.tmp())
            .expect("tmp")
            .next()
            .expect("a preview folder")
            .expect("entry")
            .path()
            .join("site");
        std::os::unix::fs::symlink(&secret, preview.join("leak.txt")).expect("symlink");
        let resp = get(port, "/leak.txt");
        assert!(matches!(resp.status, 403 | 404), "{resp:?}");
        assert!(!resp.body.contains("TOP-SECRET"));
    }

    assert_eq!(raw(port, b"GARBAGE\r\n\r\n").status, 400);
    assert_eq!(raw(port, b"GET /%zz HTTP/1.1\r\n\r\n").status, 400);
    let mut huge = b"GET / HTTP/1.1\r\nX-Big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 20 * 1024));
    huge.extend_from_slice(b"\r\n\r\n");
    assert!(matches!(raw(port, &huge).status, 400 | 431));
    assert_eq!(raw(port, b"POST / HTTP/1.1\r\n\r\n").status, 405);
    let after = get(port, "/jobs/a/");
    assert_eq!(after.status, 200, "the server stopped serving");
    assert!(proc.child.try_wait().expect("status").is_none());
}
