//! The build-time side (feature `parse`): articles parsed with `pulldown-cmark`, their front matter
//! with `toml` and serde, both checked against a strict allow-list; and the data files they become,
//! under the names the widget asks for. Nothing here reaches the wasm.

use crate::{encode, Article, Block, Inline};
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The tags an article may carry.
pub const TAGS: [&str; 8] = ["basics", "causes", "conditions", "red-flags", "self-care", "doctor", "prevention", "outlook"];

/// The finding and factor ids an article's `related` may name: the core's `Finding` and `Factor`
/// ids, spelled out here because this crate cannot depend on the core (a test in `spasm-core`
/// checks that the two lists are equal).
pub const KNOWN_IDS: [&str; 45] = [
    "chest_pain",
    "one_side_numbness",
    "confusion",
    "bladder_bowel_loss",
    "saddle_numbness",
    "both_legs",
    "limb_weakness",
    "limb_numbness",
    "balance_loss",
    "major_trauma",
    "fever",
    "urinary_symptoms",
    "abdominal_pain",
    "limb_tingling",
    "cancer_history",
    "weight_loss",
    "unbearable_pain",
    "over_two_weeks",
    "not_improving",
    "recurring",
    "radiating_pain",
    "injury",
    "night_pain",
    "age_outside_20_50",
    "morning_stiffness",
    "bone_risk",
    "infection_risk",
    "heavy_lifting",
    "twisting_sport",
    "long_sitting",
    "poor_posture",
    "inactive",
    "dehydration",
    "overuse_fatigue",
    "stress",
    "low_minerals",
    "overweight",
    "known_spine_condition",
    "tearing_pain",
    "collapse",
    "sexual_function",
    "pregnancy_warning",
    "thoracic_pain",
    "child",
    "pregnant",
];

/// The languages, in the core's `Lang` order, with the folder of each one's articles (relative to
/// the repository's root). Every language has the same file names.
pub const LANGS: [(&str, &str); 2] = [("en", "content/articles"), ("es", "content/articles-es")];

/// What a source with no date ends with instead of its year, in [`LANGS`] order: "Back pain. NHS,
/// no date." ("sin fecha" in Spanish). A file outside the languages' folders is read as English.
pub const NO_DATE: [&str; 2] = ["no date", "sin fecha"];

/// A problem in an article, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ContentError {}

/// The front matter, between the two `---` lines: TOML, every key required, no other key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Spanned<String>,
    tags: Spanned<Vec<String>>,
    related: Spanned<Vec<String>>,
    /// Each one spanned, so a source that is not a citation is reported on its own line.
    sources: Spanned<Vec<Spanned<String>>>,
    reviewed: Spanned<String>,
}

/// Parses one article file. `file` names it in errors and gives the slug.
pub fn parse_article(file: &str, text: &str) -> Result<Article, ContentError> {
    parse_with_links(file, text).map(|(article, _)| article)
}

