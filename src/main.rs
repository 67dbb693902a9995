//! Entry point: only mounts. The loader calls [`mount`] for each `<spasm-triage>` element on a
//! page (the standalone page's too), and [`unmount`] when one leaves it.
//! Everything else is in the library.

use wasm_bindgen::prelude::*;

/// Called by the loader for each `<spasm-triage>` element: mount a widget configured by `host`'s
/// `data-*` attributes into `container` (inside the shadow root the loader made). `base` is the
/// folder the widget's files (and its standalone page) are served from; `key`, where it may keep
/// the patient's answers in sessionStorage; `page`, whether it is the standalone page's widget
/// (index.html's, `id="spasm-triage"`: its address may hold a hand-off summary). Returns the id to
/// [`unmount`] it by.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, base: Option<String>, key: Option<String>, page: bool) -> u32 {
    spasm_triage::mount::mount(&host, &container, base, key, page)
}

/// Called by the embed loader when a `<spasm-triage>` element has left the page: the widget mounted
/// with `id` stops (its timers and listeners with it) and its app is gone.
#[wasm_bindgen]
pub fn unmount(id: u32) {
    spasm_triage::mount::unmount(id);
}

/// Nothing runs on its own: the loader (spasm-triage.js) mounts each widget, the standalone page's
/// included, into the first screen it painted.
fn main() {}
