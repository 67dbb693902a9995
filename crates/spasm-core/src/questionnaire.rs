//! The questionnaire model (spec section 2): which questions are asked, in what order, when the
//! interview ends, and how the patient's raw choices become the [`Answers`] the engine reads.
//!
//! The emergency section comes first, one finding per page, `call_emergency` before
//! `emergency_department`, then the pregnancy gate. Then "about you" (age band, new or different,
//! how long, blood thinner) and the `urgent` findings, also one question per page; the `soon`
//! findings on two pages; and the contributing factors (only when the result so far is
//! `self_care` or `soon`). After each page the interview ends as soon as no question still unasked
//! could raise the level (invariant 5). Pure.

use crate::ids::{dense_enum, AgeBand, Answer, Context, Factor, Finding, Level};
use crate::triage::{triage, Answers};

dense_enum! {
    /// How long the spasms have gone on. Also tells the self-care coach whether ice or heat fits.
    /// Its words are `Texts::durations`, and a hand-off link stores its index.
    pub enum Duration {
        UnderOneDay,
        OneToTwoDays,
        TwoDaysToTwoWeeks,
        OverTwoWeeks,
        NotSure,
    }
}

impl Duration {
    /// The answer this gives to `over_two_weeks`.
    pub fn over_two_weeks(self) -> Answer {
        match self {
            Duration::UnderOneDay | Duration::OneToTwoDays | Duration::TwoDaysToTwoWeeks => Answer::No,
            Duration::OverTwoWeeks => Answer::Yes,
            Duration::NotSure => Answer::NotSure,
        }
    }

    /// True when the spasms began less than 2 days ago: "not better after a few days of home
    /// care" cannot apply yet, so it is not asked (it counts as no).
    fn under_two_days(self) -> bool {
        matches!(self, Duration::UnderOneDay | Duration::OneToTwoDays)
    }
}

/// One thing asked on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A finding answered yes, no or not sure.
    Finding(Finding),
    /// A context question answered yes, no or not sure.
    Context(Context),
    /// The age band.
    Age,
    /// How long the spasms have gone on (sets `over_two_weeks`).
    Duration,
    /// Any of the contributing factors; none is a fine answer.
    Factors,
}

dense_enum! {
    /// The title of a page of the interview (the words are `Texts::page_titles`).
    pub enum PageTitle {
        WarningSigns,
        AboutYou,
        OtherSigns,
        YourHealth,
        HowPainBehaves,
        LedToIt,
    }
}

/// A page of the interview.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub title: PageTitle,
    pub fields: &'static [Field],
}

impl Page {
    /// The question of a one-question page, answered by one tap that also moves on (every page
    /// but the grouped `soon` findings and the contributing factors).
    pub fn single(&self) -> Option<Field> {
        match self.fields {
            [Field::Factors] => None,
            [field] => Some(*field),
            _ => None,
        }
    }

    /// True for a page of several findings, which "None of these" answers "no" at once.
    pub fn grouped(&self) -> bool {
        self.fields.len() > 1
    }
}

/// Every finding the interview asks, in the order it asks them (the derived findings,
/// `over_two_weeks`, `age_outside_20_50` and `child`, are not asked), read from [`pages`].
pub fn asked_findings() -> impl Iterator<Item = Finding> {
    PAGES.iter().flat_map(|p| p.fields).filter_map(|f| if let Field::Finding(f) = f { Some(*f) } else { None })
}

/// The interview's pages in order (spec section 2): the emergency section, about you and the
/// `urgent` findings one question per page, then the `soon` findings on two pages and the
/// contributing factors. Every finding of the spec is asked exactly once, except the derived ones
/// (`over_two_weeks` from how long, `age_outside_20_50` and `child` from the age band).
pub fn pages() -> &'static [Page] {
    &PAGES
}

/// A page of one question.
macro_rules! one {
    ($title:ident, $field:expr) => {
        Page { title: PageTitle::$title, fields: &[$field] }
    };
}

