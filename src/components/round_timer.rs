use yew::prelude::*;

use super::button;
use crate::hooks::{clock_time, keep, now_ms, stored, use_ticking};
use crate::state::{use_texts, use_widget, Kept};
use spasm_core::coach::{countdown, CoachState, RoundStatus, Therapy};
use spasm_core::i18n::fill;

#[derive(Properties, PartialEq)]
pub struct RoundTimerProps {
    /// Which therapy fits now, from the onset.
    pub therapy: Therapy,
}

/// An ice or heat round with start, pause, resume and stop, a visible countdown, an announcement
/// when it ends, and the time the next round is allowed. On a practice site a reload resumes the
/// round (sessionStorage); in kiosk mode nothing is stored.
#[function_component]
pub fn RoundTimer(props: &RoundTimerProps) -> Html {
    let widget = use_widget();
    let t = use_texts();
    let timing = widget.config.timing;
    // Kept beside the widget's own session (each widget on a page has its own), never in kiosk mode.
    let key = widget.kept_key(Kept::CoachRound);
    let state = {
        let key = key.clone();
        use_state(move || key.and_then(|k| CoachState::decode(&stored(&k)?)).unwrap_or_default())
    };
    let running = state.round.is_some_and(|r| matches!(r.status(now_ms(), timing), RoundStatus::Running { .. }));
    let now = use_ticking(running, 250);
    use_effect_with(*state, move |s| {
        if let Some(key) = key {
            keep(&key, Some(s.encode()));
        }
    });

    let status = state.round.map(|r| r.status(now, timing));
    let last_end = state.last_ended(now, timing);
    let note = use_state(|| None::<String>);
    // Each control computes the next state from the current one and the clock, and what to say
    // (why not, when it cannot).
    let update = |change: Box<dyn Fn(CoachState, i64) -> (CoachState, Option<String>)>| {
        let state = state.clone();
        let note = note.clone();
        Callback::from(move |_| {
            let (next, message) = change(*state, now_ms());
            note.set(message);
            state.set(next);
        })
    };
    let therapy = props.therapy;
    let start = update(Box::new(move |s, now| match s.start_round(therapy, now, timing) {
        Ok(next) => (next, None),
        Err((kept, next_at)) => (kept, Some(fill(t.skin_rest, &[("time", &clock_time(t, next_at))]))),
    }));
    let pause = update(Box::new(|s, now| (CoachState { round: s.round.map(|r| r.pause(now)), ..s }, None)));
    let resume = update(Box::new(|s, now| (CoachState { round: s.round.map(|r| r.resume(now)), ..s }, None)));
    let stop = update(Box::new(move |s, now| {
        // A round stopped within its first minute is no round: no rest is owed for it.
        let ended = s.round.and_then(|r| match r.stop(now, timing)? {
            RoundStatus::Finished { ended_at, .. } => Some(ended_at),
            _ => Some(now),
        });
        (CoachState { round: None, last_ended_at: ended.or(s.last_ended_at), ..s }, None)
    }));

    let current = state.round.map_or(props.therapy, |r| r.therapy);
    let therapy = t.therapy_names[current.index()];
    let minutes = timing.round_ms / 60_000;
    let (shown, controls, announcement) = match status {
        Some(RoundStatus::Running { remaining_ms }) => (
            countdown(remaining_ms),
            html! { <>
                { button("st-primary", t.pause.into(), pause) }
                { button("st-secondary", t.stop.into(), stop) }
            </> },
            String::new(),
        ),
        Some(RoundStatus::Paused { remaining_ms }) => (
            countdown(remaining_ms),
            html! { <>
                { button("st-primary", t.resume.into(), resume) }
                { button("st-secondary", t.stop.into(), stop) }
            </> },
            fill(t.paused_left, &[("time", &countdown(remaining_ms))]),
        ),
        _ => {
            let done = last_end.map(|end| fill(t.round_done, &[("therapy", therapy), ("time", &clock_time(t, end + timing.gap_ms))]));
            (countdown(timing.round_ms), button("st-primary", t.start_round[current.index()].into(), start), done.unwrap_or_default())
        }
    };
    html! {
        <div class="st-timer">
            <p class="st-countdown" role="timer" aria-label={fill(t.time_left, &[("therapy", therapy)])}>{ shown }</p>
            <p class="st-muted">{ fill(t.round_rule, &[("minutes", &minutes.to_string())]) }</p>
            <div class="st-nav">{ controls }</div>
            <p class="st-announce" role="status">{ announcement }</p>
            if let Some(message) = &*note {
                <p class="st-alert" role="alert">{ message.clone() }</p>
            }
        </div>
    }
}
