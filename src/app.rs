//! The Yew views. Thin: they render state from the pure core and send actions.

use yew::prelude::*;

use crate::ids::Level;

/// The widget's root component.
#[function_component]
pub fn App() -> Html {
    let levels = Level::ALL.iter().rev().map(|level| html! { <li>{ level.text().headline.replace("{number}", "911") }</li> });
    html! {
        <main class="spasm-triage">
            <h1>{ "Back spasm check" }</h1>
            <p>{ "Answer a few short questions. We will tell you what kind of care you need." }</p>
            <ul>{ for levels }</ul>
        </main>
    }
}
