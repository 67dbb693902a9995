//! Patient-education articles as the widget reads them: the model ([`Article`], [`Block`],
//! [`Inline`]) and the data file format ([`encode`], [`decode`]). Pure, and with no dependencies.
//!
//! The articles are parsed and checked at build time by the `spasm-content` crate, which compiles
//! this same file as its model (so the format has one source, and the core does not depend on the
//! build-time crate). Each language's articles are one data file ([`encode`]) that the widget
//! fetches when the library first opens, so the articles cost the first screen nothing; the widget
//! reads it back with [`decode`] into [`Block`] and [`Inline`] trees, never HTML, so no article can
//! inject markup.

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
