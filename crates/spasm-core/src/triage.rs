//! The triage engine: the only place in the product that decides a level of care.
//!
//! [`triage`] applies the rules of the clinical specification to a set of [`Answers`] and returns an
//! [`Outcome`]: the most urgent level any rule reaches, the reasons that raised it, the safety-net
//! advice, and the contributing factors grouped by cause family. It is pure: no I/O, no clock, no
//! randomness, and it never panics.
//!
//! ```
//! use spasm_core::ids::{Answer, Finding, Level};
//! use spasm_core::triage::{triage, Answers};
//!
//! let mut answers = Answers::default();
//! answers.set(Finding::Fever, Answer::NotSure);
//! answers.set(Finding::InfectionRisk, Answer::Yes);
//! // Section 3: fever + weak immune system is an emergency; "not sure" on it gives `urgent`.
//! assert_eq!(triage(&answers).level, Level::Urgent);
//! ```

use crate::i18n::{fill, Texts};
use crate::ids::{dense_enum, AgeBand, Answer, CauseFamily, Context, Factor, Finding, Item, Level};
use crate::rules::{AgeCondition, Term, CLUSTER, COMBINATIONS, FINDINGS};

/// Everything the engine is given: one [`Answer`] per finding, context answer and factor, and the
/// age band. Anything not set is "no", and the age band `20_50`, which meets no age condition.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Answers {
    findings: [Answer; Finding::COUNT],
    context: [Answer; Context::COUNT],
    factors: [Answer; Factor::COUNT],
    pub age: AgeBand,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            findings: [Answer::No; Finding::COUNT],
            context: [Answer::No; Context::COUNT],
            factors: [Answer::No; Factor::COUNT],
            age: AgeBand::default(),
        }
    }
}

impl Answers {
    /// The answer given to a finding, as given (for `child` and `age_outside_20_50` the answer
    /// that counts is [`Self::finding`]).
    pub fn get(&self, finding: Finding) -> Answer {
        self.findings[finding.index()]
    }

    /// Sets the answer to a finding.
    pub fn set(&mut self, finding: Finding, answer: Answer) {
        self.findings[finding.index()] = answer;
    }

    /// The answer to a context question.
    pub fn context(&self, context: Context) -> Answer {
        self.context[context.index()]
    }

    /// Sets the answer to a context question.
    pub fn set_context(&mut self, context: Context, answer: Answer) {
        self.context[context.index()] = answer;
    }

    /// The answer to a contributing factor.
    pub fn factor(&self, factor: Factor) -> Answer {
        self.factors[factor.index()]
    }

    /// Sets the answer to a contributing factor.
    pub fn set_factor(&mut self, factor: Factor, answer: Answer) {
        self.factors[factor.index()] = answer;
    }

    /// The answer to a finding, context question or factor, as given.
    pub fn item(&self, item: Item) -> Answer {
        match item {
            Item::Finding(f) => self.get(f),
            Item::Context(c) => self.context(c),
            Item::Factor(f) => self.factor(f),
        }
    }

    /// Sets the answer to a finding, context question or factor.
    pub fn set_item(&mut self, item: Item, answer: Answer) {
        match item {
            Item::Finding(f) => self.set(f, answer),
            Item::Context(c) => self.set_context(c, answer),
            Item::Factor(f) => self.set_factor(f, answer),
        }
    }

    /// The answer an age condition has from the age band (spec section 4).
    fn age_condition(&self, condition: AgeCondition) -> Answer {
        condition.answer(self.age)
    }

    /// The answer that counts for a finding. `child` is "under 16" and `age_outside_20_50` is
    /// "under 20 or over 50" with `new_or_different` (the weaker of the two); where an answer was
    /// also given directly, the stronger of the two counts (spec section 4).
    pub fn finding(&self, finding: Finding) -> Answer {
        let given = self.get(finding);
        match finding {
            Finding::Child => given.max(self.age_condition(AgeCondition::Under16)),
            Finding::AgeOutside20To50 => given.max(self.age_outside_derived()),
            _ => given,
        }
    }

