use yew::prelude::*;

use super::answer_label;
use crate::app::{send, SessionContext};
use crate::ids::{Answer, Factor};
use crate::questionnaire::Field;
use crate::session::Action;

/// Every answer, page by page, each page with a Change button; then See my result.
#[function_component]
pub fn ReviewAnswers() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let r = &session.0.responses;
    let shown = |a: Option<Answer>| a.map_or("Not answered", answer_label);
    let rows = |field: &Field| -> Html {
        let (question, answer): (String, String) = match field {
            Field::Finding(f) => (f.rule().question.into(), shown(r.finding(*f)).into()),
            Field::Duration => ("How long you have had the spasms".into(), r.duration.map_or("Not answered", |d| d.label()).into()),
            Field::Age => ("Your age".into(), r.age.map_or("Not answered", |a| a.label()).into()),
            Field::BackPainBefore => ("Back pain before this time".into(), shown(r.back_pain_before).into()),
            Field::Factors => {
                let chosen: Vec<&str> = Factor::ALL.iter().filter(|f| r.factor(**f)).map(|f| f.info().label).collect();
                ("What may have led to it".into(), if chosen.is_empty() { "None chosen".into() } else { chosen.join("; ") })
            }
        };
        html! { <div class="st-review-row"><dt>{ question }</dt><dd>{ answer }</dd></div> }
    };
    let sections = session.0.pages().iter().enumerate().map(|(n, page)| {
        let edit = send(&session, Action::Edit(n));
        let label = match page.emergency_finding() {
            Some(f) => format!("Change: {}", f.rule().question),
            None => format!("Change: {}", page.title),
        };
        html! {
            <li class="st-review-page">
                <dl>{ for page.fields.iter().map(rows) }</dl>
                <button type="button" class="st-link-button" aria-label={label} onclick={edit}>{ "Change" }</button>
            </li>
        }
    });
    let see = send(&session, Action::SeeResult);
    let back = send(&session, Action::Back);
    html! {
        <section class="st-screen">
            <h2 data-focus-heading="" tabindex="-1">{ "Check your answers" }</h2>
            <p>{ "You can change any answer before you see your result." }</p>
            <ul class="st-review">{ for sections }</ul>
            <div class="st-nav">
                <button type="button" class="st-primary" onclick={see}>{ "See my result" }</button>
                <button type="button" class="st-secondary" onclick={back}>{ "Back" }</button>
            </div>
        </section>
    }
}
