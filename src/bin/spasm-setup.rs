//! The practice's set-up page (`setup.html`, built by `scripts/build.sh` into `dist/setup/`): a form
//! for every attribute, checked by the widget's own parser with its own messages; a live preview of
//! the real widget and each result as a patient sees it; the tag to paste; the kiosk link; the
//! waiting-room poster. Its own wasm, never the patient's: nothing here is in what a patient
//! downloads. It sends nothing anywhere and stores nothing: the entries live in the page only.
//!
//! The pure parts are in `spasm_core::setup` (native tests); the widget's views come from
//! `spasm_triage::preview`. The page is for staff, in English only; the poster is in both languages.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use spasm_core::config::{contrast_with_white, Config};
use spasm_core::i18n::fill;
use spasm_core::setup::{self, Kind, Sample, FIELDS, POSTER, SAMPLES};
use spasm_triage::preview::{copy_text, qr_code, style_shadow, App, AppProps, ScreenPreview, CANNOT_OPEN};

fn main() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        yew::Renderer::<Setup>::with_root(body.into()).render();
    }
}

/// The loader's integrity hash, written into the page by `scripts/build.sh` when it merges the
/// set-up page into the release (none in a debug build).
fn loader_integrity() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector("meta[name=spasm-loader-integrity]").ok()??;
    meta.get_attribute("content").filter(|c| c.starts_with("sha384-"))
}

/// This build's own address: the folder above the set-up page's.
fn this_build() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base("../", &href).map(|u| u.href()).unwrap_or_default()
}

/// The widget's message for a field's value, or none: the core's parser, and for the booking
/// address also the browser's (as the widget checks it when it mounts).
fn problem(attribute: &str, value: &str) -> Option<&'static str> {
    setup::problem(attribute, value).or_else(|| {
        (attribute == "data-booking-url" && !value.trim().is_empty() && web_sys::Url::new(value.trim()).is_err()).then_some(CANNOT_OPEN)
    })
}

fn value_of(e: &Event) -> String {
    e.target().and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok()).and_then(|v| v.as_string()).unwrap_or_default()
}

