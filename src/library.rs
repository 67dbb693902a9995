//! The bundled article library: the articles built into the widget, search, and "read more"
//! suggestions for a result. Pure.

use crate::content::{search, StaticArticle, StaticBlock, StaticInline};
use crate::ids::{Answer, Item};
use crate::triage::Answers;

include!(concat!(env!("OUT_DIR"), "/articles.rs"));

/// The article with this slug.
pub fn article(slug: &str) -> Option<&'static StaticArticle> {
    ARTICLES.iter().find(|a| a.slug == slug)
}

/// Articles matching every word of the query, best first.
pub fn find(query: &str) -> Vec<&'static StaticArticle> {
    search(ARTICLES, query, |a| (a.title, a.plain_text()))
}

/// Up to `max` articles to read after a result: those related to the most findings and factors the
/// patient answered yes or not sure, in library order among equals.
pub fn read_more(answers: &Answers, max: usize) -> Vec<&'static StaticArticle> {
    let reported = |id: &str| Item::from_id(id).is_some_and(|item| answers.item(item) != Answer::No);
    let mut scored: Vec<(usize, usize, &'static StaticArticle)> = ARTICLES
        .iter()
        .enumerate()
        .map(|(i, a)| (a.related.iter().filter(|id| reported(id)).count(), i, a))
        .filter(|(score, _, _)| *score > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(max).map(|(_, _, a)| a).collect()
}
