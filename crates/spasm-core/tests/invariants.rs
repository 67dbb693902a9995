//! The seven safety invariants of the clinical spec (version 2, section 9), as property tests over
//! random answer sets and age bands, and exhaustively where the space is small.

use proptest::prelude::*;

use spasm_core::coach::{coach_offered, Advice};
use spasm_core::i18n::{EN, ES};
use spasm_core::ids::{AgeBand, Answer, Context, Factor, Finding, Level};
use spasm_core::questionnaire::{asked_findings, next_after, pages, Duration, Field, Next, Page, Responses};
use spasm_core::rules::{AgeCondition, Term, FINDINGS};
use spasm_core::triage::{triage, Answers, Outcome, Sign};

const ANSWERS: [Answer; 3] = [Answer::No, Answer::NotSure, Answer::Yes];

fn answer() -> impl Strategy<Value = Answer> {
    // Bias towards "no" so that realistic sparse answer sets are common, not just dense ones.
    prop_oneof![4 => Just(Answer::No), 1 => Just(Answer::NotSure), 1 => Just(Answer::Yes)]
}

fn answers_strategy() -> impl Strategy<Value = Answers> {
    (
        proptest::collection::vec(answer(), Finding::ALL.len()),
        proptest::collection::vec(answer(), Context::ALL.len()),
        proptest::collection::vec(answer(), Factor::ALL.len()),
        0..AgeBand::ALL.len(),
    )
        .prop_map(|(findings, context, factors, age)| {
            let mut a = aged(&Answers::default(), AgeBand::ALL[age]);
            for (f, ans) in Finding::ALL.iter().zip(findings) {
                a.set(*f, ans);
            }
            for (c, ans) in Context::ALL.iter().zip(context) {
                a.set_context(*c, ans);
            }
            for (f, ans) in Factor::ALL.iter().zip(factors) {
                a.set_factor(*f, ans);
            }
            a
        })
}

fn aged(answers: &Answers, band: AgeBand) -> Answers {
    let mut a = answers.clone();
    a.age = band;
    a
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
        assert!(!reason.terms.is_empty());
        assert!(reason.level <= outcome.level);
        for (term, said) in &reason.terms {
            // Each part with the patient's own answer to it, never a "no".
            assert_ne!(*said, Answer::No, "reason names {term:?}, answered no");
            assert_eq!(answers.term(*term), *said, "reason gives {term:?} the wrong answer");
            assert!(!matches!(term, Term::AgeFlag), "the age flag is explained by what was answered");
        }
        for t in [&EN, &ES] {
            let text = reason.text(t);
            assert!(text.ends_with('.') && !text.contains('{'), "{text}");
            for finding in reason.findings() {
                assert!(text.contains(t.finding(finding).sign), "{text} does not name {finding}");
            }
            let says_unsure = text.to_lowercase().contains(&t.reasons.not_sure.replace(" {items}", "").to_lowercase());
            let unsure = reason
                .terms
                .iter()
                .any(|(term, a)| *a == Answer::NotSure && !(matches!(term, Term::Age(_)) && answers.age == AgeBand::Unknown));
            assert_eq!(says_unsure, unsure, "{text}");
        }
    }
}

/// Invariant 6, with the bounds of section 8.
fn check_safety_net(outcome: &Outcome) {
    assert!(!outcome.safety_net.is_empty(), "{}: no safety net", outcome.level);
    let lines: usize = outcome.safety_net.iter().map(|n| n.signs.len()).sum();
    if outcome.level == Level::SelfCare {
        assert!(lines <= 12, "{lines} safety-net lines on self_care");
        assert!(!outcome.safety_net.iter().any(|n| n.signs.contains(&Sign::GetsWorse)), "\"before you are seen\" on self_care");
    }
    for net in &outcome.safety_net {
        assert!(!net.signs.is_empty());
        // Only groups that say to do more than the result does, but for "call if you get worse
        // while you wait" and "use this check again".
        let allowed = |s: &Sign| matches!(s, Sign::WorseWhileWaiting | Sign::CheckAgain);
        assert!(net.level > outcome.level || net.signs.iter().all(allowed), "{} group under a {} result", net.level, outcome.level);
        if net.level == Level::EmergencyDepartment && net.signs.contains(&Sign::CaudaEquina) {
            assert_eq!(net.signs[0], Sign::CaudaEquina, "cauda equina first");
        }
        for sign in &net.signs {
            for t in [&EN, &ES] {
                let text = sign.text(t);
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
            }
        }
    }
    if outcome.level < Level::EmergencyDepartment {
        assert!(outcome.safety_net.iter().any(|n| n.signs.first() == Some(&Sign::CaudaEquina)));
    }
}