/// [`parse_article`], and the slugs its links point to with their lines.
fn parse_with_links(file: &str, text: &str) -> Result<(Article, Vec<(String, usize)>), ContentError> {
    let err = |line: usize, message: String| ContentError { file: file.to_string(), line, message };
    let name = file.rsplit('/').next().unwrap_or(file);
    let slug = name.strip_suffix(".md").ok_or_else(|| err(1, "an article file must end in .md".into()))?;
    if slug.is_empty() || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(err(1, format!("file name \"{name}\" must be lowercase letters, digits and hyphens")));
    }
    let text = text.replace("\r\n", "\n");
    if let Some(n) = text.lines().position(|l| l.chars().any(|c| c.is_control() && c != '\t')) {
        return Err(err(n + 1, "control characters are not allowed in articles".into()));
    }

    // The front matter: from the line after the first `---` to the next `---` line.
    let mut lines = text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    });
    if lines.next().map(|(_, l)| l.trim_end()) != Some("---") {
        return Err(err(1, "an article must start with a --- front matter line".into()));
    }
    let (close, close_line) =
        lines.find(|(_, l)| l.trim_end() == "---").ok_or_else(|| err(1, "the front matter has no closing --- line".into()))?;
    let meta_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let meta_text = &text[meta_start..close];
    let body_start = close + close_line.len();
    // Line numbers in the file: the front matter starts on line 2.
    let meta_line = |offset: usize| 2 + meta_text[..offset.min(meta_text.len())].matches('\n').count();
    let meta: FrontMatter = toml::from_str(meta_text).map_err(|e| {
        // A missing key has no place of its own: it is reported on the first line.
        let line = e.span().filter(|_| !e.message().starts_with("missing field")).map_or(1, |s| meta_line(s.start));
        err(line, format!("front matter: {}", e.message().trim_end()))
    })?;
    let line_of = |span: Range<usize>| meta_line(span.start);

    let string = |key: &str, value: &Spanned<String>| -> Result<String, ContentError> {
        let line = line_of(value.span());
        if value.get_ref().trim().is_empty() {
            return Err(err(line, format!("\"{key}\" is empty")));
        }
        checked(value.get_ref()).map_err(|m| err(line, m))
    };
    let list = |value: &Spanned<Vec<String>>| -> Result<Vec<String>, ContentError> {
        let items: Result<Vec<String>, String> = value.get_ref().iter().map(|s| checked(s)).collect();
        items.map_err(|m| err(line_of(value.span()), m))
    };
    let title = string("title", &meta.title)?;
    let summary = string("summary", &meta.summary)?;
    let tags = list(&meta.tags)?;
    let tags_line = line_of(meta.tags.span());
    if tags.is_empty() {
        return Err(err(tags_line, "\"tags\" needs at least one tag".into()));
    }
    if let Some(bad) = tags.iter().find(|t| !TAGS.contains(&t.as_str())) {
        return Err(err(tags_line, format!("unknown tag \"{bad}\" (known: {})", TAGS.join(", "))));
    }
    let related = list(&meta.related)?;
    if let Some(bad) = related.iter().find(|id| !KNOWN_IDS.contains(&id.as_str())) {
        return Err(err(line_of(meta.related.span()), format!("unknown finding or factor id \"{bad}\" in \"related\"")));
    }
    if meta.sources.get_ref().is_empty() || meta.sources.get_ref().iter().any(|s| s.get_ref().trim().is_empty()) {
        return Err(err(line_of(meta.sources.span()), "\"sources\" must list at least one source".into()));
    }
    let no_date = NO_DATE[LANGS.iter().position(|(_, dir)| Path::new(file).parent().is_some_and(|p| p.ends_with(dir))).unwrap_or(0)];
    let mut sources = Vec::new();
    for source in meta.sources.get_ref() {
        let line = line_of(source.span());
        let text = checked(source.get_ref()).map_err(|m| err(line, m))?;
        citation(&text, no_date).map_err(|m| err(line, m))?;
        sources.push(text);
    }
    let reviewed = string("reviewed", &meta.reviewed)?;
    if !is_iso_date(&reviewed) {
        return Err(err(line_of(meta.reviewed.span()), format!("\"reviewed\" must be a date like 2026-11-21, not \"{reviewed}\"")));
    }

    let first_line = 1 + text[..body_start].matches('\n').count();
    let mut body = Body::new(&text[body_start..], first_line);
    let (heading, heading_line, blocks) = body.parse().map_err(|(line, m)| err(line, m))?;
    if heading != title {
        return Err(err(heading_line, format!("the first heading \"# {heading}\" must equal the title \"{title}\"")));
    }
    let article = Article { slug: slug.to_string(), title, summary, tags, related, sources, reviewed, blocks };
    Ok((article, body.links))
}

/// A front matter value as the data file can hold it: no control characters (a TOML escape could
/// make one).
fn checked(s: &str) -> Result<String, String> {
    if s.chars().any(char::is_control) {
        return Err("control characters are not allowed in articles".into());
    }
    Ok(s.to_string())
}

