use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::{send, SessionContext};
use crate::library::{find, ARTICLES};
use crate::session::Action;

/// The article library: search and a list of every article.
#[function_component]
pub fn LibraryView() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let shown: Vec<usize> = if query.trim().is_empty() {
        (0..ARTICLES.len()).collect()
    } else {
        find(&query).iter().filter_map(|a| ARTICLES.iter().position(|b| std::ptr::eq(*a, b))).collect()
    };
    let items = shown.iter().map(|n| {
        let n = *n;
        let article = &ARTICLES[n];
        let onclick = send(&session, Action::OpenArticle(n));
        html! {
            <li>
                <button type="button" class="st-article-link" {onclick}>{ article.title }</button>
                <p class="st-muted">{ article.summary }</p>
            </li>
        }
    });
    let status = match (query.trim().is_empty(), shown.len()) {
        (true, n) => format!("{n} articles"),
        (false, 0) => "No articles match your search.".to_string(),
        (false, 1) => "1 article matches your search.".to_string(),
        (false, n) => format!("{n} articles match your search."),
    };
    let back = send(&session, Action::Back);
    html! {
        <section class="st-screen">
            <h2 data-focus-heading="" tabindex="-1">{ "Read about back spasms" }</h2>
            <label class="st-search" for="st-search">{ "Search the articles" }</label>
            <input id="st-search" type="search" value={(*query).clone()} {oninput} autocomplete="off" />
            <p class="st-muted" role="status">{ status }</p>
            <ul class="st-library">{ for items }</ul>
            <button type="button" class="st-secondary" onclick={back}>{ "Back" }</button>
        </section>
    }
}