#[function_component]
fn Setup() -> Html {
    let values = use_state(|| FIELDS.iter().map(|f| (f.attribute, String::new())).collect::<Vec<_>>());
    let address = use_state(this_build);
    let sample = use_state(|| None::<Sample>);
    let copied = use_state(String::new);
    let integrity = use_memo((), |_| loader_integrity());

    let attributes = setup::attributes(&values);
    // Only what the browser can open too (the widget drops the rest when it mounts).
    let attributes: Vec<_> = attributes.into_iter().filter(|(a, v)| problem(a, v).is_none()).collect();
    let config = Rc::new(setup::config(&attributes));
    let address_problem = setup::problem("data-booking-url", &address);
    let base = if address_problem.is_none() && !address.trim().is_empty() { setup::folder(&address) } else { this_build() };
    let tag = setup::embed_tag(&base, integrity.as_deref(), &attributes);
    let kiosk = setup::page_link(&base, &attributes, true);
    let standalone = setup::page_link(&base, &attributes, false);

    let fields = FIELDS.iter().map(|field| {
        let value = values.iter().find(|(a, _)| *a == field.attribute).map(|(_, v)| v.clone()).unwrap_or_default();
        let oninput = {
            let values = values.clone();
            let attribute = field.attribute;
            Callback::from(move |e: Event| {
                let mut next = (*values).clone();
                if let Some(entry) = next.iter_mut().find(|(a, _)| *a == attribute) {
                    entry.1 = value_of(&e);
                }
                values.set(next);
            })
        };
        field_view(field, &value, problem(field.attribute, &value), oninput)
    });

    let set_address = {
        let address = address.clone();
        Callback::from(move |e: InputEvent| address.set(value_of(&e)))
    };
    let copy = {
        let (copied, tag) = (copied.clone(), tag.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, tag) = (copied.clone(), tag.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if copy_text(&tag).await {
                    copied.set("Copied.".into());
                } else {
                    // No clipboard: select the tag, for the keyboard's copy.
                    let area = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("tag"));
                    if let Some(area) = area.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
                        area.focus().ok();
                        if let Ok(select) = js_sys::Reflect::get(&area, &JsValue::from_str("select")) {
                            select.dyn_ref::<js_sys::Function>().map(|f| f.call0(&area));
                        }
                    }
                    copied.set("The tag is selected: press Ctrl+C (Command+C on a Mac) to copy it.".into());
                }
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        web_sys::window().map(|w| w.print());
    });
    let choices = std::iter::once(None).chain(SAMPLES.iter().copied().map(Some)).map(|choice| {
        let pressed = *sample == choice;
        let onclick = {
            let sample = sample.clone();
            Callback::from(move |_: MouseEvent| sample.set(choice))
        };
        let label = choice.map_or("Start screen (live)", Sample::label);
        html! { <button type="button" class="choice" aria-pressed={if pressed { "true" } else { "false" }} {onclick}>{ label }</button> }
    });
    let emergency = config.emergency_number.clone();

    html! {
        <main class="setup">
            <header class="intro">
                <h1>{ "Set up the back spasm check" }</h1>
                <p>{ "Fill in your practice's details. The preview shows the real widget with them. Then copy the tag for your website, set up a tablet, and print a poster for the waiting room. Nothing you enter leaves this page: it is not sent or stored anywhere." }</p>
            </header>
            { intended_use() }
            <div class="columns">
                <form class="form" aria-labelledby="settings-h" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <h2 id="settings-h">{ "Your settings" }</h2>
                    <p class="hint">{ "Leave a field empty to use the default. A value the widget would refuse is marked here with the widget's own message, and left out of the tag." }</p>
                    <div class="field">
                        <label for="address">{ "Address where you will host the files" }</label>
                        <input id="address" type="url" inputmode="url" autocomplete="off" value={(*address).clone()} oninput={set_address}
                            aria-describedby="address-hint address-error" aria-invalid={if address_problem.is_some() { "true" } else { "false" }} />
                        <p id="address-hint" class="hint">{ "The folder with the files of dist/, such as https://clinic.example/back-check/. The tag, the kiosk link and the poster point here." }</p>
                        <p id="address-error" class="error">{ address_problem.unwrap_or_default() }</p>
                    </div>
                    { for fields }
                </form>
                <section class="preview" aria-labelledby="preview-h">
                    <h2 id="preview-h">{ "Preview" }</h2>
                    <p class="hint">{ "Show me each result: how a patient sees each level of care, with your settings. Each comes from real answers (the one warning sign named below it)." }</p>
                    <div class="choices" role="group" aria-label="Show me each result">{ for choices }</div>
                    if let Some(Sample::Level(_)) | Some(Sample::Guide) = *sample {
                        <p class="hint">{ sample_note(*sample) }</p>
                    }
                    <WidgetPreview config={config.clone()} sample={*sample} />
                </section>
            </div>
            <section class="tag" aria-labelledby="tag-h">
                <h2 id="tag-h">{ "The tag to paste" }</h2>
                <p class="hint">{ "Put it on your page where the widget should appear. The text inside shows only if the widget cannot load." }</p>
                if integrity.is_none() {
                    <p class="error">{ "This is a debug build: the tag has no integrity hash. Build the release (scripts/build.sh) for the tag to paste." }</p>
                }
                <label for="tag">{ "Tag for " }{ base.clone() }</label>
                <textarea id="tag" readonly=true rows="7" spellcheck="false" value={tag}></textarea>
                <button type="button" class="primary" onclick={copy}>{ "Copy the tag" }</button>
                <p class="status" role="status">{ (*copied).clone() }</p>
            </section>
            <section class="kiosk" aria-labelledby="kiosk-h">
                <h2 id="kiosk-h">{ "Set up a waiting-room tablet" }</h2>
                <p>{ "Open this address on the tablet, or scan the code with it, then pin the app on screen (README: Kiosk mode)." }</p>
                <p><a href={kiosk.clone()}>{ kiosk.clone() }</a></p>
                { qr_code(kiosk.clone().into(), format!("Kiosk address: {kiosk}").into()) }
            </section>
            <section class="poster" aria-labelledby="poster-h">
                <h2 id="poster-h">{ "Waiting-room poster" }</h2>
                <p>{ "One page, A4 or Letter, in English and Spanish. Its code opens " }<a href={standalone.clone()}>{ standalone.clone() }</a>{ " on the patient's own phone." }</p>
                <button type="button" class="primary" onclick={print}>{ "Print the poster" }</button>
                { poster(&standalone, &emergency) }
            </section>
        </main>
    }
}

