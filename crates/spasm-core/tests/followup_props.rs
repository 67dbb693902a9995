//! Property tests of the follow-up check-ins (spec section 12): the log's stored form round-trips
//! and its reader never panics; the log never holds more than 60 check-ins; a follow-up's level is
//! never below the engine's for the same answers, "worse" never gives less than `soon`, and every
//! level above `self_care` names a reason.

use proptest::prelude::*;

use spasm_core::checkin_log::{CheckIn, CheckinLog, FindingSet, DAY_MS, MAX_ENTRIES};
use spasm_core::followup::{assess, FollowupAction, FollowupSession, Step, Trend};
use spasm_core::i18n::Lang;
use spasm_core::ids::{AgeBand, Answer, Context, Finding, Level};
use spasm_core::questionnaire::Field;
use spasm_core::triage::{triage, Answers};

const ANSWERS: [Answer; 3] = [Answer::No, Answer::NotSure, Answer::Yes];
const T0: i64 = 1_790_000_000_000;

fn answers_strategy() -> impl Strategy<Value = Answers> {
    (proptest::collection::vec(0..3usize, Finding::COUNT), proptest::collection::vec(0..3usize, Context::COUNT), 0..AgeBand::COUNT)
        .prop_map(|(findings, context, age)| {
            let mut a = Answers::default();
            for (f, n) in Finding::ALL.iter().zip(findings) {
                a.set(*f, ANSWERS[n]);
            }
            for (c, n) in Context::ALL.iter().zip(context) {
                a.set_context(*c, ANSWERS[n]);
            }
            a.age = AgeBand::ALL[age];
            a
        })
}

/// A first check's answers that offer a log (`self_care` or `soon`) often enough (the rest are
/// skipped): no emergency finding, an `urgent` one at most "not sure", the others mostly "no".
fn mild_answers() -> impl Strategy<Value = Answers> {
    (
        proptest::collection::vec(prop_oneof![10 => Just(0usize), 1 => Just(1usize), 1 => Just(2usize)], Finding::COUNT),
        0..3usize,
        0..3usize,
        0..AgeBand::COUNT,
    )
        .prop_map(|(findings, new, thinner, age)| {
            let mut a = Answers::default();
            for (f, n) in Finding::ALL.iter().zip(findings) {
                let answer = match f.level() {
                    Level::Soon | Level::SelfCare => ANSWERS[n],
                    Level::Urgent => ANSWERS[n.min(1)],
                    _ => Answer::No,
                };
                a.set(*f, answer);
            }
            a.set_context(Context::NewOrDifferent, ANSWERS[new]);
            a.set_context(Context::BloodThinner, ANSWERS[thinner]);
            a.age = AgeBand::ALL[age];
            a
        })
}

fn entry_strategy() -> impl Strategy<Value = CheckIn> {
    (0i64..4_102_444_800_000, 0..Level::COUNT, proptest::option::of(0u8..=10), proptest::option::of(0..3usize), answers_strategy())
        .prop_map(|(at, level, pain, trend, answers)| CheckIn {
            at,
            level: Level::ALL[level],
            pain,
            trend: trend.map(|t| Trend::ALL[t]),
            findings: FindingSet::from_answers(&answers),
        })
}

