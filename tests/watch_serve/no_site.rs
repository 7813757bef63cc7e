//! `serve`, `watch` and `check` in a folder that is not a site: each exits 2 at once with
//! the same message, naming the absolute path (and the site folder, from inside content/).

use std::process::Command;

use super::support::TIMEOUT;

/// Runs `careers <command>` in `dir` (no --site) and returns its exit code and stderr.
fn run_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start careers");
    let started = std::time::Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("careers {args:?} kept running in a folder that is not a site");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), text)
}

#[test]
fn serve_and_watch_outside_a_site_exit_2_with_the_check_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = std::fs::canonicalize(tmp.path()).expect("canonical");
    let (code, check) = run_in(&dir, &["check"]);
    assert_eq!(code, Some(2), "{check}");
    let expected = format!("{} is not a careers site", dir.display());
    assert!(check.contains(&expected), "{check}");
    for command in [&["serve", "--port", "0"][..], &["watch"][..]] {
        let (code, text) = run_in(&dir, command);
        assert_eq!(code, Some(2), "{command:?}: {text}");
        assert_eq!(text, check, "{command:?} says what check says");
    }
}

#[test]
fn inside_content_the_site_folder_is_suggested() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = std::fs::canonicalize(tmp.path()).expect("canonical");
    std::fs::create_dir(site.join("content")).expect("mkdir");
    std::fs::write(site.join("content/site.yaml"), "title: x\n").expect("write");
    for command in [
        &["check"][..],
        &["serve", "--port", "0"][..],
        &["watch"][..],
    ] {
        let (code, text) = run_in(&site.join("content"), command);
        assert_eq!(code, Some(2), "{command:?}: {text}");
        let hint = format!("run the command in {}", site.display());
        assert!(text.contains(&hint), "{command:?}: {text}");
    }
}
