//! Ctrl+C (SIGINT) and SIGTERM as an ordinary message, so watch and serve can stop cleanly.

/// Calls `on_interrupt` once, on a separate thread, when Ctrl+C or SIGTERM arrives; where a
/// handler cannot be installed, the default (the process ends) is kept.
pub fn install<F: FnOnce() + Send + 'static>(on_interrupt: F) {
    let once = std::sync::Mutex::new(Some(on_interrupt));
    let _ = ctrlc::set_handler(move || {
        if let Some(f) = once.lock().ok().and_then(|mut f| f.take()) {
            f();
        }
    });
}
