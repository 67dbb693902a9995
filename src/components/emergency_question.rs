use yew::prelude::*;

use super::{action_button, emergency_line, ANSWER_ORDER};
use crate::state::{send, use_texts, use_widget};
use spasm_core::i18n::fill;
use spasm_core::session::Action;

/// One warning-sign question on its own page. Each answer is a button that answers and moves on,
/// so a "yes" shows the advice at once.
#[function_component]
pub fn EmergencyQuestion() -> Html {
    let state = &use_widget();
    let t = use_texts();
    let Some(finding) = state.session.page().and_then(|(_, page)| page.single_finding()) else { return html! {} };
    let (n, total) = state.session.warning_progress().unwrap_or_default();
    let words = t.finding(finding);
    let current = state.session.responses.finding(finding);
    let buttons = ANSWER_ORDER.iter().map(|answer| {
        let answer = *answer;
        let onclick = send(state, Action::AnswerAndContinue(finding, answer));
        html! {
            <button type="button" class="st-answer" aria-pressed={if current == Some(answer) { "true" } else { "false" }} {onclick}>
                { t.answer(answer) }
            </button>
        }
    });
    html! {
        <section class="st-screen" aria-labelledby="st-question">
            <p class="st-progress">{ fill(t.warning_progress, &[("n", &n.to_string()), ("total", &total.to_string())]) }</p>
            <h2 id="st-question" data-focus-heading="" tabindex="-1">{ words.question }</h2>
            <p class="st-why" id="st-why"><strong>{ t.why_we_ask }{ " " }</strong>{ words.why }</p>
            <div class="st-answers" role="group" aria-labelledby="st-question" aria-describedby="st-why">
                { for buttons }
            </div>
            { action_button(state, "st-secondary", t.back, Action::Back) }
            { emergency_line(&state.config, t) }
        </section>
    }
}
