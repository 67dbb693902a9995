use yew::prelude::*;

use crate::components::{action_button, qr_code, with_attributes};
use crate::state::{send, use_lang, use_widget};
use spasm_core::config::Mode;
use spasm_core::i18n::fill;
use spasm_core::ids::Level;
use spasm_core::session::Action;

/// The result: the level in large plain words with its time frame and what to do now, the
/// reasons, the safety net, and what may have contributed.
#[function_component]
pub fn ResultView() -> Html {
    let state = &use_widget();
    let lang = use_lang();
    let t = lang.texts();
    let config = &state.config;
    let outcome = state.session.outcome();
    let level = outcome.level;
    let text = t.level(level);

    // A kiosk never leaves the page: what would be a link is a QR code to scan with one's own phone.
    let kiosk = config.mode == Mode::Kiosk;
    // Calling the emergency number: the strongest thing on the page when that is the advice; on
    // the emergency-department result, whose advice is to be driven there, a plain action after
    // how to get there, for a patient who cannot.
    let (call, ed_call) = match (level, kiosk) {
        (Level::CallEmergency | Level::EmergencyDepartment, true) => {
            (Some(html! { <p class="st-call">{ config.fill(t.kiosk_call) }</p> }), None)
        }
        (Level::CallEmergency, false) => {
            (Some(html! { <a class="st-call" href={config.emergency_tel()}>{ config.fill(t.call_number) }</a> }), None)
        }
        (Level::EmergencyDepartment, false) => {
            (None, Some(html! { <p><a class="st-action" href={config.emergency_tel()}>{ config.fill(t.ed_call) }</a></p> }))
        }
        _ => (None, None),
    };
    // The practice's own ways to reach it, by level: booking and phone for a visit in the next few
    // days; the phone for a same-day visit. Emergency levels show only the emergency number.
    let practice = config.practice_name.clone().unwrap_or_else(|| t.your_doctors_office.to_string());
    let practice_actions = match level {
        Level::Soon | Level::Urgent => {
            let book = (level == Level::Soon).then(|| config.booking_url.clone()).flatten().map(|url| {
                if kiosk {
                    qr_code(url.into(), t.scan_to_book.into())
                } else {
                    html! { <a class="st-action" href={url} target="_blank" rel="noopener noreferrer">{ t.book_online }</a> }
                }
            });
            let call = config.practice_tel().map(|tel| {
                let phone = config.phone.clone().unwrap_or_default();
                let label = fill(t.call_practice, &[("practice", &practice), ("phone", &phone)]);
                if kiosk {
                    // The number as text too, for a patient who would rather dial it.
                    qr_code(tel.into(), fill(t.scan_to_call, &[("practice", &practice), ("phone", &phone)]).into())
                } else {
                    html! { <a class="st-action" href={tel}>{ label }</a> }
                }
            });
            // Same day, and the practice closed: its after-hours line, if it has one (spec section 1).
            let after_hours = (level == Level::Urgent).then(|| config.after_hours_tel()).flatten().map(|tel| {
                let phone = config.after_hours_phone.clone().unwrap_or_default();
                if kiosk {
                    qr_code(tel.into(), fill(t.scan_to_call_after_hours, &[("phone", &phone)]).into())
                } else {
                    html! { <a class="st-action" href={tel}>{ fill(t.call_after_hours, &[("phone", &phone)]) }</a> }
                }
            });
            html! { <div class="st-actions">{ for book }{ for call }{ for after_hours }</div> }
        }
        _ => html! {},
    };
    // The self-care guide, where the rules offer it: the main action at home, after the practice's
    // ways to reach it otherwise.
    let coach = spasm_core::coach::coach_offered(level).then(|| action_button(state, "st-primary", t.open_coach, Action::OpenCoach));
    let home = level == Level::SelfCare;
    let do_now = text.do_now.iter().map(|line| html! { <li>{ config.fill(line) }</li> });
    let reasons = outcome.reasons.iter().map(|r| html! { <li>{ r.text(t) }</li> });
    let factors = outcome.factors.iter().map(|group| {
        html! {
            <div class="st-family">
                <h4>{ t.family(group.family) }</h4>
                <ul>{ for group.factors.iter().map(|f| html! { <li>{ t.factor(*f).contributed }</li> }) }</ul>
            </div>
        }
    });
    let read_more = spasm_core::library::read_more(&state.session.answers(), 3)
        .into_iter()
        .map(|n| {
            let onclick = send(state, Action::OpenArticle(n));
            html! { <li><button type="button" class="st-article-link" {onclick}>{ spasm_core::library::title(lang, n) }</button></li> }
        })
        .collect::<Vec<_>>();
    let result = html! {
        <section>
            <p class="st-progress">{ t.your_result }</p>
            <h2 class="st-headline" data-focus-heading="" tabindex="-1">{ config.fill(text.headline) }</h2>
            if home {
                <p class="st-reassure">{ t.self_care_reassure }</p>
            }
            { for call }
            <p class="st-time"><strong>{ t.when }{ " " }</strong>{ config.fill(text.time_frame) }</p>
            // The main action first: the practice's booking or phone, or at home the guide.
            { practice_actions }
            if home {
                { for coach.clone() }
            }
            <h3>{ t.what_to_do }</h3>
            <ul class="st-do">{ for do_now }</ul>
            { for ed_call }
            { for outcome.places.iter().map(|p| html! { <p class="st-place">{ t.reasons.places[p.index()] }</p> }) }
            if !home {
                { for coach }
            }
            if !outcome.reasons.is_empty() {
                <h3>{ t.why }</h3>
                <ul class="st-reasons">{ for reasons }</ul>
            }
            <h3>{ if level == Level::CallEmergency { t.while_you_wait } else { t.get_help_if } }</h3>
            { super::safety_net(&outcome.safety_net, t, config) }
            if !outcome.factors.is_empty() {
                <h3>{ t.contributed }</h3>
                <p class="st-muted">{ t.contributed_note }</p>
                { for factors }
            }
            if !read_more.is_empty() {
                <h3>{ t.read_more }</h3>
                <ul class="st-library">{ for read_more }</ul>
            }
            <p class="st-muted">{ t.result_disclaimer }</p>
            <p class="st-muted st-small">{ spasm_core::handoff::rules_line(t, spasm_core::rules::RULES_VERSION, spasm_core::BUILD_DATE) }</p>
            <div class="st-nav">
                { action_button(state, "st-secondary", t.summary_button, Action::OpenSummary) }
                { action_button(state, "st-secondary", t.change_answers, Action::OpenReview) }
            </div>
        </section>
    };
    with_attributes(result, &["class"], [format!("st-screen st-result st-level-{}", level.id()).into()])
}
