use yew::prelude::*;

use crate::app::{send, SessionContext};
use crate::components::QrCode;
use crate::config::{Config, Mode};
use crate::ids::Level;
use crate::session::Action;

/// The result: the level in large plain words with its time frame and what to do now, the
/// reasons, the safety net, and what may have contributed.
#[function_component]
pub fn ResultView() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let config = use_context::<Config>().unwrap_or_default();
    let outcome = session.0.outcome();
    let level = outcome.level;
    let text = level.text();

    // A kiosk never leaves the page: what would be a link is a QR code to scan with one's own phone.
    let kiosk = config.mode == Mode::Kiosk;
    let call = level.is_emergency().then(|| {
        if kiosk {
            html! { <p class="st-call">{ config.fill("Tell the front desk now, or call {number}") }</p> }
        } else {
            html! { <a class="st-call" href={config.emergency_tel()}>{ config.fill("Call {number}") }</a> }
        }
    });
    // The practice's own ways to reach it, by level: booking and phone for a visit in the next few
    // days; the phone for a same-day visit. Emergency levels show only the emergency number.
    let practice = config.practice_name.clone().unwrap_or_else(|| "your doctor's office".to_string());
    let practice_actions = match level {
        Level::Soon | Level::Urgent => {
            let book = (level == Level::Soon).then(|| config.booking_url.clone()).flatten().map(|url| {
                if kiosk {
                    html! { <QrCode data={url} label="Scan to book a visit online" /> }
                } else {
                    html! { <a class="st-action" href={url} target="_blank" rel="noopener noreferrer">{ "Book a visit online" }</a> }
                }
            });
            let call = config.practice_tel().map(|tel| {
                let label = format!("Call {practice}: {}", config.phone.clone().unwrap_or_default());
                if kiosk {
                    html! { <QrCode data={tel} label={format!("Scan to call {practice}")} /> }
                } else {
                    html! { <a class="st-action" href={tel}>{ label }</a> }
                }
            });
            html! { <div class="st-actions">{ for book }{ for call }</div> }
        }
        _ => html! {},
    };
    let do_now = text.do_now.iter().map(|line| html! { <li>{ config.fill(line) }</li> });
    let reasons = outcome.reasons.iter().map(|r| html! { <li>{ r.text() }</li> });
    let nets = outcome.safety_net.iter().map(|net| {
        html! {
            <div class="st-net">
                <h4>{ config.fill(net.lead()) }</h4>
                <ul>{ for net.signs.iter().map(|s| html! { <li>{ s.text() }</li> }) }</ul>
            </div>
        }
    });
    let factors = outcome.factors.iter().map(|group| {
        html! {
            <div class="st-family">
                <h4>{ group.family.title() }</h4>
                <ul>{ for group.factors.iter().map(|f| html! { <li>{ f.info().contributed }</li> }) }</ul>
            </div>
        }
    });
    let read_more = crate::library::read_more(&session.0.responses.answers(), 3).into_iter().map(|article| {
        let n = crate::library::ARTICLES.iter().position(|a| std::ptr::eq(a, article)).unwrap_or(0);
        let onclick = send(&session, Action::OpenArticle(n));
        html! { <li><button type="button" class="st-article-link" {onclick}>{ article.title }</button></li> }
    }).collect::<Vec<_>>();
    let open_coach = send(&session, Action::OpenCoach);
    let change = send(&session, Action::Back);
    let open_summary = send(&session, Action::OpenSummary);
    let start_over = send(&session, Action::StartOver);
    html! {
        <section class={classes!("st-screen", "st-result", format!("st-level-{}", level.id()))}>
            <p class="st-progress">{ "Your result" }</p>
            <h2 class="st-headline" data-focus-heading="" tabindex="-1">{ config.fill(text.headline) }</h2>
            { for call }
            <p class="st-time"><strong>{ "When: " }</strong>{ config.fill(text.time_frame) }</p>
            <h3>{ "What to do now" }</h3>
            <ul>{ for do_now }</ul>
            { practice_actions }
            if crate::coach::coach_offered(level) {
                <button type="button" class="st-primary" onclick={open_coach}>{ "Open the self-care guide" }</button>
            }
            if !outcome.reasons.is_empty() {
                <h3>{ "Why" }</h3>
                <ul class="st-reasons">{ for reasons }</ul>
            }
            <h3>{ if level == Level::CallEmergency { "While you wait" } else { "Get help if things change" } }</h3>
            { for nets }
            if !outcome.factors.is_empty() {
                <h3>{ "What may have contributed" }</h3>
                <p class="st-muted">{ "These are possible causes, not a diagnosis." }</p>
                { for factors }
            }
            if !read_more.is_empty() {
                <h3>{ "Read more" }</h3>
                <ul class="st-library">{ for read_more }</ul>
            }
            <p class="st-muted">{ "This check is not a diagnosis. If you are worried, contact a doctor." }</p>
            <div class="st-nav">
                <button type="button" class="st-secondary" onclick={open_summary}>{ "Summary for my doctor" }</button>
                <button type="button" class="st-secondary" onclick={change}>{ "Change my answers" }</button>
                <button type="button" class="st-secondary" onclick={start_over}>{ "Start over" }</button>
            </div>
        </section>
    }
}
