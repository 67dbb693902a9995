//! Entry point: only mounts. The loader calls [`mount`] for each `<spasm-triage>` element on a
//! page ([`mount_page`] for the standalone page's), and [`unmount`] when one leaves it.
//! Everything else is in the library.

use wasm_bindgen::prelude::*;

/// Called by the embed loader: mount a widget configured by `host`'s `data-*` attributes into
/// `container` (inside the shadow root the loader made). `base` is the folder the widget's files
/// (and its standalone page) are served from. `place` is the host's place among the page's
/// `<spasm-triage>` elements without an `id`, in document order (the widget's session is kept under
/// its `id`, else under its place). Returns the id to [`unmount`] it by.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, base: Option<String>, place: u32) -> u32 {
    spasm_triage::mount::mount(&host, &container, base, place)
}

/// Called by the embed loader when a `<spasm-triage>` element has left the page: the widget mounted
/// with `id` stops (its timers and listeners with it) and its app is gone.
#[wasm_bindgen]
pub fn unmount(id: u32) {
    spasm_triage::mount::unmount(id);
}

/// Called by the loader for the standalone page's element (index.html's, which has `data-page`):
/// mount the widget into `container`, configured by the page's address as well (`?mode=kiosk`, a
/// hand-off summary in its fragment). Returns the id to [`unmount`] it by.
#[wasm_bindgen]
pub fn mount_page(host: web_sys::Element, container: web_sys::Element) -> u32 {
    spasm_triage::mount::mount_page(&host, &container)
}

/// Nothing runs on its own: the loader (spasm-triage.js) mounts each widget, the standalone page's
/// included, into the first screen it painted.
fn main() {}
