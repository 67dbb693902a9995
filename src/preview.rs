//! For the practice's set-up page only (`src/bin/spasm-setup.rs`): the widget's own root, views and
//! styles, to preview it with a practice's settings, and each result as a patient sees it. The
//! widget's binary (`src/main.rs`) never calls anything here, so the linker leaves it out of the
//! patient's wasm (`scripts/check-budgets.sh` holds the first load to its ceiling).

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

pub use crate::app::{App, AppProps, WIDGET_CSS};
pub use crate::components::{copy_for_setup as copy_text, qr_code};
pub use crate::mount::CANNOT_OPEN;

use crate::components::{ArticleView, LibraryView, ResultView, SelfCareCoach};
use crate::hooks::browser_languages;
use crate::state::{WidgetContext, WidgetState};
use spasm_core::config::{Config, Mode};
use spasm_core::i18n::{Lang, Reading};
use spasm_core::session::{Screen, Session};

/// Styles a shadow root as the loader styles each widget's: the widget's stylesheet, then the
/// practice's accent colour (as the widget adopts it when it mounts). Replaces what it had.
pub fn style_shadow(root: &web_sys::ShadowRoot, accent: Option<&str>) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
    if sheet.replace_sync(WIDGET_CSS).is_err() {
        return;
    }
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets).ok();
    if let Some(accent) = accent {
        crate::mount::adopt_accent_for_setup(root, accent);
    }
}

#[derive(Properties, PartialEq)]
pub struct ScreenPreviewProps {
    pub config: Rc<Config>,
    /// A session at a result (or in the self-care guide opened from one).
    pub session: Session,
    /// The folder of the widget's files (its articles' data files sit there), as the app has it.
    pub page_url: Option<AttrValue>,
}

/// One result (or the self-care guide) exactly as the widget's views show it to a patient whose
/// session this is, with the practice's configuration: the widget's state provided as the app
/// provides it, and the same views ([`ResultView`], [`SelfCareCoach`], and the articles its "Read
/// more" opens); the guide's and the article's way back go back to the result.
#[function_component]
pub fn ScreenPreview(props: &ScreenPreviewProps) -> Html {
    let state = {
        let (config, session, page_url) = (props.config.clone(), props.session.clone(), props.page_url.clone());
        use_reducer(move || {
            let reading = Reading { lang: Lang::negotiate(config.lang, browser_languages().iter().map(String::as_str)), large: false };
            WidgetState { session, reading, default_reading: reading, config, page_url, storage_key: None }
        })
    };
    let body = match state.session.screen {
        Screen::Coach => html! { <SelfCareCoach /> },
        Screen::Library => html! { <LibraryView /> },
        Screen::Article(index) => html! { <ArticleView {index} /> },
        _ => html! { <ResultView /> },
    };
    let class = if props.config.mode == Mode::Kiosk { "st-root st-kiosk" } else { "st-root" };
    html! {
        <ContextProvider<WidgetContext> context={state.clone()}>
            <div {class} lang={state.reading.lang.code()}>{ body }</div>
        </ContextProvider<WidgetContext>>
    }
}
