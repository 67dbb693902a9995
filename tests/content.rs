//! The article parser and validator: good articles become data; each kind of broken article fails
//! with its file and line.

use spasm_triage::content::{parse_article, parse_library, Block, Inline};

const FIXTURE: &str = include_str!("fixtures/articles/good.md");

fn other() -> (String, String) {
    let text = FIXTURE.replace("Resting your back", "What a spasm is").replace("[what a spasm is](other.md)", "more");
    ("content/articles/other.md".to_string(), text)
}

#[test]
fn a_good_article_becomes_blocks_and_inlines() {
    let a = parse_article("content/articles/good.md", FIXTURE).unwrap();
    assert_eq!(a.slug, "good");
    assert_eq!(a.title, "Resting your back");
    assert_eq!(a.tags, ["self-care", "basics"]);
    assert_eq!(a.sources.len(), 2);
    assert_eq!(a.reviewed, "2026-11-21");
    assert_eq!(
        a.blocks[0],
        Block::Paragraph(vec![
            Inline::Text("Lie on your back with a ".into()),
            Inline::Strong("pillow".into()),
            Inline::Text(" under your knees. Keep ".into()),
            Inline::Emphasis("gently".into()),
            Inline::Text(" moving.".into()),
        ])
    );
    assert_eq!(a.blocks[1], Block::Heading(vec![Inline::Text("Positions".into())]));
    let Block::List { ordered: false, items } = &a.blocks[2] else { panic!("{:?}", a.blocks[2]) };
    assert_eq!(items.len(), 2);
    assert_eq!(items[1], vec![Inline::Text("In a recliner, with your knees bent.".into())], "continuation line joins its item");
    assert!(matches!(&a.blocks[3], Block::List { ordered: true, items } if items.len() == 2));
    assert!(a.blocks[4] == Block::Paragraph(vec![
        Inline::Text("Read ".into()),
        Inline::Link { text: "what a spasm is".into(), slug: "other".into() },
        Inline::Text(" next.".into()),
    ]));
}

#[test]
fn links_must_resolve_within_the_library() {
    let good = ("content/articles/good.md".to_string(), FIXTURE.to_string());
    assert_eq!(parse_library(&[good.clone(), other()]).unwrap().len(), 2);
    let err = parse_library(&[good]).unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("content/articles/good.md", 27));
    assert!(err.message.contains("\"other.md\", which is not an article"), "{err}");
}

/// Each broken variant of the good fixture: (what to replace, with what, line, message part).
const BROKEN: &[(&str, &str, usize, &str)] = &[
    ("summary = \"Ways to rest that ease a spasm.\"\n", "", 1, "missing \"summary\""),
    ("tags = [\"self-care\", \"basics\"]", "tags = [\"self-care\", \"gossip\"]", 4, "unknown tag \"gossip\""),
    ("related = [\"heavy_lifting\", \"fever\"]", "related = [\"fevr\"]", 5, "unknown finding or factor id \"fevr\""),
    ("reviewed = \"2026-11-21\"", "reviewed = \"last week\"", 10, "must be a date"),
    ("reviewed = \"2026-11-21\"", "reviewed = \"2026-11-21\"\nauthor = \"x\"", 11, "unknown front matter field \"author\""),
    ("Keep *gently* moving.", "Keep <b>gently</b> moving.", 16, "raw HTML"),
    ("Keep *gently* moving.", "Keep <script>alert(1)</script>", 16, "raw HTML"),
    ("Keep *gently* moving.", "Keep **gently moving.", 16, "** bold is not closed"),
    ("Keep *gently* moving.", "![a picture](pic.png)", 16, "images are not allowed"),
    ("[what a spasm is](other.md)", "[a site](https://example.com)", 27, "links may only point to another article"),
    ("[what a spasm is](other.md)", "[click](javascript:alert(1))", 27, "links may only point to another article"),
    ("## Positions", "### Positions", 18, "only # and ## headings"),
    ("# Resting your back\n", "# Resting\n", 13, "must equal the title"),
    ("1. Lie down.", "| a | b |", 24, "tables"),
    ("Keep *gently* moving.", "```\ncode\n```", 16, "code blocks"),
    ("---\n\n# Resting", "\n# Resting", 1, "no closing ---"),
    ("sources = [\n  \"Reference article 004\",\n  \"NICE CKS: low back pain\",\n]", "sources = []", 6, "at least one source"),
];

#[test]
fn each_broken_article_fails_naming_file_and_line() {
    for (from, to, line, needle) in BROKEN {
        assert!(FIXTURE.contains(from), "fixture lacks {from:?}");
        let text = FIXTURE.replacen(from, to, 1);
        let err = parse_article("content/articles/good.md", &text).expect_err(needle);
        assert!(err.to_string().starts_with("content/articles/good.md:"), "{err}");
        assert!(err.message.contains(needle), "expected {needle:?}, got {err}");
        assert_eq!(err.line, *line, "{needle}: {err}");
    }
}

#[test]
fn bad_file_names_are_refused() {
    let err = parse_article("content/articles/My Article.md", FIXTURE).unwrap_err();
    assert!(err.message.contains("lowercase"), "{err}");
}

