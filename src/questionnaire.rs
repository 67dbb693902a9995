//! The questionnaire model: which questions are asked, in what order, and how the patient's raw
//! choices become the [`Answers`] the engine reads.
//!
//! Emergency findings come first, one per page, so a yes can end the interview at once (safety
//! invariant 5). The rest is grouped into a few short pages. Every question allows "not sure".
//! Pure: no I/O, no view types.

use crate::ids::{Answer, Factor, Finding, Level};
use crate::rules::FINDINGS;
use crate::triage::Answers;

/// How long the spasms have gone on. Also tells the self-care coach whether ice or heat fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Duration {
    UnderOneDay,
    OneToTwoDays,
    TwoDaysToTwoWeeks,
    OverTwoWeeks,
    NotSure,
}

impl Duration {
    pub const ALL: [Duration; 5] = [
        Duration::UnderOneDay,
        Duration::OneToTwoDays,
        Duration::TwoDaysToTwoWeeks,
        Duration::OverTwoWeeks,
        Duration::NotSure,
    ];

    /// Position in [`Self::ALL`] (the words are `Texts::durations`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The answer this gives to `over_two_weeks`.
    pub fn over_two_weeks(self) -> Answer {
        match self {
            Duration::UnderOneDay | Duration::OneToTwoDays | Duration::TwoDaysToTwoWeeks => Answer::No,
            Duration::OverTwoWeeks => Answer::Yes,
            Duration::NotSure => Answer::NotSure,
        }
    }
}

/// The patient's age band, for `age_outside_20_50`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgeBand {
    Under20,
    From20To50,
    Over50,
    NotSaying,
}

impl AgeBand {
    pub const ALL: [AgeBand; 4] = [AgeBand::Under20, AgeBand::From20To50, AgeBand::Over50, AgeBand::NotSaying];

    /// Position in [`Self::ALL`] (the words are `Texts::age_bands`).
    pub fn index(self) -> usize {
        self as usize
    }

    fn outside_20_50(self) -> Answer {
        match self {
            AgeBand::Under20 | AgeBand::Over50 => Answer::Yes,
            AgeBand::From20To50 => Answer::No,
            AgeBand::NotSaying => Answer::NotSure,
        }
    }
}

/// One thing asked on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A finding answered yes, no or not sure.
    Finding(Finding),
    /// How long the spasms have gone on (sets `over_two_weeks`).
    Duration,
    /// Age band (with `BackPainBefore`, sets `age_outside_20_50`).
    Age,
    /// Whether the patient has had back pain before this time, yes, no or not sure.
    BackPainBefore,
    /// Any of the contributing factors; none is a fine answer.
    Factors,
}

/// The title of a page of the interview (the words are `Texts::page_titles`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageTitle {
    WarningSigns,
    HowLong,
    WherePainGoes,
    OtherSigns,
    HowPainBehaves,
    YourHealth,
    AboutYou,
    LedToIt,
}

impl PageTitle {
    /// Position in `Texts::page_titles`.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A page of the interview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub title: PageTitle,
    pub fields: Vec<Field>,
}

impl Page {
    /// True for the one-question pages that ask an emergency finding.
    pub fn emergency_finding(&self) -> Option<Finding> {
        match self.fields.as_slice() {
            [Field::Finding(f)] if f.level().is_emergency() => Some(*f),
            _ => None,
        }
    }
}

/// The interview's pages in order: every `call_emergency` and `emergency_department` finding on a
/// page of its own, then the grouped rest. Every finding of the spec is asked exactly once,
/// except `over_two_weeks` and `age_outside_20_50`, which are derived from `Duration` and `Age`.
pub fn pages() -> Vec<Page> {
    let mut pages: Vec<Page> = FINDINGS
        .iter()
        .filter(|rule| rule.level.is_emergency())
        .map(|rule| Page { title: PageTitle::WarningSigns, fields: vec![Field::Finding(rule.finding)] })
        .collect();
    let rest = [
        (PageTitle::HowLong, vec![Field::Duration, Field::Finding(Finding::Injury)]),
        (PageTitle::WherePainGoes, vec![Field::Finding(Finding::RadiatingPain), Field::Finding(Finding::LimbTingling)]),
        (
            PageTitle::OtherSigns,
            vec![
                Field::Finding(Finding::Fever),
                Field::Finding(Finding::UrinarySymptoms),
                Field::Finding(Finding::AbdominalPain),
                Field::Finding(Finding::UnbearablePain),
            ],
        ),
        (
            PageTitle::HowPainBehaves,
            vec![
                Field::Finding(Finding::NotImproving),
                Field::Finding(Finding::Recurring),
                Field::Finding(Finding::NightPain),
                Field::Finding(Finding::MorningStiffness),
            ],
        ),
        (
            PageTitle::YourHealth,
            vec![
                Field::Finding(Finding::CancerHistory),
                Field::Finding(Finding::WeightLoss),
                Field::Finding(Finding::BoneRisk),
                Field::Finding(Finding::InfectionRisk),
            ],
        ),
        (PageTitle::AboutYou, vec![Field::Age, Field::BackPainBefore]),
        (PageTitle::LedToIt, vec![Field::Factors]),
    ];
    pages.extend(rest.into_iter().map(|(title, fields)| Page { title, fields }));
    pages
}