/// Checks that a source reads as a citation a patient can find: "Title. Publisher, 2016." (or
/// "Title? Publisher, no date."), never an internal note such as "Reference article 001". `no_date`
/// is the article's language's words for a source with no date ([`NO_DATE`]).
fn citation(source: &str, no_date: &str) -> Result<(), String> {
    let example = format!("\"Title. Publisher, 2016.\" or \"Title. Publisher, {no_date}.\"");
    if source.to_lowercase().contains("reference article") {
        return Err(format!("source \"{source}\" is an internal note: cite the work itself, as {example}"));
    }
    let dated = source
        .strip_suffix('.')
        .and_then(|s| s.rsplit_once(", "))
        .filter(|(_, year)| *year == no_date || (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())));
    // A title, then the publisher: a ". ", "? " or "! " after the title's first character.
    let titled = dated.is_some_and(|(before, _)| [". ", "? ", "! "].iter().any(|end| before.find(end).is_some_and(|i| i > 0)));
    if !titled {
        return Err(format!("source \"{source}\" must read as a citation, the title, publisher and year: {example}"));
    }
    Ok(())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

/// An error in the body: its line in the file, and the message.
type BodyError = (usize, String);

/// The body of an article, as `pulldown-cmark` events with where each starts, read against the
/// allow-list.
struct Body<'a> {
    source: &'a str,
    /// The file line number of `source`'s first line.
    first_line: usize,
    events: std::vec::IntoIter<(Event<'a>, Range<usize>)>,
    /// Where the last event read starts, for errors.
    at: usize,
    /// Where it ends.
    end: usize,
    /// The slugs links point to, with their lines.
    links: Vec<(String, usize)>,
    /// Link reference definitions (`[name]: url`), which make no events: refused.
    definitions: Vec<usize>,
}

impl<'a> Body<'a> {
    fn new(source: &'a str, first_line: usize) -> Self {
        // The extensions are on so that tables, footnotes, strikethrough and task lists become
        // events the allow-list refuses, rather than text that slips through.
        let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        let parser = Parser::new_ext(source, options).into_offset_iter();
        let definitions = parser.reference_definitions().iter().map(|(_, d)| d.span.start).collect();
        let events: Vec<_> = parser.collect();
        Body { source, first_line, events: events.into_iter(), at: 0, end: 0, links: Vec::new(), definitions }
    }

    fn line(&self, offset: usize) -> usize {
        self.first_line + self.source[..offset].matches('\n').count()
    }

    fn error(&self, message: impl Into<String>) -> BodyError {
        (self.line(self.at), message.into())
    }

