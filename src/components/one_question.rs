use yew::prelude::*;

use super::{action_button, answer_buttons, emergency_line, progress, question_words, ANSWER_ORDER};
use crate::state::{send, use_texts, use_widget};
use spasm_core::ids::AgeBand;
use spasm_core::questionnaire::{Duration, Field};
use spasm_core::session::Action;

/// A page of one question: each answer a big button that answers and moves on (so a "yes" to a
/// warning sign shows the advice at once), the answer chosen before pressed.
#[function_component]
pub fn OneQuestion() -> Html {
    let state = &use_widget();
    let t = use_texts();
    let Some(field) = state.session.page().and_then(|(_, page)| page.single()) else { return html! {} };
    let r = &state.session.responses;
    let (question, why) = question_words(t, field);
    let options: Vec<(&'static str, bool, Callback<MouseEvent>)> = match field {
        Field::Finding(f) => {
            ANSWER_ORDER.iter().map(|a| (t.answer(*a), r.finding(f) == Some(*a), send(state, Action::Answer(f, *a)))).collect()
        }
        Field::Context(c) => {
            ANSWER_ORDER.iter().map(|a| (t.answer(*a), r.context(c) == Some(*a), send(state, Action::SetContext(c, *a)))).collect()
        }
        Field::Age => AgeBand::ALL.iter().map(|a| (t.age_bands[a.index()], r.age == Some(*a), send(state, Action::SetAge(*a)))).collect(),
        Field::Duration => Duration::ALL
            .iter()
            .map(|d| {
                let (state, d) = (state.clone(), *d);
                // The time of the tap: the self-care guide dates the spasms from it.
                let onclick = Callback::from(move |_| state.dispatch(Action::SetDuration(d, crate::hooks::now_ms()).into()));
                (t.durations[d.index()], r.duration == Some(d), onclick)
            })
            .collect(),
        Field::Factors => Vec::new(),
    };
    html! {
        <section class="st-screen" aria-labelledby="st-question">
            { progress(&state.session, t) }
            <h2 id="st-question" data-focus-heading="" tabindex="-1">{ question }</h2>
            if let Some(why) = why {
                <p class="st-why" id="st-why"><strong>{ t.why_we_ask }{ " " }</strong>{ why }</p>
            }
            { answer_buttons("st-question", why.map(|_| "st-why"), options) }
            { action_button(state, "st-secondary", t.back, Action::Back) }
            { emergency_line(&state.config, t) }
        </section>
    }
}
