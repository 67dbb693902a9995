//! The bundled article library: the articles built into the widget, in English and Spanish,
//! search, and "read more" suggestions for a result. Pure.
//!
//! Both languages have the same articles in the same (slug) order, which the build checks, so
//! article `n` is the same article in either language.

use crate::content::{search, StaticArticle, StaticBlock, StaticInline};
use crate::i18n::Lang;
use crate::ids::{Answer, Item};
use crate::triage::Answers;

include!(concat!(env!("OUT_DIR"), "/articles.rs"));

/// The articles in `lang`, in slug order.
pub fn articles(lang: Lang) -> &'static [StaticArticle] {
    match lang {
        Lang::En => ARTICLES_EN,
        Lang::Es => ARTICLES_ES,
    }
}

/// The article with this slug.
pub fn article(lang: Lang, slug: &str) -> Option<&'static StaticArticle> {
    articles(lang).iter().find(|a| a.slug == slug)
}

/// The position of the article with this slug (the same in every language).
pub fn position(slug: &str) -> Option<usize> {
    ARTICLES_EN.iter().position(|a| a.slug == slug)
}

/// Articles matching every word of the query, best first, as positions.
pub fn find(lang: Lang, query: &str) -> Vec<usize> {
    let list = articles(lang);
    search(list, query, |a| (a.title, a.plain_text()))
        .into_iter()
        .filter_map(|found| list.iter().position(|a| std::ptr::eq(a, found)))
        .collect()
}

/// Up to `max` articles to read after a result, as positions: those related to the most findings
/// and factors the patient answered yes or not sure, in library order among equals.
pub fn read_more(answers: &Answers, max: usize) -> Vec<usize> {
    let reported = |id: &str| Item::from_id(id).is_some_and(|item| answers.item(item) != Answer::No);
    let mut scored: Vec<(usize, usize)> = ARTICLES_EN
        .iter()
        .enumerate()
        .map(|(i, a)| (a.related.iter().filter(|id| reported(id)).count(), i))
        .filter(|(score, _)| *score > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(max).map(|(_, i)| i).collect()
}