    fn next(&mut self) -> Option<Event<'a>> {
        let (event, range) = self.events.next()?;
        (self.at, self.end) = (range.start, range.end);
        Some(event)
    }

    /// The `#` title, its line, and the blocks after it.
    fn parse(&mut self) -> Result<(String, usize, Vec<Block>), BodyError> {
        if let Some(&start) = self.definitions.iter().min() {
            return Err((self.line(start), "link definitions ([name]: target) are not allowed: write [text](slug.md)".into()));
        }
        let mut title: Option<(String, usize)> = None;
        let mut blocks = Vec::new();
        while let Some(event) = self.next() {
            if let Event::Start(Tag::Heading { level, .. }) = event {
                if !self.source[self.at..].trim_start().starts_with('#') {
                    return Err(self.error("underlined headings are not allowed: use # and ##"));
                }
                let line = self.line(self.at);
                match level {
                    HeadingLevel::H1 if title.is_none() => {
                        let inlines = self.inlines(TagEnd::Heading(level))?;
                        let [Inline::Text(text)] = inlines.as_slice() else {
                            return Err((line, "the # title must be plain text".into()));
                        };
                        title = Some((text.clone(), line));
                    }
                    HeadingLevel::H1 => return Err((line, "only one # title is allowed, as the first line of the body".into())),
                    HeadingLevel::H2 if title.is_some() => blocks.push(Block::Heading(self.inlines(TagEnd::Heading(level))?)),
                    HeadingLevel::H2 => return Err((line, "the body must start with a # title".into())),
                    _ => return Err((line, "only # and ## headings are allowed".into())),
                }
                continue;
            }
            if title.is_none() {
                return Err(self.error("the body must start with a # title"));
            }
            match event {
                Event::Start(Tag::Paragraph) => blocks.push(Block::Paragraph(self.inlines(TagEnd::Paragraph)?)),
                Event::Start(Tag::List(start)) => blocks.push(self.list(start.is_some())?),
                other => return Err(self.error(refused(&other))),
            }
        }
        let (title, title_line) = title.ok_or((self.first_line, "the body has no # title".to_string()))?;
        if blocks.is_empty() {
            return Err((title_line, "the article has no text".into()));
        }
        Ok((title, title_line, blocks))
    }

    /// A `-` or `1.` list, its start just read; one paragraph per item, nothing nested.
    fn list(&mut self, ordered: bool) -> Result<Block, BodyError> {
        let marker = self.source[self.at..].trim_start();
        let digits = marker.chars().take_while(char::is_ascii_digit).count();
        if ordered && !marker[digits..].starts_with('.') {
            return Err(self.error("use 1. for numbered lists"));
        }
        if !ordered && !marker.starts_with('-') {
            return Err(self.error("use - for bullet lists"));
        }
        let mut items = Vec::new();
        loop {
            match self.next() {
                Some(Event::Start(Tag::Item)) => {}
                Some(Event::End(TagEnd::List(_))) => return Ok(Block::List { ordered, items }),
                Some(other) => return Err(self.error(refused(&other))),
                None => return Err(self.error("a list is not closed")),
            }
            // A loose list (blank lines between items) has a paragraph in each item.
            let loose = matches!(self.events.as_slice().first(), Some((Event::Start(Tag::Paragraph), _)));
            if loose {
                self.next();
                items.push(self.inlines(TagEnd::Paragraph)?);
                match self.next() {
                    Some(Event::End(TagEnd::Item)) => {}
                    _ => return Err(self.error("a list item may hold one paragraph only")),
                }
            } else {
                items.push(self.inlines(TagEnd::Item)?);
            }
        }
    }

    /// Inline text up to `end`: text, bold, italic and links to articles.
    fn inlines(&mut self, end: TagEnd) -> Result<Vec<Inline>, BodyError> {
        let mut out: Vec<Inline> = Vec::new();
        loop {
            let inline = match self.next() {
                Some(Event::End(e)) if e == end => break,
                Some(Event::Text(text)) => {
                    self.check_text()?;
                    Inline::Text(text.into_string())
                }
                // A line break inside a paragraph or item is a space, as a browser shows it.
                Some(Event::SoftBreak | Event::HardBreak) => Inline::Text(" ".into()),
                Some(Event::Start(Tag::Strong)) => Inline::Strong(self.plain(TagEnd::Strong)?),
                Some(Event::Start(Tag::Emphasis)) => Inline::Emphasis(self.plain(TagEnd::Emphasis)?),
                Some(Event::Start(Tag::Link { link_type, dest_url, title, .. })) => {
                    let slug = dest_url
                        .strip_suffix(".md")
                        .filter(|_| link_type == LinkType::Inline && title.is_empty())
                        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                        .ok_or_else(|| {
                            self.error(format!("links may only point to another article as [text](slug.md), not \"{dest_url}\""))
                        })?
                        .to_string();
                    self.links.push((slug.clone(), self.line(self.at)));
                    Inline::Link { text: self.plain(TagEnd::Link)?, slug }
                }
                Some(other) => return Err(self.error(refused(&other))),
                None => return Err(self.error("the text is not closed")),
            };
            match (out.last_mut(), inline) {
                (Some(Inline::Text(before)), Inline::Text(text)) => before.push_str(&text),
                (_, inline) => out.push(inline),
            }
        }
        Ok(out)
    }

    /// The text of bold, italic or a link up to `end`: plain text only.
    fn plain(&mut self, end: TagEnd) -> Result<String, BodyError> {
        let mut out = String::new();
        loop {
            match self.next() {
                Some(Event::End(e)) if e == end => break,
                Some(Event::Text(text)) => {
                    self.check_text()?;
                    out.push_str(&text);
                }
                Some(Event::SoftBreak | Event::HardBreak) => out.push(' '),
                Some(Event::Start(Tag::Strong | Tag::Emphasis | Tag::Link { .. })) => {
                    return Err(self.error("nested markup (bold, italic or a link inside another) is not allowed"));
                }
                Some(other) => return Err(self.error(refused(&other))),
                None => return Err(self.error("the text is not closed")),
            }
        }
        if out.trim().is_empty() {
            return Err(self.error("empty emphasis or link text"));
        }
        Ok(out)
    }

    /// Refuses, in the text event just read, markup characters that `pulldown-cmark` left as text
    /// but that mean a mistake: an unclosed `*` or `_`, a `[` or `]` that is not a link, a lone
    /// backtick or a `|`. Each may be written escaped (`\*`), and a `*` between spaces (`2 * 3`) or a
    /// `_` inside a word is text.
    fn check_text(&self) -> Result<(), BodyError> {
        let src = self.source.as_bytes();
        let end = self.end.min(src.len());
        let escaped = |i: usize| src[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1;
        let space = |i: Option<&u8>| i.is_none_or(|b| b.is_ascii_whitespace());
        let word = |i: Option<&u8>| i.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
        let mut i = self.at;
        while i < end {
            let c = src[i];
            if !b"*_[]`|".contains(&c) || escaped(i) {
                i += 1;
                continue;
            }
            // The whole run of this character (pulldown-cmark may split it into several events).
            let first = i - src[..i].iter().rev().take_while(|&&b| b == c).count();
            let last = i + src[i..].iter().take_while(|&&b| b == c).count();
            let run = last - first;
            let (before, after) = (first.checked_sub(1).and_then(|j| src.get(j)), src.get(last));
            let message = match c {
                b'*' | b'_' => {
                    let flanking = !space(before) || !space(after);
                    let in_word = c == b'_' && word(before) && word(after);
                    let mark = if c == b'*' { "*" } else { "_" };
                    (flanking && !in_word).then(|| {
                        let what = if run > 1 { format!("{mark}{mark} bold") } else { format!("{mark} italic") };
                        format!("{what} is not closed (write \\{mark} for a literal {mark})")
                    })
                }
                b'[' | b']' => {
                    Some(format!("stray \"{}\": links are [text](slug.md) (write \\{} for a literal one)", c as char, c as char))
                }
                b'`' => Some("code is not allowed in articles".to_string()),
                _ => Some("tables are not allowed in articles (write \\| for a literal |)".to_string()),
            };
            if let Some(message) = message {
                return Err((self.line(i), message));
            }
            i = last;
        }
        Ok(())
    }
}

