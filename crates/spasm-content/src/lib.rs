//! Patient-education articles: front matter and a small, strict markdown subset, parsed and
//! validated at build time.
//!
//! `build.rs` includes this file, parses every `content/articles/*.md`, and fails the build with the
//! file and line of the first problem. It writes each language's articles as one data file
//! ([`encode`]) that the widget fetches when the library first opens, so the articles cost the first
//! screen nothing; the widget reads it back with [`decode`] into [`Block`] and [`Inline`] trees,
//! never HTML, so no article can inject markup. The same code is tested natively with good and
//! broken fixtures.
//!
//! The markdown subset: one `# Title` first, `##` headings, paragraphs, `-` bullet lists, `1.`
//! numbered lists, `**bold**`, `*italic*`, and links to other articles as `[text](slug.md)`.
//! Anything else (raw HTML, images, tables, code, external links, unclosed emphasis) is an error.
//!
//! ```
//! use spasm_content::parse_article;
//! let text = "---\ntitle = \"Rest\"\nsummary = \"How to rest.\"\ntags = [\"self-care\"]\nrelated = []\n\
//!             sources = [\"Reference article 004\"]\nreviewed = \"2026-11-21\"\n---\n\n# Rest\n\nLie **down**.\n";
//! let article = parse_article("rest.md", text).unwrap();
//! assert_eq!(article.title, "Rest");
//! ```

use std::fmt;

pub mod css;

/// The tags an article may carry.
pub const TAGS: [&str; 8] = ["basics", "causes", "conditions", "red-flags", "self-care", "doctor", "prevention", "outlook"];

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

/// Inline text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    /// A link to another article, by slug.
    Link {
        text: String,
        slug: String,
    },
}

/// A block of an article's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A `##` heading (the `#` title is kept apart, in [`Article::title`]).
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// One parsed, validated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The file name without `.md`.
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    /// Finding and factor ids this article is a good "read more" for.
    pub related: Vec<String>,
    pub sources: Vec<String>,
    /// ISO date of the last clinical review.
    pub reviewed: String,
    pub blocks: Vec<Block>,
}

/// Parses one article file. `file` names it in errors and gives the slug.
pub fn parse_article(file: &str, text: &str) -> Result<Article, ContentError> {
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
    let (meta, body_start) = split_front_matter(&text).map_err(|(line, m)| err(line, m))?;
    let field = |key: &str| -> Result<&MetaValue, ContentError> {
        meta.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| v).ok_or_else(|| err(1, format!("front matter is missing \"{key}\"")))
    };
    let line_of = |key: &str| meta.iter().find(|(k, _, _)| k == key).map_or(1, |(_, l, _)| *l);
    for (key, line, _) in &meta {
        if !["title", "summary", "tags", "related", "sources", "reviewed"].contains(&key.as_str()) {
            return Err(err(*line, format!("unknown front matter field \"{key}\"")));
        }
    }
    let string = |key: &str| -> Result<String, ContentError> {
        match field(key)? {
            MetaValue::Str(s) if !s.trim().is_empty() => Ok(s.clone()),
            MetaValue::Str(_) => Err(err(line_of(key), format!("\"{key}\" is empty"))),
            MetaValue::List(_) => Err(err(line_of(key), format!("\"{key}\" must be a string"))),
        }
    };
    let list = |key: &str| -> Result<Vec<String>, ContentError> {
        match field(key)? {
            MetaValue::List(items) => Ok(items.clone()),
            MetaValue::Str(_) => Err(err(line_of(key), format!("\"{key}\" must be a list of strings"))),
        }
    };
    let title = string("title")?;
    let summary = string("summary")?;
    let tags = list("tags")?;
    if tags.is_empty() {
        return Err(err(line_of("tags"), "\"tags\" needs at least one tag".into()));
    }
    if let Some(bad) = tags.iter().find(|t| !TAGS.contains(&t.as_str())) {
        return Err(err(line_of("tags"), format!("unknown tag \"{bad}\" (known: {})", TAGS.join(", "))));
    }
    let related = list("related")?;
    if let Some(bad) = related.iter().find(|id| !is_known_id(id)) {
        return Err(err(line_of("related"), format!("unknown finding or factor id \"{bad}\" in \"related\"")));
    }
    let sources = list("sources")?;
    if sources.is_empty() || sources.iter().any(|s| s.trim().is_empty()) {
        return Err(err(line_of("sources"), "\"sources\" must list at least one source".into()));
    }
    let reviewed = string("reviewed")?;
    if !is_iso_date(&reviewed) {
        return Err(err(line_of("reviewed"), format!("\"reviewed\" must be a date like 2026-11-21, not \"{reviewed}\"")));
    }

    let body: Vec<&str> = text.lines().skip(body_start).collect();
    let (heading, heading_line, blocks) = parse_body(&body, body_start + 1).map_err(|(line, m)| err(line, m))?;
    if heading != title {
        return Err(err(heading_line, format!("the first heading \"# {heading}\" must equal the title \"{title}\"")));
    }
    Ok(Article { slug: slug.to_string(), title, summary, tags, related, sources, reviewed, blocks })
}