    fn age_outside_derived(&self) -> Answer {
        self.age_condition(AgeCondition::Under20OrOver50).min(self.context(Context::NewOrDifferent))
    }

    /// The answer of one member of a combination or of the cluster.
    pub fn term(&self, term: Term) -> Answer {
        match term {
            Term::Finding(f) => self.finding(f),
            Term::Context(c) => self.context(c),
            Term::Age(condition) => self.age_condition(condition),
            Term::AgeFlag => self.finding(Finding::AgeOutside20To50).max(self.finding(Finding::Child)),
        }
    }

    /// What the patient actually answered behind a term, each part with its own answer: a derived
    /// finding becomes the age and `new_or_different` answers it came from, so a reason never says
    /// "you said" of something the patient did not say.
    fn explain(&self, term: Term) -> Vec<(Term, Answer)> {
        match term {
            Term::Finding(Finding::Child) if self.get(Finding::Child) < self.finding(Finding::Child) => {
                vec![(Term::Age(AgeCondition::Under16), self.age_condition(AgeCondition::Under16))]
            }
            Term::Finding(Finding::AgeOutside20To50) if self.get(Finding::AgeOutside20To50) < self.finding(Finding::AgeOutside20To50) => {
                vec![
                    (Term::Age(AgeCondition::Under20OrOver50), self.age_condition(AgeCondition::Under20OrOver50)),
                    (Term::Context(Context::NewOrDifferent), self.context(Context::NewOrDifferent)),
                ]
            }
            Term::AgeFlag => {
                let (outside, child) = (self.finding(Finding::AgeOutside20To50), self.finding(Finding::Child));
                self.explain(Term::Finding(if child >= outside { Finding::Child } else { Finding::AgeOutside20To50 }))
            }
            _ => vec![(term, self.term(term))],
        }
    }
}

/// Which rule a reason comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// One finding on its own.
    Finding,
    /// A combination of spec section 5, by its index in [`COMBINATIONS`].
    Combination(usize),
    /// The red-flag cluster of section 5.
    Cluster,
}

/// Why the level was raised: one finding, a combination or the cluster, with what the patient
/// answered to each part of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Each part the reason rests on, with its own answer (yes or not sure).
    pub terms: Vec<(Term, Answer)>,
    /// The level this reason reaches.
    pub level: Level,
    pub rule: Rule,
    /// The age band given, so an age part is worded truthfully ("over 50", or "you did not give
    /// your age").
    pub age: AgeBand,
}

impl Reason {
    /// True when any part of the reason was answered "not sure".
    pub fn unsure(&self) -> bool {
        self.terms.iter().any(|(_, a)| *a != Answer::Yes)
    }

    /// The findings this reason names (its other parts are age and context answers).
    pub fn findings(&self) -> impl Iterator<Item = Finding> + '_ {
        self.terms.iter().filter_map(|(t, _)| if let Term::Finding(f) = t { Some(*f) } else { None })
    }

    /// The reason in plain words: what the patient said yes to, what they were not sure of, each
    /// part with its own answer; for a combination, why the parts matter together.
    pub fn text(&self, t: &Texts) -> String {
        let r = &t.reasons;
        let (mut yes, mut unsure, mut no_age) = (Vec::new(), Vec::new(), false);
        for (term, answer) in &self.terms {
            let clause = match term {
                Term::Age(_) if self.age == AgeBand::Unknown => {
                    no_age = true;
                    continue;
                }
                Term::Finding(f) => fill(r.have, &[("sign", t.finding(*f).sign)]),
                Term::Context(c) => t.context[c.index()].to_string(),
                Term::Age(condition) => age_clause(t, *condition, self.age).to_string(),
                Term::AgeFlag => continue,
            };
            if *answer == Answer::Yes {
                yes.push(clause)
            } else {
                unsure.push(clause)
            }
        }
        let mut parts = Vec::new();
        for (list, template) in [(yes, r.yes), (unsure, r.not_sure)] {
            if !list.is_empty() {
                let items: Vec<&str> = list.iter().map(String::as_str).collect();
                parts.push(fill(template, &[("items", &t.join_and(&items))]));
            }
        }
        if no_age {
            parts.push(r.no_age.to_string());
        }
        let mut text = capitalise(&parts.join("; "));
        text.push('.');
        let why = match self.rule {
            Rule::Finding => None,
            Rule::Combination(i) => t.combinations.get(i).copied(),
            Rule::Cluster => Some(t.cluster),
        };
        if let Some(why) = why {
            text.push(' ');
            text.push_str(why);
        }
        text
    }
}

