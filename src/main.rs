//! Entry point: only mounts the app into the demo page. Everything else is in the library.

fn main() {
    if let Some(handle) = spasm_triage::mount::mount_by_id("spasm-triage") {
        // The demo page keeps the widget for its whole life.
        std::mem::forget(handle);
    }
}
