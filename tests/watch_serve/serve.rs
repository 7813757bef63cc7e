//! `careers serve`: the preview, live reload and overlay events, and the server's refusals.

use crate::watch_serve::support::{Site, events, get, next_event, posting};
use crate::watch_serve::watch::read;

#[test]
fn serve_serves_the_preview_and_never_touches_the_output_folder() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();

    let page = get(port, "/jobs/a/");
    assert_eq!(page.status, 200, "{page:?}");
    assert!(
        page.head.contains("content-type: text/html"),
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
        redirect.head.contains("location: /jobs/a/"),
        "{}",
        redirect.head
    );
    let css = get(port, "/style.css");
    assert_eq!(css.status, 200);
    assert!(css.head.contains("content-type: text/css"), "{}", css.head);
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
    let written = std::fs::read_dir(site.tmp()).expect("tmp").count();
    assert_eq!(
        written, 0,
        "serve keeps the site in memory, not under TMPDIR"
    );

    #[cfg(unix)]
    {
        let pid = proc.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status();
        assert!(sent.expect("kill runs").success());
        let code = proc.wait_exit();
        assert_eq!(code.code(), Some(0), "{}", proc.stderr());
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
    // The terminal's copy is read by another thread: wait for it rather than race it.
    proc.wait_for("the error on the terminal", |p| {
        p.stderr().contains("content/site.yaml:3").then_some(())
    });
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
    proc.wait_stderr("more changes");
    let err = proc.stderr();
    assert!(!err.contains(".swp") && !err.contains("a.md~"), "{err}");
}

#[test]
fn serve_warns_about_non_loopback_binds_and_rejects_bad_addresses() {
    let site = Site::new();
    let mut open = site.spawn(&["serve", "--bind", "0.0.0.0", "--port", "0"]);
    let port = open.port();
    open.wait_stderr("other machines on your network");
    assert_eq!(get(port, "/").status, 200);

    let mut bad = site.spawn(&["serve", "--bind", "localhost:80", "--port", "0"]);
    let status = bad.wait_exit();
    assert_eq!(status.code(), Some(2));
    assert!(bad.stderr().contains("--bind"), "{}", bad.stderr());
}

/// serve keeps its preview in memory: folders another user put in TMPDIR (one named like a
/// preview folder, a symlink to one of your folders) are never used or touched, even by a
/// rebuild of the whole site, and the page served is the site's.
#[cfg(unix)]
#[test]
fn serve_uses_no_shared_folder_another_user_could_take_over() {
    let site = Site::new();
    let tmp = site.tmp();
    let yours = site.dir.path().join("yours");
    std::fs::create_dir_all(&yours).expect("your folder");
    std::fs::write(yours.join("thesis.txt"), "keep").expect("your file");
    std::fs::create_dir_all(tmp.join("careers-serve-1/site")).expect("decoy");
    std::fs::write(
        tmp.join("careers-serve-1/site/index.html"),
        "<script>evil</script>",
    )
    .expect("decoy page");
    std::os::unix::fs::symlink(&yours, tmp.join("careers-serve-2")).expect("symlink");
    let before = crate::common::snapshot(&tmp);
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let good = read(&site.path("content/site.yaml")).expect("site.yaml");
    site.write("content/site.yaml", &format!("{good}\n# a full rebuild\n"));
    proc.wait_for("the rebuild", |p| {
        p.stderr().contains("Rebuilt").then_some(())
    });
    let page = get(port, "/");
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("evil"), "the decoy was served");
    assert!(page.body.contains("/jobs/a/"), "the site's own index");
    assert_eq!(crate::common::snapshot(&tmp), before, "TMPDIR was touched");
    assert_eq!(
        std::fs::read_to_string(yours.join("thesis.txt")).expect("your file"),
        "keep"
    );
}