static PAGES: [Page; 29] = {
    use Field::Finding as F;
    [
        one!(WarningSigns, F(Finding::ChestPain)),
        one!(WarningSigns, F(Finding::OneSideNumbness)),
        one!(WarningSigns, F(Finding::Confusion)),
        one!(WarningSigns, F(Finding::TearingPain)),
        one!(WarningSigns, F(Finding::Collapse)),
        one!(WarningSigns, F(Finding::BladderBowelLoss)),
        one!(WarningSigns, F(Finding::SaddleNumbness)),
        one!(WarningSigns, F(Finding::SexualFunction)),
        one!(WarningSigns, F(Finding::BothLegs)),
        one!(WarningSigns, F(Finding::LimbWeakness)),
        one!(WarningSigns, F(Finding::LimbNumbness)),
        one!(WarningSigns, F(Finding::BalanceLoss)),
        one!(WarningSigns, F(Finding::MajorTrauma)),
        one!(WarningSigns, F(Finding::Pregnant)),
        one!(WarningSigns, F(Finding::PregnancyWarning)),
        one!(AboutYou, Field::Age),
        one!(AboutYou, Field::Context(Context::NewOrDifferent)),
        one!(AboutYou, Field::Duration),
        one!(AboutYou, Field::Context(Context::BloodThinner)),
        // The `urgent` findings, in the spec's order.
        one!(OtherSigns, F(Finding::Fever)),
        one!(OtherSigns, F(Finding::UrinarySymptoms)),
        one!(OtherSigns, F(Finding::AbdominalPain)),
        one!(OtherSigns, F(Finding::LimbTingling)),
        one!(OtherSigns, F(Finding::CancerHistory)),
        one!(OtherSigns, F(Finding::WeightLoss)),
        one!(OtherSigns, F(Finding::UnbearablePain)),
        // Then the `soon` ones, those in combinations or the cluster first, so the rest can be
        // left out once they cannot matter.
        Page {
            title: PageTitle::YourHealth,
            fields: &[F(Finding::InfectionRisk), F(Finding::BoneRisk), F(Finding::Injury), F(Finding::ThoracicPain), F(Finding::NightPain)],
        },
        Page {
            title: PageTitle::HowPainBehaves,
            fields: &[F(Finding::NotImproving), F(Finding::Recurring), F(Finding::RadiatingPain), F(Finding::MorningStiffness)],
        },
        Page { title: PageTitle::LedToIt, fields: &[Field::Factors] },
    ]
};

/// Everything the patient chose, as asked. `None` is a question not (yet) answered.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Responses {
    findings: [Option<Answer>; Finding::COUNT],
    context: [Option<Answer>; Context::COUNT],
    pub age: Option<AgeBand>,
    pub duration: Option<Duration>,
    factors: [bool; Factor::COUNT],
}

impl Default for Responses {
    fn default() -> Self {
        Responses {
            findings: [None; Finding::COUNT],
            context: [None; Context::COUNT],
            age: None,
            duration: None,
            factors: [false; Factor::COUNT],
        }
    }
}

impl Responses {
    pub fn finding(&self, finding: Finding) -> Option<Answer> {
        self.findings[finding.index()]
    }

    pub fn set_finding(&mut self, finding: Finding, answer: Answer) {
        self.findings[finding.index()] = Some(answer);
    }

    pub fn context(&self, context: Context) -> Option<Answer> {
        self.context[context.index()]
    }

    pub fn set_context(&mut self, context: Context, answer: Answer) {
        self.context[context.index()] = Some(answer);
    }

    /// Takes `other`'s answer to `field` (not the factors, which never change the path).
    pub(crate) fn copy(&mut self, field: Field, other: &Responses) {
        match field {
            Field::Finding(f) => self.findings[f.index()] = other.findings[f.index()],
            Field::Context(c) => self.context[c.index()] = other.context[c.index()],
            Field::Age => self.age = other.age,
            Field::Duration => self.duration = other.duration,
            Field::Factors => {}
        }
    }

