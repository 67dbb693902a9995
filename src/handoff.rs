//! The summary of a finished check, and its hand-off link: encoded in a URL fragment (which never
//! reaches a server), compact, versioned, and built on the stable ids, so a link made today opens
//! in later releases. Decoding never panics: a truncated, tampered, garbage, huge or future-version
//! fragment is a [`HandoffError`] with a plain message. Pure.
//!
//! Format, version 1: `s1.<minutes since 1970, base 36>.<level id>.<yes ids>.<unsure ids>` with ids
//! joined by `,` (findings and factors alike).
//!
//! ```
//! use spasm_triage::handoff::Summary;
//! use spasm_triage::ids::{Answer, Finding, Level};
//! use spasm_triage::triage::Answers;
//! let mut answers = Answers::default();
//! answers.set(Finding::Fever, Answer::Yes);
//! let summary = Summary::new(answers, 1_790_000_000_000);
//! let fragment = summary.encode();
//! assert!(fragment.starts_with("s1."));
//! let back = Summary::decode(&fragment).unwrap();
//! assert_eq!(back.level, Level::Urgent);
//! ```

use crate::i18n::{fill, Texts};
use crate::ids::{Answer, Item, Level};
use crate::triage::{triage, Answers};

/// The longest fragment accepted: every id of the spec fits in well under this.
pub const MAX_FRAGMENT: usize = 2_000;

/// A finished check, as handed to a doctor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// When the check finished, in milliseconds since 1970 (kept to the minute).
    pub finished_at: i64,
    /// The level the check gave at the time (a later release may decide differently; the summary
    /// shows what the patient was told).
    pub level: Level,
    pub answers: Answers,
}

/// Why a hand-off link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoffError {
    Empty,
    TooLong,
    /// Made by a newer release than this one.
    FutureVersion(u32),
    /// Cut short, changed, or not a summary at all.
    Damaged(&'static str),
}

impl HandoffError {
    /// What the patient is told, in plain words.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            HandoffError::Empty => t.link_empty.to_string(),
            HandoffError::TooLong => t.link_too_long.to_string(),
            HandoffError::FutureVersion(v) => fill(t.link_newer, &[("version", &v.to_string())]),
            HandoffError::Damaged(_) => t.link_damaged.to_string(),
        }
    }
}

impl Summary {
    /// The summary of `answers`, finished at `now` (milliseconds).
    pub fn new(answers: Answers, now: i64) -> Summary {
        let level = triage(&answers).level;
        Summary { finished_at: now.div_euclid(60_000) * 60_000, level, answers }
    }

    /// The URL fragment (without `#`).
    pub fn encode(&self) -> String {
        let ids = |answer| self.answers.items_answered(answer).map(Item::id).collect::<Vec<_>>().join(",");
        format!(
            "s1.{}.{}.{}.{}",
            to_base36(self.finished_at.div_euclid(60_000).max(0) as u64),
            self.level.id(),
            ids(Answer::Yes),
            ids(Answer::NotSure)
        )
    }

    /// Reads a fragment (with or without a leading `#`).
    pub fn decode(fragment: &str) -> Result<Summary, HandoffError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Err(HandoffError::Empty);
        }
        if fragment.len() > MAX_FRAGMENT {
            return Err(HandoffError::TooLong);
        }
        let version = fragment.strip_prefix('s').and_then(|rest| rest.split('.').next()).and_then(|v| v.parse::<u32>().ok());
        match version {
            Some(1) => {}
            Some(v) if v > 1 => return Err(HandoffError::FutureVersion(v)),
            _ => return Err(HandoffError::Damaged("not a summary")),
        }
        let parts: Vec<&str> = fragment.split('.').collect();
        let [_, minutes, level, yes, unsure] = parts.as_slice() else {
            return Err(HandoffError::Damaged("wrong number of parts"));
        };
        let minutes = from_base36(minutes).ok_or(HandoffError::Damaged("bad time"))?;
        let finished_at = i64::try_from(minutes).ok().and_then(|m| m.checked_mul(60_000)).ok_or(HandoffError::Damaged("bad time"))?;
        let level = Level::from_id(level).ok_or(HandoffError::Damaged("unknown level"))?;
        let mut answers = Answers::default();
        for (list, answer) in [(yes, Answer::Yes), (unsure, Answer::NotSure)] {
            for id in list.split(',').filter(|id| !id.is_empty()) {
                let item = Item::from_id(id).ok_or(HandoffError::Damaged("unknown id"))?;
                if answers.item(item) != Answer::No {
                    return Err(HandoffError::Damaged("an id given twice"));
                }
                answers.set_item(item, answer);
            }
        }
        // Never under-triage a tampered link: show at least the level the rules give its answers.
        let level = level.max(triage(&answers).level);
        Ok(Summary { finished_at, level, answers })
    }
}

