use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::{button, qr_code};
use crate::hooks::date_time;
use crate::state::{use_config, use_texts};
use spasm_core::handoff::{rules_line, Summary};
use spasm_core::i18n::fill;

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

/// The summary of a finished check for a doctor (spec section 8): the level, the reasons with
/// each answer, every question of the interview with yes, no, not sure or not asked, the age, how
/// long, new or different and blood thinner, the advice and the safety net shown, and the rules
/// version and build date. Prints on one page, copies as plain text, and hands off by QR code with
/// everything in the link's fragment (which never reaches a server).
#[function_component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let config = use_config();
    let t = use_texts();
    let copied = use_state(|| None::<&'static str>);
    let summary = &props.summary;
    let when = date_time(t, summary.finished_at);
    let outcome = summary.outcome();
    let level = t.level(summary.level);
    let body = use_node_ref();

    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            w.print().ok();
        }
    });
    let copy = {
        let copied = copied.clone();
        let body = body.clone();
        Callback::from(move |_| {
            let copied = copied.clone();
            let text = body.cast::<web_sys::HtmlElement>().map(|b| b.inner_text()).unwrap_or_default();
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
    let rows = |items: Vec<(String, &'static str)>| {
        html! {
            <dl class="st-summary-answers">
                { for items.into_iter().map(|(q, a)| html! { <div><dt>{ q }{ ": " }</dt><dd>{ a }</dd></div> }) }
            </dl>
        }
    };
    let context = summary.context_rows(t).into_iter().map(|(q, a)| (q.to_string(), a)).collect();
    html! {
        <section class="st-screen st-summary">
          <div ref={body}>
            <h2 data-focus-heading="" tabindex="-1">{ t.summary_title }</h2>
            <p>{ fill(t.summary_done_on, &[("when", &when)]) }</p>
            <p class="st-muted">{ rules_line(t, summary.rules, spasm_core::BUILD_DATE) }</p>
            <h3>{ t.result }</h3>
            <p class="st-summary-level"><strong>{ config.fill(level.headline) }</strong>{ " " }{ config.fill(level.time_frame) }</p>
            { for outcome.places.iter().map(|p| html! { <p>{ t.reasons.places[p.index()] }</p> }) }
            if !outcome.reasons.is_empty() {
                <h3>{ t.why }</h3>
                <ul>{ for outcome.reasons.iter().map(|r| html! { <li>{ r.text(t) }</li> }) }</ul>
            }
            <h3>{ t.summary_rows[0] }</h3>
            { rows(context) }
            { rows(summary.every_answer(t)) }
            if !outcome.factors.is_empty() {
                <h3>{ t.may_have_contributed }</h3>
                <ul>{ for outcome.factors.iter().flat_map(|g| g.factors.iter()).map(|f| html! { <li>{ t.factor(*f).contributed }</li> }) }</ul>
            }
            <h3>{ t.advice_given }</h3>
            <ul>{ for level.do_now.iter().map(|l| html! { <li>{ config.fill(l) }</li> }) }</ul>
            <h3>{ t.summary_rows[1] }</h3>
            { super::safety_net(&outcome.safety_net, t, &config) }
            <p class="st-muted">{ t.summary_disclaimer }</p>
          </div>
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

/// [`copy_text`] for the set-up page (`src/preview.rs`). Only with the cargo feature `setup`: made
/// public itself, `copy_text` changed the patient's wasm.
#[cfg(feature = "setup")]
pub async fn copy_for_setup(text: &str) -> bool {
    copy_text(text).await
}
