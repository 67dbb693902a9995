use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::SessionContext;
use crate::coach::countdown;
use crate::config::Config;
use crate::hooks::{now_ms, use_texts, use_ticking};
use crate::i18n::fill;
use crate::kiosk::Idle;
use crate::session::{Action, Screen};

#[derive(Properties, PartialEq)]
pub struct KioskGuardProps {
    /// When the patient last touched, pointed, typed or scrolled (the app's root records it).
    pub last_activity: Rc<Cell<i64>>,
}

/// Kiosk mode's idle reset: a "Still there?" prompt with a countdown, then a reset to the attract
/// screen that clears answers, timers, open articles and the scroll position.
#[function_component]
pub fn KioskGuard(props: &KioskGuardProps) -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let config = use_context::<Config>().unwrap_or_default();
    let t = use_texts();
    let in_use = session.0.screen != Screen::Start;
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

    let state = if in_use { config.idle.state(props.last_activity.get(), now) } else { Idle::Active };
    {
        let session = session.clone();
        let last = props.last_activity.clone();
        use_effect_with(state == Idle::Reset, move |reset| {
            if *reset {
                session.dispatch(Action::StartOver);
                last.set(now_ms());
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    }
    let still_here = use_node_ref();
    {
        let still_here = still_here.clone();
        let prompting = matches!(state, Idle::Prompt { .. });
        use_effect_with(prompting, move |prompting| {
            if *prompting {
                if let Some(button) = still_here.cast::<web_sys::HtmlElement>() {
                    button.focus().ok();
                }
            }
        });
    }
    match state {
        Idle::Prompt { remaining_ms } => {
            let last = props.last_activity.clone();
            let stay = Callback::from(move |_| last.set(now_ms()));
            html! {
                <div class="st-kiosk-prompt" role="alertdialog" aria-modal="true"
                    aria-labelledby="st-still-there" aria-describedby="st-still-there-text">
                    <div class="st-kiosk-prompt-box">
                        <h2 id="st-still-there">{ t.still_there }</h2>
                        <p id="st-still-there-text">
                            { fill(t.clearing_in, &[("time", &countdown(remaining_ms))]) }
                        </p>
                        <button type="button" class="st-primary" ref={still_here} onclick={stay}>{ t.still_here }</button>
                    </div>
                </div>
            }
        }
        _ => html! {},
    }
}
