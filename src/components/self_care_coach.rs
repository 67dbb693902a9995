use yew::prelude::*;

use super::illustrations;
use super::{action_button, HoldTimer, RoundTimer};
use crate::coach::{onset_from, therapy_for, Therapy};
use crate::hooks::{now_ms, use_session, use_texts};
use crate::i18n::fill;
use crate::session::Action;

/// The drawings of the stretches, in the order of `Texts::stretches`.
const STRETCH_PICTURES: [fn(&'static str) -> Html; 4] =
    [illustrations::seated_twist, illustrations::cat_cow, illustrations::cobra, illustrations::childs_pose];

/// The self-care coach: ice or heat rounds, rest positions, stretches with hold timers, walking,
/// water and food, and medicine facts with their limits.
#[function_component]
pub fn SelfCareCoach() -> Html {
    let session = use_session();
    let t = use_texts();
    // The onset is estimated once, when the coach first opens, from the "how long" answer.
    let opened_at = use_state(now_ms);
    let onset = session.0.responses.duration.and_then(|d| onset_from(d, *opened_at));
    let therapy = therapy_for(onset, now_ms());
    let advice = match therapy {
        Therapy::Ice => t.ice_advice,
        Therapy::Heat => t.heat_advice,
    };
    let list = |items: &'static [&'static str]| html! { <ul>{ for items.iter().map(|i| html! { <li>{ *i }</li> }) }</ul> };
    let stretches = t.stretches.iter().zip(STRETCH_PICTURES).map(|(s, picture)| {
        html! {
            <li class="st-stretch">
                <h4>{ s.name }</h4>
                { picture(s.picture) }
                <ol>{ for s.steps.iter().map(|step| html! { <li>{ *step }</li> }) }</ol>
                <HoldTimer stretch={s.name} />
            </li>
        }
    });
    html! {
        <section class="st-screen st-coach">
            <h2 data-focus-heading="" tabindex="-1">{ t.coach_title }</h2>

            <h3>{ fill(t.use_now, &[("therapy", t.therapy_names[therapy.index()])]) }</h3>
            <p>{ advice }</p>
            { list(t.pack_safety) }
            <RoundTimer {therapy} />

            <h3>{ t.rest_title }</h3>
            <p>{ t.rest_lead }</p>
            <ul class="st-positions">
                <li>{ illustrations::rest_on_back(t.rest_positions[0].0) }{ t.rest_positions[0].1 }</li>
                <li>{ illustrations::rest_recliner(t.rest_positions[1].0) }{ t.rest_positions[1].1 }</li>
            </ul>

            <h3>{ t.stretches_title }</h3>
            <p class="st-alert">{ t.stretches_warning }</p>
            <ul class="st-stretches">{ for stretches }</ul>

            <h3>{ t.walk_title }</h3>
            { list(t.walk_tips) }

            <h3>{ t.medicine_title }</h3>
            { list(t.medicine_tips) }
            { action_button(&session, "st-secondary", t.back_to_result, Action::Back) }
        </section>
    }
}
