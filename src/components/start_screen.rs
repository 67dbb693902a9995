use yew::prelude::*;

use crate::app::{send, SessionContext};
use crate::config::{Config, Mode};
use crate::hooks::use_texts;
use crate::session::Action;

#[function_component]
pub fn StartScreen() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let config = use_context::<Config>().unwrap_or_default();
    let t = use_texts();
    let begin = send(&session, Action::Begin);
    let library = send(&session, Action::OpenLibrary);
    if config.mode == Mode::Kiosk {
        // The attract screen for the next patient: nothing leaves the page, nothing is kept.
        return html! {
            <section class="st-screen st-attract">
                <h1 data-focus-heading="" tabindex="-1">{ t.kiosk_title }</h1>
                <p class="st-attract-lead">{ t.kiosk_lead }</p>
                <button type="button" class="st-primary st-big" onclick={begin}>{ t.start_button }</button>
                <p>{ t.kiosk_emergency }</p>
                <p class="st-muted">{ t.kiosk_privacy }</p>
                <button type="button" class="st-secondary" onclick={library}>{ t.read_about }</button>
            </section>
        };
    }
    html! {
        <section class="st-screen">
            <h1 data-focus-heading="" tabindex="-1">{ t.start_title }</h1>
            <p>{ t.start_lead }</p>
            <p>{ t.not_a_diagnosis }</p>
            <p class="st-emergency-note">
                { t.emergency_before }
                <a href={config.emergency_tel()}>{ config.fill(t.emergency_link) }</a>
                { t.emergency_after }
            </p>
            <p class="st-muted">{ t.stays_on_device }</p>
            <div class="st-nav">
                <button type="button" class="st-primary" onclick={begin}>{ t.start_button }</button>
                <button type="button" class="st-secondary" onclick={library}>{ t.read_about }</button>
            </div>
        </section>
    }
}