/// Parses every article and checks what needs them all: unique titles and links that resolve.
pub fn parse_library(files: &[(String, String)]) -> Result<Vec<Article>, ContentError> {
    let mut articles = Vec::new();
    for (file, text) in files {
        articles.push(parse_article(file, text)?);
    }
    if articles.is_empty() {
        return Err(ContentError { file: "content/articles".into(), line: 0, message: "no articles found".into() });
    }
    for (article, (file, text)) in articles.iter().zip(files) {
        for (n, line) in text.lines().enumerate() {
            for slug in link_targets(line) {
                if !articles.iter().any(|a| a.slug == slug) {
                    return Err(ContentError {
                        file: file.clone(),
                        line: n + 1,
                        message: format!("link to \"{slug}.md\", which is not an article"),
                    });
                }
            }
        }
        if let Some(other) = articles.iter().find(|o| o.slug != article.slug && o.title == article.title) {
            return Err(ContentError { file: file.clone(), line: 1, message: format!("title is the same as {}.md", other.slug) });
        }
    }
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

/// Finding and factor ids of the spec, spelled out here so the build script needs nothing else.
fn is_known_id(id: &str) -> bool {
    const IDS: [&str; 45] = [
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
    IDS.contains(&id)
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

#[derive(Clone, Debug, PartialEq, Eq)]
enum MetaValue {
    Str(String),
    List(Vec<String>),
}

type Meta = Vec<(String, usize, MetaValue)>;

/// Splits the `---` front matter (a TOML subset: `key = "string"` and `key = ["a", "b"]`, lists may
/// span lines) from the body. Returns the fields with their line numbers, and the index of the
/// first body line.
fn split_front_matter(text: &str) -> Result<(Meta, usize), (usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err((1, "an article must start with a --- front matter line".into()));
    }
    let end = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|p| p + 1);
    let end = end.ok_or((1, "the front matter has no closing --- line".to_string()))?;
    let mut meta: Meta = Vec::new();
    let mut i = 1;
    while i < end {
        let line_no = i + 1;
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('=').ok_or((line_no, format!("expected key = value, found \"{line}\"")))?;
        let key = key.trim().to_string();
        if meta.iter().any(|(k, _, _)| *k == key) {
            return Err((line_no, format!("\"{key}\" is given twice")));
        }
        let mut value = value.trim().to_string();
        if value.starts_with('[') {
            while !value.trim_end().ends_with(']') {
                if i >= end {
                    return Err((line_no, format!("the list \"{key}\" is not closed with ]")));
                }
                value.push(' ');
                value.push_str(lines[i].trim());
                i += 1;
            }
            let inner = &value.trim()[1..value.trim().len() - 1];
            let items = parse_string_list(inner).map_err(|m| (line_no, format!("\"{key}\": {m}")))?;
            meta.push((key, line_no, MetaValue::List(items)));
        } else {
            let (s, rest) = parse_string(&value).map_err(|m| (line_no, format!("\"{key}\": {m}")))?;
            if !rest.trim().is_empty() {
                return Err((line_no, format!("\"{key}\": unexpected text after the string")));
            }
            meta.push((key, line_no, MetaValue::Str(s)));
        }
    }
    Ok((meta, end + 1))
}

fn parse_string_list(mut s: &str) -> Result<Vec<String>, String> {
    let mut items = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(items);
        }
        let (item, rest) = parse_string(s)?;
        items.push(item);
        s = rest.trim_start();
        match s.strip_prefix(',') {
            Some(rest) => s = rest,
            None if s.is_empty() => return Ok(items),
            None => return Err(format!("expected , between strings, found \"{s}\"")),
        }
    }
}

