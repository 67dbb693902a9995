//! The article parser and validator: good articles become data; each kind of broken article fails
//! with its file and line.

use spasm_content::{parse_article, parse_library, Block, Inline};

const FIXTURE: &str = include_str!("../../../tests/fixtures/articles/good.md");

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
    assert!(
        a.blocks[4]
            == Block::Paragraph(vec![
                Inline::Text("Read ".into()),
                Inline::Link { text: "what a spasm is".into(), slug: "other".into() },
                Inline::Text(" next.".into()),
            ])
    );
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
    ("summary = \"Ways to rest that ease a spasm.\"\n", "", 1, "missing field `summary`"),
    ("tags = [\"self-care\", \"basics\"]", "tags = [\"self-care\", \"gossip\"]", 4, "unknown tag \"gossip\""),
    ("related = [\"heavy_lifting\", \"fever\"]", "related = [\"fevr\"]", 5, "unknown finding or factor id \"fevr\""),
    ("reviewed = \"2026-11-21\"", "reviewed = \"last week\"", 10, "must be a date"),
    ("reviewed = \"2026-11-21\"", "reviewed = \"2026-11-21\"\nauthor = \"x\"", 11, "unknown field `author`"),
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
    (
        "sources = [\n  \"What Is A Back Spasm? Author and publisher not stated, no date.\",\n  \"Back pain - low (without radiculopathy). NICE Clinical Knowledge Summaries (CKS), no date.\",\n]",
        "sources = []",
        6,
        "at least one source",
    ),
    ("Author and publisher not stated, no date.", "Author and publisher not stated.", 7, "must read as a citation"),
    ("NICE Clinical Knowledge Summaries (CKS), no date.", "NICE Clinical Knowledge Summaries (CKS), sin fecha.", 8, "must read as a citation"),
    ("\"What Is A Back Spasm?", "\"Reference article 004: What Is A Back Spasm?", 7, "is an internal note"),
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

/// The good fixture with its first paragraph (lines 15 and 16) replaced by `body`.
fn with_paragraph(body: &str) -> String {
    let paragraph = "Lie on your back with a **pillow** under your knees.\nKeep *gently* moving.";
    assert!(FIXTURE.contains(paragraph));
    FIXTURE.replacen(paragraph, body, 1)
}