/// Everything the patient chose, as asked. `None` means not answered yet, which the engine reads
/// as "no" (the review page shows what is unanswered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Responses {
    findings: [Option<Answer>; Finding::ALL.len()],
    pub duration: Option<Duration>,
    pub age: Option<AgeBand>,
    pub back_pain_before: Option<Answer>,
    factors: [bool; Factor::ALL.len()],
}

impl Responses {
    pub fn finding(&self, finding: Finding) -> Option<Answer> {
        self.findings[finding.index()]
    }

    pub fn set_finding(&mut self, finding: Finding, answer: Answer) {
        self.findings[finding.index()] = Some(answer);
    }

    pub fn factor(&self, factor: Factor) -> bool {
        self.factors[factor.index()]
    }

    pub fn set_factor(&mut self, factor: Factor, chosen: bool) {
        self.factors[factor.index()] = chosen;
    }

    /// A short text form: one character per finding (`-` unanswered, `n`, `u`, `y`), then
    /// duration, age and back-pain-before (index or `-`), then one `0`/`1` per factor.
    pub fn encode(&self) -> String {
        let answer = |a: Option<Answer>| match a {
            None => '-',
            Some(Answer::No) => 'n',
            Some(Answer::NotSure) => 'u',
            Some(Answer::Yes) => 'y',
        };
        let index = |i: Option<usize>| i.map_or('-', |i| char::from(b'0' + i as u8));
        let mut out: String = self.findings.iter().map(|a| answer(*a)).collect();
        out.push(';');
        out.push(index(self.duration.and_then(|d| Duration::ALL.iter().position(|x| *x == d))));
        out.push(index(self.age.and_then(|a| AgeBand::ALL.iter().position(|x| *x == a))));
        out.push(answer(self.back_pain_before));
        out.push(';');
        out.extend(self.factors.iter().map(|f| if *f { '1' } else { '0' }));
        out
    }

    /// Reads [`Self::encode`]'s form; `None` for anything else.
    pub fn decode(text: &str) -> Option<Responses> {
        let answer = |c: char| match c {
            '-' => Some(None),
            'n' => Some(Some(Answer::No)),
            'u' => Some(Some(Answer::NotSure)),
            'y' => Some(Some(Answer::Yes)),
            _ => None,
        };
        let mut parts = text.split(';');
        let (Some(findings), Some(extra), Some(factors), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let mut r = Responses::default();
        if findings.chars().count() != r.findings.len() || factors.len() != r.factors.len() {
            return None;
        }
        for (slot, c) in r.findings.iter_mut().zip(findings.chars()) {
            *slot = answer(c)?;
        }
        let extra: Vec<char> = extra.chars().collect();
        let [d, a, b] = extra.as_slice() else { return None };
        let pick = |c: char, len: usize| -> Option<Option<usize>> {
            if c == '-' { Some(None) } else { c.to_digit(10).map(|d| d as usize).filter(|d| *d < len).map(Some) }
        };
        r.duration = pick(*d, Duration::ALL.len())?.map(|i| Duration::ALL[i]);
        r.age = pick(*a, AgeBand::ALL.len())?.map(|i| AgeBand::ALL[i]);
        r.back_pain_before = answer(*b)?;
        for (slot, c) in r.factors.iter_mut().zip(factors.chars()) {
            *slot = match c {
                '0' => false,
                '1' => true,
                _ => return None,
            };
        }
        Some(r)
    }

    /// True when every field of the page has an answer (a factor list always has one).
    pub fn page_answered(&self, page: &Page) -> bool {
        page.fields.iter().all(|field| match field {
            Field::Finding(f) => self.finding(*f).is_some(),
            Field::Duration => self.duration.is_some(),
            Field::Age => self.age.is_some(),
            Field::BackPainBefore => self.back_pain_before.is_some(),
            Field::Factors => true,
        })
    }

    /// The answers the engine reads. Unanswered questions count as "no".
    pub fn answers(&self) -> Answers {
        let mut answers = Answers::default();
        for finding in Finding::ALL {
            if let Some(answer) = self.finding(*finding) {
                answers.set(*finding, answer);
            }
        }
        if let Some(duration) = self.duration {
            answers.set(Finding::OverTwoWeeks, duration.over_two_weeks());
        }
        answers.set(Finding::AgeOutside20To50, self.age_outside_20_50());
        for factor in Factor::ALL {
            if self.factor(*factor) {
                answers.set_factor(*factor, Answer::Yes);
            }
        }
        answers
    }

    /// `age_outside_20_50` is "first ever back pain" and "age outside 20 to 50": yes only when both
    /// are yes, no when either is no, otherwise not sure.
    fn age_outside_20_50(&self) -> Answer {
        let (Some(age), Some(before)) = (self.age, self.back_pain_before) else {
            return Answer::No;
        };
        let first_ever = match before {
            Answer::Yes => Answer::No,
            Answer::No => Answer::Yes,
            Answer::NotSure => Answer::NotSure,
        };
        age.outside_20_50().min(first_ever)
    }
}

/// Where the interview goes after `page` is answered: the result at once after a yes to an
/// emergency finding (invariant 5), else the next page, else the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Page(usize),
    Review,
    /// The interview ended early on an emergency yes.
    EarlyResult(Level),
}

