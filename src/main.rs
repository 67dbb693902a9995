//! Entry point: only mounts. The demo page's widget mounts at start; the embed loader calls
//! [`mount`] for each `<spasm-triage>` element. Everything else is in the library.

use wasm_bindgen::prelude::*;

/// Called by the embed loader: mount a widget configured by `host`'s `data-*` attributes into
/// `container` (inside the shadow root the loader made). `base` is the folder the widget's files
/// (and its standalone page) are served from.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, base: Option<String>) {
    spasm_triage::mount::mount(&host, &container, base);
}

fn main() {
    spasm_triage::mount::mount_by_id("spasm-triage");
}