/// Parses a double-quoted string with `\"` and `\\` escapes; returns it and the rest.
fn parse_string(s: &str) -> Result<(String, &str), String> {
    let rest = s.strip_prefix('"').ok_or_else(|| format!("expected a \"quoted string\", found {s}"))?;
    let mut out = String::new();
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &rest[i + 1..])),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                _ => return Err("only \\\" and \\\\ escapes are allowed".into()),
            },
            _ => out.push(c),
        }
    }
    Err("a string is not closed with \"".into())
}

/// Parses the body: returns the `#` title and the blocks. `first_line` is the file line number of
/// `lines[0]`.
fn parse_body(lines: &[&str], first_line: usize) -> Result<(String, usize, Vec<Block>), (usize, String)> {
    let mut title: Option<(String, usize)> = None;
    let mut blocks = Vec::new();
    let mut paragraph: Vec<Inline> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let flush = |paragraph: &mut Vec<Inline>, list: &mut Option<(bool, Vec<Vec<Inline>>)>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(merge_text(std::mem::take(paragraph))));
        }
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items: items.into_iter().map(merge_text).collect() });
        }
    };
    for (n, raw) in lines.iter().enumerate() {
        let line_no = first_line + n;
        let at = |m: String| (line_no, m);
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.contains('<') && trimmed.contains('>') {
            return Err(at("raw HTML is not allowed in articles".into()));
        }
        if trimmed.starts_with("```") || raw.starts_with("    ") && !raw.trim().is_empty() && list.is_none() {
            return Err(at("code blocks are not allowed in articles".into()));
        }
        if trimmed.starts_with('|') || trimmed.starts_with('>') {
            return Err(at("tables and quotes are not allowed in articles".into()));
        }
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut list, &mut blocks);
            continue;
        }
        if let Some(h) = trimmed.strip_prefix("# ") {
            if title.is_some() {
                return Err(at("only one # title is allowed, as the first line of the body".into()));
            }
            title = Some((h.trim().to_string(), line_no));
            continue;
        }
        if title.is_none() {
            return Err(at("the body must start with a # title".into()));
        }
        if let Some(h) = trimmed.strip_prefix("## ") {
            flush(&mut paragraph, &mut list, &mut blocks);
            blocks.push(Block::Heading(parse_inline(h.trim()).map_err(at)?));
            continue;
        }
        if trimmed.starts_with('#') {
            return Err(at("only # and ## headings are allowed".into()));
        }
        let digits = trimmed.chars().take_while(|c| c.is_ascii_digit()).count();
        let item = if let Some(rest) = trimmed.strip_prefix("- ") {
            Some((false, rest))
        } else {
            (digits > 0 && trimmed[digits..].starts_with(". ")).then(|| (true, &trimmed[digits + 2..]))
        };
        if let Some((ordered, rest)) = item {
            if !paragraph.is_empty() || list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                flush(&mut paragraph, &mut list, &mut blocks);
            }
            let inlines = parse_inline(rest.trim()).map_err(at)?;
            list.get_or_insert_with(|| (ordered, Vec::new())).1.push(inlines);
            continue;
        }
        if trimmed.starts_with("* ") || trimmed.starts_with("+ ") {
            return Err(at("use - for bullet lists".into()));
        }
        let inlines = parse_inline(trimmed).map_err(at)?;
        if let Some((_, items)) = list.as_mut() {
            if raw.starts_with(' ') {
                // A continuation line of the last list item.
                let last = items.last_mut().expect("a list has an item");
                last.push(Inline::Text(" ".into()));
                last.extend(inlines);
                continue;
            }
            flush(&mut paragraph, &mut list, &mut blocks);
        }
        if !paragraph.is_empty() {
            paragraph.push(Inline::Text(" ".into()));
        }
        paragraph.extend(inlines);
    }
    flush(&mut paragraph, &mut list, &mut blocks);
    let (title, title_line) = title.ok_or((first_line, "the body has no # title".to_string()))?;
    if blocks.is_empty() {
        return Err((title_line, "the article has no text".into()));
    }
    Ok((title, title_line, blocks))
}

