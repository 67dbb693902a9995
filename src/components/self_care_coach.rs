use yew::prelude::*;

use super::illustrations;
use super::{HoldTimer, RoundTimer};
use crate::app::{send, SessionContext};
use crate::coach::{onset_from, therapy_for, Therapy};
use crate::hooks::now_ms;
use crate::session::Action;

struct Stretch {
    name: &'static str,
    picture: fn() -> Html,
    steps: &'static [&'static str],
}

const STRETCHES: [Stretch; 4] = [
    Stretch {
        name: "Seated spinal twist",
        picture: illustrations::seated_twist,
        steps: &[
            "Sit tall on a firm chair with your feet flat on the floor.",
            "Put your right hand on the outside of your left knee.",
            "Turn your upper body slowly to the left. Breathe.",
            "Hold, then turn back to the middle. Do the other side.",
        ],
    },
    Stretch {
        name: "Cat-cow",
        picture: illustrations::cat_cow,
        steps: &[
            "Get on your hands and knees. Hands under shoulders, knees under hips.",
            "Breathe in. Let your belly sink and lift your head a little.",
            "Breathe out. Round your back up like a cat and tuck your chin.",
            "Move slowly between the two, then hold the round shape.",
        ],
    },
    Stretch {
        name: "Cobra",
        picture: illustrations::cobra,
        steps: &[
            "Lie on your belly with your hands flat under your shoulders.",
            "Press gently to lift your chest a little. Keep your hips down.",
            "Hold, then lower yourself slowly.",
        ],
    },
    Stretch {
        name: "Child's pose",
        picture: illustrations::childs_pose,
        steps: &[
            "Kneel on the floor, then sit back toward your heels.",
            "Lean forward and reach your arms out on the floor.",
            "Rest your forehead down and breathe slowly. Hold.",
        ],
    },
];

/// The self-care coach: ice or heat rounds, rest positions, stretches with hold timers, walking,
/// water and food, and medicine facts with their limits.
#[function_component]
pub fn SelfCareCoach() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    // The onset is estimated once, when the coach first opens, from the "how long" answer.
    let opened_at = use_state(now_ms);
    let onset = session.0.responses.duration.and_then(|d| onset_from(d, *opened_at));
    let therapy = therapy_for(onset, now_ms());
    let back = send(&session, Action::Back);
    let advice = match therapy {
        Therapy::Ice => "Your spasm started in the last two days, so use ice now. Ice helps with swelling and pain.",
        Therapy::Heat => "Your spasm started more than two days ago, so use heat now. Heat helps tight muscles relax.",
    };
    let stretches = STRETCHES.iter().map(|s| {
        html! {
            <li class="st-stretch">
                <h4>{ s.name }</h4>
                { (s.picture)() }
                <ol>{ for s.steps.iter().map(|step| html! { <li>{ *step }</li> }) }</ol>
                <HoldTimer stretch={s.name} />
            </li>
        }
    });
    html! {
        <section class="st-screen st-coach">
            <h2 data-focus-heading="" tabindex="-1">{ "Caring for your back at home" }</h2>

            <h3>{ format!("Use {} now", therapy.name()) }</h3>
            <p>{ advice }</p>
            <ul>
                <li>{ "Wrap the ice pack or heat pad in a thin towel. Never put it right on your skin." }</li>
                <li>{ "Use it for 15 to 20 minutes, then take at least one hour off." }</li>
                <li>{ "Stop if your skin gets very red, blistered, or numb. Do not sleep with it on." }</li>
            </ul>
            <RoundTimer {therapy} />

            <h3>{ "Rest in a comfortable position" }</h3>
            <p>{ "Rest for a short time, but do not stay in bed all day. Two positions many people find easier:" }</p>
            <ul class="st-positions">
                <li>{ illustrations::rest_on_back() }{ "On your back with your head and shoulders a little raised, and a pillow under your knees." }</li>
                <li>{ illustrations::rest_recliner() }{ "In a recliner, with your legs up and your knees a little bent." }</li>
            </ul>

            <h3>{ "Gentle stretches" }</h3>
            <p class="st-alert">{ "Move slowly. Stop if a stretch hurts more than a mild pull." }</p>
            <ul class="st-stretches">{ for stretches }</ul>

            <h3>{ "Walk, drink, and eat well" }</h3>
            <ul>
                <li>{ "Take short, easy walks on flat, even ground. Start with a few minutes." }</li>
                <li>{ "Drink water through the day. Muscles that are low on water cramp more." }</li>
                <li>{ "Eat foods with magnesium and potassium, like bananas, potatoes, beans, nuts, and leafy greens." }</li>
            </ul>

            <h3>{ "Medicine you can buy" }</h3>
            <ul>
                <li>{ "Ibuprofen, naproxen, or aspirin can ease pain and swelling." }</li>
                <li>{ "Acetaminophen (Tylenol) eases pain but not swelling. Creams with lidocaine are another choice." }</li>
                <li>{ "Always follow the label." }</li>
                <li>{ "Ask a pharmacist first if you take other medicine, or have stomach, kidney, or liver problems." }</li>
                <li>{ "For very bad spasms, a doctor may prescribe a muscle relaxant, for a short time only." }</li>
            </ul>
            <button type="button" class="st-secondary" onclick={back}>{ "Back to my result" }</button>
        </section>
    }
}
