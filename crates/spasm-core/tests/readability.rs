//! Reading level, computed and printed. English articles by Flesch-Kincaid grade: each at most 7
//! and their mean at most 6 (the same method as shared/tools/readability.py: front matter and link
//! targets skipped, each heading and list item its own sentence, syllables from vowel groups).
//! Spanish articles by Fernández-Huerta reading ease: each at least 70 and their mean at least 75.
//! And the widget's own words ([`spasm_core::i18n`]) in both languages.

use std::path::PathBuf;

fn syllables(word: &str) -> usize {
    let mut w = word.to_lowercase();
    if w.chars().count() <= 3 {
        return 1;
    }
    // Silent endings: "-es" after a consonant, "-ed", a silent "-e".
    let b = w.as_bytes();
    let n = b.len();
    let consonant = |c: u8| !b"laeiouy".contains(&c);
    if n >= 3 && w.ends_with("es") && consonant(b[n - 3]) {
        w.truncate(n - 3);
    } else if w.ends_with("ed") || (n >= 2 && w.ends_with('e') && consonant(b[n - 2])) {
        w.truncate(n - 2);
    }
    let w = w.strip_prefix('y').unwrap_or(&w);
    let mut count = 0;
    let mut run: usize = 0;
    for c in w.chars().chain(std::iter::once(' ')) {
        if "aeiouy".contains(c) {
            run += 1;
        } else if run > 0 {
            count += run.div_ceil(2);
            run = 0;
        }
    }
    count.max(1)
}

fn prose(text: &str) -> String {
    let body = match text.strip_prefix("---\n").and_then(|t| t.find("\n---\n").map(|i| &t[i + 5..])) {
        Some(body) => body,
        None => text,
    };
    let mut lines = Vec::new();
    for line in body.lines() {
        // Link targets go: "[text](slug.md)" reads as "[text]".
        let mut clean = String::new();
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            clean.push_str(&rest[..=i]);
            rest = rest[i + 2..].split_once(')').map_or("", |(_, r)| r);
        }
        clean.push_str(rest);
        let t = clean.trim_start();
        let t = t.trim_start_matches('#').trim_start();
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        let t = if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
            &t[2..]
        } else if digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")) {
            &t[digits + 2..]
        } else {
            t
        };
        let t = t.trim();
        if !t.is_empty() {
            let ends = t.ends_with(['.', '!', '?', ':']);
            lines.push(if ends { t.to_string() } else { format!("{t}.") });
        }
    }
    lines.join(" ")
}

/// Flesch-Kincaid grade and word count.
fn grade(text: &str) -> (f64, usize) {
    let body = prose(text);
    let mut sentences = 0;
    let mut current_has_letter = false;
    let chars: Vec<char> = body.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_alphabetic() {
            current_has_letter = true;
        }
        let terminal = ".!?:;".contains(*c);
        let next_is_break = chars.get(i + 1).is_none_or(|n| n.is_whitespace() || ".!?:;".contains(*n));
        if terminal && next_is_break && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) {
            if current_has_letter {
                sentences += 1;
            }
            current_has_letter = false;
        }
    }
    if current_has_letter {
        sentences += 1;
    }
    let words: Vec<&str> = body
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '-'))
        .map(|w| w.trim_start_matches(['\'', '-']))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    let syl: usize = words.iter().map(|w| syllables(w)).sum();
    let (w, s) = (words.len() as f64, sentences.max(1) as f64);
    (0.39 * w / s + 11.8 * syl as f64 / w - 15.59, words.len())
}