/// Invariant 7: stretches and anti-inflammatories never reach an excluded patient, and the guide
/// is never offered above `soon`.
fn check_self_care(answers: &Answers, outcome: &Outcome) {
    let advice = Advice::for_answers(answers);
    let maybe = |f: Finding| answers.finding(f) != Answer::No;
    // Spec section 6, written out here rather than read from the code under test.
    let section_6 =
        [Finding::BoneRisk, Finding::Injury, Finding::AgeOutside20To50, Finding::InfectionRisk, Finding::Child, Finding::Pregnant];
    if section_6.into_iter().any(maybe) {
        assert!(!advice.stretches, "stretches shown to an excluded patient");
    }
    if maybe(Finding::Pregnant) || maybe(Finding::Child) || answers.context(Context::BloodThinner) != Answer::No {
        assert!(!advice.anti_inflammatories(), "anti-inflammatories suggested to an excluded patient");
    }
    assert_eq!(coach_offered(outcome.level), outcome.level <= Level::Soon);
}

fn check_all(answers: &Answers) -> Outcome {
    let outcome = triage(answers);
    check_red_flag_dominance(answers, &outcome);
    check_explained(answers, &outcome);
    check_safety_net(&outcome);
    check_self_care(answers, &outcome);
    outcome
}

/// The age condition answers of a band, for comparing bands as spec section 9 asks.
fn conditions(band: AgeBand) -> Vec<Answer> {
    AgeCondition::ALL.iter().map(|c| c.answer(band)).collect()
}

/// The level with every unasked field "yes" (how long: over two weeks; age: every band), the most
/// any answers to them could give, by invariant 2.
fn highest_possible(responses: &Responses, unasked: &[Field]) -> Level {
    let mut top = responses.clone();
    let mut bands = vec![top.age];
    for field in unasked {
        match field {
            Field::Finding(f) => top.set_finding(*f, Answer::Yes),
            Field::Context(c) => top.set_context(*c, Answer::Yes),
            Field::Duration => top.duration = Some(Duration::OverTwoWeeks),
            Field::Age => bands = AgeBand::ALL.iter().map(|b| Some(*b)).collect(),
            Field::Factors => {}
        }
    }
    bands
        .into_iter()
        .map(|age| {
            let mut r = top.clone();
            r.age = age;
            triage(&r.answers()).level
        })
        .max()
        .unwrap()
}

/// What the patient has answered after page `index` of the walk: the answers of `full` on the
/// pages up to it that apply.
fn answered_through(pages: &[Page], index: usize, full: &Responses) -> Responses {
    let mut r = Responses::default();
    for page in &pages[..=index] {
        for field in page.fields.iter() {
            match field {
                Field::Finding(f) => {
                    if let Some(a) = full.finding(*f) {
                        r.set_finding(*f, a)
                    }
                }
                Field::Context(c) => {
                    if let Some(a) = full.context(*c) {
                        r.set_context(*c, a)
                    }
                }
                Field::Age => r.age = full.age,
                Field::Duration => r.duration = full.duration,
                Field::Factors => {
                    for f in Factor::ALL {
                        r.set_factor(f, full.factor(f));
                    }
                }
            }
        }
    }
    r
}

