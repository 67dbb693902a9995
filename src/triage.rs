//! The triage engine: the only place in the product that decides a level of care.
//!
//! [`triage`] applies the rules of the clinical specification to a set of [`Answers`] and returns an
//! [`Outcome`]: the most urgent level any rule reaches, the reasons that raised it, the safety-net
//! advice, and the contributing factors grouped by cause family. It is pure: no I/O, no clock, no
//! randomness, and it never panics.
//!
//! ```
//! use spasm_triage::ids::{Answer, Finding, Level};
//! use spasm_triage::triage::{triage, Answers};
//!
//! let mut answers = Answers::default();
//! answers.set(Finding::Fever, Answer::NotSure);
//! answers.set(Finding::InfectionRisk, Answer::Yes);
//! // Section 3: fever + weak immune system is an emergency; "not sure" on it gives `urgent`.
//! assert_eq!(triage(&answers).level, Level::Urgent);
//! ```

use crate::i18n::{fill, Texts};
use crate::ids::{Answer, CauseFamily, Factor, Finding, Item, Level};
use crate::rules::{Combination, COMBINATIONS, FINDINGS};

/// Everything the patient answered: one [`Answer`] per finding and per factor. Anything not set is
/// "no".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers {
    findings: [Answer; Finding::ALL.len()],
    factors: [Answer; Factor::ALL.len()],
}

impl Answers {
    /// The answer to a finding.
    pub fn get(&self, finding: Finding) -> Answer {
        self.findings[finding.index()]
    }

    /// Sets the answer to a finding.
    pub fn set(&mut self, finding: Finding, answer: Answer) {
        self.findings[finding.index()] = answer;
    }

    /// The answer to a contributing factor.
    pub fn factor(&self, factor: Factor) -> Answer {
        self.factors[factor.index()]
    }

    /// Sets the answer to a contributing factor.
    pub fn set_factor(&mut self, factor: Factor, answer: Answer) {
        self.factors[factor.index()] = answer;
    }

    /// The answer to a finding or factor.
    pub fn item(&self, item: Item) -> Answer {
        match item {
            Item::Finding(f) => self.get(f),
            Item::Factor(f) => self.factor(f),
        }
    }

    /// Sets the answer to a finding or factor.
    pub fn set_item(&mut self, item: Item, answer: Answer) {
        match item {
            Item::Finding(f) => self.set(f, answer),
            Item::Factor(f) => self.set_factor(f, answer),
        }
    }

    /// Every finding and factor answered `answer`, findings first, in id order.
    pub fn items_answered(&self, answer: Answer) -> impl Iterator<Item = Item> + '_ {
        let findings = Finding::ALL.iter().filter(move |f| self.get(**f) == answer).map(|f| Item::Finding(*f));
        let factors = Factor::ALL.iter().filter(move |f| self.factor(**f) == answer).map(|f| Item::Factor(*f));
        findings.chain(factors)
    }
}

/// How sure the patient was of what a reason rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    /// Every finding behind the reason was answered yes.
    Yes,
    /// At least one finding behind the reason was answered "not sure".
    NotSure,
}

/// Why the level was raised: one finding, or one combination of spec section 3.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The findings this reason rests on; each was answered yes or not sure.
    pub findings: Vec<Finding>,
    pub certainty: Certainty,
    /// The level this reason reaches.
    pub level: Level,
    /// For a combination, its index in [`COMBINATIONS`] (the words say why the findings matter
    /// together).
    pub combination: Option<usize>,
}

impl Reason {
    /// The reason in plain words, starting "You said …" or "You were not sure …".
    pub fn text(&self, t: &Texts) -> String {
        let signs: Vec<&str> = self.findings.iter().map(|f| t.finding(*f).sign).collect();
        let signs = t.join_and(&signs);
        let template = match self.certainty {
            Certainty::Yes => t.reasons.yes,
            Certainty::NotSure => t.reasons.not_sure,
        };
        let mut text = fill(template, &[("signs", &signs)]);
        if let Some(why) = self.combination.and_then(|i| t.combinations.get(i)) {
            text.push(' ');
            text.push_str(why);
        }
        text
    }
}

/// Something that should make the patient seek help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// A red flag of the spec, if it appears (or appeared and gets worse).
    Finding(Finding),
    /// A `soon` finding the patient was not sure about (spec section 4).
    NotSureAbout(Finding),
    NotBetterInTwoWeeks,
    PainSpreads,
    KeepsComingBack,
    /// The pain or the signs get worse before the patient is seen.
    GetsWorse,
}

