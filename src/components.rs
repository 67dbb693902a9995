//! One view per file: a component where it keeps state of its own (timers, downloads, a search),
//! else a plain function of the session. Each sends actions to the session.

mod article_view;
mod hold_timer;
mod illustrations;
mod kiosk_guard;
mod library_view;
mod one_question;
mod qr_code;
mod question_page;
mod result_view;
mod review_answers;
mod round_timer;
mod self_care_coach;
mod start_screen;
mod summary_view;

pub use article_view::ArticleView;
pub use hold_timer::HoldTimer;
pub use kiosk_guard::KioskGuard;
pub use library_view::LibraryView;
pub use one_question::OneQuestion;
pub use qr_code::qr_code;
pub use question_page::QuestionPage;
pub use result_view::ResultView;
pub use review_answers::ReviewAnswers;
pub use round_timer::RoundTimer;
pub use self_care_coach::SelfCareCoach;
pub use start_screen::StartScreen;
pub use summary_view::SummaryView;

use spasm_core::i18n::{fill, Texts};
use spasm_core::ids::Answer;
use spasm_core::questionnaire::Field;
use spasm_core::session::Session;

/// The three answers in the order they are offered.
pub const ANSWER_ORDER: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

use yew::prelude::*;

use crate::state::{send, WidgetContext};
use spasm_core::session::Action;

/// A question as asked, and why we ask it (the factors have neither here).
pub fn question_words(t: &'static Texts, field: Field) -> (&'static str, Option<&'static str>) {
    match field {
        Field::Finding(f) => (t.finding(f).question, Some(t.finding(f).why)),
        Field::Context(c) => {
            let (question, why) = t.context_question(c);
            (question, Some(why))
        }
        Field::Age => (t.age_question, Some(t.age_why)),
        Field::Duration => (t.duration_question, None),
        Field::Factors => (t.factors_question, None),
    }
}

/// "Question 7 of about 24" and a bar, on every question page. The bar only shows what the words
/// say, so screen readers skip it.
pub fn progress(session: &Session, t: &'static Texts) -> Html {
    let (n, total) = session.progress().unwrap_or_default();
    html! {
        <>
            <p class="st-progress">{ progress_text(session, t) }</p>
            <progress class="st-bar" aria-hidden="true" max={total.to_string()} value={n.to_string()}></progress>
        </>
    }
}

/// "Question 7 of about 24" on a question page (empty elsewhere), shown and announced.
pub fn progress_text(session: &Session, t: &'static Texts) -> String {
    session.progress().map_or_else(String::new, |(n, total)| fill(t.progress, &[("n", &n.to_string()), ("total", &total.to_string())]))
}

/// A question's answers as big buttons in a group named by the element `labelledby` (and
/// described by `describedby`): each answer's label, whether it is the one chosen (pressed), and
/// the action a tap sends (how long the spasms have gone on, with the time of the tap).
pub fn answer_buttons(
    state: &WidgetContext,
    labelledby: &str,
    describedby: Option<&'static str>,
    options: Vec<(&'static str, bool, Action)>,
) -> Html {
    let buttons = options.into_iter().map(|(label, chosen, action)| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let action = match action {
                Action::SetDuration(d, _) => Action::SetDuration(d, crate::hooks::now_ms()),
                ref other => other.clone(),
            };
            state.dispatch(action.into());
        });
        html! { <button type="button" class="st-answer" aria-pressed={if chosen { "true" } else { "false" }} {onclick}>{ label }</button> }
    });
    html! {
        <div class="st-answers" role="group" aria-labelledby={labelledby.to_string()} aria-describedby={describedby}>{ for buttons }</div>
    }
}

/// "Clear my answers" or "Start over" (`label`), which clear every answer: a first tap only
/// asks ([`Action::AskStartOver`]), and "Yes, clear them" clears; "No, keep them" (or any other
/// tap) puts the button back. "No, keep them" comes last, so it takes the place of the button
/// tapped (Yew patches a list from its end): the same element, so focus stays on the safe answer.
pub fn clear_button(state: &WidgetContext, class: &'static str, label: &'static str) -> Html {
    let t = state.reading.lang.texts();
    if !state.session.asking {
        return html! { <>{ action_button(state, class, label, Action::AskStartOver) }</> };
    }
    html! {
        <>
            <p role="alert">{ t.confirm_clear }</p>
            { action_button(state, "st-primary", t.yes_clear, Action::StartOver) }
            { action_button(state, "st-secondary", t.keep_answers, Action::KeepAnswers) }
        </>
    }
}

/// `<button type="button" class={class} onclick={onclick}>{ label }</button>`: every plain button
/// of the widget, built in one place.
pub fn button(class: &'static str, label: AttrValue, onclick: Callback<MouseEvent>) -> Html {
    with_attributes(html! { <button {onclick}>{ label }</button> }, &["type", "class"], ["button".into(), class.into()])
}

/// `element` (made by `html!` without attributes) with the attributes `keys` = `values`, in that
/// order, as `html!` would set them, except that a class is used as given: `html!` runs every
/// class that is not a literal through `Classes` (split, de-duplicated, re-joined), which the
/// widget's constant, single-spaced class lists do not need, and which costs code.
pub fn with_attributes<const N: usize>(mut element: Html, keys: &'static [&'static str; N], values: [AttrValue; N]) -> Html {
    if let Html::VTag(tag) = &mut element {
        let values = values.map(|v| Some((v, yew::virtual_dom::ApplyAttributeAs::Attribute)));
        tag.set_attributes(yew::virtual_dom::Attributes::Dynamic { keys, values: Box::new(values) });
    }
    element
}

/// "If this is an emergency, call {number} now.", on every screen of the interview (spec section
/// 8): a link that dials the configured number, or plain text in kiosk mode (no links out).
pub fn emergency_line(config: &spasm_core::config::Config, t: &'static spasm_core::i18n::Texts) -> Html {
    // An <a> without href is plain text: the kiosk has no links out of the page.
    let href = (config.mode != spasm_core::config::Mode::Kiosk).then(|| config.emergency_tel());
    html! { <p class="st-emergency-note"><a {href}>{ config.fill(t.interview_emergency) }</a></p> }
}

/// The safety net, one group per thing to do: its lead ("Call {number} now if:") and its lines.
pub fn safety_net(
    nets: &[spasm_core::triage::SafetyNet],
    t: &'static spasm_core::i18n::Texts,
    config: &spasm_core::config::Config,
) -> Html {
    html! {
        for nets.iter().map(|net| html! {
            <div class="st-net">
                <h4>{ config.fill(net.lead(t)) }</h4>
                <ul>{ for net.signs.iter().map(|s| html! { <li>{ s.text(t) }</li> }) }</ul>
            </div>
        })
    }
}

/// A plain button that sends `action` to the session.
pub fn action_button(state: &WidgetContext, class: &'static str, label: &'static str, action: Action) -> Html {
    button(class, label.into(), send(state, action))
}

#[cfg(feature = "setup")]
pub use summary_view::copy_for_setup;