/// The first line of every `self_care` result says the patient has none of the warning signs of
/// an emergency, naming chest pain, weak or numb legs and bladder or bowel trouble
/// (`Texts::self_care_reassure`): true only if a `self_care` result never comes with a yes or a
/// "not sure" to any finding of an emergency level, and those three are such findings.
fn check_self_care_reassurance(answers: &Answers, outcome: &Outcome) {
    if outcome.level != Level::SelfCare {
        return;
    }
    for rule in FINDINGS.iter().filter(|r| r.level.is_emergency()) {
        assert_eq!(answers.get(rule.finding), Answer::No, "{} {:?} gave self_care", rule.finding, answers.get(rule.finding));
    }
}

#[test]
fn the_self_care_reassurance_names_emergency_findings() {
    for named in [Finding::ChestPain, Finding::LimbWeakness, Finding::LimbNumbness, Finding::BladderBowelLoss] {
        assert!(FINDINGS.iter().any(|r| r.finding == named && r.level.is_emergency()), "{named} is not an emergency finding");
    }
    // Exhaustively from an all-clear patient of each age band: one finding raised to "not sure" or
    // "yes" (random answer sets rarely come out `self_care`; the property test below covers mixes).
    let mut self_care = 0;
    for band in AgeBand::ALL {
        let base = aged(&Answers::default(), band);
        self_care += usize::from(triage(&base).level == Level::SelfCare);
        for finding in Finding::ALL {
            for answer in [Answer::NotSure, Answer::Yes] {
                let mut a = base.clone();
                a.set(finding, answer);
                let outcome = triage(&a);
                self_care += usize::from(outcome.level == Level::SelfCare);
                check_self_care_reassurance(&a, &outcome);
            }
        }
    }
    assert!(self_care > 0, "no self_care case was checked");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn a_self_care_result_has_no_emergency_finding(answers in answers_strategy()) {
        check_self_care_reassurance(&answers, &triage(&answers));
    }

    #[test]
    fn invariant_1_red_flag_dominance(answers in answers_strategy()) {
        check_red_flag_dominance(&answers, &triage(&answers));
    }

    #[test]
    fn invariant_2_monotonic(answers in answers_strategy(), pick in 0usize..(Finding::ALL.len() + Context::ALL.len() + Factor::ALL.len())) {
        let before = triage(&answers).level;
        let mut raised = answers.clone();
        let (nf, nc) = (Finding::ALL.len(), Context::ALL.len());
        if pick < nf {
            let f = Finding::ALL[pick];
            match step_up(answers.get(f)) { Some(a) => raised.set(f, a), None => return Ok(()) }
        } else if pick < nf + nc {
            let c = Context::ALL[pick - nf];
            match step_up(answers.context(c)) { Some(a) => raised.set_context(c, a), None => return Ok(()) }
        } else {
            let f = Factor::ALL[pick - nf - nc];
            match step_up(answers.factor(f)) { Some(a) => raised.set_factor(f, a), None => return Ok(()) }
        }
        prop_assert!(triage(&raised).level >= before);
    }

    #[test]
    fn invariant_2_monotonic_over_the_age_conditions(answers in answers_strategy()) {
        // A band whose every age condition is no, or not sure, where another's is at least that,
        // never gives more: so 20_50 never gives more than `unknown`, or than any band.
        for low in AgeBand::ALL {
            for high in AgeBand::ALL {
                if conditions(low).iter().zip(conditions(high)).all(|(l, h)| *l <= h) {
                    let level = |band| triage(&aged(&answers, band)).level;
                    prop_assert!(level(low) <= level(high), "{} gave more than {}", low, high);
                }
            }
        }
    }

    #[test]
    fn invariant_3_explained(answers in answers_strategy()) {
        check_explained(&answers, &triage(&answers));
    }

    #[test]
    fn invariant_4_deterministic_total_and_unanswered_is_not_sure(answers in answers_strategy(), gaps in proptest::collection::vec(any::<bool>(), Finding::ALL.len())) {
        let first = triage(&answers);
        prop_assert_eq!(&first, &triage(&answers.clone()));
        prop_assert!(Level::ALL.contains(&first.level));
        // Findings asked but left unanswered count as "not sure": the same level as answering
        // them "not sure".
        let mut responses = Responses::default();
        responses.age = Some(answers.age);
        let mut as_unsure = responses.clone();
        for (f, gap) in Finding::ALL.iter().zip(&gaps) {
            if *gap {
                as_unsure.set_finding(*f, Answer::NotSure);
            } else {
                responses.set_finding(*f, answers.get(*f));
                as_unsure.set_finding(*f, answers.get(*f));
            }
        }
        let asked_unanswered = responses.answers_with(&|_| Answer::NotSure);
        for f in Finding::ALL.iter().filter(|f| !matches!(f, Finding::OverTwoWeeks | Finding::AgeOutside20To50 | Finding::Child)) {
            if responses.applies(Field::Finding(*f)) {
                prop_assert_eq!(asked_unanswered.get(*f), as_unsure.answers().get(*f), "{}", f);
            }
        }
    }

    #[test]
    fn invariant_5_early_exit_never_before_and_at_once_after(
        answers in answers_strategy(), duration in 0usize..5, gate in 0usize..3,
    ) {
        // The patient's answers to every question; the walk asks them page by page, as the widget
        // does, and must stop exactly when no unasked question could still raise the level.
        let pages = pages();
        let mut full = Responses::default();
        full.age = Some(answers.age);
        full.duration = Some(Duration::ALL[duration]);
        for f in asked_findings() { full.set_finding(f, answers.get(f)); }
        full.set_finding(Finding::Pregnant, ANSWERS[gate]);
        for c in Context::ALL { full.set_context(c, answers.context(c)); }
        let factors_page = pages.len() - 1;
        let mut index = 0;
        let mut levels_seen = Vec::new();
        let end = loop {
            prop_assert!(full.page_applies(&pages[index]) || index == factors_page, "a page that cannot apply was shown");
            if let Some(Field::Finding(f)) = pages[index].single() { levels_seen.push(f.level()); }
            let so_far = answered_through(pages, index, &full);
            let next = next_after(pages, index, &so_far, false);
            if index < factors_page {
                let unasked: Vec<Field> = pages[index + 1..factors_page].iter()
                    .filter(|p| so_far.page_applies(p) || p.fields.iter().any(|f| matches!(f, Field::Finding(Finding::PregnancyWarning))))
                    .flat_map(|p| p.fields.iter().copied())
                    .collect();
                let could_raise = highest_possible(&so_far, &unasked) > triage(&so_far.answers()).level;
                let goes_on = matches!(next, Next::Page(n) if n != factors_page);
                prop_assert_eq!(goes_on, could_raise, "after page {}: goes on {}, could raise {}", index, goes_on, could_raise);
            }
            match next {
                Next::Page(n) => { prop_assert!(n > index); index = n; }
                other => break other,
            }
        };
        // call_emergency questions before emergency_department ones.
        let emergency: Vec<&Level> = levels_seen.iter().filter(|l| l.is_emergency()).collect();
        prop_assert!(emergency.windows(2).all(|w| w[0] >= w[1]));
        // Nothing left unasked could have changed the result: it is what every answer gives.
        let shown = triage(&answered_through(pages, index, &full).answers()).level;
        prop_assert_eq!(shown, triage(&full.answers()).level);
        match end {
            Next::Result => prop_assert!(shown > Level::Soon),
            Next::Done => prop_assert!(shown <= Level::Soon && index == factors_page),
            Next::Page(_) => unreachable!(),
        }
        // The self-care advice counts every question not asked as "not sure".
        let advice = Advice::for_answers(&answered_through(pages, index, &full).advice_answers());
        let full_advice = Advice::for_answers(&full.answers());
        prop_assert!(!advice.stretches || full_advice.stretches);
        prop_assert!(!advice.anti_inflammatories() || full_advice.anti_inflammatories());
    }

    #[test]
    fn invariant_6_safety_net(answers in answers_strategy()) {
        check_safety_net(&triage(&answers));
    }

    #[test]
    fn invariant_7_self_care_safety(answers in answers_strategy()) {
        check_self_care(&answers, &triage(&answers));
    }
}