impl Sign {
    /// The sign in plain words, to follow "… if you notice:" or "… if:".
    pub fn text(self, t: &Texts) -> String {
        let r = &t.reasons;
        match self {
            Sign::Finding(f) => capitalise(t.finding(f).sign),
            Sign::NotSureAbout(f) => fill(r.sign_not_sure, &[("sign", t.finding(f).sign)]),
            Sign::NotBetterInTwoWeeks => r.not_better_in_two_weeks.to_string(),
            Sign::PainSpreads => r.pain_spreads.to_string(),
            Sign::KeepsComingBack => r.keeps_coming_back.to_string(),
            Sign::GetsWorse => r.gets_worse.to_string(),
        }
    }
}

/// One group of safety-net advice: seek care at `level` if any of `signs` happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyNet {
    pub level: Level,
    pub signs: Vec<Sign>,
}

impl SafetyNet {
    /// The lead-in for this group ("Call {number} if you notice:"). `{number}` stands for the
    /// emergency number.
    pub fn lead(&self, t: &'static Texts) -> &'static str {
        t.level(self.level).net_lead
    }
}

/// The contributing factors of one cause family that the patient reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorGroup {
    pub family: CauseFamily,
    pub factors: Vec<Factor>,
}

/// The result of a triage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The most urgent level any rule reached.
    pub level: Level,
    /// What raised the level, most urgent first. Empty only for `self_care`.
    pub reasons: Vec<Reason>,
    /// When to seek help; never empty.
    pub safety_net: Vec<SafetyNet>,
    /// What may have contributed, by cause family (education; never changes the level).
    pub factors: Vec<FactorGroup>,
}

/// Applies the clinical rules to the answers. Deterministic, total and pure.
pub fn triage(answers: &Answers) -> Outcome {
    let mut reasons = Vec::new();

    // Section 2 and 4: each finding on its own.
    for rule in &FINDINGS {
        let reached = match answers.get(rule.finding) {
            Answer::Yes => Some((rule.level, Certainty::Yes)),
            Answer::NotSure => rule.level.when_unsure().map(|level| (level, Certainty::NotSure)),
            Answer::No => None,
        };
        if let Some((level, certainty)) = reached {
            reasons.push(Reason { findings: vec![rule.finding], certainty, level, combination: None });
        }
    }

    // Section 3 and 4: combinations. Every matched combination is named, even where a single
    // finding already reaches its level, so the reasons name both findings.
    for (i, combo) in COMBINATIONS.iter().enumerate() {
        if let Some(reason) = combination_reason(i, combo, answers) {
            reasons.push(reason);
        }
    }

    // Most urgent first; a combination before single findings of the same level, since it
    // explains more. The sort is stable, so ties keep the spec's order.
    let key = |r: &Reason| (std::cmp::Reverse(r.level), r.combination.is_none());
    crate::sort::sort_small(&mut reasons, |a, b| key(a) < key(b));
    let level = reasons.first().map_or(Level::SelfCare, |r| r.level);

    Outcome { level, reasons, safety_net: safety_net(level, answers), factors: factor_groups(answers) }
}

fn combination_reason(index: usize, combo: &Combination, answers: &Answers) -> Option<Reason> {
    let mut certainty = Certainty::Yes;
    for finding in combo.findings {
        match answers.get(*finding) {
            Answer::Yes => {}
            Answer::NotSure => certainty = Certainty::NotSure,
            Answer::No => return None,
        }
    }
    let level = match certainty {
        Certainty::Yes => Some(combo.level),
        Certainty::NotSure => combo.level.when_unsure(),
    }?;
    Some(Reason { findings: combo.findings.to_vec(), certainty, level, combination: Some(index) })
}

