//! `careers serve`: build into memory, serve it on 127.0.0.1, reload on change.
//!
//! Nothing is written to disk: every build is kept in memory ([`site::Served`]) and replaces
//! the previous one only when it succeeds; the user's output folder is never touched.

mod reload;
mod server;
mod site;

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;

use crate::build::{BuildOptions, Session, Target};
use crate::cli::ServeArgs;
use crate::commands::CommandError;
use crate::console::Console;
use crate::watch::{Outcome, SiteWatcher, WatchEvent, print_changes, rebuild};

/// Runs until interrupted; returns the exit code.
pub fn run(site: &Path, args: &ServeArgs, console: &Console) -> i32 {
    match serve(site, args, console) {
        Ok(()) => 0,
        Err(e) => {
            console.fail(&e.to_string());
            2
        }
    }
}

fn serve(site: &Path, args: &ServeArgs, console: &Console) -> Result<(), CommandError> {
    // Absolute and canonical, so watcher events match it.
    let site = crate::commands::require_site(site)?;
    // First, before any other thread exists: it also takes over Ctrl+C.
    let mut watcher = SiteWatcher::start(&site, args.poll, console)?;
    let ip: IpAddr = args.bind.parse().map_err(|_| {
        CommandError::Refused(format!(
            "--bind {:?} is not an IP address (use 127.0.0.1, or 0.0.0.0 for every interface)",
            args.bind
        ))
    })?;
    if !ip.is_loopback() {
        console.info(&format!(
            "warning: serving on {ip}: other machines on your network can see this preview"
        ));
    }
    let address = SocketAddr::new(ip, args.port);
    let listen = |source| CommandError::Listen { address, source };
    let listener = TcpListener::bind(address).map_err(listen)?;
    let port = listener.local_addr().map_err(listen)?.port();
    let base_url = base_url(ip, port);
    let opts = BuildOptions {
        site_dir: site.clone(),
        output: None,
        base_url: Some(base_url.clone()),
        drafts: args.drafts,
        force: false,
        today: None,
        timings: false,
    };
    let mut session = Session::new(opts, Target::Memory);
    let shared = Arc::new(server::Shared::default());
    // As soon as a build's HTML is made, the new pages are shown and every page reloads;
    // once the build is done (called by `rebuild`), its feeds too.
    let showing = Arc::clone(&shared);
    session.on_visible(move |files| {
        showing.site.replace(files);
        showing.hub.built();
    });
    let reload = |session: &Session| {
        if let Some(files) = session.files() {
            shared.site.replace(files);
        }
    };
    match rebuild(&mut session, &[], console, "Built", &reload) {
        Outcome::Built(_) => {}
        Outcome::ContentErrors(text) => shared.hub.failed(text),
        Outcome::Failed(message) => {
            let why = format!("the site could not be built: {message}");
            return Err(CommandError::Refused(why));
        }
    }
    let accepting = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("careers-accept".into())
        .spawn(move || server::run(listener, accepting))
        .map_err(|e| CommandError::Refused(format!("cannot start the server thread: {e}")))?;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "Serving at {base_url}");
    let _ = stdout.flush();
    drop(stdout);
    console.info("Watching content/ and themes/ for changes (Ctrl+C to stop)");
    if args.open {
        open_browser(&base_url);
    }
    loop {
        match watcher.wait() {
            WatchEvent::Interrupted => {
                console.info("Stopped serving.");
                return Ok(());
            }
            WatchEvent::Changed(list) => {
                print_changes(&list, console);
                match rebuild(&mut session, &list, console, "Rebuilt", &reload) {
                    Outcome::Built(_) => {}
                    Outcome::ContentErrors(text) => shared.hub.failed(text),
                    Outcome::Failed(message) => shared.hub.failed(format!("error: {message}")),
                }
            }
        }
    }
}

/// `http://127.0.0.1:PORT/`; an unspecified bind address (0.0.0.0, ::) means loopback.
fn base_url(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(v4) if v4.is_unspecified() => format!("http://127.0.0.1:{port}/"),
        IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
        IpAddr::V6(v6) if v6.is_unspecified() => format!("http://[::1]:{port}/"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
    }
}

/// Opens `url` in the default browser; failures are ignored (the URL is printed anyway).
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Ok(mut child) = command.spawn() {
        // Reap it in the background so it does not linger as a zombie.
        let _ = std::thread::Builder::new().spawn(move || child.wait());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_uses_loopback_for_unspecified_addresses() {
        let any: IpAddr = "0.0.0.0".parse().expect("ip");
        let v6: IpAddr = "::1".parse().expect("ip");
        assert_eq!(base_url(any, 8080), "http://127.0.0.1:8080/");
        assert_eq!(base_url(v6, 1), "http://[::1]:1/");
    }
}
