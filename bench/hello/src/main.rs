//! A minimal Yew app: the baseline scripts/bench.sh compares the widget with.

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <h1>{ "Hello world" }</h1> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
