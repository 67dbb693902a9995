//! Entry point: only mounts the app. Everything else is in the library.

fn main() {
    yew::Renderer::<spasm_triage::app::App>::new().render();
}
