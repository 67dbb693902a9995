//! One view per file: a component where it keeps state of its own (timers, downloads, a search),
//! else a plain function of the session. Each sends actions to the session.

mod article_view;
mod choice_group;
mod emergency_question;
mod hold_timer;
mod illustrations;
mod kiosk_guard;
mod library_view;
mod qr_code;
mod question_page;
mod result_view;
mod review_answers;
mod round_timer;
mod self_care_coach;
mod start_screen;
mod summary_view;

pub use article_view::ArticleView;
pub use choice_group::{choice_group, ChoiceGroupProps};
pub use emergency_question::EmergencyQuestion;
pub use hold_timer::HoldTimer;
pub use kiosk_guard::KioskGuard;
pub use library_view::LibraryView;
pub use qr_code::qr_code;
pub use question_page::QuestionPage;
pub use result_view::ResultView;
pub use review_answers::ReviewAnswers;
pub use round_timer::RoundTimer;
pub use self_care_coach::SelfCareCoach;
pub use start_screen::StartScreen;
pub use summary_view::SummaryView;

use spasm_core::ids::Answer;

/// The three answers in the order they are offered.
pub const ANSWER_ORDER: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

use yew::prelude::*;

use crate::state::{send, WidgetContext};
use spasm_core::session::Action;

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
