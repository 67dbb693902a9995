use yew::prelude::*;

use super::{action_button, answer_buttons, emergency_line, progress, question_words, ANSWER_ORDER};
use crate::state::{use_texts, use_widget};
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
    let options: Vec<(&'static str, bool, Action)> = match field {
        Field::Finding(f) => ANSWER_ORDER.iter().map(|a| (t.answer(*a), r.finding(f) == Some(*a), Action::Answer(f, *a))).collect(),
        Field::Context(c) => ANSWER_ORDER.iter().map(|a| (t.answer(*a), r.context(c) == Some(*a), Action::SetContext(c, *a))).collect(),
        Field::Age => AgeBand::ALL.iter().map(|a| (t.age_bands[a.index()], r.age == Some(*a), Action::SetAge(*a))).collect(),
        // The time is the tap's (see `answer_buttons`).
        Field::Duration => {
            Duration::ALL.iter().map(|d| (t.durations[d.index()], r.duration == Some(*d), Action::SetDuration(*d, 0))).collect()
        }
        Field::Factors => Vec::new(),
    };
    html! {
        <section class="st-screen" aria-labelledby="st-question">
            { progress(&state.session, t) }
            <h2 id="st-question" data-focus-heading="" tabindex="-1">{ question }</h2>
            if let Some(why) = why {
                <p class="st-why" id="st-why"><strong>{ t.why_we_ask }{ " " }</strong>{ why }</p>
            }
            { answer_buttons(state, "st-question", why.map(|_| "st-why"), options) }
            { action_button(state, "st-secondary", t.back, Action::Back) }
            { emergency_line(&state.config, t) }
        </section>
    }
}
