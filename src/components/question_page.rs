use yew::prelude::*;

use super::{answer_label, ChoiceGroup, ANSWER_ORDER};
use crate::app::{send, SessionContext};
use crate::ids::{Answer, Factor};
use crate::questionnaire::{AgeBand, Duration, Field};
use crate::session::{Action, Session};

/// A page of a few questions, each a [`ChoiceGroup`], with Next and Back.
#[function_component]
pub fn QuestionPage() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let tried = use_state(|| false);
    let Some((index, page)) = session.0.page() else { return html! {} };
    {
        // A new page starts without the "please answer" note.
        let tried = tried.clone();
        use_effect_with(index, move |_| tried.set(false));
    }
    let fields = page.fields.iter().map(|field| field_view(&session, *field));
    let onsubmit = {
        let session = session.clone();
        let tried = tried.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if session.0.can_continue() {
                session.dispatch(Action::Continue);
            } else {
                tried.set(true);
            }
        })
    };
    let back = send(&session, Action::Back);
    let missing = *tried && !session.0.can_continue();
    html! {
        <section class="st-screen">
            <h2 data-focus-heading="" tabindex="-1">{ page.title }</h2>
            <form {onsubmit} novalidate=true>
                { for fields }
                if missing {
                    <p class="st-alert" role="alert">{ "Please answer every question. If you do not know, choose \"Not sure\"." }</p>
                }
                <div class="st-nav">
                    <button type="submit" class="st-primary">{ "Next" }</button>
                    <button type="button" class="st-secondary" onclick={back}>{ "Back" }</button>
                </div>
            </form>
        </section>
    }
}

fn field_view(session: &SessionContext, field: Field) -> Html {
    let s: &Session = &session.0;
    let dispatch = |make: fn(usize) -> Action| {
        let session = session.clone();
        Callback::from(move |i: usize| session.dispatch(make(i)))
    };
    let yes_no = |current: Option<Answer>| -> Vec<(AttrValue, bool)> {
        ANSWER_ORDER.iter().map(|a| (AttrValue::from(answer_label(*a)), current == Some(*a))).collect()
    };
    match field {
        Field::Finding(finding) => {
            let rule = finding.rule();
            let session = session.clone();
            let onchoose = Callback::from(move |i: usize| session.dispatch(Action::Answer(finding, ANSWER_ORDER[i])));
            html! {
                <ChoiceGroup name={format!("q-{}", finding.id())} legend={rule.question}
                    hint={AttrValue::from(format!("Why we ask: {}", rule.why))}
                    options={yes_no(s.responses.finding(finding))} {onchoose} />
            }
        }
        Field::Duration => {
            let options = Duration::ALL.iter().map(|d| (AttrValue::from(d.label()), s.responses.duration == Some(*d))).collect::<Vec<_>>();
            html! {
                <ChoiceGroup name="q-duration" legend="How long have you had these back spasms?"
                    {options} onchoose={dispatch(|i| Action::SetDuration(Duration::ALL[i]))} />
            }
        }
        Field::Age => {
            let options = AgeBand::ALL.iter().map(|a| (AttrValue::from(a.label()), s.responses.age == Some(*a))).collect::<Vec<_>>();
            html! {
                <ChoiceGroup name="q-age" legend="How old are you?"
                    hint={AttrValue::from("Why we ask: a first bout of back pain under 20 or over 50 is worth a check.")}
                    {options} onchoose={dispatch(|i| Action::SetAge(AgeBand::ALL[i]))} />
            }
        }
        Field::BackPainBefore => html! {
            <ChoiceGroup name="q-before" legend="Have you had back pain before this time?"
                options={yes_no(s.responses.back_pain_before)}
                onchoose={dispatch(|i| Action::SetBackPainBefore(ANSWER_ORDER[i]))} />
        },
        Field::Factors => {
            let options = Factor::ALL.iter().map(|f| (AttrValue::from(f.info().label), s.responses.factor(*f))).collect::<Vec<_>>();
            let session = session.clone();
            let onchoose = Callback::from(move |i: usize| {
                let factor = Factor::ALL[i];
                session.dispatch(Action::SetFactor(factor, !session.0.responses.factor(factor)));
            });
            html! {
                <ChoiceGroup name="q-factors" multiple=true
                    legend="Did any of these happen before the spasms started? Choose all that fit, or none."
                    hint={AttrValue::from("These do not change your result. They help us suggest what to read and how to prevent it.")}
                    {options} {onchoose} />
            }
        }
    }
}
