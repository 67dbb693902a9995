use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::{now_ms, use_ticking};
use crate::state::{use_config, use_texts, use_widget};
use spasm_core::coach::countdown;
use spasm_core::i18n::fill;
use spasm_core::ids::Level;
use spasm_core::kiosk::Idle;
use spasm_core::session::{Action, Screen};

#[derive(Properties, PartialEq)]
pub struct KioskGuardProps {
    /// When the patient last touched, pointed, typed or scrolled (the app's root records it).
    pub last_activity: Rc<Cell<i64>>,
}

/// Kiosk mode's idle reset: a "Still there?" prompt with a countdown, then a reset to the attract
/// screen that clears answers, timers, open articles and the scroll position.
#[function_component]
pub fn KioskGuard(props: &KioskGuardProps) -> Html {
    let state = use_widget();
    let config = use_config();
    let t = use_texts();
    let in_use = state.session.screen != Screen::Start;
    let now = use_ticking(in_use, 500);

    // Scrolling the page counts as activity too (scroll events do not reach the widget's root).
    {
        let last = props.last_activity.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on_scroll = Closure::<dyn Fn()>::new(move || last.set(now_ms()));
            if let Some(w) = &window {
                w.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref()).ok();
            }
            move || {
                if let Some(w) = &window {
                    w.remove_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref()).ok();
                }
            }
        });
    }

    // An emergency result counts as activity when it appears, so it stays on screen for at least
    // the idle time and the prompt's countdown, however long ago the last touch was.
    {
        let last = props.last_activity.clone();
        let emergency = state.session.screen == Screen::Result && state.session.outcome().level >= Level::EmergencyDepartment;
        use_effect_with(emergency, move |emergency| {
            if *emergency {
                last.set(now_ms());
            }
        });
    }
    let idle = if in_use { config.idle.state(props.last_activity.get(), now) } else { Idle::Active };
    {
        let state = state.clone();
        let last = props.last_activity.clone();
        use_effect_with(idle == Idle::Reset, move |reset| {
            if *reset {
                state.dispatch(Action::StartOver.into());
                last.set(now_ms());
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    }
    // A native modal dialog: it sits in the top layer, and everything behind it is inert, so
    // neither a screen reader nor the keyboard can wander into the page under it.
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        let prompting = matches!(idle, Idle::Prompt { .. });
        use_effect_with(prompting, move |prompting| {
            if *prompting {
                if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                    if !dialog.open() {
                        dialog.show_modal().ok();
                    }
                }
            }
        });
    }
    match idle {
        Idle::Prompt { remaining_ms } => {
            let last = props.last_activity.clone();
            let stay = {
                let last = last.clone();
                Callback::from(move |_| last.set(now_ms()))
            };
            // Escape means "I'm still here" too, and the dialog stays under the app's control.
            let oncancel = Callback::from(move |e: Event| {
                e.prevent_default();
                last.set(now_ms());
            });
            html! {
                <dialog class="st-kiosk-prompt" ref={dialog} role="alertdialog" {oncancel}
                    aria-labelledby="st-still-there" aria-describedby="st-still-there-text">
                    <h2 id="st-still-there">{ t.still_there }</h2>
                    <p id="st-still-there-text">
                        { fill(t.clearing_in, &[("time", &countdown(remaining_ms))]) }
                    </p>
                    <button type="button" class="st-primary" onclick={stay} autofocus=true>{ t.still_here }</button>
                </dialog>
            }
        }
        _ => html! {},
    }
}
