//! The six safety invariants of the clinical spec (section 5), as property tests over random
//! answer sets, and exhaustively where the space is small.

use proptest::prelude::*;

use spasm_triage::i18n::{EN, ES};
use spasm_triage::ids::{Answer, Factor, Finding, Level};
use spasm_triage::questionnaire::{next_after, pages, AgeBand, Duration, Next, Responses};
use spasm_triage::rules::FINDINGS;
use spasm_triage::triage::{triage, Answers, Outcome};

const ANSWERS: [Answer; 3] = [Answer::No, Answer::NotSure, Answer::Yes];

fn answers_strategy() -> impl Strategy<Value = Answers> {
    // Bias towards "no" so that realistic sparse answer sets are common, not just dense ones.
    let answer = prop_oneof![4 => Just(Answer::No), 1 => Just(Answer::NotSure), 1 => Just(Answer::Yes)];
    (
        proptest::collection::vec(answer.clone(), Finding::ALL.len()),
        proptest::collection::vec(answer, Factor::ALL.len()),
    )
        .prop_map(|(findings, factors)| {
            let mut a = Answers::default();
            for (f, ans) in Finding::ALL.iter().zip(findings) {
                a.set(*f, ans);
            }
            for (f, ans) in Factor::ALL.iter().zip(factors) {
                a.set_factor(*f, ans);
            }
            a
        })
}

fn step_up(answer: Answer) -> Option<Answer> {
    match answer {
        Answer::No => Some(Answer::NotSure),
        Answer::NotSure => Some(Answer::Yes),
        Answer::Yes => None,
    }
}

/// Invariant 1.
fn check_red_flag_dominance(answers: &Answers, outcome: &Outcome) {
    for rule in FINDINGS.iter().filter(|r| r.level.is_emergency()) {
        if answers.get(rule.finding) == Answer::Yes {
            assert!(outcome.level >= rule.level, "{} yes gave {}", rule.finding, outcome.level);
        }
    }
}

/// Invariant 3.
fn check_explained(answers: &Answers, outcome: &Outcome) {
    if outcome.level > Level::SelfCare {
        assert!(!outcome.reasons.is_empty(), "{} with no reason", outcome.level);
        assert_eq!(outcome.reasons[0].level, outcome.level, "first reason is not the deciding one");
    }
    for reason in &outcome.reasons {
        assert!(!reason.findings.is_empty());
        assert!(reason.level <= outcome.level);
        for finding in &reason.findings {
            assert_ne!(answers.get(*finding), Answer::No, "reason names {finding}, answered no");
        }
        // Every reason reads as a sentence in both languages, naming each of its findings' signs.
        for t in [&EN, &ES] {
            let text = reason.text(t);
            assert!(text.ends_with('.') && !text.contains('{'), "{text}");
            for finding in &reason.findings {
                assert!(text.contains(t.finding(*finding).sign), "{text} does not name {finding}");
            }
        }
    }
}

