use yew::prelude::*;

use crate::app::{send, SessionContext};
use crate::config::{Config, Mode};
use crate::session::Action;

#[function_component]
pub fn StartScreen() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let config = use_context::<Config>().unwrap_or_default();
    let begin = send(&session, Action::Begin);
    let library = send(&session, Action::OpenLibrary);
    if config.mode == Mode::Kiosk {
        // The attract screen for the next patient: nothing leaves the page, nothing is kept.
        return html! {
            <section class="st-screen st-attract">
                <h1 data-focus-heading="" tabindex="-1">{ "Back spasms?" }</h1>
                <p class="st-attract-lead">{ "Find out what kind of care you need. It takes about 2 minutes." }</p>
                <button type="button" class="st-primary st-big" onclick={begin}>{ "Start the check" }</button>
                <p>{ "This is not a diagnosis. If you think it is an emergency, tell the front desk now." }</p>
                <p class="st-muted">{ "Your answers are cleared when you finish or walk away. Nothing is saved." }</p>
                <button type="button" class="st-secondary" onclick={library}>{ "Read about back spasms" }</button>
            </section>
        };
    }
    html! {
        <section class="st-screen">
            <h1 data-focus-heading="" tabindex="-1">{ "Back spasm check" }</h1>
            <p>{ "Answer a few short questions about your back. We will tell you what kind of care you need, and why." }</p>
            <p>{ "This is not a diagnosis. It does not replace a doctor." }</p>
            <p class="st-emergency-note">
                { "If you think it is an emergency, " }
                <a href={config.emergency_tel()}>{ config.fill("call {number} now") }</a>
                { "." }
            </p>
            <p class="st-muted">{ "Your answers stay on this device. Nothing is sent anywhere." }</p>
            <div class="st-nav">
                <button type="button" class="st-primary" onclick={begin}>{ "Start the check" }</button>
                <button type="button" class="st-secondary" onclick={library}>{ "Read about back spasms" }</button>
            </div>
        </section>
    }
}
