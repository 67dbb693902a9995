use yew::prelude::*;

use super::action_button;
use crate::state::{use_texts, use_widget};
use spasm_core::config::Mode;
use spasm_core::session::Action;

/// The first screen: what the check is, the emergency number, Start. In kiosk mode, the attract
/// screen for the next patient.
#[function_component]
pub fn StartScreen() -> Html {
    let state = &use_widget();
    let t = use_texts();
    let config = &state.config;
    if config.mode == Mode::Kiosk {
        // The attract screen for the next patient: nothing leaves the page, nothing is kept.
        return html! {
            <section class="st-screen st-attract">
                <h1 data-focus-heading="" tabindex="-1">{ t.kiosk_title }</h1>
                <p class="st-attract-lead">{ t.kiosk_lead }</p>
                { super::illustrations::welcome(t.kiosk_art) }
                { action_button(state, "st-primary st-big", t.start_button, Action::Begin) }
                <p>{ t.kiosk_emergency }</p>
                <p class="st-muted">{ t.kiosk_privacy }</p>
                { action_button(state, "st-secondary", t.read_about, Action::OpenLibrary) }
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
                { action_button(state, "st-primary", t.start_button, Action::Begin) }
                { action_button(state, "st-secondary", t.read_about, Action::OpenLibrary) }
            </div>
        </section>
    }
}