#[test]
fn the_bundled_library_is_valid_and_searchable_in_both_languages() {
    use spasm_triage::i18n::Lang;
    use spasm_triage::library::{bundled, count, position, search, title, INDEX};
    let (en, es) = (bundled(Lang::En), bundled(Lang::Es));
    assert!(en.len() >= 8);
    assert_eq!(en.len(), es.len(), "every article has a Spanish translation");
    assert_eq!(count(), en.len());
    for (i, (a, b)) in en.iter().zip(&es).enumerate() {
        assert_eq!(a.slug, b.slug, "article {i} is the same article in both languages");
        assert_ne!(a.title, b.title, "{}: the Spanish title is translated", a.slug);
        assert_eq!(position(&a.slug), Some(i));
        assert_eq!((title(Lang::En, i), title(Lang::Es, i)), (Some(a.title.as_str()), Some(b.title.as_str())), "the built-in index");
        assert_eq!(INDEX[i].related, a.related.iter().map(String::as_str).collect::<Vec<_>>());
        for x in [a, b] {
            assert!(!x.sources.is_empty() && !x.blocks.is_empty(), "{}", x.slug);
        }
    }
    for (lang, list, query, words) in [(Lang::En, &en, "kidney STONES", ["kidney", "stones"]), (Lang::Es, &es, "piedras RIÑONES", ["piedras", "riñones"])] {
        let hits = search(list, query);
        assert!(!hits.is_empty(), "{lang:?}: search found nothing for {query}");
        for n in &hits {
            let a = &list[*n];
            let text = format!("{} {}", a.title, a.plain_text()).to_lowercase();
            assert!(words.iter().all(|w| text.contains(w)), "{} matched {query} without every word", a.slug);
        }
        assert!(search(list, "zzzz-no-such-word").is_empty());
        assert!(search(list, "  ").is_empty());
    }
}

#[test]
fn the_data_files_hold_exactly_the_parsed_articles() {
    use spasm_triage::content::{decode, encode};
    let articles = vec![parse_article("content/articles/good.md", FIXTURE).unwrap()];
    assert_eq!(decode(&encode(&articles)), Ok(articles.clone()));
    for dir in ["content/articles", "content/articles-es"] {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).unwrap()))
            .collect();
        files.sort();
        let library = parse_library(&files).unwrap();
        assert_eq!(decode(&encode(&library)).as_ref(), Ok(&library), "{dir} survives the round trip");
    }
    // Not a data file, or a damaged one: the line that makes no sense.
    assert_eq!(decode("<!doctype html>"), Err(1));
    let data = encode(&articles);
    assert_eq!(decode(&data.replacen("\nP", "\nZ", 1)).map(|_| ()), Err(data.lines().position(|l| l.starts_with('P')).unwrap() + 1));
    assert!(decode(&data.replace("\nE\n", "\n")).is_err(), "a file cut short");
    // Articles with control characters are refused, so the data file needs no escaping.
    let err = parse_article("content/articles/a.md", &FIXTURE.replace("Lie", "Lie\u{1f}")).unwrap_err();
    assert!(err.message.contains("control characters"), "{err}");
}

#[test]
fn a_missing_or_extra_translation_fails_the_build() {
    use spasm_triage::content::check_translation;
    let en = vec![parse_article("content/articles/a.md", FIXTURE).unwrap()];
    let err = check_translation(&en, &[], "content/articles-es").unwrap_err();
    assert_eq!(err.file, "content/articles-es/a.md");
    assert!(err.message.contains("missing"), "{err}");
    let err = check_translation(&[], &en, "content/articles-es").unwrap_err();
    assert!(err.message.contains("no original"), "{err}");
    assert!(check_translation(&en, &en, "content/articles-es").is_ok());
}

#[test]
fn read_more_follows_what_the_patient_reported() {
    use spasm_triage::i18n::Lang;
    use spasm_triage::ids::{Answer, Factor, Finding};
    use spasm_triage::library::{bundled, read_more};
    use spasm_triage::triage::Answers;
    assert!(read_more(&Answers::default(), 3).is_empty());
    let mut answers = Answers::default();
    answers.set_factor(Factor::Dehydration, Answer::Yes);
    answers.set(Finding::Fever, Answer::NotSure);
    let picks = read_more(&answers, 3);
    assert!(!picks.is_empty() && picks.len() <= 3);
    for n in &picks {
        let a = &bundled(Lang::En)[*n];
        assert!(a.related.iter().any(|id| id == "dehydration" || id == "fever"), "{}", a.slug);
    }
}

#[test]
fn every_id_the_spec_names_has_an_article_to_read() {
    use spasm_triage::ids::{Factor, Finding};
    use spasm_triage::library::INDEX;
    let ids = Finding::ALL.iter().map(|f| f.id()).chain(Factor::ALL.iter().map(|f| f.id()));
    for id in ids {
        assert!(INDEX.iter().any(|a| a.related.contains(&id)), "no article is related to {id}");
    }
}
