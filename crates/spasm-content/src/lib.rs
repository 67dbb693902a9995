//! Patient-education articles: the model the widget reads ([`Article`], [`Block`], [`Inline`]) and
//! the data file format ([`encode`], [`decode`]), with no dependencies; and, behind the `parse`
//! feature, the build-time parser and validator.
//!
//! With `parse`, `spasm-core`'s `build.rs` parses every `content/articles/*.md` with `pulldown-cmark`
//! (front matter with `toml` and serde) and fails the build with the file and line of the first
//! problem; the Trunk hook runs the `spasm-articles` tool, which writes the same data files into
//! `dist/`. Each language's articles are one data file ([`encode`]) that the widget fetches when the
//! library first opens, so the articles cost the first screen nothing; the widget reads it back with
//! [`decode`] into [`Block`] and [`Inline`] trees, never HTML, so no article can inject markup.
//!
//! The markdown allowed: one `# Title` first, `##` headings, paragraphs, `-` bullet lists, `1.`
//! numbered lists, `**bold**`, `*italic*` (or `__bold__`, `_italic_`), and links to other articles
//! as `[text](slug.md)`. Anything else (raw HTML, images, tables, code, quotes, rules, external
//! links, nested lists or markup, an unclosed `*`) is an error.
//!
//! ```
//! # #[cfg(feature = "parse")] {
//! use spasm_content::parse_article;
//! let text = "---\ntitle = \"Rest\"\nsummary = \"How to rest.\"\ntags = [\"self-care\"]\nrelated = []\n\
//!             sources = [\"Back pain. NHS, no date.\"]\nreviewed = \"2026-11-21\"\n---\n\n# Rest\n\nLie **down**.\n";
//! let article = parse_article("rest.md", text).unwrap();
//! assert_eq!(article.title, "Rest");
//! # }
//! ```

pub mod css;
/// The article model and data format: `spasm-core`'s own file, compiled here too, so the build and
/// the widget read and write one format from one source.
#[path = "../../spasm-core/src/content.rs"]
mod model;
pub use model::{decode, encode, Article, Block, Inline};
#[cfg(feature = "parse")]
mod parse;
#[cfg(feature = "parse")]
pub use parse::{
    build_library, check_translation, data_file_name, parse_article, parse_library, ContentError, DataFile, Library, KNOWN_IDS, LANGS,
    NO_DATE, TAGS,
};
