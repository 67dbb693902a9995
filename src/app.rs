//! The widget's root: it provides the widget's state ([`crate::state`]: the session, the reading
//! choices, the configuration) to every view, and picks the screen. Each of its side effects
//! (keeping the state, focus, the announcement, the result event, the finish time, the kiosk's
//! activity clock) is a hook of its own below.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    button, clear_button, with_attributes, ArticleView, KioskGuard, LibraryView, OneQuestion, QuestionPage, ResultView, ReviewAnswers,
    SelfCareCoach, StartScreen, SummaryView,
};
use crate::hooks::{browser_languages, keep, now_ms, stored};
use crate::state::{send, Kept, WidgetAction, WidgetContext, WidgetState};
use spasm_core::config::{Config, Mode};
use spasm_core::handoff::{HandoffError, Summary};
use spasm_core::i18n::{Lang, Reading, Texts};
use spasm_core::ids::Level;
use spasm_core::questionnaire::Responses;
use spasm_core::session::{Action, Screen, Session};

/// The widget's styles, minified. Not in the wasm: the build writes them into the loader
/// (`src/bin/spasm-prerender.rs`), which adopts them into each widget's shadow root before it
/// paints the first screen.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The practice's configuration. Read when the widget first renders (a mounted widget's props
    /// never change); views get it from the widget's state.
    #[prop_or_default]
    pub config: Config,
    /// Told the level each time a result is shown (the embed turns it into a host-page event).
    #[prop_or_default]
    pub on_result: Option<Callback<Level>>,
    /// Where to keep the session across a reload (sessionStorage), if anywhere. Never in kiosk mode.
    #[prop_or_default]
    pub storage_key: Option<String>,
    /// A summary opened from a hand-off link (or why it could not be read), shown read-only.
    #[prop_or_default]
    pub handoff: Option<Result<Summary, HandoffError>>,
    /// The widget's own page, for hand-off links.
    #[prop_or_default]
    pub page_url: Option<String>,
    /// True on the widget's own (standalone) page: the browser's Back and forward buttons move
    /// between its screens (never in kiosk mode, never on a host page).
    #[prop_or_default]
    pub history: bool,
}

/// The widget's root component.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_kept_state(props);
    let session = &state.session;
    let kiosk = props.config.mode == Mode::Kiosk;
    let fresh = *session == Session::default();
    let lang = state.reading.lang;
    let t = lang.texts();
    let root = use_node_ref();
    use_focus_on_new_screen(session.screen, root.clone());
    let announcement = use_announcement(session.screen, announce(session, t, &props.config));
    use_result_event(session, props.on_result.clone());
    let finished_at = use_finished_at(session);
    let (last_activity, activity) = use_kiosk_activity(kiosk);
    let shared = use_state(|| props.handoff.clone());

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
    let body = match ((*shared).clone(), session.screen) {
        (Some(Err(error)), _) => html! {
            <section class="st-screen">
                <h2 data-focus-heading="" tabindex="-1">{ t.summary_error_title }</h2>
                <p role="alert">{ error.message(t) }</p>
                { button("st-primary", t.new_check.into(), new_check.reform(|_| ())) }
            </section>
        },
        // A summary opened from a link, or the patient's own.
        (opened @ Some(Ok(_)), _) | (opened @ None, Screen::Summary) => {
            let (summary, page_url, back_label, on_back) = match opened {
                Some(Ok(summary)) => (summary, None, t.new_check, new_check),
                _ => (
                    Summary::new(session.responses.clone(), session.outcome().level, finished_at),
                    state.page_url.clone(),
                    t.back_to_result,
                    send(&state, Action::Back),
                ),
            };
            html! { <SummaryView {summary} {page_url} {back_label} {on_back} /> }
        }
        (_, Screen::Start) => html! { <StartScreen /> },
        (_, Screen::Page(_)) => match session.page() {
            Some((_, page)) if page.single().is_some() => html! { <OneQuestion /> },
            _ => html! { <QuestionPage /> },
        },
        (_, Screen::Review) => html! { <ReviewAnswers /> },
        (_, Screen::Result) => html! { <ResultView /> },
        (_, Screen::Library) => html! { <LibraryView /> },
        (_, Screen::Article(index)) => html! { <ArticleView {index} /> },
        (_, Screen::Coach) => html! { <SelfCareCoach /> },
    };
    // "Clear my answers" where answers are kept, and "Start over" on every result: both ask first.
    let on_result = session.screen == Screen::Result;
    let show_clear = (state.storage_key.is_some() || on_result) && !fresh && shared.is_none();
    let widget = html! {
        <div ref={root}
            onpointerdown={as_activity::<PointerEvent>(&activity)}
            ontouchstart={as_activity::<TouchEvent>(&activity)}
            onkeydown={as_activity::<KeyboardEvent>(&activity)}
            onscroll={activity.clone()}
            oncontextmenu={kiosk.then(|| Callback::from(|e: MouseEvent| e.prevent_default()))}>
            { toolbar(&state) }
            <p class="st-sr-only" aria-live="polite">{ announcement }</p>
            { body }
            if show_clear {
                <div class="st-clear st-noprint">{ clear_button(&state, "st-link-button", if on_result { t.start_over } else { t.clear_answers }) }</div>
            }
            if kiosk {
                <KioskGuard {last_activity} />
            }
        </div>
    };
    let classes = ROOT_CLASSES[usize::from(kiosk) + 2 * usize::from(state.reading.large)];
    html! {
        <ContextProvider<WidgetContext> context={state.clone()}>
            { with_attributes(widget, &["class", "lang"], [classes.into(), lang.code().into()]) }
        </ContextProvider<WidgetContext>>
    }
}