/// Joins neighbouring plain-text pieces.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// Parses `**bold**`, `*italic*` and `[text](slug.md)` links in a line.
fn parse_inline(s: &str) -> Result<Vec<Inline>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            let end = after.find("**").ok_or("** bold is not closed")?;
            flush_text(&mut out, &mut text);
            out.push(Inline::Strong(checked_plain(&after[..end])?.to_string()));
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix('*') {
            let end = after.find('*').ok_or("* italic is not closed")?;
            flush_text(&mut out, &mut text);
            out.push(Inline::Emphasis(checked_plain(&after[..end])?.to_string()));
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let close = after.find("](").ok_or("a [ link has no ](target)")?;
            let target_end = after[close + 2..].find(')').ok_or("a link target is not closed with )")?;
            let label = checked_plain(&after[..close])?;
            let target = &after[close + 2..close + 2 + target_end];
            let slug = target
                .strip_suffix(".md")
                .filter(|t| !t.contains(['/', ':', '#', '?', ' ']) && !t.is_empty())
                .ok_or_else(|| format!("links may only point to another article as slug.md, not \"{target}\""))?;
            flush_text(&mut out, &mut text);
            out.push(Inline::Link { text: label.to_string(), slug: slug.to_string() });
            rest = &after[close + 2 + target_end + 1..];
        } else if c == '!' && rest[1..].starts_with('[') {
            return Err("images are not allowed in articles".into());
        } else if c == '`' {
            return Err("code is not allowed in articles".into());
        } else if c == ']' || c == '_' && rest.starts_with("__") {
            return Err(format!("stray \"{c}\": use *italic*, **bold** and [text](slug.md) only"));
        } else {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    flush_text(&mut out, &mut text);
    Ok(out)
}

fn checked_plain(s: &str) -> Result<&str, String> {
    if s.trim().is_empty() {
        return Err("empty emphasis or link text".into());
    }
    if s.contains(['*', '[', ']', '`']) {
        return Err(format!("nested markup in \"{s}\" is not allowed"));
    }
    Ok(s)
}

fn flush_text(out: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// The slugs of `[text](slug.md)` links in a line.
fn link_targets(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(pos) = rest.find("](") {
        let after = &rest[pos + 2..];
        if let Some(end) = after.find(')') {
            if let Some(slug) = after[..end].strip_suffix(".md") {
                out.push(slug.to_string());
            }
            rest = &after[end..];
        } else {
            break;
        }
    }
    out
}

impl Article {
    /// The summary and body as plain text, for search.
    pub fn plain_text(&self) -> String {
        let mut out = self.summary.clone();
        out.push('\n');
        let mut push = |inlines: &[Inline]| {
            for inline in inlines {
                let (Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) | Inline::Link { text: t, .. }) = inline;
                out.push_str(t);
            }
            out.push('\n');
        };
        for block in &self.blocks {
            match block {
                Block::Heading(i) | Block::Paragraph(i) => push(i),
                Block::List { items, .. } => items.iter().for_each(|i| push(i)),
            }
        }
        out
    }
}

/// The first line of an article data file: the format and its version.
const DATA_HEADER: &str = "spasm-articles 1";
/// Separates the pieces of inline text on one line of a data file.
const SPAN: char = '\u{1f}';