/// Calls `f` with every assignment of yes / no / not sure to `findings` (others as in `base`).
fn for_every_assignment(base: &Answers, findings: &[Finding], mut f: impl FnMut(&Answers)) {
    let total = 3usize.pow(findings.len() as u32);
    for mut code in 0..total {
        let mut answers = base.clone();
        for finding in findings {
            answers.set(*finding, ANSWERS[code % 3]);
            code /= 3;
        }
        f(&answers);
    }
}

#[test]
fn exhaustive_over_the_call_emergency_findings_and_the_cauda_equina_signs() {
    // 3^8 = 6,561 answer sets: the exact level, and invariants 1, 3, 6 and 7.
    let findings = [
        Finding::ChestPain,
        Finding::OneSideNumbness,
        Finding::Confusion,
        Finding::TearingPain,
        Finding::Collapse,
        Finding::BladderBowelLoss,
        Finding::SaddleNumbness,
        Finding::SexualFunction,
    ];
    let mut count = 0;
    for_every_assignment(&Answers::default(), &findings, |answers| {
        let outcome = check_all(answers);
        let expected = findings
            .iter()
            .map(|f| match answers.get(*f) {
                Answer::Yes => f.level(),
                Answer::NotSure => f.unsure_level().unwrap(),
                Answer::No => Level::SelfCare,
            })
            .max()
            .unwrap();
        assert_eq!(outcome.level, expected, "{answers:?}");
        count += 1;
    });
    assert_eq!(count, 6_561);
}