/// Safety net for a result at `level`: the red flags of every more urgent level, what to do if
/// things get worse, the self-care "book a visit if" list, and a line for each `soon` finding the
/// patient was not sure about.
fn safety_net(level: Level, answers: &Answers) -> Vec<SafetyNet> {
    let mut nets = Vec::new();
    for higher in [Level::CallEmergency, Level::EmergencyDepartment, Level::Urgent] {
        if higher > level {
            let signs = FINDINGS
                .iter()
                .filter(|rule| rule.level == higher && answers.get(rule.finding) != Answer::Yes)
                // A past cancer is history, not a sign that can newly appear.
                .filter(|rule| rule.finding != Finding::CancerHistory)
                .map(|rule| Sign::Finding(rule.finding))
                .collect();
            nets.push(SafetyNet { level: higher, signs });
        }
    }
    // Whatever the level, worsening before the patient is seen means escalating. At the top level
    // there is nowhere higher to go: call again.
    let worse_level = match level {
        Level::CallEmergency | Level::EmergencyDepartment => Level::CallEmergency,
        Level::Urgent | Level::Soon => Level::EmergencyDepartment,
        Level::SelfCare => Level::Soon,
    };
    push_sign(&mut nets, worse_level, Sign::GetsWorse);

    if level == Level::SelfCare {
        for sign in [Sign::NotBetterInTwoWeeks, Sign::PainSpreads, Sign::KeepsComingBack] {
            push_sign(&mut nets, Level::Soon, sign);
        }
    }
    for rule in FINDINGS.iter().filter(|r| r.level == Level::Soon) {
        if answers.get(rule.finding) == Answer::NotSure {
            push_sign(&mut nets, Level::Soon, Sign::NotSureAbout(rule.finding));
        }
    }
    nets.retain(|net| !net.signs.is_empty());
    crate::sort::sort_small(&mut nets, |a, b| a.level > b.level);
    nets
}

fn push_sign(nets: &mut Vec<SafetyNet>, level: Level, sign: Sign) {
    match nets.iter_mut().find(|net| net.level == level) {
        Some(net) => net.signs.push(sign),
        None => nets.push(SafetyNet { level, signs: vec![sign] }),
    }
}

fn factor_groups(answers: &Answers) -> Vec<FactorGroup> {
    CauseFamily::ALL
        .iter()
        .map(|family| FactorGroup {
            family: *family,
            factors: Factor::ALL
                .iter()
                .copied()
                .filter(|f| f.info().family == *family && answers.factor(*f) == Answer::Yes)
                .collect(),
        })
        .filter(|group| !group.factors.is_empty())
        .collect()
}