/// Writes parsed articles as the data file the widget fetches when the library opens (used by
/// `build.rs`). One record per line, its kind in the first character:
///
/// ```text
/// spasm-articles 1
/// A<slug>  T<title>  S<summary>  R<reviewed>  G<tag>…  L<related id>…  C<source>…
/// H<heading>  P<paragraph>  O<first item of a numbered list>  o<next item>  U, u: the same, bulleted
/// E (the last line: a file cut short is refused)
/// ```
///
/// Inline text is pieces joined by U+001F, each `t` text, `b` bold, `i` italic or `k<slug> <text>`
/// a link. Articles never hold control characters (the parser refuses them), so nothing needs
/// escaping. [`decode`] reads it back.
pub fn encode(articles: &[Article]) -> String {
    let mut out = String::from(DATA_HEADER);
    let mut line = |kind: char, text: &str| {
        out.push('\n');
        out.push(kind);
        out.push_str(text);
    };
    let spans = |inlines: &[Inline]| {
        let pieces: Vec<String> = inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text(t) => format!("t{t}"),
                Inline::Strong(t) => format!("b{t}"),
                Inline::Emphasis(t) => format!("i{t}"),
                Inline::Link { text, slug } => format!("k{slug} {text}"),
            })
            .collect();
        pieces.join(&SPAN.to_string())
    };
    for a in articles {
        for (kind, text) in [('A', &a.slug), ('T', &a.title), ('S', &a.summary), ('R', &a.reviewed)] {
            line(kind, text);
        }
        for (kind, list) in [('G', &a.tags), ('L', &a.related), ('C', &a.sources)] {
            list.iter().for_each(|x| line(kind, x));
        }
        for block in &a.blocks {
            match block {
                Block::Heading(i) => line('H', &spans(i)),
                Block::Paragraph(i) => line('P', &spans(i)),
                Block::List { ordered, items } => {
                    for (n, item) in items.iter().enumerate() {
                        let kind = match (ordered, n) {
                            (true, 0) => 'O',
                            (true, _) => 'o',
                            (false, 0) => 'U',
                            (false, _) => 'u',
                        };
                        line(kind, &spans(item));
                    }
                }
            }
        }
    }
    line('E', "");
    out.push('\n');
    out
}

/// Reads a data file written by [`encode`]. A file that is not one (a damaged download, an error
/// page served in its place) gives the number of the first line that makes no sense.
pub fn decode(data: &str) -> Result<Vec<Article>, usize> {
    let mut lines = data.lines().enumerate().map(|(n, l)| (n + 1, l));
    if lines.next().map(|(_, l)| l) != Some(DATA_HEADER) {
        return Err(1);
    }
    let mut articles: Vec<Article> = Vec::new();
    let mut ended = false;
    for (n, line) in lines {
        let mut chars = line.chars();
        let kind = chars.next().ok_or(n)?;
        let text = chars.as_str();
        if ended {
            return Err(n);
        }
        if kind == 'E' {
            ended = true;
            continue;
        }
        if kind == 'A' {
            articles.push(Article {
                slug: text.into(),
                title: String::new(),
                summary: String::new(),
                tags: Vec::new(),
                related: Vec::new(),
                sources: Vec::new(),
                reviewed: String::new(),
                blocks: Vec::new(),
            });
            continue;
        }
        let a = articles.last_mut().ok_or(n)?;
        match kind {
            'T' => a.title = text.into(),
            'S' => a.summary = text.into(),
            'R' => a.reviewed = text.into(),
            'G' => a.tags.push(text.into()),
            'L' => a.related.push(text.into()),
            'C' => a.sources.push(text.into()),
            _ => {
                let mut inlines = Vec::new();
                for piece in text.split(SPAN) {
                    let mut chars = piece.chars();
                    let kind = chars.next().ok_or(n)?;
                    let t = chars.as_str().to_string();
                    inlines.push(match kind {
                        't' => Inline::Text(t),
                        'b' => Inline::Strong(t),
                        'i' => Inline::Emphasis(t),
                        'k' => {
                            let (slug, text) = t.split_once(' ').ok_or(n)?;
                            Inline::Link { text: text.into(), slug: slug.into() }
                        }
                        _ => return Err(n),
                    });
                }
                match (kind, a.blocks.last_mut()) {
                    ('H', _) => a.blocks.push(Block::Heading(inlines)),
                    ('P', _) => a.blocks.push(Block::Paragraph(inlines)),
                    ('O' | 'U', _) => a.blocks.push(Block::List { ordered: kind == 'O', items: vec![inlines] }),
                    ('o', Some(Block::List { ordered: true, items })) | ('u', Some(Block::List { ordered: false, items })) => {
                        items.push(inlines)
                    }
                    _ => return Err(n),
                }
            }
        }
    }
    if !ended || articles.is_empty() || articles.iter().any(|a| a.title.is_empty() || a.blocks.is_empty()) {
        return Err(data.lines().count().max(1));
    }
    Ok(articles)
}