/// Invariant 6.
fn check_safety_net(outcome: &Outcome) {
    assert!(!outcome.safety_net.is_empty(), "{}: no safety net", outcome.level);
    for net in &outcome.safety_net {
        assert!(!net.signs.is_empty());
        for sign in &net.signs {
            for t in [&EN, &ES] {
                let text = sign.text(t);
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn invariant_1_red_flag_dominance(answers in answers_strategy()) {
        check_red_flag_dominance(&answers, &triage(&answers));
    }

    #[test]
    fn invariant_2_monotonic(answers in answers_strategy(), pick in 0usize..(Finding::ALL.len() + Factor::ALL.len())) {
        let before = triage(&answers).level;
        let mut raised = answers.clone();
        if let Some(finding) = Finding::ALL.get(pick) {
            match step_up(answers.get(*finding)) { Some(a) => raised.set(*finding, a), None => return Ok(()) }
        } else {
            let factor = Factor::ALL[pick - Finding::ALL.len()];
            match step_up(answers.factor(factor)) { Some(a) => raised.set_factor(factor, a), None => return Ok(()) }
        }
        prop_assert!(triage(&raised).level >= before);
    }

    #[test]
    fn invariant_3_explained(answers in answers_strategy()) {
        check_explained(&answers, &triage(&answers));
    }

    #[test]
    fn invariant_4_deterministic_and_total(answers in answers_strategy()) {
        let first = triage(&answers);
        prop_assert_eq!(&first, &triage(&answers.clone()));
        prop_assert!(Level::ALL.contains(&first.level));
    }

    #[test]
    fn invariant_5_early_exit(answers in answers_strategy(),
                              duration in 0usize..5, age in 0usize..4, before in 0usize..3) {
        // Walk the interview page by page with these answers, as the widget does.
        let pages = pages();
        let mut responses = Responses::default();
        for f in Finding::ALL { responses.set_finding(*f, answers.get(*f)); }
        responses.duration = Some(Duration::ALL[duration]);
        responses.age = Some(AgeBand::ALL[age]);
        responses.back_pain_before = Some(ANSWERS[before]);
        let first_emergency_yes = pages.iter().position(|p| p.emergency_finding().is_some_and(|f| answers.get(f) == Answer::Yes));
        let mut index = 0;
        let mut seen_non_emergency = false;
        let end = loop {
            let page = &pages[index];
            if page.emergency_finding().is_none() { seen_non_emergency = true; }
            else { prop_assert!(!seen_non_emergency, "emergency question after another question"); }
            match next_after(&pages, index, &responses) {
                Next::Page(next) => index = next,
                other => break other,
            }
        };
        match (first_emergency_yes, end) {
            (Some(at), Next::EarlyResult(level)) => {
                prop_assert_eq!(at, index, "did not stop at the first emergency yes");
                prop_assert!(level.is_emergency());
                // What the result screen shows: the engine over the answers given so far.
                let mut so_far = Responses::default();
                for page in &pages[..=index] {
                    if let Some(f) = page.emergency_finding() { so_far.set_finding(f, answers.get(f)); }
                }
                let shown = triage(&so_far.answers());
                prop_assert!(shown.level >= level && shown.level.is_emergency());
            }
            (None, Next::Review) => {}
            (expected, got) => prop_assert!(false, "expected stop at {:?}, walk ended with {:?}", expected, got),
        }
    }

    #[test]
    fn invariant_6_safety_net(answers in answers_strategy()) {
        check_safety_net(&triage(&answers));
    }
}

/// Calls `f` with every assignment of yes / no / not sure to `findings` (others no).
fn for_every_assignment(findings: &[Finding], mut f: impl FnMut(&Answers)) {
    let total = 3usize.pow(findings.len() as u32);
    for mut code in 0..total {
        let mut answers = Answers::default();
        for finding in findings {
            answers.set(*finding, ANSWERS[code % 3]);
            code /= 3;
        }
        f(&answers);
    }
}

#[test]
fn exhaustive_over_every_emergency_finding_combination() {
    // 3^10 = 59,049 answer sets: the exact level, and invariants 1, 3 and 6.
    let emergency: Vec<Finding> = FINDINGS.iter().filter(|r| r.level.is_emergency()).map(|r| r.finding).collect();
    assert_eq!(emergency.len(), 10);
    let mut count = 0;
    for_every_assignment(&emergency, |answers| {
        let outcome = triage(answers);
        let expected = emergency
            .iter()
            .map(|f| match answers.get(*f) {
                Answer::Yes => f.level(),
                Answer::NotSure => Level::Urgent,
                Answer::No => Level::SelfCare,
            })
            .max()
            .unwrap();
        assert_eq!(outcome.level, expected, "{answers:?}");
        check_red_flag_dominance(answers, &outcome);
        check_explained(answers, &outcome);
        check_safety_net(&outcome);
        count += 1;
    });
    assert_eq!(count, 59_049);
}

#[test]
fn exhaustive_monotonicity_over_the_combination_findings() {
    // The eight findings that take part in combinations: every answer set, every single step up.
    let findings = [
        Finding::Fever, Finding::InfectionRisk, Finding::BoneRisk, Finding::Injury,
        Finding::MajorTrauma, Finding::CancerHistory, Finding::NightPain, Finding::WeightLoss,
    ];
    for_every_assignment(&findings, |answers| {
        let level = triage(answers).level;
        for f in findings {
            if let Some(up) = step_up(answers.get(f)) {
                let mut raised = answers.clone();
                raised.set(f, up);
                assert!(triage(&raised).level >= level, "{f} -> {up:?} lowered {answers:?}");
            }
        }
        check_explained(answers, &triage(answers));
    });
}

#[test]
fn exhaustive_over_every_pair_of_findings() {
    // Every two findings with every pair of answers: invariants 1, 3, 6 and the exact rule.
    for (i, a) in Finding::ALL.iter().enumerate() {
        for b in &Finding::ALL[i + 1..] {
            for_every_assignment(&[*a, *b], |answers| {
                let outcome = triage(answers);
                check_red_flag_dominance(answers, &outcome);
                check_explained(answers, &outcome);
                check_safety_net(&outcome);
                let single = |f: Finding| match answers.get(f) {
                    Answer::Yes => f.level(),
                    Answer::NotSure => f.level().when_unsure().unwrap_or(Level::SelfCare),
                    Answer::No => Level::SelfCare,
                };
                assert!(outcome.level >= single(*a).max(single(*b)));
            });
        }
    }
}
