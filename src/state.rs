//! The spine of the web layer, in the shape of Yew's `contexts` example: the widget's state (the
//! patient's session and reading choices, the practice's configuration and what else was fixed at
//! mount, as named fields), its context type, [`send`],
//! and the hooks that read it. Every view imports this module for its state and never the app
//! module; [`crate::app`] provides the context and picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use spasm_core::config::{Config, Mode};
use spasm_core::i18n::{Lang, Reading, Texts};
use spasm_core::session::{Action, Session};

/// What every view renders from: the patient's session and reading choices, and what was fixed
/// when the widget mounted (the practice's configuration, where to keep things, the reading
/// choices a new patient starts with).
#[derive(Debug, PartialEq)]
pub struct WidgetState {
    /// One patient's session: the screen, the answers, and everything the engine decides from.
    pub session: Session,
    /// The language and text size the patient reads in.
    pub reading: Reading,
    /// What a new patient starts with: the practice's language, else the browser's, else English.
    pub default_reading: Reading,
    /// The practice's `data-*` configuration.
    pub config: Rc<Config>,
    /// The widget's own page, or the folder its files are served from (the embed's): hand-off
    /// links point at it, and the articles' data files sit beside it.
    pub page_url: Option<AttrValue>,
    /// Where this widget keeps what must survive a reload (sessionStorage keys start with it), if
    /// anywhere: never in kiosk mode, and each widget on a page has its own.
    pub storage_key: Option<Rc<str>>,
}

/// What a widget keeps in sessionStorage (never in kiosk mode), each under the widget's storage key
/// with a suffix of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// The patient's session.
    Session,
    /// The reading choices, when the patient changed them.
    Reading,
    /// The self-care guide's ice or heat round.
    CoachRound,
}

impl Kept {
    /// Where `self` is kept for the widget whose storage key is `key`.
    pub fn key(self, key: &str) -> String {
        let suffix = match self {
            Kept::Session => "",
            Kept::Reading => "-reading",
            Kept::CoachRound => "-coach",
        };
        format!("{key}{suffix}")
    }
}

impl WidgetState {
    /// Where `what` is kept for this widget, or `None` when the widget keeps nothing.
    pub fn kept_key(&self, what: Kept) -> Option<String> {
        self.storage_key.as_deref().map(|key| what.key(key))
    }
}

/// A change to the widget's state: one of the session's [`Action`]s, or new reading choices.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetAction {
    Session(Action),
    Read(Reading),
}

impl From<Action> for WidgetAction {
    fn from(action: Action) -> WidgetAction {
        WidgetAction::Session(action)
    }
}

impl Reducible for WidgetState {
    type Action = WidgetAction;
    fn reduce(self: Rc<Self>, action: WidgetAction) -> Rc<Self> {
        let (session, reading) = match action {
            WidgetAction::Session(action) => {
                let session = self.session.apply(action);
                // Nothing kept between patients: a kiosk's fresh session resets the reading too.
                let fresh_kiosk = self.config.mode == Mode::Kiosk && session == Session::default();
                (session, if fresh_kiosk { self.default_reading } else { self.reading })
            }
            WidgetAction::Read(reading) => (self.session.clone(), reading),
        };
        Rc::new(WidgetState {
            session,
            reading,
            default_reading: self.default_reading,
            config: self.config.clone(),
            page_url: self.page_url.clone(),
            storage_key: self.storage_key.clone(),
        })
    }
}

/// The widget's state as Yew shares it: read it, or `dispatch` an [`Action`] to change it.
pub type WidgetContext = UseReducerHandle<WidgetState>;

/// A callback that sends `action` to the widget's state, whatever the event.
pub fn send<E: 'static>(state: &WidgetContext, action: impl Into<WidgetAction>) -> Callback<E> {
    let state = state.clone();
    let action = action.into();
    Callback::from(move |_| state.dispatch(action.clone()))
}

/// The widget's state, from the app's context.
#[hook]
pub fn use_widget() -> WidgetContext {
    use_context::<WidgetContext>().expect("the app provides the widget's state")
}

/// The practice's configuration, from the widget's state.
#[hook]
pub fn use_config() -> Rc<Config> {
    use_widget().config.clone()
}

/// The language the patient is reading.
#[hook]
pub fn use_lang() -> Lang {
    use_widget().reading.lang
}

/// The words of the language the patient is reading.
#[hook]
pub fn use_texts() -> &'static Texts {
    use_lang().texts()
}
