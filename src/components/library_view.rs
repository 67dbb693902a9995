use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{action_button, button};
use crate::state::{send, use_lang, use_texts, use_widget};
use spasm_core::content::Article;
use spasm_core::i18n::fill;
use spasm_core::library::{data_integrity, data_url, load, search};
use spasm_core::session::Action;

/// The article library: search and a list of every article.
#[function_component]
pub fn LibraryView() -> Html {
    let state = use_widget();
    let t = use_texts();
    let articles = use_articles();
    let query = use_state(String::new);
    let back = action_button(&state, "st-secondary", t.back, Action::Back);
    let heading = html! { <h2 data-focus-heading="" tabindex="-1">{ t.library_title }</h2> };
    let list = match &articles {
        Articles::Ready(list) => list,
        other => return html! { <section class="st-screen">{ heading }{ other.status(t) }{ back }</section> },
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let shown: Vec<usize> = if query.trim().is_empty() { (0..list.len()).collect() } else { search(list, &query) };
    let items = shown.iter().map(|n| {
        let article = &list[*n];
        let onclick = send(&state, Action::OpenArticle(*n));
        html! {
            <li>
                <button type="button" class="st-article-link" {onclick}>{ &article.title }</button>
                <p class="st-muted">{ &article.summary }</p>
            </li>
        }
    });
    let status = match (query.trim().is_empty(), shown.len()) {
        (true, n) => fill(t.articles_count, &[("n", &n.to_string())]),
        (false, 0) => t.no_match.to_string(),
        (false, 1) => t.one_match.to_string(),
        (false, n) => fill(t.many_match, &[("n", &n.to_string())]),
    };
    html! {
        <section class="st-screen">
            { heading }
            <label class="st-search" for="st-search">{ t.search_label }</label>
            <input id="st-search" type="search" value={(*query).clone()} {oninput} autocomplete="off" />
            <p class="st-muted" role="status">{ status }</p>
            <ul class="st-library">{ for items }</ul>
            { back }
        </section>
    }
}

/// The articles of the widget's language, as far as they have downloaded.
pub enum Articles {
    Loading,
    Ready(Rc<Vec<Article>>),
    /// The download failed (offline, or a damaged file); the callback tries again.
    Failed(Callback<MouseEvent>),
}

impl Articles {
    /// What to show while the articles are not ready: a status line, and a retry button on failure.
    pub fn status(&self, t: &spasm_core::i18n::Texts) -> Html {
        match self {
            Articles::Failed(retry) => html! {
                <>
                    <p class="st-muted" role="status">{ t.articles_failed }</p>
                    { button("st-primary", t.try_again.into(), retry.clone()) }
                </>
            },
            _ => html! { <p class="st-muted" role="status">{ t.articles_loading }</p> },
        }
    }
}

/// Per language (in `Lang` order): the downloaded articles, or whether a download is under way or
/// failed. Shared by every widget on the page; the articles are the same for every patient, so a
/// kiosk reset keeps them.
#[derive(Default)]
struct Cache {
    articles: [Option<Rc<Vec<Article>>>; 2],
    loading: [bool; 2],
    failed: [bool; 2],
    /// The views waiting for a download under way: each is re-rendered when it ends, even one that
    /// opened after the download began (a library left and opened again while loading).
    waiting: [Vec<UseForceUpdateHandle>; 2],
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The articles in the widget's language: downloads the language's data file the first time it is
/// needed (the text is not in the wasm, so the first screen never waits for it).
#[hook]
pub fn use_articles() -> Articles {
    let lang = use_lang();
    let page_url = use_widget().page_url.clone();
    let update = use_force_update();
    let attempt = use_state(|| 0u32);
    {
        let update = update.clone();
        use_effect_with((lang, *attempt), move |(lang, _)| {
            let (i, lang) = (*lang as usize, *lang);
            let start = CACHE.with_borrow_mut(|c| {
                let start = c.articles[i].is_none() && !c.loading[i] && !c.failed[i];
                c.loading[i] |= start;
                if c.loading[i] {
                    c.waiting[i].push(update);
                }
                start
            });
            if start {
                let url = data_url(page_url.as_deref(), lang);
                wasm_bindgen_futures::spawn_local(async move {
                    let articles = fetch_text(&url, data_integrity(lang)).await.and_then(|text| load(&text));
                    let waiting = CACHE.with_borrow_mut(|c| {
                        c.loading[i] = false;
                        c.failed[i] = articles.is_none();
                        c.articles[i] = articles.map(Rc::new);
                        std::mem::take(&mut c.waiting[i])
                    });
                    // A view that has gone meanwhile ignores its update.
                    for update in waiting {
                        update.force_update();
                    }
                });
            }
        });
    }
    let i = lang as usize;
    CACHE.with_borrow(|c| match (&c.articles[i], c.failed[i]) {
        (Some(articles), _) => Articles::Ready(articles.clone()),
        (None, true) => Articles::Failed(Callback::from(move |_| {
            CACHE.with_borrow_mut(|c| c.failed[i] = false);
            attempt.set(*attempt + 1);
        })),
        (None, false) => Articles::Loading,
    })
}

/// GETs `url` as text, without cookies, checked against `integrity`; `None` on any failure (a
/// changed file among them) or a status other than 2xx.
async fn fetch_text(url: &str, integrity: &str) -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_integrity(integrity);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