fn trend_strategy() -> impl Strategy<Value = Option<Trend>> {
    proptest::option::of((0..3usize).prop_map(|t| Trend::ALL[t]))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_log_round_trips_and_never_holds_more_than_60(
        first in answers_strategy(),
        start in 0i64..4_102_444_800_000,
        level in 0..Level::COUNT,
        pain in 0u8..=10,
        entries in proptest::collection::vec(entry_strategy(), 0..75),
    ) {
        let mut log = CheckinLog::start(start, &first, Level::ALL[level], pain);
        for (i, e) in entries.iter().enumerate() {
            log.push(e.clone());
            prop_assert!(log.entries().len() <= MAX_ENTRIES);
            prop_assert_eq!(log.entries().len(), (i + 2).min(MAX_ENTRIES));
            prop_assert_eq!(log.last(), e);
        }
        let text = log.encode();
        prop_assert!(text.len() < 4_000, "{} bytes", text.len());
        prop_assert_eq!(CheckinLog::decode(&text), Ok(log.clone()));
        prop_assert!(log.for_handoff().len() <= 14);
        prop_assert_eq!(spasm_core::checkin_log::decode_handoff(&log.handoff_text()), Ok(log.for_handoff().to_vec()));
        prop_assert!(log.day_of_episode(start, 0) >= 1);
    }

    #[test]
    fn arbitrary_strings_never_panic(input in "\\PC{0,200}") {
        let _ = CheckinLog::decode(&input);
        let _ = spasm_core::checkin_log::decode_handoff(&input);
    }

    #[test]
    fn near_misses_never_panic(tail in "[0-9a-z~:-]{0,300}", version in 0u32..3) {
        let _ = CheckinLog::decode(&format!("sl{version}:{tail}"));
        let _ = CheckinLog::decode(&format!("sl1:{tail}"));
        let _ = spasm_core::checkin_log::decode_handoff(&tail);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = CheckinLog::decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn a_damaged_log_is_refused_or_reads_as_a_log(first in answers_strategy(), cut in 0usize..200, flip in 0usize..200, c in "[0-9a-z~:-]") {
        let log = CheckinLog::start(T0, &first, Level::Soon, 5);
        let text = log.encode();
        let _ = CheckinLog::decode(&text[..cut.min(text.len())]);
        let mut chars: Vec<char> = text.chars().collect();
        let i = flip % chars.len();
        chars[i] = c.chars().next().unwrap();
        if let Ok(read) = CheckinLog::decode(&chars.iter().collect::<String>()) {
            prop_assert_eq!(CheckinLog::decode(&read.encode()), Ok(read));
        }
    }

    #[test]
    fn a_follow_up_is_never_below_the_engine_and_worse_never_below_soon(
        first in answers_strategy(),
        answers in answers_strategy(),
        trend in trend_strategy(),
        pain in proptest::option::of(0u8..=15),
        days in -30i64..60,
    ) {
        let log = CheckinLog::start(T0, &first, triage(&first).level, 5);
        let out = assess(&log, &answers, trend, pain, T0 + days * DAY_MS);
        prop_assert!(out.level >= triage(&answers).level);
        if trend == Some(Trend::Worse) {
            prop_assert!(out.level >= Level::Soon);
        }
        if days > 14 && trend != Some(Trend::Better) {
            prop_assert!(out.level >= Level::Soon);
            prop_assert_eq!(out.answers.get(Finding::OverTwoWeeks), Answer::Yes);
        }
        if pain.is_some_and(|p| p >= 8) {
            prop_assert!(out.level >= Level::Soon, "5 to 8 or more is a rise of 3");
        }
        // Explained (invariant 3): a level above self_care names a reason, in both languages.
        if out.level > Level::SelfCare {
            prop_assert!(!out.reason_texts(Lang::En).is_empty());
            prop_assert_eq!(out.reason_texts(Lang::En).len(), out.reason_texts(Lang::Es).len());
        }
        // The safety net stands alone (invariant 6, hazard H52): every follow-up result has one,
        // at its own level, and never relies on a reminder.
        prop_assert!(!out.outcome.safety_net.is_empty());
        prop_assert_eq!(out.outcome.level, out.level);
        for net in &out.outcome.safety_net {
            prop_assert!(net.level > out.level || net.level == Level::SelfCare || out.level.is_emergency(), "{:?} under {}", net, out.level);
        }
        if out.level <= Level::Soon {
            prop_assert!(out.outcome.safety_net.iter().any(|n| n.signs.contains(&spasm_core::triage::Sign::CheckAgain)));
        }
        // The rules of section 12 never give more than soon on their own.
        if out.level > Level::Soon {
            prop_assert_eq!(out.level, triage(&out.answers).level);
        }
    }

    /// The follow-up interview walked with random answers: it always ends; its level is never
    /// below the engine's for the answers it read; an early exit (no trend asked) is above soon,
    /// when no question still unasked could have raised it; a first check's answers not asked
    /// again still count (the level is never below the engine's for the first check's carried
    /// answers alone).
    #[test]
    fn the_follow_up_interview_ends_and_its_level_is_never_below_the_engine(
        first in mild_answers(),
        picks in proptest::collection::vec(prop_oneof![6 => Just(0usize), 1 => Just(1usize), 1 => Just(2usize)], 20),
        trend in 0..3usize,
        pain in 0u8..=10,
        days in 0i64..30,
    ) {
        // Mostly self_care or soon, as a log needs; the invariants hold for any first check.
        let level = triage(&first).level;
        let log = CheckinLog::start(T0, &first, level, 5);
        let carried_only = FollowupSession::new(&log).responses.answers();
        let mut s = FollowupSession::new(&log);
        let mut steps = 0;
        while !s.finished() {
            let action = match s.step {
                Step::Page(n) => {
                    let Some(&[Field::Finding(f)]) = s.page().map(|p| p.fields) else { unreachable!() };
                    FollowupAction::Answer(f, ANSWERS[picks[n]])
                }
                Step::Trend => FollowupAction::SetTrend(Trend::ALL[trend]),
                Step::Pain => FollowupAction::SetPain(pain),
                Step::Result => unreachable!(),
            };
            s = s.apply(action);
            steps += 1;
            prop_assert!(steps <= 22, "the follow-up never ended");
        }
        let out = s.outcome(&log, T0 + days * DAY_MS);
        prop_assert!(out.level >= triage(&s.answers()).level);
        prop_assert!(out.level >= triage(&carried_only).level);
        if s.trend.is_none() {
            prop_assert!(out.level > Level::Soon, "the trend is skipped only above soon");
        }
        if s.trend == Some(Trend::Worse) {
            prop_assert!(out.level >= Level::Soon);
        }
    }
}
