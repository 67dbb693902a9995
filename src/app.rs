//! The Yew views. Thin: they render the [`Session`] and send [`Action`]s; the engine decides.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    emergency_question, result_view, review_answers, start_screen, with_attributes, ArticleView, KioskGuard, LibraryView, QuestionPage,
    SelfCareCoach, SummaryView,
};
use spasm_core::config::{Config, Mode};
use spasm_core::i18n::{fill, Lang, Reading};
use spasm_core::session::{Action, Screen, Session};

/// The widget's styles, compiled in; [`crate::mount`] adopts them into the widget's shadow root.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// The session as Yew state: the reducer is [`Session::apply`]. It carries the practice's
/// configuration (fixed when the widget mounts) too, so components read both from one context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionState(pub Session, pub Rc<Config>);

impl Reducible for SessionState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(SessionState(self.0.apply(action), self.1.clone()))
    }
}

/// Shared with every component through a context.
pub type SessionContext = UseReducerHandle<SessionState>;

/// A callback that sends `action` to the session, whatever the event.
pub fn send<E: 'static>(session: &SessionContext, action: Action) -> Callback<E> {
    let session = session.clone();
    Callback::from(move |_| session.dispatch(action.clone()))
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The practice's configuration. Read when the widget first renders (a mounted widget's props
    /// never change); components get it from the session's context.
    #[prop_or_default]
    pub config: Config,
    /// Told the level each time a result is shown (the embed turns it into a host-page event).
    #[prop_or_default]
    pub on_result: Option<Callback<spasm_core::ids::Level>>,
    /// Where to keep the session across a reload (sessionStorage), if anywhere. Never in kiosk mode.
    #[prop_or_default]
    pub storage_key: Option<String>,
    /// A summary opened from a hand-off link (or why it could not be read), shown read-only.
    #[prop_or_default]
    pub handoff: Option<Result<spasm_core::handoff::Summary, spasm_core::handoff::HandoffError>>,
    /// The widget's own page, for hand-off links.
    #[prop_or_default]
    pub page_url: Option<String>,
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The browser's preferred languages, most preferred first.
pub(crate) fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let mut tags: Vec<String> = navigator.languages().iter().filter_map(|l| l.as_string()).collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// Keeps `value` in sessionStorage under `key`, or removes it when there is nothing to keep.
fn keep(key: &str, value: Option<String>) {
    if let Some(storage) = session_storage() {
        match value {
            Some(value) => storage.set_item(key, &value).ok(),
            None => storage.remove_item(key).ok(),
        };
    }
}

/// The patient's reading choices. Language: the practice's choice, else the browser's, else
/// English; a choice the patient made survives a reload (kept under `key` only when it differs
/// from the default). `reset` (a kiosk's fresh session) puts the default back.
#[hook]
fn use_reading(configured: Option<Lang>, key: Option<String>, reset: bool) -> UseStateHandle<Reading> {
    let default = Reading { lang: Lang::negotiate(configured, browser_languages().iter().map(String::as_str)), large: false };
    let key = key.map(|k| k + "-reading");
    let reading = {
        let key = key.clone();
        use_state(move || {
            let saved = key.and_then(|k| session_storage()?.get_item(&k).ok().flatten());
            saved.and_then(|text| Reading::decode(&text)).unwrap_or(default)
        })
    };
    use_effect_with((*reading, default), move |(r, default)| {
        if let Some(key) = key {
            keep(&key, (r != default).then(|| r.encode()));
        }
    });
    {
        // Nothing kept between patients: a kiosk reset also resets the language and text size.
        let setter = reading.setter();
        use_effect_with(reset, move |reset| {
            if *reset {
                setter.set(default);
            }
        });
    }
    reading
}