/// Decides where to go after answering page `index` of `pages`.
pub fn next_after(pages: &[Page], index: usize, responses: &Responses) -> Next {
    if let Some(finding) = pages.get(index).and_then(Page::emergency_finding) {
        if responses.finding(finding) == Some(Answer::Yes) {
            return Next::EarlyResult(finding.level());
        }
    }
    if index + 1 < pages.len() {
        Next::Page(index + 1)
    } else {
        Next::Review
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emergency_findings_come_first_one_per_page() {
        let pages = pages();
        let emergency: Vec<Finding> = FINDINGS.iter().filter(|r| r.level.is_emergency()).map(|r| r.finding).collect();
        for (i, finding) in emergency.iter().enumerate() {
            assert_eq!(pages[i].emergency_finding(), Some(*finding));
        }
        assert!(pages[emergency.len()..].iter().all(|p| p.emergency_finding().is_none()));
    }

    #[test]
    fn every_finding_is_asked_once_or_derived() {
        let asked: Vec<Finding> = pages()
            .iter()
            .flat_map(|p| p.fields.clone())
            .filter_map(|f| if let Field::Finding(f) = f { Some(f) } else { None })
            .collect();
        for finding in Finding::ALL {
            let count = asked.iter().filter(|f| *f == finding).count();
            let derived = matches!(finding, Finding::OverTwoWeeks | Finding::AgeOutside20To50);
            assert_eq!(count, usize::from(!derived), "{finding}");
        }
    }

    #[test]
    fn age_rule_needs_a_first_episode_outside_20_to_50() {
        let cases = [
            (AgeBand::Over50, Answer::No, Answer::Yes),
            (AgeBand::Under20, Answer::No, Answer::Yes),
            (AgeBand::Over50, Answer::Yes, Answer::No),
            (AgeBand::From20To50, Answer::No, Answer::No),
            (AgeBand::Over50, Answer::NotSure, Answer::NotSure),
            (AgeBand::NotSaying, Answer::No, Answer::NotSure),
            (AgeBand::NotSaying, Answer::Yes, Answer::No),
        ];
        for (age, before, expected) in cases {
            let r = Responses { age: Some(age), back_pain_before: Some(before), ..Default::default() };
            assert_eq!(r.answers().get(Finding::AgeOutside20To50), expected, "{age:?} {before:?}");
        }
    }

    #[test]
    fn duration_sets_over_two_weeks() {
        for duration in Duration::ALL {
            let r = Responses { duration: Some(duration), ..Default::default() };
            assert_eq!(r.answers().get(Finding::OverTwoWeeks), duration.over_two_weeks());
        }
    }

    #[test]
    fn a_yes_to_an_emergency_question_ends_the_interview() {
        let pages = pages();
        let mut r = Responses::default();
        r.set_finding(Finding::ChestPain, Answer::No);
        assert_eq!(next_after(&pages, 0, &r), Next::Page(1));
        r.set_finding(Finding::OneSideNumbness, Answer::Yes);
        assert_eq!(next_after(&pages, 1, &r), Next::EarlyResult(Level::CallEmergency));
        assert_eq!(next_after(&pages, pages.len() - 1, &Responses::default()), Next::Review);
    }
}