/// A field: its label, its input, its hint and the widget's message for its value, tied to the
/// input (aria-describedby, aria-invalid). The accent colour shows its contrast with white too.
fn field_view(field: &setup::Field, value: &str, problem: Option<&'static str>, oninput: Callback<Event>) -> Html {
    let id = field.attribute.trim_start_matches("data-");
    let (hint, error, contrast) = (format!("{id}-hint"), format!("{id}-error"), format!("{id}-contrast"));
    let colour = field.kind == Kind::Colour;
    let describedby = if colour { format!("{hint} {contrast} {error}") } else { format!("{hint} {error}") };
    let invalid = if problem.is_some() { "true" } else { "false" };
    let input = match field.kind {
        Kind::Choice(options) => html! {
            <select id={id.to_string()} aria-describedby={describedby} onchange={oninput}>
                { for options.iter().map(|(v, label)| html! { <option value={*v} selected={*v == value}>{ *label }</option> }) }
            </select>
        },
        kind => {
            let (kind, mode) = match kind {
                Kind::Tel => ("tel", "tel"),
                Kind::Url => ("url", "url"),
                Kind::Number => ("text", "numeric"),
                _ => ("text", "text"),
            };
            html! {
                <input id={id.to_string()} type={kind} inputmode={mode} autocomplete="off" value={value.to_string()}
                    aria-describedby={describedby} aria-invalid={invalid} oninput={oninput.reform(|e: InputEvent| e.into())} />
            }
        }
    };
    let ratio = colour.then(|| contrast_with_white(value)).flatten();
    html! {
        <div class="field">
            <label for={id.to_string()}>{ field.label }</label>
            { input }
            <p id={hint} class="hint">{ field.hint }</p>
            if colour {
                <p id={contrast} class="contrast">{ contrast_text(ratio) }</p>
            }
            <p id={error} class="error">{ problem.unwrap_or_default() }</p>
        </div>
    }
}

/// The accent's contrast with white text, and whether the widget takes it.
fn contrast_text(ratio: Option<f64>) -> String {
    match ratio {
        None => "Contrast with white text: enter a colour to see it (the default #0b5d55 has 7.75:1).".into(),
        Some(r) if r >= 4.5 => format!("Contrast with white text: {r:.2}:1. Passes (at least 4.5:1 is needed)."),
        Some(r) => {
            format!("Contrast with white text: {r:.2}:1. Refused: too light, at least 4.5:1 is needed. The widget keeps its own colour.")
        }
    }
}

fn sample_note(sample: Option<Sample>) -> String {
    match sample.and_then(Sample::yes) {
        Some(finding) => format!(
            "From the answers: \"yes\" to one warning sign ({}), \"no\" to every other, aged 20 to 50.",
            finding.id().replace('_', " ")
        ),
        None => "From the answers: \"no\" to every warning sign, aged 20 to 50, spasms under a day old after heavy lifting.".into(),
    }
}