#[test]
fn exhaustive_monotonicity_over_the_combination_parts() {
    // The findings in combinations and the cluster, with the blood thinner, new or different and
    // every age band: every answer set, every single step up.
    let findings =
        [Finding::Fever, Finding::InfectionRisk, Finding::UnbearablePain, Finding::Injury, Finding::BoneRisk, Finding::NightPain];
    for band in AgeBand::ALL {
        for thinner in ANSWERS {
            for new in ANSWERS {
                let mut base = aged(&Answers::default(), band);
                base.set_context(Context::BloodThinner, thinner);
                base.set_context(Context::NewOrDifferent, new);
                base.set(Finding::AbdominalPain, Answer::NotSure);
                for_every_assignment(&base, &findings, |answers| {
                    let level = check_all(answers).level;
                    for f in findings {
                        if let Some(up) = step_up(answers.get(f)) {
                            let mut raised = answers.clone();
                            raised.set(f, up);
                            assert!(triage(&raised).level >= level, "{f} -> {up} lowered {answers:?}");
                        }
                    }
                    for c in Context::ALL {
                        if let Some(up) = step_up(answers.context(c)) {
                            let mut raised = answers.clone();
                            raised.set_context(c, up);
                            assert!(triage(&raised).level >= level, "{c} -> {up} lowered {answers:?}");
                        }
                    }
                });
            }
        }
    }
}

#[test]
fn exhaustive_over_every_pair_of_findings() {
    // Every two findings with every pair of answers: invariants 1, 3, 6, 7 and each finding's own
    // level.
    for (i, a) in Finding::ALL.iter().enumerate() {
        for b in &Finding::ALL[i + 1..] {
            for_every_assignment(&Answers::default(), &[*a, *b], |answers| {
                let outcome = check_all(answers);
                let single = |f: Finding| match answers.get(f) {
                    Answer::Yes => f.level(),
                    Answer::NotSure => f.unsure_level().unwrap_or(Level::SelfCare),
                    Answer::No => Level::SelfCare,
                };
                assert!(outcome.level >= single(*a).max(single(*b)));
            });
        }
    }
}

#[test]
fn twenty_to_fifty_never_gives_more_than_unknown() {
    // Spec section 9, invariant 2, said plainly: declining to give an age never gives less.
    assert!(conditions(AgeBand::From20To50).iter().zip(conditions(AgeBand::Unknown)).all(|(a, b)| *a <= b));
    for f in Finding::ALL {
        for answer in [Answer::Yes, Answer::NotSure] {
            let mut a = Answers::default();
            a.set(f, answer);
            let known = triage(&a).level;
            a.age = AgeBand::Unknown;
            assert!(triage(&a).level >= known, "{f} {answer}");
        }
    }
}