/// Why an event is not allowed where it is.
fn refused(event: &Event<'_>) -> String {
    let what = match event {
        Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => "raw HTML is",
        Event::Start(Tag::CodeBlock(_)) => "code blocks are",
        Event::Code(_) => "code is",
        Event::Start(Tag::Table(_)) | Event::Start(Tag::BlockQuote(_)) => "tables and quotes are",
        Event::Start(Tag::Image { .. }) => "images are",
        Event::Start(Tag::List(_)) => "nested lists are",
        Event::Start(Tag::Heading { .. }) => "headings inside other blocks are",
        Event::Start(Tag::Paragraph) => "more than one paragraph in a list item is",
        Event::Rule => "horizontal rules are",
        Event::Start(Tag::Strikethrough) => "strikethrough is",
        Event::TaskListMarker(_) => "task lists are",
        Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => "footnotes are",
        _ => return format!("not allowed in articles: {event:?}"),
    };
    format!("{what} not allowed in articles")
}

/// Parses every article and checks what needs them all: unique titles and links that resolve.
/// Returns them in slug order.
pub fn parse_library(files: &[(String, String)]) -> Result<Vec<Article>, ContentError> {
    let mut parsed = Vec::new();
    for (file, text) in files {
        parsed.push((file, parse_with_links(file, text)?));
    }
    if parsed.is_empty() {
        return Err(ContentError { file: "content/articles".into(), line: 0, message: "no articles found".into() });
    }
    for (file, (article, links)) in &parsed {
        if let Some((slug, line)) = links.iter().find(|(slug, _)| !parsed.iter().any(|(_, (a, _))| a.slug == *slug)) {
            let message = format!("link to \"{slug}.md\", which is not an article");
            return Err(ContentError { file: file.to_string(), line: *line, message });
        }
        if let Some((_, (other, _))) = parsed.iter().find(|(_, (o, _))| o.slug != article.slug && o.title == article.title) {
            return Err(ContentError { file: file.to_string(), line: 1, message: format!("title is the same as {}.md", other.slug) });
        }
    }
    let mut articles: Vec<Article> = parsed.into_iter().map(|(_, (article, _))| article).collect();
    articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(articles)
}

