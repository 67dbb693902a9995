//! The spine of the web layer, in the shape of Yew's `contexts` example: the widget's state (the
//! patient's session and the practice's configuration, as named fields), its context type, [`send`],
//! and the hooks that read it. Every view imports this module for its state and never the app
//! module; [`crate::app`] provides the context and picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use spasm_core::config::Config;
use spasm_core::i18n::{Lang, Texts};
use spasm_core::session::{Action, Session};

/// What every view renders from. The reducer is [`Session::apply`]; the configuration is fixed
/// when the widget mounts and travels with the session, so views read both from one context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WidgetState {
    /// One patient's session: the screen, the answers, and everything the engine decides from.
    pub session: Session,
    /// The practice's `data-*` configuration.
    pub config: Rc<Config>,
    /// Where this widget keeps what must survive a reload (sessionStorage keys start with it), if
    /// anywhere: never in kiosk mode, and each widget on a page has its own.
    pub storage_key: Option<Rc<str>>,
}

impl Reducible for WidgetState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(WidgetState { session: self.session.apply(action), config: self.config.clone(), storage_key: self.storage_key.clone() })
    }
}

/// The widget's state as Yew shares it: read it, or `dispatch` an [`Action`] to change it.
pub type WidgetContext = UseReducerHandle<WidgetState>;

/// A callback that sends `action` to the session, whatever the event.
pub fn send<E: 'static>(state: &WidgetContext, action: Action) -> Callback<E> {
    let state = state.clone();
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

/// The language the patient is reading, from the app's context.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The words of the language the patient is reading.
#[hook]
pub fn use_texts() -> &'static Texts {
    use_lang().texts()
}
