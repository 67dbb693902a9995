use yew::prelude::*;

use crate::app::{send, SessionContext};
use crate::hooks::use_texts;
use crate::i18n::fill;
use crate::content::{StaticBlock, StaticInline};
use crate::i18n::Lang;
use crate::library::{articles, position};
use crate::session::Action;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub index: usize,
}

/// One article, rendered from data (never from HTML), with its sources at the foot.
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let session = use_context::<SessionContext>().expect("session context");
    let t = use_texts();
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(article) = articles(lang).get(props.index) else { return html! {} };
    let inline = |i: &StaticInline| -> Html {
        match i {
            StaticInline::Text(t) => html! { { *t } },
            StaticInline::Strong(t) => html! { <strong>{ *t }</strong> },
            StaticInline::Emphasis(t) => html! { <em>{ *t }</em> },
            StaticInline::Link { text, slug } => {
                let target = position(slug);
                let session = session.clone();
                let onclick = Callback::from(move |_| {
                    if let Some(n) = target {
                        session.dispatch(Action::OpenArticle(n));
                    }
                });
                html! { <button type="button" class="st-inline-link" {onclick}>{ *text }</button> }
            }
        }
    };
    let blocks = article.blocks.iter().map(|b| match b {
        StaticBlock::Heading(i) => html! { <h3>{ for i.iter().map(inline) }</h3> },
        StaticBlock::Paragraph(i) => html! { <p>{ for i.iter().map(inline) }</p> },
        StaticBlock::List { ordered: true, items } => html! {
            <ol>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(inline) }</li> }) }</ol>
        },
        StaticBlock::List { ordered: false, items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(inline) }</li> }) }</ul>
        },
    });
    let back = send(&session, Action::Back);
    html! {
        <article class="st-screen st-article">
            <h2 data-focus-heading="" tabindex="-1">{ article.title }</h2>
            { for blocks }
            <footer class="st-sources">
                <h3>{ t.sources }</h3>
                <ul>{ for article.sources.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
                <p class="st-muted">{ fill(t.last_reviewed, &[("date", article.reviewed)]) }</p>
            </footer>
            <button type="button" class="st-secondary" onclick={back}>{ t.back }</button>
        </article>
    }
}