/// Checks that a translated library has exactly the articles of the original, by slug, so an
/// article opened in one language can be shown in the other. `dir` names the translation's folder.
pub fn check_translation(original: &[Article], translated: &[Article], dir: &str) -> Result<(), ContentError> {
    let missing = |slug: &str| ContentError {
        file: format!("{dir}/{slug}.md"),
        line: 0,
        message: "missing: every article needs a translation with the same file name".into(),
    };
    if let Some(a) = original.iter().find(|a| !translated.iter().any(|t| t.slug == a.slug)) {
        return Err(missing(&a.slug));
    }
    if let Some(t) = translated.iter().find(|t| !original.iter().any(|a| a.slug == t.slug)) {
        return Err(ContentError {
            file: format!("{dir}/{}.md", t.slug),
            line: 0,
            message: "has no original with the same file name".into(),
        });
    }
    for (a, t) in original.iter().zip(translated) {
        if a.related != t.related || a.tags != t.tags {
            return Err(ContentError {
                file: format!("{dir}/{}.md", t.slug),
                line: 1,
                message: "tags and related ids must equal the original's".into(),
            });
        }
    }
    Ok(())
}

/// The name a data file is shipped under: its language and a hash of its content, so a cached old
/// file is never read for a new build. The one naming function: `spasm-core`'s `build.rs` bakes these
/// names into the wasm, and the `spasm-articles` tool (run by the Trunk hook) writes the files under
/// them.
pub fn data_file_name(lang: &str, data: &str) -> String {
    format!("articles-{lang}-{:016x}.txt", fnv1a(data.as_bytes()))
}

/// A 64-bit FNV-1a hash: enough to give each version of a data file its own name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// One language's data file.
pub struct DataFile {
    /// `en` or `es`.
    pub lang: &'static str,
    /// The name it is shipped under ([`data_file_name`]).
    pub name: String,
    /// Its content ([`encode`]).
    pub text: String,
}

impl DataFile {
    /// Its Subresource Integrity hash (`sha256-<base64>`, the shortest SRI allows: it is in every
    /// first load): the widget fetches the file with it, so a changed file (a tampered CDN) is
    /// refused, never shown.
    pub fn integrity(&self) -> String {
        use base64::Engine;
        use sha2::Digest;
        format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(self.text.as_bytes())))
    }
}

/// The whole library, parsed and checked, and the data files it becomes.
pub struct Library {
    /// Each language's articles in slug order, in [`LANGS`] order (the same slugs in each).
    pub articles: [Vec<Article>; 2],
    /// Each language's data file, in [`LANGS`] order.
    pub data: [DataFile; 2],
    /// Every folder and file read, for `cargo:rerun-if-changed`.
    pub read: Vec<PathBuf>,
}