/// The root's classes by kiosk mode and larger text (index `kiosk + 2 * large`).
const ROOT_CLASSES: [&str; 4] = ["st-root", "st-root st-kiosk", "st-root st-large", "st-root st-kiosk st-large"];

/// The widget's state, restored from sessionStorage under the widget's storage key (if it keeps
/// anything: never in kiosk mode) and kept there on every
/// change, so nothing is lost on a reload; a fresh session (Start over, "Clear my answers")
/// removes the saved one at once, and the self-care guide's round with it, so the next person in
/// the tab finds nothing running. The reading choices are kept beside it only when the patient
/// changed them.
#[hook]
fn use_kept_state(props: &AppProps) -> WidgetContext {
    let state = {
        let key = props.storage_key.clone().filter(|_| props.config.persist);
        let config = Rc::new(props.config.clone());
        let page_url = props.page_url.clone().map(AttrValue::from);
        use_reducer(move || {
            let default_reading =
                Reading { lang: Lang::negotiate(config.lang, browser_languages().iter().map(String::as_str)), large: false };
            let saved = |what: Kept| key.as_ref().and_then(|k| stored(&what.key(k)));
            WidgetState {
                session: saved(Kept::Session).and_then(|text| Session::restore(&text)).unwrap_or_default(),
                reading: saved(Kept::Reading).and_then(|text| Reading::decode(&text)).unwrap_or(default_reading),
                default_reading,
                config,
                page_url,
                storage_key: key.map(Rc::from),
            }
        })
    };
    // The browser's history follows the screens on the standalone page, never in kiosk mode.
    let place = use_mut_ref(|| None::<(usize, usize)>);
    let at = (props.history && props.config.mode != Mode::Kiosk).then_some(place);
    // After every change (a new state is a new value, so the handle compares unequal).
    use_effect_with(state.clone(), move |state| {
        if let Some(key) = state.storage_key.as_deref() {
            let fresh = state.session == Session::default();
            keep(&Kept::Session.key(key), (!fresh).then(|| state.session.save()));
            keep(&Kept::Reading.key(key), (state.reading != state.default_reading).then(|| state.reading.encode()));
            if fresh {
                keep(&Kept::CoachRound.key(key), None);
            }
        }
        follow_history(at, state)
    });
    state
}

/// Where the browser's history stands for the widget: the depth ([`Session::depth`]) its current
/// entry stands for, and the lowest of the widget's entries.
type HistoryPlace = Rc<std::cell::RefCell<Option<(usize, usize)>>>;

/// The browser's Back and forward buttons move between the widget's screens (with `at`, on the
/// standalone page only): each screen the patient moves on to is a history entry whose state is
/// its depth, the browser's Back and forward send Back and Forward, and the widget's own Back (or
/// an edit's return to the review, or Start over) takes the browser back with it, never below the
/// entry the widget started on. Run after every change; listens for the browser's moves until the
/// next (the returned cleanup). The logic is the session's; this only keeps the browser in step.
fn follow_history(at: Option<HistoryPlace>, state: &WidgetContext) -> impl FnOnce() {
    let depth = state.session.depth();
    let window = web_sys::window().filter(|_| at.is_some());
    let history = window.as_ref().and_then(|w| w.history().ok());
    if let (Some(history), Some(at)) = (&history, &at) {
        let here = wasm_bindgen::JsValue::from(depth as u32);
        let mut at = at.borrow_mut();
        *at = Some(match *at {
            Some((cur, base)) if depth == cur => (cur, base),
            Some((cur, base)) if depth > cur => {
                history.push_state(&here, "").ok();
                (depth, base)
            }
            Some((cur, base)) if depth >= base => {
                history.go_with_delta(depth as i32 - cur as i32).ok();
                (depth, base)
            }
            // The first render, or back below where the widget started (a restored session).
            _ => {
                history.replace_state_with_url(&here, "", None).ok();
                (depth, depth)
            }
        });
    }
    let state = state.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let went = history.as_ref().and_then(|h| h.state().ok()).and_then(|s| s.as_f64());
        let (Some(went), Some(at)) = (went.map(|d| d as usize), &at) else { return };
        if let Some((cur, _)) = at.borrow_mut().as_mut() {
            *cur = went;
        }
        let step = if went > depth { Action::Forward } else { Action::Back };
        for _ in 0..went.abs_diff(depth) {
            state.dispatch(step.clone().into());
        }
    });
    if let Some(w) = &window {
        w.add_event_listener_with_callback("popstate", wasm_bindgen::JsCast::unchecked_ref(listener.as_ref())).ok();
    }
    move || {
        if let Some(w) = &window {
            w.remove_event_listener_with_callback("popstate", wasm_bindgen::JsCast::unchecked_ref(listener.as_ref())).ok();
        }
    }
}