    pub fn factor(&self, factor: Factor) -> bool {
        self.factors[factor.index()]
    }

    pub fn set_factor(&mut self, factor: Factor, chosen: bool) {
        self.factors[factor.index()] = chosen;
    }

    /// True when the question can apply to this patient (spec section 2): the pregnancy warning
    /// signs only when `pregnant` is yes or not sure, "not better after a few days" only when the
    /// spasms began 2 days ago or more. A question that cannot apply counts as "no".
    pub fn applies(&self, field: Field) -> bool {
        match field {
            Field::Finding(Finding::PregnancyWarning) => matches!(self.finding(Finding::Pregnant), Some(Answer::Yes | Answer::NotSure)),
            Field::Finding(Finding::NotImproving) => !self.duration.is_some_and(Duration::under_two_days),
            _ => true,
        }
    }

    /// True when the field has an answer (a factor list always has one).
    pub fn answered(&self, field: Field) -> bool {
        match field {
            Field::Finding(f) => self.finding(f).is_some(),
            Field::Context(c) => self.context(c).is_some(),
            Field::Age => self.age.is_some(),
            Field::Duration => self.duration.is_some(),
            Field::Factors => true,
        }
    }

    /// True when every field of the page that applies has an answer.
    pub(crate) fn page_answered(&self, page: &Page) -> bool {
        page.fields.iter().all(|f| !self.applies(*f) || self.answered(*f))
    }

    /// True when the page has anything to ask this patient.
    pub fn page_applies(&self, page: &Page) -> bool {
        page.fields.iter().any(|f| self.applies(*f))
    }

    /// The answers the engine reads. A question not answered counts as `unanswered` says: "no"
    /// for a question not asked (it cannot change the level, or the interview would have asked
    /// it), "not sure" for the self-care advice and for a question asked but left unanswered
    /// (spec section 2). A question that cannot apply is "no". The age band unanswered is `20_50`
    /// (no age condition) with `Answer::No`, `unknown` (every condition not sure) otherwise.
    pub fn answers_with(&self, unanswered: &dyn Fn(Field) -> Answer) -> Answers {
        let mut answers = Answers::default();
        let pick = |field: Field, given: Option<Answer>| match given {
            _ if !self.applies(field) => Answer::No,
            Some(answer) => answer,
            None => unanswered(field),
        };
        for finding in Finding::ALL {
            answers.set(finding, pick(Field::Finding(finding), self.finding(finding)));
        }
        // Derived findings are never asked: as given (a hand-off from rules version 1), else no.
        for derived in [Finding::OverTwoWeeks, Finding::AgeOutside20To50, Finding::Child] {
            answers.set(derived, self.finding(derived).unwrap_or(Answer::No));
        }
        let over_two_weeks = match self.duration {
            Some(d) => d.over_two_weeks(),
            None => unanswered(Field::Duration),
        };
        answers.set(Finding::OverTwoWeeks, answers.get(Finding::OverTwoWeeks).max(over_two_weeks));
        for context in Context::ALL {
            answers.set_context(context, pick(Field::Context(context), self.context(context)));
        }
        answers.age = self.age.unwrap_or(match unanswered(Field::Age) {
            Answer::No => AgeBand::From20To50,
            _ => AgeBand::Unknown,
        });
        for factor in Factor::ALL {
            if self.factor(factor) {
                answers.set_factor(factor, Answer::Yes);
            }
        }
        answers
    }

    /// The answers for the level: a question not asked counts as "no".
    pub fn answers(&self) -> Answers {
        self.answers_with(&|_| Answer::No)
    }

