use yew::prelude::*;

use super::{action_button, answer_buttons, emergency_line, progress, question_words, ANSWER_ORDER};
use crate::state::{use_texts, use_widget};
use spasm_core::ids::Factor;
use spasm_core::questionnaire::Field;
use spasm_core::session::Action;

/// A page of several `soon` findings ("Do any of these apply to you?"), each with its answers as
/// big buttons, and "None of these"; or the contributing factors as a checklist. Then Next, or
/// "See my result" on the last page, and Back.
#[function_component]
pub fn QuestionPage() -> Html {
    let state = use_widget();
    let t = use_texts();
    let tried = use_state(|| false);
    {
        // A new page starts without the "please answer" note. Called on every render, before any
        // early return, as hooks must be.
        let tried = tried.clone();
        use_effect_with(state.session.page().map(|(index, _)| index), move |_| tried.set(false));
    }
    let Some((index, page)) = state.session.page() else { return html! {} };
    let r = &state.session.responses;
    let missing = *tried && !state.session.can_continue();
    let items = page.fields.iter().filter(|f| r.applies(**f)).map(|field| match *field {
        Field::Finding(f) => {
            let (question, why) = question_words(t, *field);
            let id = format!("st-q{index}-{}", f.index());
            let options = ANSWER_ORDER.iter().map(|a| (t.answer(*a), r.finding(f) == Some(*a), Action::Answer(f, *a))).collect();
            // After a try to go on, a question left unanswered is marked, and says so.
            let unanswered = missing && r.finding(f).is_none();
            html! {
                // (A data attribute, not a class: a class computed at run time costs Yew's class set.)
                <div class="st-item" data-missing={unanswered.then_some("")}>
                    <p class="st-item-question" id={id.clone()}>{ question }</p>
                    if unanswered {
                        <p class="st-alert">{ t.answer_this }</p>
                    }
                    if let Some(why) = why {
                        <p class="st-why">{ why }</p>
                    }
                    { answer_buttons(&state, &id, None, options) }
                </div>
            }
        }
        // The contributing factors: any, or none.
        _ => {
            let boxes = Factor::ALL.iter().map(|f| {
                let (state, f) = (state.clone(), *f);
                let chosen = r.factor(f);
                let onchange = Callback::from(move |_: Event| state.dispatch(Action::SetFactor(f, !chosen).into()));
                let id = format!("st-factor-{}", f.index());
                html! {
                    <label class="st-option" for={id.clone()}>
                        <input type="checkbox" {id} checked={chosen} {onchange} />
                        <span>{ t.factor(f).label }</span>
                    </label>
                }
            });
            html! {
                <fieldset class="st-fieldset" aria-describedby="st-factors-hint">
                    <legend>{ t.factors_question }</legend>
                    <p class="st-why" id="st-factors-hint">{ t.factors_hint }</p>
                    <div class="st-options">{ for boxes }</div>
                </fieldset>
            }
        }
    });
    let onsubmit = {
        let state = state.clone();
        let tried = tried.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.session.can_continue() {
                state.dispatch(Action::Continue.into());
            } else {
                tried.set(true);
            }
        })
    };
    html! {
        <section class="st-screen">
            { progress(&state.session, t) }
            <h2 data-focus-heading="" tabindex="-1">{ t.page_titles[page.title.index()] }</h2>
            <form {onsubmit} novalidate=true>
                if page.grouped() {
                    <p>{ t.any_apply }</p>
                }
                { for items }
                if page.grouped() {
                    { action_button(&state, "st-answer", t.none_of_these, Action::NoneOfThese) }
                }
                if missing {
                    <p class="st-alert" role="alert">{ t.answer_all }</p>
                }
                <div class="st-nav">
                    <button type="submit" class="st-primary">{ if state.session.last_page() { t.see_result } else { t.next } }</button>
                    { action_button(&state, "st-secondary", t.back, Action::Back) }
                </div>
            </form>
            { emergency_line(&state.config, t) }
        </section>
    }
}