/// Moves focus to a new screen's heading, so keyboard and screen-reader users land on it. Not on
/// the first render: the widget must not steal focus from the host page when it loads.
#[hook]
fn use_focus_on_new_screen(screen: Screen, root: NodeRef) {
    let first = use_mut_ref(|| true);
    use_effect_with(screen, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let heading = root.cast::<web_sys::Element>().and_then(|r| r.query_selector("[data-focus-heading]").ok().flatten());
        if let Some(heading) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
            heading.focus().ok();
        }
    });
}

/// What the live region says: `said` ("Question 2 of about 35", "Your result: ...") each time a new
/// screen opens, and nothing when the widget first loads.
#[hook]
fn use_announcement(screen: Screen, said: String) -> String {
    let first = use_mut_ref(|| true);
    let announcement = use_state(String::new);
    {
        let announcement = announcement.clone();
        use_effect_with(screen, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                announcement.set(said);
            }
        });
    }
    (*announcement).clone()
}

/// Tells `on_result` the level each time a result is shown.
#[hook]
fn use_result_event(session: &Session, on_result: Option<Callback<Level>>) {
    let level = (session.screen == Screen::Result).then(|| session.outcome().level);
    use_effect_with(level, move |level| {
        if let (Some(level), Some(on_result)) = (level, on_result) {
            on_result.emit(*level);
        }
    });
}

/// When the check finished: the first time a result showed for these answers. Read once, so a
/// language switch or any other render never moves the summary's time.
#[hook]
fn use_finished_at(session: &Session) -> i64 {
    let finished = use_mut_ref(|| None::<(Responses, i64)>);
    let mut finished = finished.borrow_mut();
    if matches!(session.screen, Screen::Result | Screen::Summary)
        && finished.as_ref().map(|(answers, _)| answers) != Some(&session.responses)
    {
        *finished = Some((session.responses.clone(), now_ms()));
    }
    finished.as_ref().map_or(0, |(_, at)| *at)
}

/// Kiosk mode's activity clock: when the patient last touched, pointed, typed or scrolled, and
/// (in kiosk mode only) the callback the root calls on each of those events.
#[hook]
fn use_kiosk_activity(kiosk: bool) -> (Rc<Cell<i64>>, Option<Callback<Event>>) {
    let last = use_mut_ref(|| Rc::new(Cell::new(now_ms()))).borrow().clone();
    let activity = {
        let last = last.clone();
        kiosk.then(|| Callback::from(move |_: Event| last.set(now_ms())))
    };
    (last, activity)
}

/// The kiosk's activity callback for a pointer, touch or key event (each is an `Event` too).
fn as_activity<E: Into<Event> + 'static>(activity: &Option<Callback<Event>>) -> Option<Callback<E>> {
    activity.as_ref().map(|c| c.reform(E::into))
}

/// The language switch and the larger-text toggle.
fn toolbar(state: &WidgetContext) -> Html {
    let current = state.reading;
    let t = current.lang.texts();
    let other = current.lang.other();
    let set = |next: Reading| send(state, WidgetAction::Read(next));
    html! {
        <div class="st-toolbar st-noprint" role="group" aria-label={t.toolbar}>
            <button type="button" class="st-tool" lang={other.code()} onclick={set(Reading { lang: other, ..current })}>{ other.texts().name }</button>
            <button type="button" class="st-tool" aria-pressed={if current.large { "true" } else { "false" }}
                onclick={set(Reading { large: !current.large, ..current })}>{ t.larger_text }</button>
        </div>
    }
}

/// What the live region says when a screen opens: where the patient is, or the result.
fn announce(session: &Session, t: &'static Texts, config: &Config) -> String {
    match session.screen {
        Screen::Page(_) => crate::components::progress_text(session, t),
        Screen::Result => format!("{}: {}", t.your_result, config.fill(t.level(session.outcome().level).headline)),
        _ => String::new(),
    }
}