/// Markdown the old hand-written parser got wrong (refused, or read as something else), and what
/// `pulldown-cmark` reads, as CommonMark says.
#[test]
fn markdown_the_hand_parser_got_wrong_reads_as_commonmark() {
    let text = |s: &str| Inline::Text(s.into());
    let cases: &[(&str, Vec<Inline>)] = &[
        // A lone star between spaces is not emphasis (the hand parser: "* italic is not closed").
        ("Two times three is 2 * 3.", vec![text("Two times three is 2 * 3.")]),
        // A < that opens no tag is text (the hand parser refused any line with < and >).
        ("If a < b and b > c, rest.", vec![text("If a < b and b > c, rest.")]),
        // An escaped star is a star (the hand parser kept the backslash and opened italic).
        (r"A star: \*, a bracket: \[.", vec![text("A star: *, a bracket: [.")]),
        // Underscores are emphasis too (the hand parser kept them as text, or refused "__").
        (
            "Keep _gently_ moving, __slowly__.",
            vec![text("Keep "), Inline::Emphasis("gently".into()), text(" moving, "), Inline::Strong("slowly".into()), text(".")],
        ),
        // An underscore inside a word is text.
        ("A snake_case word.", vec![text("A snake_case word.")]),
        // Entities are characters (the hand parser kept "&amp;").
        ("Salt &amp; water, and 100% AT&T.", vec![text("Salt & water, and 100% AT&T.")]),
        // Emphasis may span a line break (the hand parser read line by line).
        ("Keep *gently\nmoving*.", vec![text("Keep "), Inline::Emphasis("gently moving".into()), text(".")]),
        // Bold right after a word.
        ("Un**believably** calm.", vec![text("Un"), Inline::Strong("believably".into()), text(" calm.")]),
    ];
    for (body, expected) in cases {
        let a = parse_article("content/articles/good.md", &with_paragraph(body)).unwrap_or_else(|e| panic!("{body:?}: {e}"));
        assert_eq!(a.blocks[0], Block::Paragraph(expected.clone()), "{body:?}");
    }
    // A closing # sequence is not part of the title (the hand parser kept it, and the title differed).
    let a = parse_article("content/articles/good.md", &FIXTURE.replace("# Resting your back\n", "# Resting your back #\n")).unwrap();
    assert_eq!(a.title, "Resting your back");
    // Items apart by blank lines are one (loose) list, not two.
    let a = parse_article("content/articles/good.md", &FIXTURE.replace("1. Lie down.\n", "1. Lie down.\n\n")).unwrap();
    assert_eq!(a.blocks[3], Block::List { ordered: true, items: vec![vec![text("Lie down.")], vec![text("Breathe slowly.")]] });
    // TOML strings: escapes and single quotes (the hand parser knew only \" and \\).
    let a = parse_article(
        "content/articles/good.md",
        &FIXTURE.replace("summary = \"Ways to rest that ease a spasm.\"", r#"summary = 'Ways to "rest" \n'"#),
    )
    .unwrap();
    assert_eq!(a.summary, r#"Ways to "rest" \n"#);
}

/// More broken articles, refused by the allow-list on top of `pulldown-cmark`: (the fixture's first
/// paragraph or a front matter line, replaced by what, line, message part).
const BROKEN_TOO: &[(&str, &str, usize, &str)] = &[
    ("", "Keep 2*3 moving.", 15, "* italic is not closed"),
    ("", "Keep __gently moving.", 15, "__ bold is not closed"),
    ("", "Lie down.\nRead [the other one].", 16, "stray \"[\""),
    ("", "Lie down.\n\n> A quote.", 17, "tables and quotes"),
    ("", "Lie down.\n\n---\n\nMore.", 17, "horizontal rules"),
    ("", "Lie down.\n\n* A star bullet.", 17, "use - for bullet lists"),
    ("", "Lie down.\n\n1) A bracket number.", 17, "use 1. for numbered lists"),
    ("", "Lie down.\n\n- Outer\n  - Inner", 18, "nested lists"),
    ("", "Lie down.\n\n- [ ] A task.", 17, "task lists"),
    ("", "Run `rm`.", 15, "code is not allowed"),
    ("", "Not ~~this~~.", 15, "strikethrough"),
    ("", "A note.[^1]\n\n[^1]: The note.", 15, "footnotes"),
    ("", "See <https://example.com>.", 15, "links may only point to another article"),
    ("", "See [this][ref].\n\n[ref]: other.md", 17, "link definitions"),
    ("", "See [this](other.md \"a title\").", 15, "links may only point to another article"),
    ("", "See **[this](other.md)**.", 15, "nested markup"),
    ("", "Lie down.\n\nA heading\n---------", 17, "underlined headings"),
    ("", "Lie down.\n\n    indented code", 17, "code blocks"),
    ("", "Lie down.\n\n<div>\nhi\n</div>", 17, "raw HTML"),
    ("", "Lie | down.", 15, "tables are not allowed"),
    ("tags = [\"self-care\", \"basics\"]", "tags = \"self-care\"", 4, "invalid type"),
    ("tags = [\"self-care\", \"basics\"]", "tags = [\"self-care\", \"basics\"]\ntitle = \"Again\"", 5, "duplicate key"),
    ("summary = \"Ways to rest that ease a spasm.\"", "summary = \"Ways to rest\\u0001\"", 3, "control characters"),
    ("summary = \"Ways to rest that ease a spasm.\"", "summary = \"\"\"Ways\nto rest\"\"\"", 3, "control characters"),
    ("summary = \"Ways to rest that ease a spasm.\"", "summary = \"  \"", 3, "\"summary\" is empty"),
];

#[test]
fn the_allow_list_still_refuses_with_file_and_line() {
    for (from, to, line, needle) in BROKEN_TOO {
        let text = if from.is_empty() { with_paragraph(to) } else { FIXTURE.replacen(from, to, 1) };
        assert!(text != FIXTURE, "{to:?} changed nothing");
        let err = parse_article("content/articles/good.md", &text).expect_err(needle);
        assert!(err.message.contains(needle), "{to:?}: expected {needle:?}, got {err}");
        assert_eq!(err.line, *line, "{to:?}: {err}");
    }
}

/// spasm-content spells out the ids an article may name in `related` (it cannot depend on the
/// core): exactly the core's finding and factor ids.
#[test]
fn the_content_crates_known_ids_are_the_cores_finding_and_factor_ids() {
    use spasm_core::ids::{Factor, Finding};
    use std::collections::BTreeSet;
    let core: Vec<&str> = Finding::ALL.iter().map(|f| f.id()).chain(Factor::ALL.iter().map(|f| f.id())).collect();
    let known: BTreeSet<&str> = spasm_content::KNOWN_IDS.into_iter().collect();
    assert_eq!(known.len(), spasm_content::KNOWN_IDS.len(), "an id is listed twice");
    assert_eq!(known, core.iter().copied().collect::<BTreeSet<_>>());
    assert_eq!(known.len(), core.len());
}

/// The Trunk hook's tool (spasm-articles) and build.rs both get the data files from
/// `build_library`: the names the wasm asks for, and the text native tests read.
#[test]
fn the_tools_data_files_are_the_ones_the_build_names() {
    use spasm_core::i18n::Lang;
    use spasm_core::library::{bundled_data, data_integrity, DATA_FILES};
    let library = spasm_content::build_library(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")).unwrap();
    for (file, lang) in library.data.iter().zip([Lang::En, Lang::Es]) {
        assert_eq!(file.name, DATA_FILES[lang as usize]);
        // The widget fetches the file with this hash: a sha256 of exactly these bytes.
        assert_eq!(file.integrity(), data_integrity(lang));
        assert!(data_integrity(lang).starts_with("sha256-") && data_integrity(lang).len() == 7 + 44);
        assert_eq!(file.name, spasm_content::data_file_name(file.lang, &file.text));
        assert!(file.text == bundled_data(lang), "{}", file.name);
    }
}

#[test]
fn bad_file_names_are_refused() {
    let err = parse_article("content/articles/My Article.md", FIXTURE).unwrap_err();
    assert!(err.message.contains("lowercase"), "{err}");
}

#[test]
fn no_patient_facing_text_speaks_of_the_widget() {
    // "Widget" is the practice's word, not the patient's (issue 21): the patient uses "the back
    // spasm check". Every text the widget shows, and every article, in both languages.
    use spasm_core::i18n::Lang;
    for lang in Lang::ALL {
        for (key, text) in lang.texts().entries() {
            assert!(!text.to_lowercase().contains("widget"), "{lang:?} {key}: {text}");
        }
        for article in spasm_core::library::bundled(lang) {
            let text = format!("{} {} {}", article.title, article.summary, article.plain_text()).to_lowercase();
            assert!(!text.contains("widget"), "{lang:?} {}: says \"widget\"", article.slug);
        }
    }
}

#[test]
fn the_bundled_library_is_valid_and_searchable_in_both_languages() {
    use spasm_core::i18n::Lang;
    use spasm_core::library::{bundled, count, position, search, title, INDEX};
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
    for (lang, list, query, words) in
        [(Lang::En, &en, "kidney STONES", ["kidney", "stones"]), (Lang::Es, &es, "piedras RIÑONES", ["piedras", "riñones"])]
    {
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
    use spasm_content::{decode, encode};
    let articles = vec![parse_article("content/articles/good.md", FIXTURE).unwrap()];
    assert_eq!(decode(&encode(&articles)), Ok(articles.clone()));
    for dir in ["content/articles", "content/articles-es"] {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files: Vec<(String, String)> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| std::path::Path::new(dir).join(e.unwrap().file_name()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .map(|p| (p.display().to_string(), std::fs::read_to_string(root.join(&p)).unwrap()))
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
    use spasm_content::check_translation;
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
    use spasm_core::i18n::Lang;
    use spasm_core::ids::{Answer, Factor, Finding};
    use spasm_core::library::{bundled, read_more};
    use spasm_core::triage::Answers;
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
    // A child by the age band alone is offered what children should read.
    let mut child = Answers::default();
    child.age = spasm_core::ids::AgeBand::Under16;
    let picks = read_more(&child, 3);
    assert!(picks.iter().any(|n| bundled(Lang::En)[*n].related.iter().any(|id| id == "child")), "nothing for a child");
}

#[test]
fn every_id_the_spec_names_has_an_article_to_read() {
    use spasm_core::ids::{Factor, Finding};
    use spasm_core::library::INDEX;
    let ids = Finding::ALL.iter().map(|f| f.id()).chain(Factor::ALL.iter().map(|f| f.id()));
    for id in ids {
        assert!(INDEX.iter().any(|a| a.related.contains(&id)), "no article is related to {id}");
    }
}

/// Spec section 3 and 5 as the article statements name them: a finding, the blood thinner, or an
/// age condition.
fn term_ids(term: spasm_core::rules::Term) -> Vec<&'static str> {
    use spasm_core::rules::{AgeCondition, Term};
    match term {
        Term::Finding(f) => vec![f.id()],
        Term::Context(c) => vec![c.id()],
        Term::Age(AgeCondition::Over50 | AgeCondition::Over50OrUnknown) => vec!["age_over_50"],
        Term::Age(AgeCondition::From65) => vec!["age_65_plus"],
        Term::Age(AgeCondition::Under16) => vec!["child"],
        Term::Age(AgeCondition::Under20OrOver50) => vec!["age_outside_20_50"],
        Term::AgeFlag => vec!["age_outside_20_50", "child"],
    }
}

/// Every heading, list item and sentence of an article, as plain text (sentences split after
/// ". ", "! " and "? ").
fn units(article: &spasm_core::content::Article) -> Vec<String> {
    use spasm_core::content::{Block, Inline};
    let text = |inlines: &[Inline]| -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) | Inline::Link { text: t, .. } => t.as_str(),
            })
            .collect()
    };
    let mut out = vec![article.title.clone()];
    for block in &article.blocks {
        match block {
            Block::Heading(i) => out.push(text(i)),
            Block::List { items, .. } => out.extend(items.iter().map(|i| text(i))),
            Block::Paragraph(i) => {
                let paragraph = text(i);
                let mut rest = paragraph.as_str();
                while let Some(end) = [". ", "! ", "? "].iter().filter_map(|s| rest.find(s)).min() {
                    out.push(rest[..=end].to_string());
                    rest = &rest[end + 2..];
                }
                if !rest.trim().is_empty() {
                    out.push(rest.to_string());
                }
            }
        }
    }
    out.into_iter().map(|u| u.trim().to_string()).collect()
}

/// Spec item 6 of issue 17: no sentence in any article may name a level different from what the
/// engine gives. Every sentence that says where or how fast to get care is listed in
/// content/dispositions.toml with the level it names and the findings it names it for; this test
/// finds every such sentence in both languages, fails on one that is not listed (or listed but
/// gone), and checks each listed level against the rule data: a finding's own level (or its
/// "not sure" level), a combination's, or the cluster's.
#[test]
fn every_care_statement_in_the_articles_matches_the_rules() {
    use spasm_core::i18n::Lang;
    use spasm_core::ids::{Finding, Level};
    use spasm_core::library::{bundled, INDEX};
    use spasm_core::rules::{CLUSTER, COMBINATIONS};
    use std::collections::BTreeSet;

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/dispositions.toml");
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    let statements = table["statement"].as_array().unwrap();
    let header = std::fs::read_to_string(path).unwrap();
    // The care phrases, from the file's own header (English, then Spanish).
    let phrases: Vec<String> = {
        let start = header.find("#   English:").unwrap();
        let end = header.find("#   (case-insensitive").unwrap();
        header[start..end]
            .replace("#   English:", ",")
            .replace("#   Spanish:", ",")
            .replace('#', " ")
            .split(',')
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
            .filter(|p| !p.is_empty())
            .collect()
    };
    assert!(phrases.len() > 40 && phrases.contains(&"emergency department".to_string()) && phrases.contains(&"urgencias".to_string()));
    let whole_word = |text: &str, phrase: &str| {
        let lower = text.to_lowercase();
        lower.match_indices(phrase).any(|(at, _)| {
            let before = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    };

    let mut listed: BTreeSet<(String, String)> = BTreeSet::new();
    let mut problems = Vec::new();
    for s in statements {
        let get = |k: &str| s.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let flag = |k: &str| s.get(k).and_then(|v| v.as_bool()).unwrap_or(false);
        let (file, text, level) = (get("file"), get("text"), get("level"));
        listed.insert((file.clone(), text.clone()));
        let ids: BTreeSet<String> = s["findings"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        if level == "none" {
            if !ids.is_empty() {
                problems.push(format!("{file}: \"{text}\" names findings but no level"));
            }
            continue;
        }
        let Some(level) = Level::from_id(&level) else {
            problems.push(format!("{file}: \"{text}\": unknown level {level}"));
            continue;
        };
        let unsure = flag("unsure");
        let gives = |l: Level| if unsure { l.step_down() } else { l };
        if flag("cluster") {
            let flags: BTreeSet<String> = CLUSTER.flags.iter().flat_map(|t| term_ids(*t)).map(String::from).collect();
            if gives(CLUSTER.level) != level || !ids.is_subset(&flags) {
                problems.push(format!("{file}: \"{text}\": the cluster gives {} for {flags:?}", gives(CLUSTER.level)));
            }
        } else if flag("combination") {
            // One combination, or two sharing a level joined by "or": the matching combinations'
            // parts must make up exactly the ids listed.
            let matching: Vec<BTreeSet<String>> = COMBINATIONS
                .iter()
                .filter(|c| gives(c.level) == level)
                .map(|c| c.terms.iter().flat_map(|t| term_ids(*t)).map(String::from).collect::<BTreeSet<_>>())
                .filter(|parts| parts.is_subset(&ids))
                .collect();
            let union: BTreeSet<String> = matching.iter().flatten().cloned().collect();
            if union != ids {
                problems.push(format!("{file}: \"{text}\": no combination at {level} is {ids:?}"));
            }
        } else {
            for id in &ids {
                let Some(finding) = Finding::from_id(id) else {
                    problems.push(format!("{file}: \"{text}\": {id} is not a finding"));
                    continue;
                };
                let rule = if unsure { finding.unsure_level().unwrap_or(Level::SelfCare) } else { finding.level() };
                if rule != level {
                    problems.push(format!("{file}: \"{text}\" says {level} for {id}; the rules give {rule}"));
                }
            }
        }
    }

    for (lang, folder) in [(Lang::En, "articles"), (Lang::Es, "articles-es")] {
        for (article, meta) in bundled(lang).iter().zip(INDEX) {
            let file = format!("{folder}/{}.md", meta.slug);
            let units = units(article);
            for unit in &units {
                let care = phrases.iter().find(|p| whole_word(unit, p));
                if let Some(phrase) = care {
                    if !listed.contains(&(file.clone(), unit.clone())) {
                        problems.push(format!("{file}: \"{unit}\" names care (\"{phrase}\") but is not in content/dispositions.toml"));
                    }
                }
            }
            for (f, text) in listed.iter().filter(|(f, _)| *f == file) {
                if !units.contains(text) {
                    problems.push(format!("{f}: \"{text}\" is listed in content/dispositions.toml but not in the article"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(statements.len() > 100, "only {} statements", statements.len());
}
