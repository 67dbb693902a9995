use yew::prelude::*;

use super::illustrations;
use super::{action_button, HoldTimer, RoundTimer};
use crate::hooks::now_ms;
use crate::state::{use_texts, use_widget};
use spasm_core::coach::{onset_from, therapy_for, Advice, Therapy};
use spasm_core::i18n::fill;
use spasm_core::session::Action;

/// The self-care coach (spec section 6): keeping active first, rest positions, ice or heat rounds
/// with their warnings, stretches with hold timers (or, where the answers rule them out, why
/// not), water and food, and medicine advice that changes with pregnancy, age and blood thinners.
/// It opens with "Back to my result", the short advice to keep moving, and its other parts each
/// closed under its heading (a `<details>`: no script, and every browser's keyboard and screen
/// reader know it), so the guide is an overview the patient opens a part of.
#[function_component]
pub fn SelfCareCoach() -> Html {
    let state = use_widget();
    let t = use_texts();
    // When the spasm began, estimated from the "how long" answer and the time it was given (kept
    // with the session, so a reload or another visit to the guide does not move it).
    let answered_at = state.session.duration_answered_at().unwrap_or_else(now_ms);
    let onset = state.session.responses.duration.and_then(|d| onset_from(d, answered_at));
    let therapy = therapy_for(onset, now_ms());
    let advice = match therapy {
        Therapy::Ice => t.ice_advice,
        Therapy::Heat => t.heat_advice,
    };
    let guide = Advice::for_answers(&state.session.responses.advice_answers());
    let list = |items: &[&'static str]| html! { <ul>{ for items.iter().map(|i| html! { <li>{ *i }</li> }) }</ul> };
    let stretches = t.stretches.iter().enumerate().map(|(i, s)| {
        html! {
            <li class="st-stretch">
                <h4>{ s.name }</h4>
                { illustrations::stretch(i, s.picture, s.poses) }
                <ol>{ for s.steps.iter().map(|step| html! { <li>{ *step }</li> }) }</ol>
                <p class="st-alert">{ t.stretches_warning }</p>
                <HoldTimer stretch={s.name} />
            </li>
        }
    });
    // Medicine advice in the order of caution of spec section 6: pregnancy, children, blood
    // thinners, then anti-inflammatories only when none of those applies, then for everyone.
    let mut medicines: Vec<&'static str> = Vec::new();
    for (applies, lines) in
        [(guide.pregnant, t.medicine_pregnant), (guide.child, t.medicine_child), (guide.blood_thinner, t.medicine_blood_thinner)]
    {
        if applies {
            medicines.extend_from_slice(lines);
        }
    }
    if guide.anti_inflammatories() {
        medicines.push(t.medicine_nsaid);
    }
    medicines.extend_from_slice(t.medicine_tips);
    let use_now = fill(t.use_now, &[("therapy", t.therapy_names[therapy.index()])]);
    // One part of the guide: its heading opens and closes it.
    let part = |title: &str, body: Html| html! { <details><summary><h3>{ title }</h3></summary>{ body }</details> };
    html! {
        <section class="st-screen st-coach">
            { action_button(&state, "st-secondary", t.back_to_result, Action::Back) }
            <h2 data-focus-heading="" tabindex="-1">{ t.coach_title }</h2>

            <h3>{ t.active_title }</h3>
            { list(t.active_tips) }
            <p class="st-muted">{ t.coach_parts }</p>

            { part(t.rest_title, html! { <>
                <p>{ t.rest_lead }</p>
                <ul class="st-positions">
                    { for t.rest_positions.iter().enumerate().map(|(i, (picture, words))| html! {
                        <li>{ illustrations::rest(i, picture) }{ *words }</li>
                    }) }
                </ul>
            </> }) }
            { part(&use_now, html! { <>
                <p>{ advice }</p>
                { list(t.pack_safety) }
                <RoundTimer {therapy} />
            </> }) }
            { part(t.stretches_title, if guide.stretches {
                html! { <ul class="st-stretches">{ for stretches }</ul> }
            } else {
                html! { <p class="st-alert">{ t.stretches_withheld }</p> }
            }) }
            { part(t.walk_title, list(t.walk_tips)) }
            { part(t.medicine_title, list(&medicines)) }
            { action_button(&state, "st-secondary", t.back_to_result, Action::Back) }
        </section>
    }
}