    /// The answers for the self-care advice (spec section 6): a question not asked counts as
    /// "not sure", so advice is never given on an answer the patient did not give.
    pub fn advice_answers(&self) -> Answers {
        self.answers_with(&|_| Answer::NotSure)
    }

    /// A short text form: one character per finding (`-` unanswered, `n`, `u`, `y`), then the
    /// context answers, then age band and duration (index or `-`), then one `0`/`1` per factor.
    pub fn encode(&self) -> String {
        let mut out: String = self.findings.iter().map(|a| answer_char(*a)).collect();
        out.push(';');
        out.extend(self.context.iter().map(|a| answer_char(*a)));
        out.push(index_char(self.age.map(AgeBand::index)));
        out.push(index_char(self.duration.map(Duration::index)));
        out.push(';');
        out.extend(self.factors.iter().map(|f| if *f { '1' } else { '0' }));
        out
    }

    /// Reads [`Self::encode`]'s form; `None` for anything else.
    pub fn decode(text: &str) -> Option<Responses> {
        let mut parts = text.split(';');
        let (Some(findings), Some(extra), Some(factors), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let mut r = Responses::default();
        if findings.len() != r.findings.len() || factors.len() != r.factors.len() || extra.len() != r.context.len() + 2 {
            return None;
        }
        for (slot, c) in r.findings.iter_mut().zip(findings.chars()) {
            *slot = char_answer(c)?;
        }
        let extra: Vec<char> = extra.chars().collect();
        for (slot, c) in r.context.iter_mut().zip(&extra) {
            *slot = char_answer(*c)?;
        }
        let [.., a, d] = extra.as_slice() else { return None };
        r.age = char_index(*a, AgeBand::COUNT)?.map(|i| AgeBand::ALL[i]);
        r.duration = char_index(*d, Duration::COUNT)?.map(|i| Duration::ALL[i]);
        for (slot, c) in r.factors.iter_mut().zip(factors.chars()) {
            *slot = match c {
                '0' => false,
                '1' => true,
                _ => return None,
            };
        }
        Some(r)
    }
}

/// `-`, `n`, `u` or `y`: an answer in the compact text forms.
pub(crate) fn answer_char(answer: Option<Answer>) -> char {
    match answer {
        None => '-',
        Some(Answer::No) => 'n',
        Some(Answer::NotSure) => 'u',
        Some(Answer::Yes) => 'y',
    }
}

/// Reads [`answer_char`]'s form: `Some(None)` for `-`, `None` for anything else.
pub(crate) fn char_answer(c: char) -> Option<Option<Answer>> {
    match c {
        '-' => Some(None),
        'n' => Some(Some(Answer::No)),
        'u' => Some(Some(Answer::NotSure)),
        'y' => Some(Some(Answer::Yes)),
        _ => None,
    }
}

/// A small index as one digit, or `-`.
pub(crate) fn index_char(index: Option<usize>) -> char {
    index.and_then(|i| char::from_digit(i as u32, 10)).unwrap_or('-')
}

/// Reads [`index_char`]'s form, refusing an index of `len` or more.
pub(crate) fn char_index(c: char, len: usize) -> Option<Option<usize>> {
    if c == '-' {
        Some(None)
    } else {
        c.to_digit(10).map(|d| d as usize).filter(|d| *d < len).map(Some)
    }
}

/// Where the interview goes after a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Page(usize),
    /// The questions are over: the result (or, while changing an answer, back to the review).
    Done,
    /// The interview ended at a level above `soon`: the result, at once.
    Result,
}

/// The level the answers so far give, every question not yet asked counted as "no".
fn level_so_far(responses: &Responses) -> Level {
    triage(&responses.answers()).level
}

