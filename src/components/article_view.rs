use yew::prelude::*;

use super::action_button;
use super::library_view::{use_articles, Articles};
use crate::state::{use_lang, use_texts, use_widget};
use spasm_core::content::{Block, Inline};
use spasm_core::i18n::fill;
use spasm_core::library::position;
use spasm_core::session::Action;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub index: usize,
}

/// One article, rendered from data (never from HTML), with its sources at the foot.
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let state = use_widget();
    let t = use_texts();
    let articles = use_articles();
    let back = action_button(&state, "st-secondary", t.back, Action::Back);
    let lang = use_lang();
    let list = match &articles {
        Articles::Ready(list) => list,
        other => {
            // The title is built in, so the heading shows at once.
            let title = spasm_core::library::title(lang, props.index).unwrap_or_default();
            return html! {
                <article class="st-screen st-article">
                    <h2 data-focus-heading="" tabindex="-1">{ title }</h2>
                    { other.status(t) }
                    { back }
                </article>
            };
        }
    };
    let Some(article) = list.get(props.index) else { return html! {} };
    let inline = |i: &Inline| -> Html {
        match i {
            Inline::Text(t) => html! { { t } },
            Inline::Strong(t) => html! { <strong>{ t }</strong> },
            Inline::Emphasis(t) => html! { <em>{ t }</em> },
            Inline::Link { text, slug } => {
                let target = position(slug);
                let state = state.clone();
                let onclick = Callback::from(move |_| {
                    if let Some(n) = target {
                        state.dispatch(Action::OpenArticle(n).into());
                    }
                });
                html! { <button type="button" class="st-inline-link" {onclick}>{ text }</button> }
            }
        }
    };
    let blocks = article.blocks.iter().map(|b| match b {
        Block::Heading(i) => html! { <h3>{ for i.iter().map(inline) }</h3> },
        Block::Paragraph(i) => html! { <p>{ for i.iter().map(inline) }</p> },
        Block::List { ordered: true, items } => html! {
            <ol>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(inline) }</li> }) }</ol>
        },
        Block::List { ordered: false, items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(inline) }</li> }) }</ul>
        },
    });
    html! {
        <article class="st-screen st-article">
            <h2 data-focus-heading="" tabindex="-1">{ &article.title }</h2>
            { for blocks }
            <footer class="st-sources">
                <h3>{ t.sources }</h3>
                <ul>{ for article.sources.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                <p class="st-muted">{ fill(t.last_reviewed, &[("date", &t.iso_date(&article.reviewed))]) }</p>
            </footer>
            { back }
        </article>
    }
}
