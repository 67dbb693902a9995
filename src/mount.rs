//! Mounting the widget into a page element, with a panic message shown inside the widget instead
//! of a blank box.

use wasm_bindgen::JsCast;
use yew::AppHandle;

use crate::app::App;

/// What the widget says if it fails. Plain, actionable, and safe: it repeats the emergency advice.
pub const FAILURE_TEXT: &str =
    "Sorry, the back spasm check stopped working. Please reload the page. If you think it is an emergency, call 911 now.";

/// Mounts the app into the element with `id`. Returns `None` when there is no such element.
pub fn mount_by_id(id: &str) -> Option<AppHandle<App>> {
    let document = web_sys::window()?.document()?;
    let root = document.get_element_by_id(id)?;
    install_panic_message(root.clone());
    root.set_inner_html("");
    Some(yew::Renderer::<App>::with_root(root).render())
}

/// On a panic, replace the widget's own content (never the host page) with [`FAILURE_TEXT`].
fn install_panic_message(root: web_sys::Element) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(element) = root.dyn_ref::<web_sys::HtmlElement>() {
            element.set_inner_text("");
            let document = element.owner_document();
            if let Some(note) = document.and_then(|d| d.create_element("p").ok()) {
                note.set_class_name("st-error");
                note.set_attribute("role", "alert").ok();
                note.set_text_content(Some(FAILURE_TEXT));
                element.append_child(&note).ok();
            }
        }
        previous(info);
    }));
}