/// True when some question on a page after `index` could still raise the level: the level with
/// every unasked finding and context question "yes", how long "more than 2 weeks" and each age
/// band in turn, is higher than the level with them all "no" (by monotonicity, no other answers
/// could raise it more). Questions that cannot apply stay "no".
pub fn could_raise(pages: &[Page], index: usize, responses: &Responses) -> bool {
    let now = level_so_far(responses);
    let mut top = responses.clone();
    let mut age_open = false;
    for page in pages.iter().skip(index + 1) {
        for field in page.fields {
            match field {
                Field::Finding(f) if responses.finding(*f).is_none() => top.set_finding(*f, Answer::Yes),
                Field::Context(c) if responses.context(*c).is_none() => top.set_context(*c, Answer::Yes),
                Field::Duration if responses.duration.is_none() => top.duration = Some(Duration::OverTwoWeeks),
                Field::Age if responses.age.is_none() => age_open = true,
                _ => {}
            }
        }
    }
    let bands: &[AgeBand] = if age_open { &AgeBand::ALL } else { &[] };
    let highest = bands
        .iter()
        .map(|band| triage(&Responses { age: Some(*band), ..top.clone() }.answers()).level)
        .chain(std::iter::once(triage(&top.answers()).level))
        .max()
        .unwrap_or(now);
    highest > now
}

