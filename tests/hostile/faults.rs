//! Output safety under faults: a build killed midway, a read-only or full disk, and two
//! builds at once. In every case the previous output stays exactly as it was.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common;
use crate::hostile::Site;

/// Adds `n` postings with some body text, so a build takes a while to write.
fn add_postings(site: &Site, n: usize) {
    let body = "We build robots that sort parcels. You will design, test and ship. ".repeat(60);
    for i in 0..n {
        site.write(
            &format!("content/jobs/generated-{i:04}.md"),
            format!(
                "---\ntitle: Engineer {i}\ndepartment: Team {}\nemployment_type: full_time\nlocations: [{{city: City {}, country: DE}}]\ndate_posted: 2026-10-01\nevergreen: true\n---\n{body}\n",
                i % 17,
                i % 23
            ),
        );
    }
}

fn careers_build(site: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", "--site", site.to_str().expect("utf8 path")];
    args.extend_from_slice(extra);
    common::careers(&args)
}

/// Names of careers' own leftovers (staging, moved-aside, lock) in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".careers-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_killed_while_writing_leaves_the_previous_output_and_the_next_build_cleans_up() {
    let site = Site::new();
    assert_eq!(careers_build(site.root(), &[]).status.code(), Some(0));
    let before = common::snapshot(&site.path("public"));
    add_postings(&site, 1500);
    let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args([
            "build",
            "--site",
            site.root().to_str().expect("utf8"),
            "--quiet",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn careers build");
    // Wait (bounded by the build itself) until the staging folder holds some pages.
    let killed = loop {
        let staging = leftovers(site.root())
            .into_iter()
            .find(|n| n.starts_with(".careers-staging-"));
        if let Some(name) = staging
            && site.path(&name).join("jobs").is_dir()
        {
            child.kill().expect("SIGKILL the build");
            break true;
        }
        if child.try_wait().expect("poll").is_some() {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    child.wait().expect("reap");
    assert!(
        killed,
        "the build finished before it could be killed; make the site bigger"
    );
    assert!(
        leftovers(site.root())
            .iter()
            .any(|n| n.starts_with(".careers-staging-public-")),
        "the killed build left its staging folder"
    );
    assert_eq!(
        common::snapshot(&site.path("public")),
        before,
        "previous output changed"
    );

    let out = careers_build(site.root(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(
        leftovers(site.root()).is_empty(),
        "{:?}",
        leftovers(site.root())
    );
    assert!(site.path("public/jobs/generated-1499/index.html").is_file());
}

#[test]
fn an_output_moved_aside_just_before_a_kill_is_put_back() {
    let site = Site::new();
    site.build();
    let before = common::snapshot(&site.path("public"));
    // What a build killed between its two renames leaves: no output, the old one aside.
    let aside = site.path(".careers-old-.careers-staging-public-4000000-17");
    std::fs::rename(site.path("public"), &aside).expect("move aside");
    std::fs::create_dir(site.path(".careers-staging-public-4000000-18")).expect("staging");
    let staging = careers::output::Staging::create(&site.path("public")).expect("staging");
    drop(staging);
    assert_eq!(common::snapshot(&site.path("public")), before);
    assert!(
        leftovers(site.root()).is_empty(),
        "{:?}",
        leftovers(site.root())
    );
}

/// A tiny tmpfs mounted at a temp folder (needs root and a working `mount`), unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs { dir })
    }

    fn read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.dir.path())
            .status()
            .expect("remount");
        assert!(status.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_a_clear_error_and_the_previous_output_stays() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new();
    let disk = Tmpfs::mount("8m");
    let parent = match &disk {
        Some(t) => t.dir.path().to_path_buf(),
        None => site.path("out"),
    };
    std::fs::create_dir_all(&parent).expect("parent");
    let output = parent.join("public");
    let output_arg = output.to_str().expect("utf8");
    assert_eq!(
        careers_build(site.root(), &["--output", output_arg])
            .status
            .code(),
        Some(0)
    );
    let before = common::snapshot(&output);
    match &disk {
        Some(t) => t.read_only(),
        None => std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o555))
            .expect("chmod"),
    }
    let out = careers_build(site.root(), &["--output", output_arg]);
    let err = common::stderr(&out);
    if disk.is_none() {
        let _ = std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o755));
    }
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: cannot "), "{err}");
    assert!(
        err.contains("Read-only file system") || err.contains("Permission denied"),
        "{err}"
    );
    assert_eq!(common::snapshot(&output), before);
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_a_clear_error_and_the_previous_output_stays() {
    let Some(disk) = Tmpfs::mount("1m") else {
        eprintln!("skipped: a full disk is simulated with a tmpfs, which needs root and mount");
        return;
    };
    let site = Site::new();
    let output = disk.dir.path().join("public");
    let output_arg = output.to_str().expect("utf8");
    assert_eq!(
        careers_build(site.root(), &["--output", output_arg])
            .status
            .code(),
        Some(0)
    );
    let before = common::snapshot(&output);
    site.write(
        "content/jobs/huge.md",
        format!(
            "---\ntitle: Huge\ndepartment: D\nemployment_type: full_time\nlocations: [{{city: B, country: DE}}]\ndate_posted: 2026-10-01\nevergreen: true\n---\n{}\n",
            "word ".repeat(400_000)
        ),
    );
    let out = careers_build(site.root(), &["--output", output_arg]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: cannot write "), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(
        err.contains(output_arg),
        "the output folder is named: {err}"
    );
    assert_eq!(common::snapshot(&output), before);
    assert!(
        leftovers(disk.dir.path()).is_empty(),
        "{:?}",
        leftovers(disk.dir.path())
    );
}