/// "are over 50", "are 65 or older" ...: an age condition as the patient's own band meets it.
fn age_clause(t: &Texts, condition: AgeCondition, band: AgeBand) -> &'static str {
    let ages = &t.reasons.ages;
    match condition {
        AgeCondition::Under16 => ages[0],
        AgeCondition::Under20OrOver50 if matches!(band, AgeBand::Under16 | AgeBand::From16To19) => ages[1],
        AgeCondition::Under20OrOver50 | AgeCondition::Over50 | AgeCondition::Over50OrUnknown => ages[2],
        AgeCondition::From65 => ages[3],
    }
}

/// A line of the safety net (spec section 8): something that should make the patient seek help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sign {
    /// Call now: a sudden tearing pain, fainting, or cold and clammy skin.
    TearingOrFainting,
    /// Call now: chest pain or trouble breathing.
    ChestOrBreathing,
    /// Call now: stroke signs or new confusion.
    StrokeOrConfusion,
    /// Emergency department, always first in its group: the widened cauda equina signs, even at
    /// night or at the weekend.
    CaudaEquina,
    /// Emergency department: new weakness or numbness in the legs, or legs giving way.
    LegsWeakOrNumb,
    /// Emergency department or maternity unit: a pregnancy warning sign (only when the patient is
    /// or may be pregnant).
    PregnancyWarning,
    /// Today: fever with shaking chills, or feeling very unwell.
    FeverOrUnwell,
    NotBetterInTwoWeeks,
    PainSpreads,
    KeepsComingBack,
    /// `soon` findings the patient was not sure about (spec section 3): book a visit if they turn
    /// out to be yes. One line for all of them, so the net stays short.
    NotSureAbout(Vec<Finding>),
    /// Worse before being seen (on `soon` and `urgent`).
    GetsWorse,
    /// Worse while waiting for help or on the way (emergency levels).
    WorseWhileWaiting,
    /// Use this check again if anything changes (on `self_care` and `soon`).
    CheckAgain,
}

impl Sign {
    /// How many signs have a fixed line (all but [`Sign::NotSureAbout`]): the length of
    /// `ReasonWords::net`, whose lines follow [`Sign::text`]'s match.
    pub(crate) const LINES: usize = 13;

    /// The line in plain words. The match has no catch-all, so a new sign does not build until it
    /// has a line.
    pub fn text(&self, t: &Texts) -> String {
        let r = &t.reasons;
        let line = match self {
            Sign::NotSureAbout(findings) => {
                let signs: Vec<&str> = findings.iter().map(|f| t.finding(*f).sign).collect();
                return fill(r.sign_not_sure, &[("signs", &t.join_and(&signs))]);
            }
            Sign::TearingOrFainting => 0,
            Sign::ChestOrBreathing => 1,
            Sign::StrokeOrConfusion => 2,
            Sign::CaudaEquina => 3,
            Sign::LegsWeakOrNumb => 4,
            Sign::PregnancyWarning => 5,
            Sign::FeverOrUnwell => 6,
            Sign::NotBetterInTwoWeeks => 7,
            Sign::PainSpreads => 8,
            Sign::KeepsComingBack => 9,
            Sign::GetsWorse => 10,
            Sign::WorseWhileWaiting => 11,
            Sign::CheckAgain => 12,
        };
        r.net[line].to_string()
    }
}

/// One group of safety-net advice: do what `level` says if any of `signs` happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyNet {
    pub level: Level,
    pub signs: Vec<Sign>,
}