/// The language switch and the larger-text toggle.
fn toolbar(reading: &UseStateHandle<Reading>) -> Html {
    let current = **reading;
    let t = current.lang.texts();
    let other = current.lang.other();
    let set = |next: Reading| {
        let setter = reading.setter();
        Callback::from(move |_: MouseEvent| setter.set(next))
    };
    html! {
        <div class="st-toolbar st-noprint" role="group" aria-label={t.toolbar}>
            <button type="button" class="st-tool" lang={other.code()} onclick={set(Reading { lang: other, ..current })}>{ other.texts().name }</button>
            <button type="button" class="st-tool" aria-pressed={if current.large { "true" } else { "false" }}
                onclick={set(Reading { large: !current.large, ..current })}>{ t.larger_text }</button>
        </div>
    }
}

/// The widget's root component.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let storage_key = props.storage_key.clone().filter(|_| props.config.persist);
    let session = {
        let key = storage_key.clone();
        let config = &props.config;
        use_reducer(move || {
            let saved = key.and_then(|k| session_storage()?.get_item(&k).ok().flatten());
            SessionState(saved.and_then(|text| Session::restore(&text)).unwrap_or_default(), Rc::new(config.clone()))
        })
    };
    // Nothing lost on a reload: every change is saved; a fresh session (Start over, "Clear my
    // answers") removes the saved one at once.
    {
        let key = storage_key.clone();
        use_effect_with(session.0.clone(), move |s| {
            if let Some(key) = key {
                keep(&key, (*s != Session::default()).then(|| s.save()));
            }
        });
    }
    let kiosk = props.config.mode == Mode::Kiosk;
    let fresh = session.0 == Session::default();
    let reading = use_reading(props.config.lang, storage_key.clone(), kiosk && fresh);
    let lang = reading.lang;
    let t = lang.texts();
    let shared = use_state(|| props.handoff.clone());
    let root = use_node_ref();
    let screen = session.0.screen;

    // Move focus to the new screen's heading so keyboard and screen-reader users land on it, and
    // say where they are in a live region ("Warning sign 2 of 10", "Your result: ..."). Not on the
    // first render: the widget must not steal focus from the host page when it loads.
    let first_render = use_mut_ref(|| true);
    let announcement = use_state(String::new);
    {
        let root = root.clone();
        let announcement = announcement.clone();
        let said = announce(&session.0, t, &props.config);
        use_effect_with(screen, move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            announcement.set(said);
            if let Some(heading) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("[data-focus-heading]").ok().flatten())
                .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
            {
                heading.focus().ok();
            }
        });
    }

    {
        let on_result = props.on_result.clone();
        let level = (screen == Screen::Result).then(|| session.0.outcome().level);
        use_effect_with(level, move |level| {
            if let (Some(level), Some(on_result)) = (level, on_result) {
                on_result.emit(*level);
            }
        });
    }

    // When the check finished: the first time a result showed for these answers. Read once, so a
    // language switch or any other render never moves the summary's time.
    let finished = use_mut_ref(|| None::<(spasm_core::questionnaire::Responses, i64)>);
    if matches!(screen, Screen::Result | Screen::Summary) {
        let mut finished = finished.borrow_mut();
        if finished.as_ref().map(|(answers, _)| answers) != Some(&session.0.responses) {
            *finished = Some((session.0.responses.clone(), crate::hooks::now_ms()));
        }
    }
    let finished_at = finished.borrow().as_ref().map_or(0, |(_, at)| *at);

    let show_clear = storage_key.is_some() && !fresh && shared.is_none();
    // Leave a hand-off link's fragment behind, so a reload starts fresh too.
    let new_check = {
        let shared = shared.clone();
        Callback::from(move |()| {
            if let Some(w) = web_sys::window() {
                let url = w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default();
                w.history().ok().map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
            }
            shared.set(None);
        })
    };
    let body = match ((*shared).clone(), screen) {
        (Some(Err(error)), _) => html! {
            <section class="st-screen">
                <h2 data-focus-heading="" tabindex="-1">{ t.summary_error_title }</h2>
                <p role="alert">{ error.message(t) }</p>
                { crate::components::button("st-primary", t.new_check.into(), new_check.reform(|_| ())) }
            </section>
        },
        // A summary opened from a link, or the patient's own.
        (opened @ Some(Ok(_)), _) | (opened @ None, Screen::Summary) => {
            let (summary, page_url, back_label, on_back) = match opened {
                Some(Ok(summary)) => (summary, None, t.new_check, new_check),
                _ => (
                    spasm_core::handoff::Summary::new(session.0.responses.clone(), session.0.outcome().level, finished_at),
                    props.page_url.clone().map(AttrValue::from),
                    t.back_to_result,
                    send(&session, Action::Back),
                ),
            };
            html! { <SummaryView {summary} {page_url} {back_label} {on_back} /> }
        }
        (_, Screen::Start) => start_screen(&session, lang),
        (_, Screen::Page(_)) => match session.0.page() {
            Some((_, page)) if page.single_finding().is_some() => emergency_question(&session, lang),
            _ => html! { <QuestionPage /> },
        },
        (_, Screen::Review) => review_answers(&session, lang),
        (_, Screen::Result) => result_view(&session, lang),
        (_, Screen::Library) => html! { <LibraryView page_url={props.page_url.clone().map(AttrValue::from)} /> },
        (_, Screen::Article(index)) => html! { <ArticleView {index} page_url={props.page_url.clone().map(AttrValue::from)} /> },
        (_, Screen::Coach) => html! { <SelfCareCoach /> },
    };
    // Kiosk mode: any touch, pointer or key counts as activity for the idle reset; no context menu.
    let last_activity = use_mut_ref(|| std::rc::Rc::new(std::cell::Cell::new(crate::hooks::now_ms()))).borrow().clone();
    let activity = {
        let last = last_activity.clone();
        kiosk.then(|| Callback::from(move |_: Event| last.set(crate::hooks::now_ms())))
    };
    let on = |_: ()| activity.clone();
    let widget = html! {
                <div ref={root}
                    onpointerdown={on(()).map(|c| c.reform(|e: PointerEvent| e.into()))}
                    ontouchstart={on(()).map(|c| c.reform(|e: TouchEvent| e.into()))}
                    onkeydown={on(()).map(|c| c.reform(|e: KeyboardEvent| e.into()))}
                    onscroll={activity.clone()}
                    oncontextmenu={kiosk.then(|| Callback::from(|e: MouseEvent| e.prevent_default()))}>
                    { toolbar(&reading) }
                    <p class="st-sr-only" aria-live="polite">{ (*announcement).clone() }</p>
                    { body }
                    if show_clear {
                        <p class="st-clear st-noprint">
                            { crate::components::action_button(&session, "st-link-button", t.clear_answers, Action::StartOver) }
                        </p>
                    }
                    if kiosk {
                        <KioskGuard {last_activity} />
                    }
                </div>
    };
    let classes = ROOT_CLASSES[usize::from(kiosk) + 2 * usize::from(reading.large)];
    html! {
        <ContextProvider<Lang> context={lang}>
            <ContextProvider<SessionContext> context={session.clone()}>
                { with_attributes(widget, &["class", "lang"], [classes.into(), lang.code().into()]) }
            </ContextProvider<SessionContext>>
        </ContextProvider<Lang>>
    }
}

/// The root's classes by kiosk mode and larger text (index `kiosk + 2 * large`).
const ROOT_CLASSES: [&str; 4] = ["st-root", "st-root st-kiosk", "st-root st-large", "st-root st-kiosk st-large"];

/// What the live region says when a screen opens: where the patient is, or the result.
fn announce(session: &Session, t: &'static spasm_core::i18n::Texts, config: &Config) -> String {
    match session.screen {
        Screen::Page(_) => match (session.warning_progress(), session.page()) {
            (Some((n, total)), _) => fill(t.warning_progress, &[("n", &n.to_string()), ("total", &total.to_string())]),
            (None, Some((_, page))) => t.page_titles[page.title.index()].to_string(),
            _ => String::new(),
        },
        Screen::Result => format!("{}: {}", t.your_result, config.fill(t.level(session.outcome().level).headline)),
        _ => String::new(),
    }
}