#[test]
fn a_second_build_on_the_same_output_waits_for_nobody_and_says_why() {
    let site = Site::new();
    site.build();
    let before = common::snapshot(&site.path("public"));
    let held = careers::output::lock(&site.path("public")).expect("take the lock");
    let out = careers_build(site.root(), &[]);
    let public = site.path("public").canonicalize().expect("canonical");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        common::stderr(&out),
        format!(
            "error: another careers build is writing {}; wait for it to finish\n",
            public.display()
        )
    );
    assert_eq!(common::snapshot(&site.path("public")), before);
    drop(held);
    assert_eq!(careers_build(site.root(), &[]).status.code(), Some(0));
}

#[test]
fn two_builds_started_at_once_leave_one_complete_site() {
    let site = Site::new();
    add_postings(&site, 200);
    let reference = tempfile::tempdir().expect("reference");
    let ref_out = reference.path().join("site");
    let out = careers_build(site.root(), &["--output", ref_out.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0));
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_careers"))
            .args([
                "build",
                "--quiet",
                "--site",
                site.root().to_str().expect("utf8"),
            ])
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (a, b) = (spawn(), spawn());
    let results = [
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    ];
    let codes: Vec<_> = results.iter().map(|o| o.status.code()).collect();
    assert!(codes.contains(&Some(0)), "{codes:?}");
    for out in &results {
        match out.status.code() {
            Some(0) => {}
            Some(2) => assert!(
                common::stderr(out).contains("another careers build is writing"),
                "{}",
                common::stderr(out)
            ),
            other => panic!("unexpected exit {other:?}: {}", common::stderr(out)),
        }
    }
    assert_eq!(
        common::snapshot(&site.path("public")),
        common::snapshot(&ref_out)
    );
    assert!(
        leftovers(site.root()).is_empty(),
        "{:?}",
        leftovers(site.root())
    );
}

/// Ctrl+C while a build writes ends it with one line saying the published site is
/// unchanged (exit code 130), and the site is.
#[cfg(unix)]
#[test]
fn ctrl_c_during_a_build_says_the_published_site_is_unchanged() {
    let site = Site::new();
    assert_eq!(careers_build(site.root(), &[]).status.code(), Some(0));
    let before = common::snapshot(&site.path("public"));
    add_postings(&site, 1500);
    let child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["build", "--site", site.root().to_str().expect("utf8")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn careers build");
    let interrupted = loop {
        let staging = leftovers(site.root())
            .into_iter()
            .any(|n| n.starts_with(".careers-staging-"));
        if staging {
            let pid = child.id().to_string();
            let sent = Command::new("kill").args(["-INT", &pid]).status();
            break sent.is_ok_and(|s| s.success());
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    let out = child.wait_with_output().expect("wait");
    assert!(interrupted, "could not send Ctrl+C");
    assert_eq!(
        out.status.code(),
        Some(130),
        "the build finished before Ctrl+C arrived; make the site bigger"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "interrupted; the published site is unchanged\n"
    );
    assert_eq!(common::snapshot(&site.path("public")), before);
}

/// A read-only output folder (`chmod -R a-w`, its parent writable) for an ordinary user: a
/// clear error before anything is swapped, the previous site as it was and nothing left
/// beside it. Run as root, the build runs as `nobody` (through setpriv), as root ignores
/// permissions.
#[cfg(unix)]
#[test]
fn a_read_only_output_for_an_ordinary_user_is_a_clear_error_and_leaves_nothing() {
    let run_as = |args: &[&str]| {
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout == b"0\n");
        let mut command = match root {
            true => {
                let mut c = Command::new("setpriv");
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
                c.arg(env!("CARGO_BIN_EXE_careers"));
                c
            }
            false => Command::new(env!("CARGO_BIN_EXE_careers")),
        };
        command.args(args).output().expect("run careers build")
    };
    let chmod = |mode: &str, path: &Path| {
        let done = Command::new("chmod").args(["-R", mode]).arg(path).status();
        assert!(done.is_ok_and(|s| s.success()), "chmod {mode}");
    };
    let site = Site::new();
    chmod("a+rwX", site.root());
    let output = site.path("public");
    let args = [
        "build",
        "--site",
        site.root().to_str().expect("utf8"),
        "--output",
        output.to_str().expect("utf8"),
    ];
    let first = run_as(&args);
    assert_eq!(first.status.code(), Some(0), "{}", common::stderr(&first));
    let before = common::snapshot(&output);
    chmod("a-w", &output);
    let out = run_as(&args);
    chmod("u+w", &output);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("error: cannot replace the output: no permission to change "),
        "{err}"
    );
    assert!(err.contains("Permission denied"), "{err}");
    assert_eq!(common::snapshot(&output), before);
    assert!(
        leftovers(site.root()).is_empty(),
        "{:?}",
        leftovers(site.root())
    );
}
