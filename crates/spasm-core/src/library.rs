//! The article library: which articles there are, where their text is, search, and "read more"
//! suggestions for a result. Pure.
//!
//! The articles' text is not in the wasm: `build.rs` writes each language's articles as one data
//! file (see [`crate::content::encode`]), fetched when the patient first opens the library or an
//! article. What a result needs before that (each article's slug, related ids and title in both
//! languages) is built in as [`INDEX`]. Both languages have the same articles in the same (slug)
//! order, which the build checks, so article `n` is the same article in either language.

use crate::content::Article;
use crate::i18n::Lang;
use crate::ids::{Answer, Item};
use crate::triage::Answers;

/// What the widget knows about an article before its text has loaded.
#[derive(Debug, PartialEq, Eq)]
pub struct ArticleMeta {
    pub slug: &'static str,
    /// Finding and factor ids the article is a good "read more" for.
    pub related: &'static [&'static str],
    /// The title in each language, in [`Lang`] order (English, Spanish).
    pub titles: [&'static str; 2],
}

// INDEX: &[ArticleMeta]; DATA_FILES: [&str; 2], the data file names (with a hash of their content,
// so a cached old file is never read for a new build), in Lang order; DATA_INTEGRITY: [&str; 2],
// their Subresource Integrity hashes.
include!(concat!(env!("OUT_DIR"), "/articles.rs"));

/// How many articles there are.
pub fn count() -> usize {
    INDEX.len()
}

/// The title of article `n` in `lang`.
pub fn title(lang: Lang, n: usize) -> Option<&'static str> {
    INDEX.get(n).map(|a| a.titles[lang as usize])
}

/// The position of the article with this slug (the same in every language).
pub fn position(slug: &str) -> Option<usize> {
    INDEX.iter().position(|a| a.slug == slug)
}

/// The Subresource Integrity hash of `lang`'s data file: fetched with it, a changed file (a
/// tampered CDN) is refused, and the library says it could not get the articles.
pub fn data_integrity(lang: Lang) -> &'static str {
    DATA_INTEGRITY[lang as usize]
}

/// The URL of `lang`'s data file. `page_url` is the widget's standalone page or its folder (the
/// embed passes the loader's folder); without it, the URL is relative to the page.
pub fn data_url(page_url: Option<&str>, lang: Lang) -> String {
    let folder = page_url.map_or("", |url| &url[..url.rfind('/').map_or(0, |i| i + 1)]);
    format!("{folder}{}", DATA_FILES[lang as usize])
}

/// Reads a fetched data file, checking that it holds this build's articles in order.
pub fn load(data: &str) -> Option<Vec<Article>> {
    let articles = crate::content::decode(data).ok()?;
    let matches = articles.len() == INDEX.len() && articles.iter().zip(INDEX).all(|(a, m)| a.slug == m.slug);
    matches.then_some(articles)
}

/// The data file the build wrote for `lang`: for tests and tools only. The widget fetches the file
/// instead, so the text stays out of the wasm (nothing the widget runs calls this, so the linker
/// leaves it out).
pub fn bundled_data(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/articles-en.txt")),
        Lang::Es => include_str!(concat!(env!("OUT_DIR"), "/articles-es.txt")),
    }
}

/// The bundled articles, read from [`bundled_data`]: for native tests and tools.
pub fn bundled(lang: Lang) -> Vec<Article> {
    load(bundled_data(lang)).expect("the build writes a valid data file")
}

/// The articles matching every word of `query` in the title, summary or text, as positions, best
/// first (title hits before text hits, then library order). Ignores case and accents, so "rinon"
/// finds "riñón"; works offline on the loaded data.
pub fn search(articles: &[Article], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(fold).filter(|w| w.len() > 1).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize)> = Vec::new();
    'articles: for (i, a) in articles.iter().enumerate() {
        let (title, body) = (fold(&a.title), fold(&a.plain_text()));
        let mut score = 0;
        for w in &words {
            score += if has(&title, w) {
                10
            } else if has(&body, w) {
                1
            } else {
                continue 'articles;
            };
        }
        scored.push((score, i));
    }
    crate::sort::sort_small(&mut scored, |a, b| a.0 > b.0);
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Lower case without accents, for search in English and Spanish: ASCII and the Latin-1 letters
/// only, so the wasm needs no Unicode case tables.
/// Whether `word` (not empty) occurs in `text`. A plain scan: `str::contains` brings in a
/// two-way string searcher that costs every patient about 1.7 kB of wasm, for a search over a
/// few dozen short articles that a scan finishes at once.
fn has(text: &str, word: &str) -> bool {
    text.as_bytes().windows(word.len()).any(|w| w == word.as_bytes())
}

pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            _ => c,
        })
        .collect()
}

/// Up to `max` articles to read after a result, as positions: those related to the most findings
/// and factors the patient answered yes or not sure, in library order among equals.
pub fn read_more(answers: &Answers, max: usize) -> Vec<usize> {
    // A finding as it counts (`child` from the age band too), anything else as given.
    let answer = |item: Item| if let Item::Finding(f) = item { answers.finding(f) } else { answers.item(item) };
    let reported = |id: &str| Item::from_id(id).is_some_and(|item| answer(item) != Answer::No);
    let mut scored: Vec<(usize, usize)> = INDEX
        .iter()
        .enumerate()
        .map(|(i, a)| (a.related.iter().filter(|id| reported(id)).count(), i))
        .filter(|(score, _)| *score > 0)
        .collect();
    crate::sort::sort_small(&mut scored, |a, b| a.0 > b.0);
    scored.into_iter().take(max).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_sit_beside_the_page_or_the_loader() {
        let file = DATA_FILES[0];
        assert_eq!(data_url(None, Lang::En), file);
        assert_eq!(data_url(Some("https://clinic.example/checker/"), Lang::En), format!("https://clinic.example/checker/{file}"));
        assert_eq!(data_url(Some("https://clinic.example/checker/index.html"), Lang::En), format!("https://clinic.example/checker/{file}"));
        assert!(data_url(None, Lang::Es).starts_with("articles-es-") && data_url(None, Lang::Es).ends_with(".txt"));
        assert_ne!(DATA_FILES[0], DATA_FILES[1]);
    }

    #[test]
    fn search_ignores_case_and_accents() {
        assert_eq!(fold("RIÑÓN Über ça"), "rinon uber ca");
        let es = bundled(Lang::Es);
        let with = search(&es, "riñones");
        assert!(!with.is_empty());
        assert_eq!(search(&es, "RINONES"), with, "typed without accents, in capitals");
    }

    #[test]
    fn a_file_from_another_build_or_a_damaged_one_is_refused() {
        let data = include_str!(concat!(env!("OUT_DIR"), "/articles-en.txt"));
        assert!(load(data).is_some());
        assert!(load("<!doctype html><p>Not found</p>").is_none());
        let last_line = data.trim_end().rfind('\n').unwrap();
        assert!(load(&data[..last_line]).is_none(), "a file cut off, even at the end of a line");
        // One article fewer: a file from another build.
        let cut = data.rfind("\nA").unwrap();
        assert!(load(&data[..=cut]).is_none());
    }
}