/// The text with its first letter in upper case. Only ASCII and Latin-1 letters (every letter the
/// English and Spanish tables use; a test checks them all) are raised: `char::to_uppercase` would
/// bring std's whole Unicode case table (about 3 kB) into the wasm for one letter per sentence.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        let upper = match c {
            'a'..='z' => c.to_ascii_uppercase(),
            // Latin-1 lower case (à … þ, but not ÷) sits 0x20 above its upper case.
            'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
            _ => c,
        };
        let mut out = String::with_capacity(text.len());
        out.push(upper);
        out.push_str(chars.as_str());
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalise_matches_std_for_latin_1_and_every_text() {
        let std_way = |t: &str| {
            let mut c = t.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect::<String>())
        };
        for c in (0x20u32..0x100).filter_map(char::from_u32) {
            // Letters whose upper case lies outside Latin-1 (µ, ÿ) or is two letters (ß) stay.
            let upper: Vec<char> = c.to_uppercase().collect();
            if upper.len() != 1 || upper[0] as u32 >= 0x100 {
                assert_eq!(capitalise(&c.to_string()), c.to_string());
                continue;
            }
            let s = format!("{c}x");
            assert_eq!(capitalise(&s), std_way(&s), "{c:?}");
        }
        for lang in crate::i18n::Lang::ALL {
            for (key, text) in lang.texts().entries() {
                assert_eq!(capitalise(text), std_way(text), "{key}");
            }
        }
        assert_eq!(capitalise(""), "");
    }

    fn with(pairs: &[(Finding, Answer)]) -> Answers {
        let mut a = Answers::default();
        for (f, ans) in pairs {
            a.set(*f, *ans);
        }
        a
    }

    #[test]
    fn nothing_reported_is_self_care_with_a_safety_net() {
        let outcome = triage(&Answers::default());
        assert_eq!(outcome.level, Level::SelfCare);
        assert!(outcome.reasons.is_empty());
        let levels: Vec<Level> = outcome.safety_net.iter().map(|n| n.level).collect();
        assert_eq!(levels, [Level::CallEmergency, Level::EmergencyDepartment, Level::Urgent, Level::Soon]);
        let soon = &outcome.safety_net[3];
        for sign in [Sign::NotBetterInTwoWeeks, Sign::PainSpreads, Sign::KeepsComingBack] {
            assert!(soon.signs.contains(&sign), "{sign:?} missing");
        }
    }

    #[test]
    fn each_finding_alone_gives_its_level() {
        for rule in &FINDINGS {
            let outcome = triage(&with(&[(rule.finding, Answer::Yes)]));
            // bone_risk, injury etc. have no partner here, so the level is the finding's own.
            assert_eq!(outcome.level, rule.level, "{}", rule.finding);
            assert_eq!(outcome.reasons[0].findings, vec![rule.finding]);
        }
    }

    #[test]
    fn not_sure_steps_down_one_level_or_adds_a_safety_net_line() {
        for rule in &FINDINGS {
            let outcome = triage(&with(&[(rule.finding, Answer::NotSure)]));
            let expected = rule.level.when_unsure().unwrap_or(Level::SelfCare);
            assert_eq!(outcome.level, expected, "{}", rule.finding);
            if rule.level == Level::Soon {
                assert!(outcome.reasons.is_empty());
                let has_line = outcome.safety_net.iter().any(|n| n.signs.contains(&Sign::NotSureAbout(rule.finding)));
                assert!(has_line, "{}: no safety-net line", rule.finding);
            } else {
                assert_eq!(outcome.reasons[0].certainty, Certainty::NotSure);
                assert!(outcome.reasons[0].text(&crate::i18n::EN).contains("not sure"));
            }
        }
    }

    #[test]
    fn combinations_raise_and_name_both_findings() {
        let outcome = triage(&with(&[(Finding::Fever, Answer::Yes), (Finding::InfectionRisk, Answer::Yes)]));
        assert_eq!(outcome.level, Level::EmergencyDepartment);
        assert_eq!(outcome.reasons[0].findings, vec![Finding::Fever, Finding::InfectionRisk]);

        let outcome = triage(&with(&[(Finding::BoneRisk, Answer::Yes), (Finding::Injury, Answer::Yes)]));
        assert_eq!(outcome.level, Level::Urgent);

        let outcome = triage(&with(&[(Finding::CancerHistory, Answer::Yes), (Finding::NightPain, Answer::Yes)]));
        assert_eq!(outcome.level, Level::Urgent);
        let first = &outcome.reasons[0];
        assert_eq!(first.findings, vec![Finding::CancerHistory, Finding::NightPain]);
        assert!(first.text(&crate::i18n::EN).contains("a past cancer and pain that is worse at night"), "{}", first.text(&crate::i18n::EN));
    }

    #[test]
    fn a_not_sure_combination_counts_as_one_not_sure_finding() {
        let outcome = triage(&with(&[(Finding::Fever, Answer::NotSure), (Finding::InfectionRisk, Answer::Yes)]));
        assert_eq!(outcome.level, Level::Urgent);
        let outcome = triage(&with(&[(Finding::BoneRisk, Answer::NotSure), (Finding::Injury, Answer::NotSure)]));
        assert_eq!(outcome.level, Level::Soon);
    }

    #[test]
    fn factors_never_change_the_level_and_are_grouped_by_family() {
        let mut answers = Answers::default();
        for f in Factor::ALL {
            answers.set_factor(*f, Answer::Yes);
        }
        let outcome = triage(&answers);
        assert_eq!(outcome.level, Level::SelfCare);
        let families: Vec<CauseFamily> = outcome.factors.iter().map(|g| g.family).collect();
        assert_eq!(families, CauseFamily::ALL);
        assert_eq!(outcome.factors.iter().map(|g| g.factors.len()).sum::<usize>(), Factor::ALL.len());
    }

    #[test]
    fn safety_net_leaves_out_what_the_patient_already_said() {
        let outcome = triage(&with(&[(Finding::Fever, Answer::Yes)]));
        let urgent_net = outcome.safety_net.iter().find(|n| n.level == Level::Urgent);
        assert!(urgent_net.is_none(), "no urgent list at the urgent level");
        let ed = outcome.safety_net.iter().find(|n| n.level == Level::EmergencyDepartment).unwrap();
        assert!(ed.signs.contains(&Sign::Finding(Finding::BladderBowelLoss)));
        assert!(ed.signs.contains(&Sign::GetsWorse));
    }

}