/// Reads, parses and checks every language's articles under `root` (the repository), and encodes
/// them. Errors name files relative to `root`.
pub fn build_library(root: &Path) -> Result<Library, ContentError> {
    let mut read = Vec::new();
    let mut articles = Vec::new();
    for (_, dir) in LANGS {
        let cannot = |path: &Path, e: std::io::Error| ContentError {
            file: path.display().to_string(),
            line: 0,
            message: format!("cannot read: {e}"),
        };
        let dir = Path::new(dir);
        read.push(root.join(dir));
        let mut files = Vec::new();
        for entry in std::fs::read_dir(root.join(dir)).map_err(|e| cannot(dir, e))? {
            let path = dir.join(entry.map_err(|e| cannot(dir, e))?.file_name());
            if path.extension().is_some_and(|x| x == "md") {
                read.push(root.join(&path));
                let text = std::fs::read_to_string(root.join(&path)).map_err(|e| cannot(&path, e))?;
                files.push((path.display().to_string(), text));
            }
        }
        files.sort();
        articles.push(parse_library(&files)?);
    }
    let articles: [Vec<Article>; 2] = articles.try_into().expect("two languages");
    check_translation(&articles[0], &articles[1], LANGS[1].1)?;
    let data = [0, 1].map(|n| {
        let (lang, text) = (LANGS[n].0, encode(&articles[n]));
        DataFile { lang, name: data_file_name(lang, &text), text }
    });
    Ok(Library { articles, data, read })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A good article with `sources` as its list: the first source is on line 7.
    fn article(sources: &[&str]) -> String {
        let sources: String = sources.iter().map(|s| format!("  \"{s}\",\n")).collect();
        format!(
            "---\ntitle = \"Rest\"\nsummary = \"How to rest.\"\ntags = [\"self-care\"]\nrelated = []\nsources = [\n{sources}]\n\
             reviewed = \"2026-11-21\"\n---\n\n# Rest\n\nLie **down**.\n"
        )
    }

    const GOOD: &str = "Back pain. NHS, 2023.";

    #[test]
    fn sources_that_read_as_citations_are_kept() {
        let sources = [
            GOOD,
            "Low back pain and sciatica in over 16s: assessment and management (NG59). National Institute for Health and Care Excellence (NICE), 2016.",
            "Why Do I Have Back Spasms? Stefano Sinicropi, 2018.",
            "What Is A Back Spasm? Author and publisher not stated, no date.",
        ];
        let a = parse_article("content/articles/rest.md", &article(&sources)).unwrap();
        assert_eq!(a.sources, sources);
        // Spanish articles say "sin fecha", and only they do.
        let es = article(&[GOOD, "What Is A Back Spasm? Autor y editorial no indicados, sin fecha."]);
        assert!(parse_article("content/articles-es/rest.md", &es).is_ok());
        let err = parse_article("content/articles/rest.md", &es).unwrap_err();
        assert_eq!((err.line, err.to_string().starts_with("content/articles/rest.md:8: ")), (8, true), "{err}");
        let err = parse_article("content/articles-es/rest.md", &article(&[GOOD, "Back pain. NHS, no date."])).unwrap_err();
        assert!(err.message.contains("\"Title. Publisher, sin fecha.\""), "{err}");
    }

    #[test]
    fn a_source_that_is_not_a_citation_fails_naming_its_file_and_line() {
        let cases = [
            ("Reference article 001: New York Spine Specialist, blog post (02 Jun, year not stated)", "is an internal note"),
            ("reference article 004: What Is A Back Spasm? Someone, 2020.", "is an internal note"),
            ("NICE guideline NG59: Low back pain and sciatica in over 16s: assessment and management", "must read as a citation"),
            ("NHS: Back pain", "must read as a citation"),
            ("Back pain. NHS, 2023", "must read as a citation"),
            ("Back pain. NHS, 23.", "must read as a citation"),
            ("Back pain. NHS (2023).", "must read as a citation"),
            ("Back pain. NHS, not dated.", "must read as a citation"),
            ("NHS, 2023.", "must read as a citation"),
        ];
        for (bad, needle) in cases {
            // The bad source second, on line 8, after a good one.
            let err = parse_article("content/articles/rest.md", &article(&[GOOD, bad])).expect_err(bad);
            assert_eq!(err.file, "content/articles/rest.md");
            assert_eq!(err.line, 8, "{bad}: {err}");
            assert!(err.to_string().starts_with("content/articles/rest.md:8: source \""), "{err}");
            assert!(err.message.contains(bad) && err.message.contains(needle), "{bad}: {err}");
        }
    }

    #[test]
    fn every_source_of_the_real_articles_reads_as_a_citation() {
        let library = build_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")).unwrap_or_else(|e| panic!("{e}"));
        for (articles, no_date) in library.articles.iter().zip(NO_DATE) {
            for a in articles {
                for s in &a.sources {
                    assert_eq!(citation(s, no_date), Ok(()), "{}", a.slug);
                }
            }
        }
    }
}
