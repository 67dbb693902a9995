use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::{button, qr_code};
use crate::handoff::Summary;
use crate::hooks::{date_time, use_config, use_texts};
use crate::i18n::fill;
use crate::triage::triage;

#[derive(Properties, PartialEq)]
pub struct SummaryViewProps {
    pub summary: Summary,
    /// A link to the widget's own page, to hand the summary off by QR code (live summaries only).
    #[prop_or_default]
    pub page_url: Option<AttrValue>,
    /// The way back: "Back to my result", or "Start a new check" for a summary opened from a link.
    pub back_label: AttrValue,
    pub on_back: Callback<()>,
}

/// The summary of a finished check for a doctor: prints on one page, copies as plain text, and
/// hands off by QR code with everything in the link's fragment (which never reaches a server).
#[function_component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let config = use_config();
    let t = use_texts();
    let copied = use_state(|| None::<&'static str>);
    let summary = &props.summary;
    let when = date_time(t, summary.finished_at);
    let outcome = triage(&summary.answers);
    let level = t.level(summary.level);
    let text = summary.text(t, &when, &config.emergency_number);

    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            w.print().ok();
        }
    });
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_| {
            let copied = copied.clone();
            let text = text.clone();
            yew::platform::spawn_local(async move {
                let done = copy_text(&text).await;
                copied.set(Some(if done { t.copied } else { t.copy_failed }));
            });
        })
    };
    let back = {
        let on_back = props.on_back.clone();
        Callback::from(move |_| on_back.emit(()))
    };
    let reported = summary.reported(t);
    html! {
        <section class="st-screen st-summary">
            <h2 data-focus-heading="" tabindex="-1">{ t.summary_title }</h2>
            <p>{ fill(t.summary_done_on, &[("when", &when)]) }</p>
            <h3>{ t.result }</h3>
            <p class="st-summary-level"><strong>{ config.fill(level.headline) }</strong>{ " " }{ config.fill(level.time_frame) }</p>
            if !outcome.reasons.is_empty() {
                <h3>{ t.why }</h3>
                <ul>{ for outcome.reasons.iter().map(|r| html! { <li>{ r.text(t) }</li> }) }</ul>
            }
            <h3>{ t.reported_title }</h3>
            if reported.is_empty() {
                <p>{ t.none }</p>
            } else {
                <dl class="st-summary-answers">
                    { for reported.iter().map(|(q, a)| html! { <div><dt>{ *q }</dt><dd>{ *a }</dd></div> }) }
                </dl>
            }
            if !outcome.factors.is_empty() {
                <h3>{ t.may_have_contributed }</h3>
                <ul>{ for outcome.factors.iter().flat_map(|g| g.factors.iter()).map(|f| html! { <li>{ t.factor(*f).contributed }</li> }) }</ul>
            }
            <h3>{ t.advice_given }</h3>
            <ul>{ for level.do_now.iter().map(|l| html! { <li>{ config.fill(l) }</li> }) }</ul>
            <p class="st-muted">{ t.summary_disclaimer }</p>
            <div class="st-nav st-noprint">
                { button("st-primary", t.print.into(), print) }
                { button("st-secondary", t.copy.into(), copy) }
            </div>
            <p class="st-announce st-noprint" role="status">{ copied.unwrap_or_default() }</p>
            if let Some(url) = &props.page_url {
                <div class="st-noprint">
                    { qr_code(format!("{url}#{}", summary.encode()).into(), t.scan_summary.into()) }
                </div>
            }
            { button("st-secondary st-noprint", props.back_label.clone(), back) }
        </section>
    }
}

async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")).ok();
    let write = clipboard.as_ref().and_then(|c| js_sys::Reflect::get(c, &JsValue::from_str("writeText")).ok());
    let (Some(clipboard), Some(write)) = (clipboard, write) else { return false };
    let Ok(write) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(write) else { return false };
    match write.call1(&clipboard, &JsValue::from_str(text)) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.is_ok(),
        Err(_) => false,
    }
}
