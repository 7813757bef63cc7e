//! Giving a finished stage's memory back without making the build wait for it.
//!
//! Freeing a 10,000-posting build's listing rows (one Tera map per posting) takes 50–70 ms
//! on one core, and its postings, views and bodies go the same way: done where the build
//! is, that is wall time with the other core idle. Done on a thread of its own, the build goes on, and a process
//! that exits next does not wait for it.

/// Frees `value` on a thread of its own, then hands the freed memory back to the OS (so a
/// long-lived process such as `watch` does not keep it resident).
pub fn drop_aside<T: Send + 'static>(value: T) {
    // With no thread to be had, the value was moved into the failed spawn and is freed there.
    let _ = std::thread::Builder::new()
        .name("careers-free".into())
        .spawn(move || {
            drop(value);
            release_freed_memory();
        });
}

/// Hands memory freed by a stage back to the OS: glibc keeps freed small blocks in its
/// arenas, so without this they would still count in the process's resident memory.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own heap; it takes no pointers from us.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    /// Says on a channel, from the thread that drops it, that it was dropped.
    struct Tell(mpsc::Sender<std::thread::ThreadId>);

    impl Drop for Tell {
        fn drop(&mut self) {
            let _ = self.0.send(std::thread::current().id());
        }
    }

    #[test]
    fn a_value_dropped_aside_is_freed_on_another_thread() {
        let (send, receive) = mpsc::channel();
        super::drop_aside(Tell(send));
        let dropped_on = receive
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the value is dropped, not leaked");
        assert_ne!(dropped_on, std::thread::current().id());
    }
}
