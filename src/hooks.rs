//! What the views need from the browser, with no widget state in it: the clock, timers that cannot
//! leak, the tab's sessionStorage, and the browser's languages. (The widget's state and its hooks
//! are in [`crate::state`].)

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use spasm_core::i18n::Texts;

/// Milliseconds since the Unix epoch, from the browser's clock (0 when prerendering the first
/// screen natively, where there is no browser: see `src/bin/spasm-prerender.rs`).
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    0
}

/// The current time, re-rendering the component every `period_ms` while `active`. The interval
/// lives in a ref and is dropped (so cancelled) when `active` turns false and on unmount: a reset,
/// Start over or a closed widget leaves no timer behind. Components compute what they show from
/// timestamps, never by counting ticks, so a throttled tab cannot make them wrong.
#[hook]
pub fn use_ticking(active: bool, period_ms: u32) -> i64 {
    let now = use_state(now_ms);
    let interval: Rc<RefCell<Option<Interval>>> = use_mut_ref(|| None);
    {
        let now = now.clone();
        use_effect_with(active, move |active| {
            if *active {
                now.set(now_ms());
                let tick = now.clone();
                *interval.borrow_mut() = Some(Interval::new(period_ms, move || tick.set(now_ms())));
            }
            move || {
                interval.borrow_mut().take();
            }
        });
    }
    *now
}

/// "4:15 PM" (or "16:15") for a timestamp, in the device's time zone.
pub fn clock_time(t: &Texts, ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    t.clock(date.get_hours(), date.get_minutes())
}

/// "November 21, 2026, 3:40 PM" (or "21 de noviembre de 2026, 15:40") for a timestamp, in the device's time zone.
pub fn date_time(t: &Texts, ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    t.date_time(date.get_full_year(), date.get_month(), date.get_date(), date.get_hours(), date.get_minutes())
}

/// The tab's sessionStorage, if the browser lets the widget use it (none when prerendering).
fn session_storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()?.session_storage().ok().flatten();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// What sessionStorage holds under `key`, if anything.
pub fn stored(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` in sessionStorage under `key`, or removes it when there is nothing to keep.
pub fn keep(key: &str, value: Option<String>) {
    if let Some(storage) = session_storage() {
        match value {
            Some(value) => storage.set_item(key, &value).ok(),
            None => storage.remove_item(key).ok(),
        };
    }
}

/// The browser's preferred languages, most preferred first (none when prerendering natively: the
/// prerendered screens name their language).
pub fn browser_languages() -> Vec<String> {
    #[cfg(not(target_arch = "wasm32"))]
    return Vec::new();
    #[cfg(target_arch = "wasm32")]
    {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
        let mut tags: Vec<String> = navigator.languages().iter().filter_map(|l| l.as_string()).collect();
        if tags.is_empty() {
            tags.extend(navigator.language());
        }
        tags
    }
}