impl SafetyNet {
    /// The lead-in for this group ("Call {number} now if:"). `{number}` stands for the emergency
    /// number.
    pub fn lead(&self, t: &'static Texts) -> &'static str {
        t.level(self.level).net_lead
    }
}

dense_enum! {
    /// A place of care beside the level's own (spec section 1). The words are
    /// `ReasonWords::places`.
    pub enum Place {
        /// A pregnancy warning sign: the maternity unit (labor and delivery) or an emergency
        /// department.
        MaternityUnit,
        /// Pregnant or just gave birth: a midwife or obstetrician, beside the doctor.
        Midwife,
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
    /// Where to go beside the level's own place, if a reason needs it.
    pub places: Vec<Place>,
    /// What may have contributed, by cause family (education; never changes the level).
    pub factors: Vec<FactorGroup>,
}

/// Applies the clinical rules to the answers. Deterministic, total and pure.
pub fn triage(answers: &Answers) -> Outcome {
    let level = |reasons: &[Reason]| reasons.iter().map(|r| r.level).max().unwrap_or(Level::SelfCare);
    let mut reasons = Vec::new();
    let reason = |terms: Vec<(Term, Answer)>, level, rule| Reason { terms, level, rule, age: answers.age };

    // Section 3: each finding on its own. A `soon` finding's "not sure" goes to the safety net.
    for rule in &FINDINGS {
        let reached = match answers.finding(rule.finding) {
            Answer::Yes => Some(rule.level),
            Answer::NotSure => rule.unsure,
            Answer::No => None,
        };
        if let Some(level) = reached {
            reasons.push(reason(answers.explain(Term::Finding(rule.finding)), level, Rule::Finding));
        }
    }

    // Section 5: combinations. Every matched combination is named, even where a single finding
    // already reaches its level, so the reasons name every part.
    for (i, combo) in COMBINATIONS.iter().enumerate() {
        let parts: Vec<Answer> = combo.terms.iter().map(|t| answers.term(*t)).collect();
        if parts.contains(&Answer::No) {
            continue;
        }
        let level = if parts.contains(&Answer::NotSure) { combo.level.step_down() } else { combo.level };
        let terms = combo.terms.iter().flat_map(|t| answers.explain(*t)).collect();
        reasons.push(reason(terms, level, Rule::Combination(i)));
    }

    // The cluster: enough flags answered yes reach its level; enough answered yes or not sure,
    // one step less.
    let flags = |wanted: &[Answer]| -> Vec<Term> { CLUSTER.flags.iter().copied().filter(|f| wanted.contains(&answers.term(*f))).collect() };
    let (sure, any) = (flags(&[Answer::Yes]), flags(&[Answer::Yes, Answer::NotSure]));
    let counted = if sure.len() >= CLUSTER.at_least {
        Some((sure, CLUSTER.level))
    } else {
        (any.len() >= CLUSTER.at_least).then(|| (any, CLUSTER.level.step_down()))
    };
    if let Some((flags, level)) = counted {
        let terms = flags.iter().flat_map(|t| answers.explain(*t)).collect();
        reasons.push(reason(terms, level, Rule::Cluster));
    }

    // Most urgent first; a combination or the cluster before single findings of the same level,
    // since it explains more. The sort is stable, so ties keep the spec's order.
    let key = |r: &Reason| (std::cmp::Reverse(r.level), r.rule == Rule::Finding);
    crate::sort::sort_small(&mut reasons, |a, b| key(a) < key(b));
    let level = level(&reasons);

    Outcome { level, safety_net: safety_net(level, answers), places: places(level, answers), reasons, factors: factor_groups(answers) }
}

/// Places of care a reason needs beside the level's own (spec section 1): a pregnancy warning
/// sign, the maternity unit; pregnant or just gave birth, on a visit today or in a few days, a
/// midwife or obstetrician too.
pub(crate) fn places(level: Level, answers: &Answers) -> Vec<Place> {
    let warning = answers.finding(Finding::PregnancyWarning);
    let pregnant = answers.finding(Finding::Pregnant).max(warning);
    let mut places = Vec::new();
    if warning == Answer::Yes {
        places.push(Place::MaternityUnit);
    }
    if pregnant != Answer::No && matches!(level, Level::Soon | Level::Urgent) {
        places.push(Place::Midwife);
    }
    places
}

/// The safety net for a result at `level` (spec section 8): grouped by what to do, the groups
/// more urgent than the result only; the cauda equina signs first among the emergency-department
/// signs; at most 12 lines on `self_care`.
pub fn safety_net(level: Level, answers: &Answers) -> Vec<SafetyNet> {
    let mut nets: Vec<SafetyNet> = Vec::new();
    let mut add = |at: Level, sign: Sign| match nets.iter_mut().find(|net| net.level == at) {
        Some(net) => net.signs.push(sign),
        None => nets.push(SafetyNet { level: at, signs: vec![sign] }),
    };
    let may_be_pregnant = answers.finding(Finding::Pregnant) != Answer::No;
    if level < Level::CallEmergency {
        for sign in [Sign::TearingOrFainting, Sign::ChestOrBreathing, Sign::StrokeOrConfusion] {
            add(Level::CallEmergency, sign);
        }
    }
    if level.is_emergency() {
        add(Level::CallEmergency, Sign::WorseWhileWaiting);
    }
    if level < Level::EmergencyDepartment {
        add(Level::EmergencyDepartment, Sign::CaudaEquina);
        add(Level::EmergencyDepartment, Sign::LegsWeakOrNumb);
        if may_be_pregnant {
            add(Level::EmergencyDepartment, Sign::PregnancyWarning);
        }
    }
    if matches!(level, Level::Urgent | Level::Soon) {
        add(Level::EmergencyDepartment, Sign::GetsWorse);
    }
    if level < Level::Urgent {
        add(Level::Urgent, Sign::FeverOrUnwell);
    }
    if level == Level::SelfCare {
        for sign in [Sign::NotBetterInTwoWeeks, Sign::PainSpreads, Sign::KeepsComingBack] {
            add(Level::Soon, sign);
        }
        let unsure: Vec<Finding> = FINDINGS
            .iter()
            .filter(|rule| rule.unsure.is_none() && answers.finding(rule.finding) == Answer::NotSure)
            .map(|rule| rule.finding)
            .collect();
        if !unsure.is_empty() {
            add(Level::Soon, Sign::NotSureAbout(unsure));
        }
    }
    if level <= Level::Soon {
        add(Level::SelfCare, Sign::CheckAgain);
    }
    nets
}

fn factor_groups(answers: &Answers) -> Vec<FactorGroup> {
    CauseFamily::ALL
        .iter()
        .map(|family| FactorGroup {
            family: *family,
            factors: Factor::ALL.iter().copied().filter(|f| f.info().family == *family && answers.factor(*f) == Answer::Yes).collect(),
        })
        .filter(|group| !group.factors.is_empty())
        .collect()
}

/// The text with its first letter in upper case. Only ASCII and Latin-1 letters (every letter the
/// English and Spanish tables use; a test checks them all) are raised: `char::to_uppercase` would
/// bring std's whole Unicode case table (about 3 kB) into the wasm for one letter per sentence.
pub(crate) fn capitalise(text: &str) -> String {
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

    /// `ReasonWords::net` has `Sign::LINES` lines, one per fixed sign: each sign has its own, and
    /// none is left over. (A new sign does not build until `Sign::text` gives it one.)
    #[test]
    fn every_fixed_sign_has_its_own_net_line() {
        use Sign::*;
        let fixed = [
            TearingOrFainting,
            ChestOrBreathing,
            StrokeOrConfusion,
            CaudaEquina,
            LegsWeakOrNumb,
            PregnancyWarning,
            FeverOrUnwell,
            NotBetterInTwoWeeks,
            PainSpreads,
            KeepsComingBack,
            GetsWorse,
            WorseWhileWaiting,
            CheckAgain,
        ];
        for t in [EN, &crate::i18n::ES] {
            let mut lines: Vec<String> = fixed.iter().map(|sign| sign.text(t)).collect();
            lines.sort_unstable();
            let mut net: Vec<String> = t.reasons.net.iter().map(|l| l.to_string()).collect();
            net.sort_unstable();
            assert_eq!(lines, net, "{}: a line is used twice or not at all", t.name);
        }
    }

    fn with(pairs: &[(Finding, Answer)]) -> Answers {
        let mut a = Answers::default();
        for (f, ans) in pairs {
            a.set(*f, *ans);
        }
        a
    }

    const EN: &Texts = &crate::i18n::EN;

    #[test]
    fn nothing_reported_is_self_care_with_a_short_safety_net() {
        let outcome = triage(&Answers::default());
        assert_eq!(outcome.level, Level::SelfCare);
        assert!(outcome.reasons.is_empty());
        let levels: Vec<Level> = outcome.safety_net.iter().map(|n| n.level).collect();
        assert_eq!(levels, [Level::CallEmergency, Level::EmergencyDepartment, Level::Urgent, Level::Soon, Level::SelfCare]);
        let ed = &outcome.safety_net[1];
        assert_eq!(ed.signs[0], Sign::CaudaEquina, "cauda equina first in its group");
        assert!(Sign::CaudaEquina.text(EN).contains("even at night or at the weekend"));
        let lines: usize = outcome.safety_net.iter().map(|n| n.signs.len()).sum();
        assert_eq!(lines, 10);
        for sign in [Sign::NotBetterInTwoWeeks, Sign::PainSpreads, Sign::KeepsComingBack] {
            assert!(outcome.safety_net[3].signs.contains(&sign), "{sign:?} missing");
        }
        assert!(!outcome.safety_net.iter().any(|n| n.signs.contains(&Sign::GetsWorse)), "no \"before you are seen\" on self_care");
    }

    #[test]
    fn each_finding_alone_gives_its_level_yes_and_not_sure() {
        for rule in &FINDINGS {
            let outcome = triage(&with(&[(rule.finding, Answer::Yes)]));
            assert_eq!(outcome.level, rule.level, "{}", rule.finding);
            assert_eq!(outcome.reasons[0].findings().collect::<Vec<_>>(), vec![rule.finding]);
            let outcome = triage(&with(&[(rule.finding, Answer::NotSure)]));
            assert_eq!(outcome.level, rule.unsure.unwrap_or(Level::SelfCare), "{} not sure", rule.finding);
            match rule.unsure {
                Some(_) => {
                    assert!(outcome.reasons[0].unsure());
                    assert!(outcome.reasons[0].text(EN).starts_with("You were not sure whether you have"));
                }
                None => {
                    assert!(outcome.reasons.is_empty());
                    let line = Sign::NotSureAbout(vec![rule.finding]);
                    assert!(outcome.safety_net.iter().any(|n| n.signs.contains(&line)), "{}: no safety-net line", rule.finding);
                }
            }
        }
    }

    #[test]
    fn version_2_not_sure_levels() {
        // Section 10: "not sure" on a call_emergency finding is the emergency department, and so
        // is "not sure" on the two first cauda equina signs.
        for f in [
            Finding::ChestPain,
            Finding::OneSideNumbness,
            Finding::Confusion,
            Finding::TearingPain,
            Finding::Collapse,
            Finding::BladderBowelLoss,
            Finding::SaddleNumbness,
        ] {
            assert_eq!(triage(&with(&[(f, Answer::NotSure)])).level, Level::EmergencyDepartment, "{f}");
        }
        assert_eq!(triage(&with(&[(Finding::SexualFunction, Answer::NotSure)])).level, Level::Urgent);
    }

    #[test]
    fn combinations_raise_and_name_every_part_with_its_own_answer() {
        let outcome = triage(&with(&[(Finding::Fever, Answer::Yes), (Finding::InfectionRisk, Answer::Yes)]));
        assert_eq!(outcome.level, Level::EmergencyDepartment);
        assert_eq!(outcome.reasons[0].findings().collect::<Vec<_>>(), vec![Finding::Fever, Finding::InfectionRisk]);

        // A reason with mixed answers says which was which (the v1 wording said "not sure" of
        // both).
        let outcome = triage(&with(&[(Finding::BoneRisk, Answer::Yes), (Finding::Injury, Answer::NotSure)]));
        assert_eq!(outcome.level, Level::Soon);
        assert_eq!(
            outcome.reasons[0].text(EN),
            "You said you have thin bones, or months of steroid medicine; you were not sure whether you have spasms that started after an injury or a fall. With thin bones, even a small injury can break a bone."
        );

        let outcome = triage(&with(&[(Finding::CancerHistory, Answer::Yes), (Finding::NightPain, Answer::Yes)]));
        assert_eq!(outcome.level, Level::Urgent);
        let text = outcome.reasons[0].text(EN);
        assert!(text.starts_with("You said you have had cancer before and have pain that is worse at night"), "{text}");
        assert!(!text.contains("soon"), "no other time frame under a today result: {text}");
    }

    #[test]
    fn age_and_blood_thinner_combinations() {
        let mut a = with(&[(Finding::AbdominalPain, Answer::Yes)]);
        assert_eq!(triage(&a).level, Level::Urgent);
        for (band, level) in [
            (AgeBand::From51To64, Level::EmergencyDepartment),
            (AgeBand::From65, Level::EmergencyDepartment),
            (AgeBand::Unknown, Level::EmergencyDepartment),
            (AgeBand::From16To19, Level::Urgent),
        ] {
            a.age = band;
            assert_eq!(triage(&a).level, level, "belly pain, {band}");
        }
        a.age = AgeBand::Unknown;
        let text = triage(&a).reasons[0].text(EN);
        assert_eq!(text, "You said you have pain in your belly; you did not give your age. Belly and back pain after 50 can come from a swollen main blood vessel (an aneurysm).");

        let mut a = with(&[(Finding::Injury, Answer::Yes)]);
        a.age = AgeBand::From65;
        assert_eq!(triage(&a).level, Level::Urgent);
        a.age = AgeBand::Unknown;
        assert_eq!(triage(&a).level, Level::Soon, "unknown age: a not-sure combination");
        a.age = AgeBand::From20To50;
        a.set_context(Context::BloodThinner, Answer::Yes);
        assert_eq!(triage(&a).level, Level::Urgent);
        assert!(triage(&a).reasons[0]
            .text(EN)
            .starts_with("You said you have spasms that started after an injury or a fall and take a blood thinner."));
        let mut a = with(&[(Finding::UnbearablePain, Answer::Yes)]);
        a.set_context(Context::BloodThinner, Answer::NotSure);
        assert_eq!(triage(&a).level, Level::Urgent, "emergency_department combination, not sure");
        a.set_context(Context::BloodThinner, Answer::Yes);
        assert_eq!(triage(&a).level, Level::EmergencyDepartment);
    }

    #[test]
    fn the_cluster_needs_two_flags_and_age_counts_once() {
        let a = with(&[(Finding::NightPain, Answer::Yes), (Finding::ThoracicPain, Answer::Yes)]);
        let outcome = triage(&a);
        assert_eq!(outcome.level, Level::Urgent);
        assert_eq!(outcome.reasons[0].rule, Rule::Cluster);
        let a = with(&[(Finding::NightPain, Answer::Yes), (Finding::ThoracicPain, Answer::NotSure)]);
        assert_eq!(triage(&a).level, Level::Soon);
        // A boy of 14 with new pain: child and age_outside_20_50 are one flag.
        let mut a = Answers { age: AgeBand::Under16, ..Answers::default() };
        a.set_context(Context::NewOrDifferent, Answer::Yes);
        assert_eq!(triage(&a).level, Level::Soon);
        a.set(Finding::ThoracicPain, Answer::Yes);
        let outcome = triage(&a);
        assert_eq!(outcome.level, Level::Urgent);
        assert!(
            outcome.reasons[0].text(EN).starts_with("You said you are under 16 and have pain mainly in the middle or upper back."),
            "{}",
            outcome.reasons[0].text(EN)
        );
        // Over 50 with new pain: the reason names the age and the "new or different" answer.
        let mut a = with(&[(Finding::NightPain, Answer::Yes)]);
        a.age = AgeBand::From51To64;
        a.set_context(Context::NewOrDifferent, Answer::NotSure);
        let outcome = triage(&a);
        assert_eq!(outcome.level, Level::Soon);
        let cluster = outcome.reasons.iter().find(|r| r.rule == Rule::Cluster).unwrap();
        assert_eq!(
            cluster.text(EN),
            "You said you are over 50 and have pain that is worse at night or at rest and does not ease when you move; you were not sure whether you have back pain that is new or different for you. Each of these is a small warning sign. Together, they need a doctor to check."
        );
    }

    #[test]
    fn pregnancy_names_the_maternity_unit_or_midwife() {
        let outcome = triage(&with(&[(Finding::Pregnant, Answer::Yes)]));
        assert_eq!((outcome.level, outcome.places.clone()), (Level::Soon, vec![Place::Midwife]));
        assert!(outcome.safety_net.iter().any(|n| n.signs.contains(&Sign::PregnancyWarning)));
        let outcome = triage(&with(&[(Finding::Pregnant, Answer::Yes), (Finding::PregnancyWarning, Answer::Yes)]));
        assert_eq!((outcome.level, outcome.places), (Level::EmergencyDepartment, vec![Place::MaternityUnit]));
        let outcome = triage(&Answers::default());
        assert!(outcome.places.is_empty());
        assert!(!outcome.safety_net.iter().any(|n| n.signs.contains(&Sign::PregnancyWarning)));
    }

    #[test]
    fn a_self_care_safety_net_never_passes_12_lines() {
        let mut a = Answers { age: AgeBand::Unknown, ..Answers::default() };
        for rule in FINDINGS.iter().filter(|r| r.unsure.is_none()) {
            a.set(rule.finding, Answer::NotSure);
        }
        let outcome = triage(&a);
        // Not sure of every soon finding with an unknown age meets the cluster, not sure: soon.
        assert_eq!(outcome.level, Level::Soon);
        let mut a = with(&[(Finding::Pregnant, Answer::NotSure), (Finding::Recurring, Answer::NotSure)]);
        a.age = AgeBand::From20To50;
        let outcome = triage(&a);
        assert_eq!(outcome.level, Level::SelfCare);
        let lines: usize = outcome.safety_net.iter().map(|n| n.signs.len()).sum();
        assert_eq!(lines, 12);
        assert!(outcome.safety_net.iter().any(|n| n.signs.contains(&Sign::NotSureAbout(vec![Finding::Recurring, Finding::Pregnant]))));
    }

    #[test]
    fn factors_never_change_the_level_and_are_grouped_by_family() {
        let mut answers = Answers::default();
        for f in Factor::ALL {
            answers.set_factor(f, Answer::Yes);
        }
        let outcome = triage(&answers);
        assert_eq!(outcome.level, Level::SelfCare);
        let families: Vec<CauseFamily> = outcome.factors.iter().map(|g| g.family).collect();
        assert_eq!(families, CauseFamily::ALL);
        assert_eq!(outcome.factors.iter().map(|g| g.factors.len()).sum::<usize>(), Factor::COUNT);
    }

    #[test]
    fn the_safety_net_holds_only_what_fits_the_result() {
        let outcome = triage(&with(&[(Finding::Fever, Answer::Yes)]));
        assert!(!outcome.safety_net.iter().any(|n| n.level <= Level::Urgent), "nothing at or below the result's own level");
        let ed = outcome.safety_net.iter().find(|n| n.level == Level::EmergencyDepartment).unwrap();
        assert_eq!(ed.signs, [Sign::CaudaEquina, Sign::LegsWeakOrNumb, Sign::GetsWorse]);
        let outcome = triage(&with(&[(Finding::ChestPain, Answer::Yes)]));
        assert_eq!(outcome.safety_net, [SafetyNet { level: Level::CallEmergency, signs: vec![Sign::WorseWhileWaiting] }]);
        assert_eq!(Sign::CheckAgain.text(EN), "Use this check again");
        assert_eq!(Sign::WorseWhileWaiting.text(EN), "You get worse while you wait or on the way");
        assert_eq!(
            Sign::NotSureAbout(vec![Finding::Injury]).text(EN),
            "It turns out you do have spasms that started after an injury or a fall"
        );
    }
}
