use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::{send, SessionContext};
use crate::hooks::use_texts;
use crate::i18n::fill;
use crate::i18n::Lang;
use crate::library::{articles, find};
use crate::session::Action;

/// The article library: search and a list of every article.
#[function_component]
pub fn LibraryView() -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let t = use_texts();
    let lang = use_context::<Lang>().unwrap_or_default();
    let list = articles(lang);
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let shown: Vec<usize> = if query.trim().is_empty() {
        (0..list.len()).collect()
    } else {
        find(lang, &query)
    };
    let items = shown.iter().map(|n| {
        let n = *n;
        let article = &list[n];
        let onclick = send(&session, Action::OpenArticle(n));
        html! {
            <li>
                <button type="button" class="st-article-link" {onclick}>{ article.title }</button>
                <p class="st-muted">{ article.summary }</p>
            </li>
        }
    });
    let status = match (query.trim().is_empty(), shown.len()) {
        (true, n) => fill(t.articles_count, &[("n", &n.to_string())]),
        (false, 0) => t.no_match.to_string(),
        (false, 1) => t.one_match.to_string(),
        (false, n) => fill(t.many_match, &[("n", &n.to_string())]),
    };
    let back = send(&session, Action::Back);
    html! {
        <section class="st-screen">
            <h2 data-focus-heading="" tabindex="-1">{ t.library_title }</h2>
            <label class="st-search" for="st-search">{ t.search_label }</label>
            <input id="st-search" type="search" value={(*query).clone()} {oninput} autocomplete="off" />
            <p class="st-muted" role="status">{ status }</p>
            <ul class="st-library">{ for items }</ul>
            <button type="button" class="st-secondary" onclick={back}>{ t.back }</button>
        </section>
    }
}
