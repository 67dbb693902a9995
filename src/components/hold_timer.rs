use yew::prelude::*;

use crate::hooks::{now_ms, use_ticking};
use crate::state::{use_config, use_texts};
use spasm_core::coach::countdown;
use spasm_core::i18n::fill;

#[derive(Properties, PartialEq)]
pub struct HoldTimerProps {
    /// The stretch's name, for the button's accessible name.
    pub stretch: AttrValue,
}

/// Counts down one hold of a stretch and counts the holds done.
#[function_component]
pub fn HoldTimer(props: &HoldTimerProps) -> Html {
    let config = use_config();
    let t = use_texts();
    let started = use_state(|| None::<i64>);
    let done = use_state(|| 0u32);
    let holding = started.is_some_and(|s| now_ms() - s < config.hold_ms);
    let now = use_ticking(holding, 250);
    {
        // A hold that has run its time counts once.
        let started = started.clone();
        let done = done.clone();
        let finished = started.is_some_and(|s| now - s >= config.hold_ms);
        use_effect_with(finished, move |finished| {
            if *finished {
                started.set(None);
                done.set(*done + 1);
            }
        });
    }
    let left = started.map(|s| config.hold_ms - (now - s));
    let begin = {
        let started = started.clone();
        Callback::from(move |_| started.set(Some(now_ms())))
    };
    let seconds = (config.hold_ms / 1000).to_string();
    let label = fill(t.start_hold, &[("seconds", &seconds)]);
    html! {
        <div class="st-hold">
            if let Some(left) = left {
                <p class="st-countdown" role="timer">{ countdown(left) }</p>
            } else {
                <button type="button" class="st-secondary" onclick={begin}
                    aria-label={format!("{label}: {}", props.stretch)}>
                    { label }
                </button>
            }
            <p class="st-announce" role="status">
                { if *done == 0 { String::new() } else { fill(t.holds_done, &[("n", &done.to_string())]) } }
            </p>
        </div>
    }
}
