//! Ctrl+C (SIGINT) and SIGTERM as an ordinary message, so watch and serve can stop cleanly.
//!
//! On Unix the signals are blocked in the calling thread and every thread started after it,
//! and one thread waits for them with `sigwait`; no signal handler and no global state.
//! [`install`] must therefore run before any other thread is started. Child processes
//! started with `std::process::Command` get a clean signal mask from std. Elsewhere the
//! default behaviour (the process ends) is kept.

/// Calls `on_interrupt` once, on a separate thread, when SIGINT or SIGTERM arrives.
#[cfg(unix)]
pub fn install<F: FnOnce() + Send + 'static>(on_interrupt: F) {
    // SAFETY: plain calls on a local, zero-initialised sigset_t; no handler is installed.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::sigaddset(&mut set, libc::SIGTERM);
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        set
    };
    let spawned = std::thread::Builder::new()
        .name("careers-interrupt".into())
        .spawn(move || {
            let mut signal: libc::c_int = 0;
            // SAFETY: `set` is a valid, initialised signal set owned by this thread.
            while unsafe { libc::sigwait(&set, &mut signal) } != 0 {}
            on_interrupt();
        });
    if spawned.is_err() {
        // Without the waiting thread, restore the default so Ctrl+C still ends the process.
        // SAFETY: as above.
        unsafe {
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        }
    }
}

/// Calls `on_interrupt` once when the process is interrupted (not supported here: no-op).
#[cfg(not(unix))]
pub fn install<F: FnOnce() + Send + 'static>(_on_interrupt: F) {}
