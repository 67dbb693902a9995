//! Mounting the widget into a host element: inside a shadow root, styled by constructable
//! stylesheets (allowed under a strict Content-Security-Policy, unlike `<style>`), configured from
//! the host's `data-*` attributes, and announcing each result to the host page with an event that
//! carries the level only. A failure shows a message inside the widget, never over the host page.
//! Each mounted widget has an id, so the loader can unmount it when its element leaves the page.

use std::cell::{Cell, RefCell};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot};
use yew::{AppHandle, Callback};

use crate::app::{App, AppProps};
use spasm_core::config::{Config, Warning};
use spasm_core::ids::Level;

/// The event a host page can listen for: `detail.level` is the level id, and nothing else.
pub const RESULT_EVENT: &str = "spasm-triage:result";

/// A mounted widget: the id the loader unmounts it by, its root, its app (kept alive until then),
/// and what it says if the widget fails, in its language with its emergency number.
struct Mounted {
    id: u32,
    root: Element,
    /// None until its first render, a task after [`mount`] (see there).
    app: Option<AppHandle<App>>,
    failure: String,
}

thread_local! {
    /// Every mounted widget, so a panic can show its message in each of them and apps live on.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// The next widget's id.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Mounts a widget configured by `host`'s `data-*` attributes into `container`, inside the shadow
/// root the loader made (bad attributes are ignored with a console warning each), and returns the
/// id to [`unmount`] it by. `key` is where it may keep the patient's answers in sessionStorage
/// (the loader names it: see `storageKey` in loader/spasm-triage.js), if the configuration lets it.
/// On the standalone `page`, the loader has copied the page's query parameters (`?mode=kiosk`:
/// [`spasm_core::config::QUERY_PARAMETERS`]) onto the element as its attributes, the address's
/// fragment may hold a hand-off summary, and hand-off links point at the page; in an embed they
/// point at `base`, the folder the widget's files are served from.
pub fn mount(host: &Element, container: &Element, base: Option<String>, key: Option<String>, page: bool) -> u32 {
    let (handoff, page_url) = match web_sys::window().map(|w| w.location()) {
        Some(location) if page => {
            let hash = location.hash().unwrap_or_default();
            (
                (hash.len() > 1).then(|| spasm_core::handoff::Summary::decode(&hash)),
                Some(location.origin().unwrap_or_default() + &location.pathname().unwrap_or_default()),
            )
        }
        _ => (None, base),
    };
    mount_with(host, container, handoff, page_url, key, page)
}

/// Unmounts the widget mounted with `id`: its app is destroyed (every effect's cleanup runs, so its
/// timers and listeners stop, and what it drew goes), and a panic no longer writes into its root.
/// An id that is not mounted (any more) is ignored.
pub fn unmount(id: u32) {
    let gone = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let index = mounted.iter().position(|w| w.id == id)?;
        Some(mounted.remove(index))
    });
    // Outside the borrow: destroying runs the app's cleanups, which must not find it taken.
    if let Some(app) = gone.and_then(|widget| widget.app) {
        app.destroy();
    }
}

fn mount_with(
    host: &Element,
    container: &Element,
    handoff: Option<Result<spasm_core::handoff::Summary, spasm_core::handoff::HandoffError>>,
    page_url: Option<String>,
    key: Option<String>,
    history: bool,
) -> u32 {
    install_panic_message();
    let attributes: Vec<(String, String)> = host
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .map(|name| {
            let value = host.get_attribute(&name).unwrap_or_default();
            (name, value)
        })
        .collect();
    let (mut config, mut warnings) = Config::from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    // The core checks the booking address's form; only the browser knows whether it can open it
    // (`https://example.org:99999/` passes the first and would be a dead link).
    if config.booking_url.as_deref().is_some_and(|url| web_sys::Url::new(url).is_err()) {
        config.booking_url = None;
        warnings.push(Warning { attribute: "data-booking-url".into(), problem: CANNOT_OPEN });
    }
    for warning in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&warning.to_string()));
    }
    if let (Some(root), Some(accent)) = (container.get_root_node().dyn_ref::<ShadowRoot>(), &config.accent) {
        adopt_accent(root, accent);
    }
    let event_target = host.clone();
    let on_result = Callback::from(move |level: Level| announce_result(&event_target, level));
    // Each widget on a page keeps its own session across a reload (not in kiosk mode).
    // The failure note in the language the widget starts in, with its emergency number.
    let languages = crate::hooks::browser_languages();
    let t = spasm_core::i18n::Lang::negotiate(config.lang, languages.iter().map(String::as_str)).texts();
    let failure = format!("{} {}", t.crash, config.fill(t.interview_emergency));
    // The app keeps the answers under `key` only if the configuration lets it (`Config::persist`).
    let props = AppProps { config, on_result: Some(on_result), storage_key: key, handoff, page_url, history };
    let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
    MOUNTED.with(|m| m.borrow_mut().push(Mounted { id, root: container.clone(), app: None, failure }));
    // The first render (which replaces the loader's first screen in the same task, so nothing is
    // painted between) in a task of its own: reading the configuration and rendering, each with
    // the wasm compiling its code on first use, were one long task that blocked the page (issue 19).
    let root = container.clone();
    gloo_timers::callback::Timeout::new(0, move || {
        MOUNTED.with(|m| {
            // Not if it was unmounted meanwhile.
            if let Some(widget) = m.borrow_mut().iter_mut().find(|w| w.id == id) {
                widget.app = Some(yew::Renderer::<App>::with_root_and_props(root, props).render());
            }
        });
    })
    .forget();
    #[cfg(feature = "crash-test")]
    if host.has_attribute("data-crash-test") {
        // After every widget of the page has mounted (the loader mounts them one task each).
        fn crash() {
            panic!("crash-test: a panic on purpose");
        }
        let crash = wasm_bindgen::closure::Closure::once_into_js(crash);
        web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(crash.unchecked_ref(), 200));
    }
    id
}