#[test]
fn syllable_estimates_match_the_shared_tool() {
    for (word, n) in
        [("back", 1), ("spasm", 1), ("muscle", 2), ("beautiful", 4), ("doctor", 2), ("emergency", 4), ("the", 1), ("stretches", 1)]
    {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn every_english_article_reads_at_grade_7_or_below_and_the_mean_at_6() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect();
    paths.sort();
    assert!(paths.len() >= 8, "only {} articles", paths.len());
    let mut grades = Vec::new();
    let mut too_hard = Vec::new();
    for path in &paths {
        let (g, words) = grade(&std::fs::read_to_string(path).unwrap());
        println!("{g:5.1}  {words:5} words  {}", path.file_name().unwrap().to_string_lossy());
        if g > 7.0 {
            too_hard.push(format!("{} ({g:.1})", path.display()));
        }
        grades.push(g);
    }
    let mean = grades.iter().sum::<f64>() / grades.len() as f64;
    println!("mean grade {mean:.1}, {} articles", grades.len());
    assert!(too_hard.is_empty(), "articles above grade 7: {too_hard:?}");
    assert!(mean <= 6.0, "mean grade {mean:.1} is above 6");
}

#[test]
fn a_hard_text_scores_above_grade_7() {
    let hard = "---\ntitle = \"x\"\n---\n\nIntervertebral degeneration precipitates paraspinal musculature hypertonicity, necessitating comprehensive multidisciplinary evaluation and individualised conservative management.\n";
    assert!(grade(hard).0 > 7.0, "{}", grade(hard).0);
}

/// Spanish syllables: vowel groups, where two strong vowels (a, e, o) side by side, or an accented
/// í or ú beside another vowel, are two syllables (a hiatus: "le-er", "dí-a").
fn syllables_es(word: &str) -> usize {
    let strong = |c: char| "aeoáéó".contains(c);
    let vowel = |c: char| "aeiouáéíóúü".contains(c);
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut count = 0;
    for (i, c) in chars.iter().enumerate() {
        if !vowel(*c) {
            continue;
        }
        match i.checked_sub(1).map(|j| chars[j]) {
            Some(p) if vowel(p) => {
                let hiatus = (strong(p) && strong(*c)) || "íú".contains(*c) || "íú".contains(p);
                if hiatus {
                    count += 1;
                }
            }
            _ => count += 1,
        }
    }
    count.max(1)
}

/// Fernández-Huerta reading ease for Spanish (higher is easier; 70 to 80 is "fairly easy", about
/// grade 7; 80 to 90 "easy", about grade 6), and the word count.
fn ease_es(text: &str) -> (f64, usize) {
    let body = prose(text);
    let sentences = body.split_terminator(['.', '!', '?', ':', ';']).filter(|s| s.chars().any(char::is_alphabetic)).count();
    let words: Vec<&str> = body.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let syl: usize = words.iter().map(|w| syllables_es(w)).sum();
    let w = words.len().max(1) as f64;
    (206.84 - 0.60 * (100.0 * syl as f64 / w) - 1.02 * (100.0 * sentences.max(1) as f64 / w), words.len())
}

#[test]
fn spanish_syllables_follow_diphthongs_and_hiatus() {
    for (word, n) in [
        ("espalda", 3),
        ("médico", 3),
        ("dolor", 2),
        ("pierna", 2),
        ("día", 2),
        ("leer", 2),
        ("emergencias", 4),
        ("huesos", 2),
        ("ahora", 3),
    ] {
        assert_eq!(syllables_es(word), n, "{word}");
    }
}

#[test]
fn every_spanish_article_is_fairly_easy_and_the_mean_easy_to_read() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles-es");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect();
    paths.sort();
    assert!(paths.len() >= 8, "only {} articles", paths.len());
    let mut scores = Vec::new();
    let mut too_hard = Vec::new();
    for path in &paths {
        let (ease, words) = ease_es(&std::fs::read_to_string(path).unwrap());
        println!("{ease:5.1}  {words:5} words  {}", path.file_name().unwrap().to_string_lossy());
        if ease < 70.0 {
            too_hard.push(format!("{} ({ease:.1})", path.display()));
        }
        scores.push(ease);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    println!("mean Fernández-Huerta {mean:.1}, {} articles", scores.len());
    assert!(too_hard.is_empty(), "articles below 70 (fairly easy): {too_hard:?}");
    assert!(mean >= 75.0, "mean reading ease {mean:.1} is below 75");
}

#[test]
fn a_hard_spanish_text_scores_below_70() {
    let hard = "La degeneración intervertebral precipita hipertonicidad de la musculatura paraespinal, requiriendo evaluación multidisciplinaria exhaustiva y tratamiento conservador individualizado.";
    assert!(ease_es(hard).0 < 70.0, "{}", ease_es(hard).0);
}

/// The widget's own words, not only the articles: every text of each language (all of them:
/// `Texts::entries` visits every field), one per sentence; single words (buttons, names) left out.
#[test]
fn the_widget_text_reads_easily_in_both_languages() {
    use spasm_core::i18n::{EN, ES};
    let sentences = |entries: Vec<(String, &'static str)>| {
        entries.into_iter().filter(|(_, t)| t.split_whitespace().count() > 1).map(|(_, t)| t).collect::<Vec<_>>().join("\n")
    };
    let (grade_en, words_en) = grade(&sentences(EN.entries()));
    let (ease_es, words_es) = ease_es(&sentences(ES.entries()));
    println!("widget text: English grade {grade_en:.1} ({words_en} words), Spanish ease {ease_es:.1} ({words_es} words)");
    assert!(grade_en <= 6.5, "English widget text at grade {grade_en:.1}");
    assert!(ease_es >= 70.0, "Spanish widget text at reading ease {ease_es:.1}");
}

// ---- Follow-up check-ins (issue 23) ----
/// The follow-up check-ins' words (kept apart from `Texts`) read as easily as the rest.
#[test]
fn the_follow_up_words_read_easily_in_both_languages() {
    use spasm_core::i18n::Lang;
    let sentences = |entries: Vec<(String, &'static str)>| {
        entries.into_iter().filter(|(_, t)| t.split_whitespace().count() > 1).map(|(_, t)| t).collect::<Vec<_>>().join("\n")
    };
    let (grade_en, words_en) = grade(&sentences(Lang::En.followup().entries()));
    let (ease_es, words_es) = ease_es(&sentences(Lang::Es.followup().entries()));
    println!("follow-up text: English grade {grade_en:.1} ({words_en} words), Spanish ease {ease_es:.1} ({words_es} words)");
    assert!(grade_en <= 6.5, "English follow-up text at grade {grade_en:.1}");
    assert!(ease_es >= 70.0, "Spanish follow-up text at reading ease {ease_es:.1}");
}

/// The waiting-room poster (the set-up page prints it): every sentence a patient reads there, at
/// about grade 6 in English and easy Spanish.
#[test]
fn the_poster_reads_easily_in_both_languages() {
    use spasm_core::setup::POSTER;
    let text = |w: &spasm_core::setup::PosterWords| [w.title, w.scan, w.private, w.what, w.emergency].join("\n");
    let (grade_en, words_en) = grade(&text(&POSTER[0]));
    let (ease, words_es) = ease_es(&text(&POSTER[1]));
    println!("poster: English grade {grade_en:.1} ({words_en} words), Spanish ease {ease:.1} ({words_es} words)");
    assert!(grade_en <= 6.5, "the English poster at grade {grade_en:.1}");
    assert!(ease >= 70.0, "the Spanish poster at reading ease {ease:.1}");
}