/// Decides where to go after page `index`. The finding questions end as soon as none still
/// unasked could raise the level; then the contributing factors are asked if the level is
/// `self_care` or `soon`, before the result; above `soon` the result shows at once. With
/// `skip_answered` (changing an answer from the review) pages already answered are passed over.
pub fn next_after(pages: &[Page], index: usize, responses: &Responses, skip_answered: bool) -> Next {
    let factors = pages.iter().position(|p| p.fields == [Field::Factors].as_slice());
    let finish = || {
        let level = level_so_far(responses);
        match factors {
            _ if level > Level::Soon => Next::Result,
            Some(f) if f > index && !skip_answered => Next::Page(f),
            _ => Next::Done,
        }
    };
    if Some(index) == factors {
        return Next::Done;
    }
    let mut at = index;
    loop {
        if !could_raise(pages, at, responses) {
            return finish();
        }
        match (at + 1..pages.len()).find(|n| Some(*n) != factors && responses.page_applies(&pages[*n])) {
            Some(n) if skip_answered && responses.page_answered(&pages[n]) => at = n,
            Some(n) => return Next::Page(n),
            None => return finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::FINDINGS;

    /// The emergency section of spec section 2, written out from the spec: `call_emergency`
    /// findings, then `emergency_department`, then the pregnancy gate and its warning signs.
    const EMERGENCY_SECTION: [Finding; 15] = [
        Finding::ChestPain,
        Finding::OneSideNumbness,
        Finding::Confusion,
        Finding::TearingPain,
        Finding::Collapse,
        Finding::BladderBowelLoss,
        Finding::SaddleNumbness,
        Finding::SexualFunction,
        Finding::BothLegs,
        Finding::LimbWeakness,
        Finding::LimbNumbness,
        Finding::BalanceLoss,
        Finding::MajorTrauma,
        Finding::Pregnant,
        Finding::PregnancyWarning,
    ];

    /// The finding of a one-question page of the emergency section.
    fn warning_sign(page: &Page) -> Option<Finding> {
        match page.single() {
            Some(Field::Finding(f)) if page.title == PageTitle::WarningSigns => Some(f),
            _ => None,
        }
    }

    fn no_to(responses: &mut Responses, findings: &[Finding]) {
        for f in findings {
            responses.set_finding(*f, Answer::No);
        }
    }

    #[test]
    fn the_emergency_section_comes_first_one_finding_per_page() {
        let pages = pages();
        let singles: Vec<Finding> = pages.iter().map_while(warning_sign).collect();
        assert_eq!(singles, EMERGENCY_SECTION);
        // call_emergency before emergency_department, then the pregnancy gate and its signs.
        let levels: Vec<Level> = singles.iter().take(13).map(|f| f.level()).collect();
        assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{levels:?}");
        assert_eq!(levels[..5], [Level::CallEmergency; 5]);
        assert_eq!(&singles[13..], [Finding::Pregnant, Finding::PregnancyWarning]);
        // Then about you, the urgent findings, the soon findings, the factors.
        let rest: Vec<Level> = pages[15..]
            .iter()
            .flat_map(|p| p.fields.iter())
            .filter_map(|f| if let Field::Finding(f) = f { Some(f.level()) } else { None })
            .collect();
        assert!(rest.windows(2).all(|w| w[0] >= w[1]), "urgent before soon: {rest:?}");
        let about_you: Vec<Option<Field>> = pages[15..19].iter().map(Page::single).collect();
        let expected = [Field::Age, Field::Context(Context::NewOrDifferent), Field::Duration, Field::Context(Context::BloodThinner)];
        assert_eq!(about_you, expected.map(Some));
        // Every question but the `soon` findings and the factors has a page of its own.
        for page in pages {
            let soon = page.fields.iter().all(|f| matches!(f, Field::Finding(f) if f.level() == Level::Soon));
            assert_eq!(page.single().is_none(), soon && page.grouped() || page.fields == [Field::Factors], "{page:?}");
        }
        assert_eq!(pages.last().unwrap().fields, [Field::Factors]);
    }

    #[test]
    fn every_finding_is_asked_once_in_the_listed_order_or_derived() {
        let asked: Vec<Finding> = pages()
            .iter()
            .flat_map(|p| p.fields.iter().copied())
            .filter_map(|f| if let Field::Finding(f) = f { Some(f) } else { None })
            .collect();
        assert_eq!(asked, asked_findings().collect::<Vec<_>>());
        assert_eq!(asked[..15], EMERGENCY_SECTION);
        for rule in &FINDINGS {
            let derived = matches!(rule.finding, Finding::OverTwoWeeks | Finding::AgeOutside20To50 | Finding::Child);
            assert_eq!(asked.contains(&rule.finding), !derived, "{}", rule.finding);
        }
    }

    #[test]
    fn the_age_band_and_new_or_different_make_the_age_findings() {
        // Spec section 4: the weaker of "under 20 or over 50" and new_or_different.
        use AgeBand::*;
        let cases = [
            (From51To64, Answer::Yes, Answer::Yes, Answer::No),
            (From65, Answer::NotSure, Answer::NotSure, Answer::No),
            (From16To19, Answer::No, Answer::No, Answer::No),
            (Unknown, Answer::Yes, Answer::NotSure, Answer::NotSure),
            (Unknown, Answer::No, Answer::No, Answer::NotSure),
            (From20To50, Answer::Yes, Answer::No, Answer::No),
            (Under16, Answer::Yes, Answer::Yes, Answer::Yes),
            (Under16, Answer::No, Answer::No, Answer::Yes),
        ];
        for (band, new_or_different, outside, child) in cases {
            let mut r = Responses { age: Some(band), ..Default::default() };
            r.set_context(Context::NewOrDifferent, new_or_different);
            let a = r.answers();
            assert_eq!(a.finding(Finding::AgeOutside20To50), outside, "{band} {new_or_different}");
            assert_eq!(a.finding(Finding::Child), child, "{band}");
        }
    }

    #[test]
    fn duration_sets_over_two_weeks_and_not_improving_waits_two_days() {
        for duration in Duration::ALL {
            let mut r = Responses { duration: Some(duration), ..Default::default() };
            r.set_finding(Finding::NotImproving, Answer::Yes);
            let a = r.answers();
            assert_eq!(a.get(Finding::OverTwoWeeks), duration.over_two_weeks());
            let applies = !matches!(duration, Duration::UnderOneDay | Duration::OneToTwoDays);
            assert_eq!(r.applies(Field::Finding(Finding::NotImproving)), applies, "{duration:?}");
            assert_eq!(a.get(Finding::NotImproving), if applies { Answer::Yes } else { Answer::No });
        }
    }

    #[test]
    fn the_pregnancy_signs_are_asked_only_when_pregnant_may_be_yes() {
        let field = Field::Finding(Finding::PregnancyWarning);
        let mut r = Responses::default();
        assert!(!r.applies(field));
        for (answer, applies) in [(Answer::Yes, true), (Answer::NotSure, true), (Answer::No, false)] {
            r.set_finding(Finding::Pregnant, answer);
            assert_eq!(r.applies(field), applies, "{answer}");
        }
        let pages = pages();
        let gate = pages.iter().position(|p| p.single() == Some(Field::Finding(Finding::Pregnant))).unwrap();
        let mut r = Responses::default();
        no_to(&mut r, &EMERGENCY_SECTION[..13]);
        r.set_finding(Finding::Pregnant, Answer::No);
        assert_eq!(next_after(pages, gate, &r, false), Next::Page(gate + 2), "the warning signs are passed over");
        r.set_finding(Finding::Pregnant, Answer::Yes);
        assert_eq!(next_after(pages, gate, &r, false), Next::Page(gate + 1));
    }

    #[test]
    fn the_interview_ends_as_soon_as_nothing_unasked_could_raise_the_level() {
        let pages = pages();
        let mut r = Responses::default();
        r.set_finding(Finding::ChestPain, Answer::No);
        assert_eq!(next_after(pages, 0, &r, false), Next::Page(1));
        // A call_emergency yes: nothing can be higher.
        r.set_finding(Finding::OneSideNumbness, Answer::Yes);
        assert_eq!(next_after(pages, 1, &r, false), Next::Result);
        // "Not sure" on a call_emergency finding gives emergency_department: the rest of the call
        // section is asked (it could still reach call_emergency), then the interview ends.
        let mut r = Responses::default();
        r.set_finding(Finding::ChestPain, Answer::NotSure);
        assert_eq!(next_after(pages, 0, &r, false), Next::Page(1));
        no_to(&mut r, &EMERGENCY_SECTION[1..5]);
        assert_eq!(next_after(pages, 4, &r, false), Next::Result);
    }

    #[test]
    fn the_factors_are_asked_only_on_self_care_or_soon() {
        let pages = pages();
        let factors = pages.len() - 1;
        let mut r = Responses::default();
        no_to(&mut r, &EMERGENCY_SECTION[..14]);
        r.age = Some(AgeBand::From20To50);
        r.duration = Some(Duration::UnderOneDay);
        for c in Context::ALL {
            r.set_context(c, Answer::No);
        }
        no_to(&mut r, &asked_findings().skip(15).collect::<Vec<_>>());
        assert_eq!(next_after(pages, factors - 1, &r, false), Next::Page(factors));
        assert_eq!(next_after(pages, factors, &r, false), Next::Done);
        // Editing from the review passes over the answered factors.
        assert_eq!(next_after(pages, factors - 1, &r, true), Next::Done);
        r.set_finding(Finding::Fever, Answer::Yes);
        assert_eq!(next_after(pages, factors - 1, &r, false), Next::Result, "urgent: the result at once");
    }

    #[test]
    fn text_form_round_trips_and_refuses_anything_else() {
        let mut r = Responses { age: Some(AgeBand::Unknown), duration: Some(Duration::NotSure), ..Default::default() };
        r.set_finding(Finding::Pregnant, Answer::NotSure);
        r.set_context(Context::BloodThinner, Answer::Yes);
        r.set_factor(Factor::Stress, true);
        assert_eq!(Responses::decode(&r.encode()), Some(r.clone()));
        assert_eq!(Responses::decode(&Responses::default().encode()), Some(Responses::default()));
        let good = r.encode();
        for bad in ["", ";;", &good.replace('u', "x"), &good[1..], &format!("{good};"), &good.replace(";-y54;", ";-y94;")] {
            assert_eq!(Responses::decode(bad), None, "{bad:?}");
        }
    }
}