/// The practice's accent colour, as a stylesheet added to the ones the loader adopted (the widget's
/// own styles, which it carries).
fn adopt_accent(root: &ShadowRoot, accent: &str) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
    // The accent was validated as #rrggbb, so it cannot break out of the rule.
    if sheet.replace_sync(&format!(".st-root{{--st-accent:{accent}}}")).is_err() {
        return;
    }
    let key = JsValue::from_str("adoptedStyleSheets");
    let sheets = js_sys::Reflect::get(root, &key).ok().filter(js_sys::Array::is_array).map(|v| js_sys::Array::from(&v));
    let sheets = sheets.unwrap_or_default();
    sheets.push(&sheet);
    js_sys::Reflect::set(root, &key, &sheets).ok();
}

fn announce_result(host: &Element, level: Level) {
    announce(host, RESULT_EVENT, "level", level.id());
}

/// Tells the host page `event`, with `detail.key` = `value` and nothing else (no health data).
fn announce(host: &Element, event: &str, key: &str, value: &str) {
    let detail = js_sys::Object::new();
    js_sys::Reflect::set(&detail, &JsValue::from_str(key), &JsValue::from_str(value)).ok();
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(event, &init) {
        host.dispatch_event(&event).ok();
    }
}

/// On a panic, replace each widget's own content (never the host page) with its failure note, then
/// log the panic. Installed through Yew, whose renderer would otherwise put its own hook in place of
/// ours when the first app renders. With `panic = "abort"` the widget stops after this hook: the
/// note, which repeats the emergency advice, is all the patient has, so it must be there.
fn install_panic_message() {
    thread_local!(static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        let notes: Vec<(Element, String)> = MOUNTED
            .try_with(|m| m.try_borrow().map(|m| m.iter().map(|w| (w.root.clone(), w.failure.clone())).collect()).unwrap_or_default())
            .unwrap_or_default();
        for (root, failure) in notes {
            root.set_text_content(None);
            if let Some(note) = root.owner_document().and_then(|d| d.create_element("p").ok()) {
                note.set_class_name("st-root st-error");
                note.set_attribute("role", "alert").ok();
                note.set_text_content(Some(&failure));
                root.append_child(&note).ok();
            }
            // And the host page hears of it, as of a widget that could not load (the loader's event).
            if let Some(host) = root.get_root_node().dyn_ref::<ShadowRoot>().map(ShadowRoot::host) {
                announce(&host, "spasm-triage:error", "reason", "crashed");
            }
        }
        console_error_panic_hook::hook(info);
    }));
}

/// What the widget says of a booking address whose form the core takes but the browser cannot open
/// (the set-up page shows the same words). At the end of the file: lines moved above change the
/// patient's wasm (panic locations).
pub const CANNOT_OPEN: &str = "the browser cannot open this address";

/// [`adopt_accent`] for the set-up page (`src/preview.rs`). Only with the cargo feature `setup`:
/// made public itself, `adopt_accent` changed the patient's wasm.
#[cfg(feature = "setup")]
pub(crate) fn adopt_accent_for_setup(root: &ShadowRoot, accent: &str) {
    adopt_accent(root, accent);
}