impl Summary {
    /// Every answer that was yes or not sure, as (question, answer) in plain words: findings with
    /// their question, factors with their label.
    pub fn reported(&self, t: &'static Texts) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        for answer in [Answer::Yes, Answer::NotSure] {
            for item in self.answers.items_answered(answer) {
                let text = match item {
                    Item::Finding(f) => t.finding(f).question,
                    Item::Factor(f) => t.factor(f).label,
                };
                out.push((text, t.answer(answer)));
            }
        }
        out
    }

    /// The summary as plain text, to copy into a message or a patient portal. `when` is the
    /// finishing time as the patient's device shows it; `number` the emergency number.
    pub fn text(&self, t: &'static Texts, when: &str, number: &str) -> String {
        let fill_number = |text: &str| fill(text, &[("number", number)]);
        let outcome = triage(&self.answers);
        let level = t.level(self.level);
        let mut out = format!("{}\n{} {when}\n\n", t.summary_text_title, t.date);
        out.push_str(&format!("{}: {}\n{} {}\n", t.result, fill_number(level.headline), t.when, fill_number(level.time_frame)));
        if !outcome.reasons.is_empty() {
            out.push_str(&format!("\n{}:\n", t.why));
            for reason in &outcome.reasons {
                out.push_str(&format!("- {}\n", reason.text(t)));
            }
        }
        out.push_str(&format!("\n{}:\n", t.reported_title));
        let reported = self.reported(t);
        if reported.is_empty() {
            out.push_str(&format!("- {}\n", t.none));
        }
        for (question, answer) in reported {
            out.push_str(&format!("- {question} {answer}\n"));
        }
        if !outcome.factors.is_empty() {
            out.push_str(&format!("\n{}:\n", t.may_have_contributed));
            for group in &outcome.factors {
                for factor in &group.factors {
                    out.push_str(&format!("- {}\n", t.factor(*factor).contributed));
                }
            }
        }
        out.push_str(&format!("\n{}:\n", t.advice_given));
        for line in level.do_now {
            out.push_str(&format!("- {}\n", fill_number(line)));
        }
        out.push_str(&format!("\n{}\n", t.summary_disclaimer));
        out
    }
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn from_base36(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    s.chars().try_fold(0u64, |n, c| n.checked_mul(36)?.checked_add(u64::from(c.to_digit(36)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{Factor, Finding};

    const NOW: i64 = 1_790_000_123_456;

    fn sample() -> Summary {
        let mut a = Answers::default();
        a.set(Finding::Fever, Answer::Yes);
        a.set(Finding::ChestPain, Answer::NotSure);
        a.set_factor(Factor::HeavyLifting, Answer::Yes);
        Summary::new(a, NOW)
    }

    #[test]
    fn round_trips_and_is_compact() {
        let s = sample();
        let fragment = s.encode();
        assert_eq!(fragment, "s1.hrfjr.urgent.fever,heavy_lifting.chest_pain");
        assert_eq!(Summary::decode(&fragment), Ok(s.clone()));
        assert_eq!(Summary::decode(&format!("#{fragment}")), Ok(s));
    }

    #[test]
    fn a_link_from_today_keeps_opening() {
        // This exact string was made by release 0.1; later releases must keep reading it.
        let old = Summary::decode("s1.hrfjr.urgent.fever,heavy_lifting.chest_pain").unwrap();
        assert_eq!(old.level, Level::Urgent);
        assert_eq!(old.answers.get(Finding::ChestPain), Answer::NotSure);
    }

    #[test]
    fn bad_fragments_are_clear_errors() {
        let cases: [(&str, HandoffError); 10] = [
            ("", HandoffError::Empty),
            ("#", HandoffError::Empty),
            ("s2.tmnxqz.urgent..", HandoffError::FutureVersion(2)),
            ("s99.x", HandoffError::FutureVersion(99)),
            ("s1.tmnxqz.urgent.fever", HandoffError::Damaged("wrong number of parts")),
            ("s1.tmnxqz.urgnt..", HandoffError::Damaged("unknown level")),
            ("s1.tmnxqz.urgent.fevr.", HandoffError::Damaged("unknown id")),
            ("s1.tmnxqz.urgent.fever.fever", HandoffError::Damaged("an id given twice")),
            ("s1.zzzzzzzzzzzzz.urgent..", HandoffError::Damaged("bad time")),
            ("hello world", HandoffError::Damaged("not a summary")),
        ];
        for (fragment, expected) in cases {
            assert_eq!(Summary::decode(fragment), Err(expected), "{fragment:?}");
        }
        assert_eq!(Summary::decode(&"s1.".repeat(1000)), Err(HandoffError::TooLong));
        for e in [HandoffError::Empty, HandoffError::TooLong, HandoffError::FutureVersion(3), HandoffError::Damaged("x")] {
            for t in [&crate::i18n::EN, &crate::i18n::ES] {
                let message = e.message(t);
                assert!(message.ends_with('.') && !message.contains('{'), "{message}");
            }
        }
    }

    #[test]
    fn plain_text_has_the_level_reasons_and_answers() {
        let text = sample().text(&crate::i18n::EN, "21 Nov 2026, 3:40 PM", "112");
        assert!(text.contains("Date: 21 Nov 2026, 3:40 PM"));
        assert!(text.contains("Result: Speak to a doctor today"));
        assert!(text.contains("- You said you have a fever, chills, or night sweats."));
        assert!(text.contains("- Do you have a fever, chills, or night sweats? Yes"));
        assert!(text.contains("- Do you have chest pain, chest tightness, or trouble breathing? Not sure"));
        assert!(text.contains("- I lifted something heavy or bent over a lot Yes"));
        assert!(text.contains("Lifting or bending may have strained your back muscles."));
        assert!(!text.contains("{number}"));
        let spanish = sample().text(&crate::i18n::ES, "21 nov 2026, 15:40", "112");
        assert!(spanish.contains(crate::i18n::ES.finding(crate::ids::Finding::Fever).question));
        assert!(!spanish.contains('{'));
    }

    #[test]
    fn a_tampered_level_never_shows_lower_than_the_answers_give() {
        let tampered = Summary::decode("s1.0.self_care.chest_pain.").unwrap();
        assert_eq!(tampered.level, Level::CallEmergency);
        // A higher stored level (what the patient was told) is kept.
        assert_eq!(Summary::decode("s1.0.urgent..").unwrap().level, Level::Urgent);
    }

    #[test]
    fn regressions_found_by_fuzzing() {
        // Inputs the property test in tests/handoff_fuzz.rs once found interesting; kept here.
        for input in ["s1....", "s1.\u{0}.urgent..", "s18446744073709551616.x", "s1.-1.urgent..", "s1.ä.urgent..", "s1.0.self_care.,,,.,"] {
            let _ = Summary::decode(input);
        }
        assert!(Summary::decode("s1.0.self_care.,,,.,").is_ok(), "empty ids between commas are ignored");
    }
}