#[derive(Properties, PartialEq)]
struct WidgetPreviewProps {
    config: Rc<Config>,
    sample: Option<Sample>,
}

/// The real widget, in a shadow root styled as the loader styles each widget: the live app at its
/// start screen, or the chosen sample as the widget's own views show it. Made afresh whenever the
/// settings or the sample change.
#[function_component]
fn WidgetPreview(props: &WidgetPreviewProps) -> Html {
    let host = use_node_ref();
    let shadow = use_mut_ref(|| None::<web_sys::ShadowRoot>);
    {
        let host = host.clone();
        use_effect_with((props.config.clone(), props.sample), move |(config, sample)| {
            let mut destroy: Option<Box<dyn FnOnce()>> = None;
            let root = host.cast::<web_sys::Element>().and_then(|h| {
                let mut shadow = shadow.borrow_mut();
                if shadow.is_none() {
                    *shadow = h.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok();
                }
                shadow.clone()
            });
            if let Some(root) = &root {
                style_shadow(root, config.accent.as_deref());
                root.set_text_content(None);
                let container = root.owner_document().and_then(|d| d.create_element("div").ok());
                if let Some(container) = container {
                    root.append_child(&container).ok();
                    destroy = Some(match sample {
                        // The widget's files are this build's (the folder above): its articles too.
                        None => {
                            let props = AppProps { config: (**config).clone(), page_url: Some(this_build()), ..AppProps::default() };
                            let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
                            Box::new(move || app.destroy())
                        }
                        Some(sample) => {
                            let session = sample.session(js_sys::Date::now() as i64);
                            let props = spasm_triage::preview::ScreenPreviewProps {
                                config: config.clone(),
                                session,
                                page_url: Some(this_build().into()),
                            };
                            let app = yew::Renderer::<ScreenPreview>::with_root_and_props(container, props).render();
                            Box::new(move || app.destroy())
                        }
                    });
                }
            }
            move || {
                if let Some(destroy) = destroy {
                    destroy();
                }
            }
        });
    }
    html! { <div class="widget" ref={host}></div> }
}

/// What the widget is for and who it is not for, in short (README: Intended use).
fn intended_use() -> Html {
    html! {
        <section class="use" aria-labelledby="use-h">
            <h2 id="use-h">{ "Intended use" }</h2>
            <ul>
                <li>{ "For adults with back spasms, to decide what kind of care to seek and how soon, and to care for their back at home when that is enough." }</li>
                <li>{ "Not for children under 16, not for someone who may be having an emergency now (they should call the emergency number), not a diagnosis, and not a tool for staff to triage other people." }</li>
                <li>{ "Its rules have not been reviewed by a clinician outside the project or tested on real patients. It is not cleared, approved or registered as a medical device anywhere. It was written for the US." }</li>
                <li>{ "Your practice must: set the emergency number for your country, keep your phone numbers and booking link right, have your own clinician read each result below before patients use it (and with each release), keep the release current, and own incident reports. See docs/deployment-checklist.md." }</li>
            </ul>
        </section>
    }
}

/// The waiting-room poster: the headline, the code of the standalone page at `link`, and the words
/// in English and Spanish (`spasm_core::setup::POSTER`), with the emergency number.
fn poster(link: &str, number: &str) -> Html {
    let block = |words: &setup::PosterWords| {
        html! {
            <div class="poster-lang" lang={words.lang}>
                <p class="poster-title">{ words.title }</p>
                <p class="poster-scan">{ words.scan }</p>
                <p>{ words.private }</p>
                <p>{ words.what }</p>
                <p class="poster-emergency">{ fill(words.emergency, &[("number", number)]) }</p>
            </div>
        }
    };
    html! {
        <div class="poster-sheet">
            { block(&POSTER[0]) }
            <div class="poster-code">{ qr_code(link.to_string().into(), link.to_string().into()) }</div>
            { block(&POSTER[1]) }
        </div>
    }
}
