use yew::prelude::*;

use super::{action_button, emergency_line};
use crate::state::{send, use_texts, use_widget};
use spasm_core::i18n::fill;
use spasm_core::ids::{Answer, Factor};
use spasm_core::questionnaire::{Field, PageTitle};
use spasm_core::session::Action;

/// Every answer, page by page, each page with a Change button; then See my result.
#[function_component]
pub fn ReviewAnswers() -> Html {
    let state = &use_widget();
    let t = use_texts();
    let r = &state.session.responses;
    let shown = |a: Option<Answer>| a.map_or(t.not_answered, |a| t.answer(a));
    let rows = |field: &Field| -> Html {
        // Each question as asked (the factors under their page's title), and the answer.
        let (question, answer): (&str, String) = match field {
            Field::Finding(f) => (t.finding(*f).question, shown(r.finding(*f)).into()),
            Field::Duration => (t.duration_question, r.duration.map_or(t.not_answered, |d| t.durations[d.index()]).into()),
            Field::Context(c) => (t.context_question(*c).0, shown(r.context(*c)).into()),
            Field::Age => (t.age_question, r.age.map_or(t.not_answered, |a| t.age_bands[a.index()]).into()),
            Field::Factors => {
                let chosen: Vec<&str> = Factor::ALL.iter().filter(|f| r.factor(**f)).map(|f| t.factor(*f).label).collect();
                (t.page_titles[PageTitle::LedToIt.index()], if chosen.is_empty() { t.none_chosen.into() } else { chosen.join("; ") })
            }
        };
        html! { <div class="st-review-row"><dt>{ question }</dt><dd>{ answer }</dd></div> }
    };
    // The pages this patient was asked: those that apply and have an answer (the interview may
    // have ended before the last ones), and the contributing factors.
    let asked = |page: &&spasm_core::questionnaire::Page| {
        r.page_applies(page) && page.fields.iter().any(|f| *f == Field::Factors || (r.applies(*f) && r.answered(*f)))
    };
    let sections = state.session.pages().iter().enumerate().filter(|(_, page)| asked(page)).map(|(n, page)| {
        let edit = send(state, Action::Edit(n));
        let what = match page.single() {
            Some(field) => super::question_words(t, field).0,
            None => t.page_titles[page.title.index()],
        };
        let label = fill(t.change_label, &[("what", what)]);
        html! {
            <li class="st-review-page">
                <dl>{ for page.fields.iter().filter(|f| r.applies(**f)).map(rows) }</dl>
                <button type="button" class="st-link-button" aria-label={label} onclick={edit}>{ t.change }</button>
            </li>
        }
    });
    html! {
        <section class="st-screen">
            <h2 data-focus-heading="" tabindex="-1">{ t.review_title }</h2>
            <p>{ t.review_lead }</p>
            <ul class="st-review">{ for sections }</ul>
            <div class="st-nav">
                { action_button(state, "st-primary", t.see_result, Action::SeeResult) }
                { action_button(state, "st-secondary", t.back, Action::Back) }
            </div>
            { emergency_line(&state.config, t) }
        </section>
    }
}
