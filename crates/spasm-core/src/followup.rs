//! Follow-up check-ins (spec section 12): the follow-up interview and its level. Pure.
//!
//! A follow-up check-in asks, in this order:
//!
//! 1. the emergency section's findings again (spec section 2, item 1), one per page, without the
//!    pregnancy gate: `pregnant` carries over from the first check-in, and `pregnancy_warning` is
//!    asked again when it applies (`pregnant` yes or not sure). The same early exit as a first
//!    check: as soon as no unasked finding could raise the level, and the level is above `soon`,
//!    the result shows at once;
//! 2. "Compared with your last check-in, is your back better, about the same, or worse?" and a
//!    pain score from 0 to 10 ([`Step::Trend`], [`Step::Pain`]);
//! 3. the `urgent` findings again, except `cancer_history` (spec section 12 names it among the
//!    history a follow-up does not ask again; it carries over), with the same early exit.
//!
//! Its level ([`assess`]) is the most urgent of: the engine's level for the new answers together
//! with the first check-in's answers that a follow-up does not ask again ([`carried`]: the age
//! band, the context answers, `pregnant`, `bone_risk`, `cancer_history` and the other findings it
//! does not ask); `soon` when the answer is "worse"; `soon` when the episode's first check-in was
//! more than 14 days ago and the answer is not "better" (and `over_two_weeks` counts as yes from
//! then on: the check-in records it, and every later one carries it); `soon` when the pain score
//! rose by 3 or more since the last check-in that has one.
//!
//! The engine is the one in [`crate::triage`]; the interview's early exit is
//! [`crate::questionnaire::next_after`] over this interview's own pages. Nothing here decides a
//! level of its own above `soon`.

use crate::checkin_log::{CheckIn, CheckinLog, FindingSet, DAY_MS, MAX_PAIN};
use crate::i18n::{fill, Lang};
use crate::ids::{id_enum, Answer, Context, Finding, Level};
use crate::questionnaire::{next_after, Field, Next, Page, PageTitle, Responses};
use crate::triage::{places, safety_net, triage, Answers, Outcome, Rule};

id_enum! {
    /// "Compared with your last check-in, is your back better, about the same, or worse?"
    pub enum Trend {
        Better = "better",
        Same = "same",
        Worse = "worse",
    }
}

id_enum! {
    /// A rule of spec section 12 that raises a follow-up to `soon`. The words are
    /// `FollowupWords::reasons`.
    pub enum FollowupRule {
        /// The answer is "worse": "Your back is getting worse".
        Worse = "worse",
        /// The episode's first check-in was more than 14 days ago and the answer is not "better":
        /// "It has been more than two weeks and it is not better".
        TwoWeeks = "two_weeks",
        /// The pain score rose by 3 or more since the last check-in.
        PainRose = "pain_rose",
    }
}

/// More than this long after the episode's first check-in, a follow-up that is not better is
/// `soon` (spec section 12: "more than 14 days ago").
pub const TWO_WEEKS_MS: i64 = 14 * DAY_MS;
/// A pain score this much higher than the last check-in's is `soon` (spec section 12: "rose by 3
/// or more").
pub const PAIN_RISE: u8 = 3;
/// The level each rule of section 12 gives.
pub const RULE_LEVEL: Level = Level::Soon;

/// How many of [`pages`] are the emergency section (before the trend and pain questions).
pub const EMERGENCY_PAGES: usize = 14;

macro_rules! one {
    ($title:ident, $finding:ident) => {
        Page { title: PageTitle::$title, fields: &[Field::Finding(Finding::$finding)] }
    };
}

/// The follow-up's finding pages: the emergency section without the pregnancy gate, then the
/// `urgent` findings but `cancer_history`. (A test checks them against the first check's pages.)
static PAGES: [Page; 20] = [
    one!(WarningSigns, ChestPain),
    one!(WarningSigns, OneSideNumbness),
    one!(WarningSigns, Confusion),
    one!(WarningSigns, TearingPain),
    one!(WarningSigns, Collapse),
    one!(WarningSigns, BladderBowelLoss),
    one!(WarningSigns, SaddleNumbness),
    one!(WarningSigns, SexualFunction),
    one!(WarningSigns, BothLegs),
    one!(WarningSigns, LimbWeakness),
    one!(WarningSigns, LimbNumbness),
    one!(WarningSigns, BalanceLoss),
    one!(WarningSigns, MajorTrauma),
    one!(WarningSigns, PregnancyWarning),
    one!(OtherSigns, Fever),
    one!(OtherSigns, UrinarySymptoms),
    one!(OtherSigns, AbdominalPain),
    one!(OtherSigns, LimbTingling),
    one!(OtherSigns, WeightLoss),
    one!(OtherSigns, UnbearablePain),
];

/// The follow-up's finding pages, in order ([`EMERGENCY_PAGES`] of them before the trend and pain
/// questions).
pub fn pages() -> &'static [Page] {
    &PAGES
}

/// True for a finding a follow-up asks again (its answer replaces the first check-in's).
pub fn asked_again(finding: Finding) -> bool {
    PAGES.iter().any(|p| p.fields.contains(&Field::Finding(finding)))
}

/// The first check-in's answers that a follow-up does not ask again, and that still count (spec
/// section 12): the age band, the context answers, and every finding not asked again (`pregnant`,
/// `cancer_history`, the `soon` findings), with `over_two_weeks` as the log has it. The age
/// findings (`child`, `age_outside_20_50`) are derived again from the age band and
/// `new_or_different`, as in a first check.
pub fn carried(log: &CheckinLog) -> Responses {
    let episode = &log.episode;
    let mut r = Responses::default();
    r.age = Some(episode.age);
    for context in Context::ALL {
        r.set_context(context, episode.context[context.index()]);
    }
    for finding in Finding::ALL {
        if asked_again(finding) || matches!(finding, Finding::Child | Finding::AgeOutside20To50) {
            continue;
        }
        let mut answer = episode.findings.get(finding);
        if finding == Finding::OverTwoWeeks {
            answer = answer.max(log.over_two_weeks());
        }
        if answer != Answer::No {
            r.set_finding(finding, answer);
        }
    }
    r
}

/// Where a follow-up interview is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Page `n` of [`pages`].
    Page(usize),
    /// Better, about the same or worse.
    Trend,
    /// The pain score.
    Pain,
    /// The questions are over: the result.
    Result,
}

/// Everything the patient can do in a follow-up interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowupAction {
    /// Answer the finding on screen; moves on (the result at once when nothing unasked could raise
    /// a level above `soon`).
    Answer(Finding, Answer),
    /// Better, about the same or worse; moves on.
    SetTrend(Trend),
    /// The pain score (above 10 counts as 10); moves on.
    SetPain(u8),
    Back,
}

/// One follow-up interview: where it is and what has been answered, on top of the answers carried
/// from the first check-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowupSession {
    pub step: Step,
    /// The carried answers and the new ones.
    pub responses: Responses,
    pub trend: Option<Trend>,
    pub pain: Option<u8>,
    /// Steps to return to with Back, most recent last.
    history: Vec<Step>,
}

impl FollowupSession {
    /// A follow-up of `log`'s episode, on its first question.
    pub fn new(log: &CheckinLog) -> FollowupSession {
        FollowupSession { step: Step::Page(0), responses: carried(log), trend: None, pain: None, history: Vec::new() }
    }

    /// The page on screen, if the step is a page.
    pub fn page(&self) -> Option<&'static Page> {
        match self.step {
            Step::Page(n) => PAGES.get(n),
            _ => None,
        }
    }

    /// True once the result shows.
    pub fn finished(&self) -> bool {
        self.step == Step::Result
    }

    fn visited(&self, step: Step) -> bool {
        self.step == step || self.history.contains(&step)
    }

    /// The answers the engine reads: the carried ones and the new ones; a finding asked but left
    /// unanswered counts as "not sure", one never asked (an early exit) as "no" (spec section 2).
    pub fn answers(&self) -> Answers {
        self.responses.answers_with(&|field| {
            let asked = PAGES.iter().enumerate().any(|(n, p)| p.fields.contains(&field) && self.visited(Step::Page(n)));
            if asked {
                Answer::NotSure
            } else {
                Answer::No
            }
        })
    }

    /// The level and reasons (spec section 12) for the answers so far, at time `now`.
    pub fn outcome(&self, log: &CheckinLog, now: i64) -> FollowupOutcome {
        assess(log, &self.answers(), self.trend, self.pain, now)
    }

    /// The reducer. Pure: returns the next session. An answer that does not fit the step on screen
    /// is ignored.
    pub fn apply(&self, action: FollowupAction) -> FollowupSession {
        let mut next = self.clone();
        match (action, self.step) {
            (FollowupAction::Answer(finding, answer), Step::Page(n)) if PAGES[n].fields == [Field::Finding(finding)] => {
                next.responses.set_finding(finding, answer);
                let step = next.after_page(n);
                next.go(step);
            }
            (FollowupAction::SetTrend(trend), Step::Trend) => {
                next.trend = Some(trend);
                next.go(Step::Pain);
            }
            (FollowupAction::SetPain(pain), Step::Pain) => {
                next.pain = Some(pain.min(MAX_PAIN));
                let step = next.after_pain();
                next.go(step);
            }
            (FollowupAction::Back, _) => {
                if let Some(previous) = next.history.pop() {
                    next.step = previous;
                }
            }
            _ => {}
        }
        next
    }

    fn go(&mut self, step: Step) {
        if self.step != step {
            self.history.push(self.step);
            self.step = step;
        }
    }

    /// The engine's level for the answers so far, every unasked finding "no".
    fn level_so_far(&self) -> Level {
        triage(&self.responses.answers()).level
    }

    /// Where to go after finding page `n`. Above `soon`, the interview ends as soon as no unasked
    /// finding could raise the level (invariant 5), without the trend and pain questions, which
    /// can give no more than `soon`; at `soon` or below, they are asked after the emergency
    /// section, then the `urgent` findings.
    fn after_page(&self, n: usize) -> Step {
        let leaving_emergency = n < EMERGENCY_PAGES;
        match next_after(&PAGES, n, &self.responses, false) {
            Next::Result => Step::Result,
            Next::Page(m) if m < EMERGENCY_PAGES => Step::Page(m),
            _ if leaving_emergency && self.level_so_far() <= Level::Soon => Step::Trend,
            Next::Page(m) => Step::Page(m),
            Next::Done => Step::Result,
        }
    }

    /// After the pain score: the `urgent` findings, with the same early exit.
    fn after_pain(&self) -> Step {
        match next_after(&PAGES, EMERGENCY_PAGES - 1, &self.responses, false) {
            Next::Page(m) => Step::Page(m),
            Next::Result | Next::Done => Step::Result,
        }
    }
}

/// The result of a follow-up check-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowupOutcome {
    /// The most urgent of the engine's level and the rules of section 12.
    pub level: Level,
    /// The engine's outcome for [`Self::answers`], with the level, safety net and places of
    /// [`Self::level`].
    pub outcome: Outcome,
    /// The rules of section 12 that gave `soon`, in [`FollowupRule::ALL`]'s order.
    pub rules: Vec<FollowupRule>,
    /// The answers the level was decided on (with `over_two_weeks` yes when the two-week rule
    /// fired).
    pub answers: Answers,
    pub trend: Option<Trend>,
    pub pain: Option<u8>,
    /// The last check-in's pain score, if any had one.
    pub previous_pain: Option<u8>,
}

/// The level of a follow-up check-in (spec section 12). `answers` are the carried and the new
/// answers (as [`FollowupSession::answers`] gives them); `trend` and `pain` are none when the
/// interview ended before them. Deterministic, total and pure.
pub fn assess(log: &CheckinLog, answers: &Answers, trend: Option<Trend>, pain: Option<u8>, now: i64) -> FollowupOutcome {
    let mut answers = answers.clone();
    let pain = pain.map(|p| p.min(MAX_PAIN));
    let previous_pain = log.last_pain();
    let mut rules = Vec::new();
    if trend == Some(Trend::Worse) {
        rules.push(FollowupRule::Worse);
    }
    // Not answered (an early exit) is not "better".
    let two_weeks = log.elapsed(now) > TWO_WEEKS_MS && trend != Some(Trend::Better);
    if two_weeks {
        rules.push(FollowupRule::TwoWeeks);
        answers.set(Finding::OverTwoWeeks, Answer::Yes);
    }
    if let (Some(from), Some(to)) = (previous_pain, pain) {
        if to >= from.saturating_add(PAIN_RISE) {
            rules.push(FollowupRule::PainRose);
        }
    }
    let mut outcome = triage(&answers);
    if two_weeks {
        // The two-week reason says it in the spec's words; the engine's own line for
        // `over_two_weeks` would say it twice.
        outcome.reasons.retain(|r| !(r.rule == Rule::Finding && r.findings().eq([Finding::OverTwoWeeks])));
    }
    let level = if rules.is_empty() { outcome.level } else { outcome.level.max(RULE_LEVEL) };
    outcome.level = level;
    outcome.safety_net = safety_net(level, &answers);
    outcome.places = places(level, &answers);
    FollowupOutcome { level, outcome, rules, answers, trend, pain, previous_pain }
}

impl FollowupOutcome {
    /// The reasons in plain words, most urgent first: the engine's reasons above `soon`, then the
    /// rules of section 12, then the engine's other reasons.
    pub fn reason_texts(&self, lang: Lang) -> Vec<String> {
        let (t, f) = (lang.texts(), lang.followup());
        let engine = |above: bool| self.outcome.reasons.iter().filter(move |r| (r.level > RULE_LEVEL) == above).map(|r| r.text(t));
        let rules = self.rules.iter().map(|rule| {
            let (from, to) = (self.previous_pain.unwrap_or(0).to_string(), self.pain.unwrap_or(0).to_string());
            fill(f.reasons[rule.index()], &[("from", &from), ("to", &to)])
        });
        engine(true).chain(rules).chain(engine(false)).collect()
    }

    /// The log's entry for this check-in, at time `now`.
    pub fn entry(&self, now: i64) -> CheckIn {
        CheckIn { at: now, level: self.level, pain: self.pain, trend: self.trend, findings: FindingSet::from_answers(&self.answers) }
    }
}

/// The follow-up rules for clinical review: the section of `docs/rules.md` (generated, like the
/// rest of it, by [`crate::rules::rules_markdown`]).
pub fn rules_markdown() -> String {
    let (en, es) = (Lang::En.followup(), Lang::Es.followup());
    let ids = |pred: &dyn Fn(usize) -> bool| -> String {
        PAGES
            .iter()
            .enumerate()
            .filter(|(n, _)| pred(*n))
            .filter_map(|(_, p)| if let [Field::Finding(f)] = p.fields { Some(format!("`{f}`")) } else { None })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let carried: Vec<String> = Finding::ALL
        .iter()
        .filter(|f| !asked_again(**f) && !matches!(f, Finding::Child | Finding::AgeOutside20To50))
        .map(|f| format!("`{f}`"))
        .collect();
    let mut out = String::from("\n## Follow-up check-ins (spec section 12)\n\n");
    out.push_str("A patient with a `self_care` or `soon` result may keep a check-in log on their own device and check in again later (`crates/spasm-core/src/followup.rs`, `checkin_log.rs`). A follow-up check-in asks, in this order:\n\n");
    out.push_str(&format!(
        "1. the emergency section again, with the same early exit (an emergency answer shows the result at once): {}; `pregnancy_warning` only when `pregnant` (carried from the first check-in) is yes or not sure;\n",
        ids(&|n| n < EMERGENCY_PAGES)
    ));
    out.push_str(&format!("2. \"{}\" ({}), and the pain score from 0 to 10 (\"{}\"); not asked when the level is already above `soon` (they cannot raise it);\n", en.trend_question, en.trends.join(" / "), en.pain_question));
    out.push_str(&format!("3. the `urgent` findings again: {}. `cancer_history` is history: not asked again, it carries over (spec section 12 names it so).\n\n", ids(&|n| n >= EMERGENCY_PAGES)));
    out.push_str(&format!(
        "The level is the most urgent of the engine's level (sections 3 to 5) for the new answers together with the first check-in's answers not asked again, and the rules below. Carried from the first check-in: the age band, `new_or_different`, `blood_thinner`, and {}.\n\n",
        carried.join(", ")
    ));
    out.push_str("| rule | when | level | reason (en / es) |\n| --- | --- | --- | --- |\n");
    let when = [
        "the answer is \"worse\"".to_string(),
        format!("the episode's first check-in was more than {} days ago and the answer is not \"better\" (an interview that ended before the question counts as not better); `over_two_weeks` counts as yes from then on", TWO_WEEKS_MS / DAY_MS),
        format!("the pain score rose by {PAIN_RISE} or more since the last check-in that has a score"),
    ];
    for rule in FollowupRule::ALL {
        out.push_str(&format!(
            "| `{rule}` | {} | `{RULE_LEVEL}` | {}<br>*es:* {} |\n",
            when[rule.index()],
            en.reasons[rule.index()],
            es.reasons[rule.index()]
        ));
    }
    out.push_str("\nFollow-up fixtures (a first check, follow-ups with their day, answers, better/same/worse and pain, and the expected level and rules of the last), worked out by hand from the spec, are in `tests/followups/`; run them with `cargo test -p spasm-core --test followups` (`TRIAGE_FOLLOWUPS=/path/to/more` adds a folder).\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::AgeBand;

    const T0: i64 = 1_790_000_000_000;

    fn log_with(age: AgeBand, findings: &[(Finding, Answer)], context: &[(Context, Answer)], pain: u8) -> CheckinLog {
        let mut a = Answers::default();
        a.age = age;
        for (f, ans) in findings {
            a.set(*f, *ans);
        }
        for (c, ans) in context {
            a.set_context(*c, *ans);
        }
        let level = triage(&a).level;
        CheckinLog::start(T0, &a, level, pain)
    }

    fn plain_log(pain: u8) -> CheckinLog {
        log_with(AgeBand::From20To50, &[], &[], pain)
    }

    /// A follow-up answered "no" to every finding question, with this trend and pain.
    fn walk(log: &CheckinLog, yes: &[(Finding, Answer)], trend: Trend, pain: u8) -> FollowupSession {
        let mut s = FollowupSession::new(log);
        for _ in 0..40 {
            s = match s.step {
                Step::Page(n) => {
                    let Field::Finding(f) = PAGES[n].fields[0] else { unreachable!() };
                    let answer = yes.iter().find(|(g, _)| *g == f).map_or(Answer::No, |(_, a)| *a);
                    s.apply(FollowupAction::Answer(f, answer))
                }
                Step::Trend => s.apply(FollowupAction::SetTrend(trend)),
                Step::Pain => s.apply(FollowupAction::SetPain(pain)),
                Step::Result => return s,
            };
        }
        panic!("the follow-up never ended");
    }

    fn level(log: &CheckinLog, trend: Trend, pain: u8, days: i64) -> FollowupOutcome {
        walk(log, &[], trend, pain).outcome(log, T0 + days * DAY_MS)
    }

    #[test]
    fn the_pages_are_the_emergency_section_without_the_gate_then_the_urgent_findings_but_cancer_history() {
        let first: Vec<Finding> = crate::questionnaire::asked_findings().collect();
        let emergency: Vec<Finding> =
            first.iter().copied().take_while(|f| *f != Finding::Pregnant).chain([Finding::PregnancyWarning]).collect();
        let urgent: Vec<Finding> = first.iter().copied().filter(|f| f.level() == Level::Urgent && *f != Finding::CancerHistory).collect();
        let ours: Vec<Finding> = PAGES.iter().map(|p| if let [Field::Finding(f)] = p.fields { *f } else { unreachable!() }).collect();
        assert_eq!(ours[..EMERGENCY_PAGES], emergency[..]);
        assert_eq!(ours[EMERGENCY_PAGES..], urgent[..]);
        assert!(!asked_again(Finding::Pregnant) && !asked_again(Finding::CancerHistory) && !asked_again(Finding::BoneRisk));
        // Every emergency-section finding of the spec (call_emergency and emergency_department).
        for f in Finding::ALL {
            if f.level().is_emergency() {
                assert!(asked_again(f), "{f}");
            }
        }
    }

    #[test]
    fn all_no_the_same_and_the_same_pain_gives_the_engines_level() {
        let log = plain_log(5);
        let s = walk(&log, &[], Trend::Same, 5);
        assert_eq!(s.history.iter().filter(|st| matches!(st, Step::Page(_))).count(), 19, "13 emergency signs and 6 urgent ones");
        let out = s.outcome(&log, T0 + 3 * DAY_MS);
        assert_eq!((out.level, out.rules.clone()), (Level::SelfCare, vec![]));
        assert!(out.reason_texts(Lang::En).is_empty());
    }

    #[test]
    fn worse_gives_soon_with_its_reason() {
        let out = level(&plain_log(5), Trend::Worse, 5, 2);
        assert_eq!((out.level, out.rules.clone()), (Level::Soon, vec![FollowupRule::Worse]));
        assert_eq!(out.reason_texts(Lang::En), ["Your back is getting worse."]);
        assert_eq!(out.reason_texts(Lang::Es), ["Su espalda está empeorando."]);
        assert!(out.outcome.safety_net.iter().all(|n| n.level > Level::Soon || n.level == Level::SelfCare));
    }

    #[test]
    fn more_than_14_days_and_not_better_gives_soon_and_over_two_weeks_from_then_on() {
        let mut log = plain_log(5);
        // Exactly 14 days is not more than 14 days.
        assert_eq!(level(&log, Trend::Same, 5, 14).level, Level::SelfCare);
        let out = walk(&log, &[], Trend::Same, 5).outcome(&log, T0 + 14 * DAY_MS + 1);
        assert_eq!((out.level, out.rules.clone()), (Level::Soon, vec![FollowupRule::TwoWeeks]));
        assert_eq!(out.reason_texts(Lang::En), ["It has been more than two weeks and it is not better."], "said once");
        assert_eq!(out.answers.get(Finding::OverTwoWeeks), Answer::Yes);
        // Better after 15 days: not raised by that rule.
        assert_eq!(level(&log, Trend::Better, 5, 15).level, Level::SelfCare);
        // From then on over_two_weeks is yes: a later "better" check-in is still soon, by the engine.
        log.push(out.entry(T0 + 15 * DAY_MS));
        assert_eq!(log.over_two_weeks(), Answer::Yes);
        let later = level(&log, Trend::Better, 4, 17);
        assert_eq!((later.level, later.rules.clone()), (Level::Soon, vec![]));
        assert_eq!(later.outcome.reasons[0].findings().collect::<Vec<_>>(), [Finding::OverTwoWeeks]);
        // An interview that ended before the question: not answered is not "better".
        let out = assess(&plain_log(5), &Answers::default(), None, None, T0 + 15 * DAY_MS);
        assert_eq!(out.rules, [FollowupRule::TwoWeeks]);
    }

    #[test]
    fn a_clock_set_back_never_undoes_the_two_week_rule() {
        // Better on day 15 (the rule does not fire), then the device's clock is set back 10 days:
        // the next "about the same" is still more than 14 days into the episode (hazard H53).
        let mut log = plain_log(5);
        let better = level(&log, Trend::Better, 4, 15);
        assert_eq!(better.level, Level::SelfCare);
        log.push(better.entry(T0 + 15 * DAY_MS));
        let out = level(&log, Trend::Same, 4, 5);
        assert!(log.clock_went_back(T0 + 5 * DAY_MS));
        assert_eq!((out.level, out.rules), (Level::Soon, vec![FollowupRule::TwoWeeks]));
    }

    #[test]
    fn a_pain_rise_of_3_gives_soon_and_of_2_does_not() {
        let log = plain_log(4);
        assert_eq!(level(&log, Trend::Same, 6, 2).level, Level::SelfCare);
        let out = level(&log, Trend::Same, 7, 2);
        assert_eq!((out.level, out.rules.clone()), (Level::Soon, vec![FollowupRule::PainRose]));
        assert_eq!(out.reason_texts(Lang::En), ["Your pain score went up from 4 to 7 since your last check-in."]);
        // Since the last check-in, not since the first.
        let mut log = plain_log(2);
        log.push(level(&log, Trend::Same, 4, 1).entry(T0 + DAY_MS));
        assert_eq!(level(&log, Trend::Same, 6, 2).level, Level::SelfCare, "2 to 4 to 6: each rise is 2");
        // A pain score past 10 counts as 10.
        assert_eq!(level(&plain_log(8), Trend::Same, 200, 1).pain, Some(10));
    }

    #[test]
    fn every_rule_at_once_names_each_and_stays_soon() {
        let out = level(&plain_log(1), Trend::Worse, 9, 20);
        assert_eq!(out.level, Level::Soon);
        assert_eq!(out.rules, FollowupRule::ALL);
        assert_eq!(out.reason_texts(Lang::En).len(), 3);
    }

    #[test]
    fn an_emergency_finding_ends_the_follow_up_at_once() {
        let log = plain_log(3);
        let s = FollowupSession::new(&log).apply(FollowupAction::Answer(Finding::ChestPain, Answer::No));
        let s = s.apply(FollowupAction::Answer(Finding::OneSideNumbness, Answer::Yes));
        assert_eq!(s.step, Step::Result);
        let out = s.outcome(&log, T0 + DAY_MS);
        assert_eq!(out.level, Level::CallEmergency);
        assert_eq!((out.trend, out.pain), (None, None), "not asked");
        assert_eq!(out.entry(T0 + DAY_MS).pain, None);
        // Back returns to the question.
        assert_eq!(s.apply(FollowupAction::Back).step, Step::Page(1));
    }

    #[test]
    fn a_not_sure_emergency_department_sign_skips_the_trend_and_asks_what_could_still_raise_it() {
        // Not sure of a cauda equina sign: emergency department at once.
        let log = plain_log(3);
        let mut s = FollowupSession::new(&log);
        for f in &[Finding::ChestPain, Finding::OneSideNumbness, Finding::Confusion, Finding::TearingPain, Finding::Collapse] {
            s = s.apply(FollowupAction::Answer(*f, Answer::No));
        }
        let s = s.apply(FollowupAction::Answer(Finding::BladderBowelLoss, Answer::NotSure));
        assert_eq!(s.step, Step::Result);
        assert_eq!(s.outcome(&log, T0).level, Level::EmergencyDepartment);
        // Not sure of leg weakness is urgent: the urgent findings that could still make it an
        // emergency (fever with a weak immune system, ...) are asked; the trend and pain are not.
        let log = log_with(AgeBand::From20To50, &[(Finding::InfectionRisk, Answer::Yes)], &[], 3);
        let s = walk(&log, &[(Finding::LimbWeakness, Answer::NotSure)], Trend::Same, 3);
        assert!(!s.history.contains(&Step::Trend));
        assert!(s.history.contains(&Step::Page(EMERGENCY_PAGES)), "fever asked");
        assert_eq!(s.outcome(&log, T0).level, Level::Urgent);
    }

    #[test]
    fn first_check_answers_not_asked_again_still_count() {
        // Not sure of a cancer history at the first check-in (soon): still soon a week later, all
        // else no and better.
        let log = log_with(AgeBand::From20To50, &[(Finding::CancerHistory, Answer::NotSure)], &[], 3);
        assert_eq!(log.last().level, Level::Soon);
        let out = level(&log, Trend::Better, 1, 7);
        assert_eq!((out.level, out.rules.clone()), (Level::Soon, vec![]));
        assert!(out.outcome.reasons[0].findings().eq([Finding::CancerHistory]));
        // A cancer history (yes) and new weight loss: urgent. (A first check at urgent offers no log;
        // the rule holds all the same.) The interview ends after the emergency section: nothing
        // it still could ask would raise urgent.
        let log = log_with(AgeBand::From20To50, &[(Finding::CancerHistory, Answer::Yes)], &[], 3);
        let s = walk(&log, &[(Finding::WeightLoss, Answer::Yes)], Trend::Same, 3);
        assert_eq!(s.outcome(&log, T0 + DAY_MS).level, Level::Urgent);
        assert!(!s.history.contains(&Step::Trend));
        // Over 50, new belly pain: an emergency department (aneurysm), not just urgent.
        let log = log_with(AgeBand::From65, &[], &[], 3);
        let out = walk(&log, &[(Finding::AbdominalPain, Answer::Yes)], Trend::Same, 3).outcome(&log, T0 + DAY_MS);
        assert_eq!(out.level, Level::EmergencyDepartment);
        // On a blood thinner, now unbearable pain: an emergency department.
        let log = log_with(AgeBand::From20To50, &[], &[(Context::BloodThinner, Answer::Yes)], 3);
        let out = walk(&log, &[(Finding::UnbearablePain, Answer::Yes)], Trend::Same, 3).outcome(&log, T0 + DAY_MS);
        assert_eq!(out.level, Level::EmergencyDepartment);
        // Thin bones carry: a soon finding on its own, so "better" stays soon.
        let log = log_with(AgeBand::From20To50, &[(Finding::BoneRisk, Answer::Yes)], &[], 3);
        assert_eq!(level(&log, Trend::Better, 1, 3).level, Level::Soon);
    }

    #[test]
    fn pregnancy_warning_is_asked_again_when_pregnant_carries_over() {
        let pregnant = log_with(AgeBand::From20To50, &[(Finding::Pregnant, Answer::Yes)], &[], 3);
        let s = walk(&pregnant, &[(Finding::PregnancyWarning, Answer::Yes)], Trend::Same, 3);
        assert!(s.history.contains(&Step::Page(13)));
        let out = s.outcome(&pregnant, T0 + DAY_MS);
        assert_eq!(out.level, Level::EmergencyDepartment);
        assert_eq!(out.outcome.places, [crate::triage::Place::MaternityUnit]);
        // Not pregnant: the page is passed over.
        let s = walk(&plain_log(3), &[], Trend::Same, 3);
        assert!(!s.history.contains(&Step::Page(13)));
        // Not sure whether pregnant also asks; "worse" then names the midwife.
        let unsure = log_with(AgeBand::From20To50, &[(Finding::Pregnant, Answer::NotSure)], &[], 3);
        let s = walk(&unsure, &[], Trend::Worse, 3);
        assert!(s.history.contains(&Step::Page(13)));
        assert_eq!(s.outcome(&unsure, T0 + DAY_MS).outcome.places, [crate::triage::Place::Midwife]);
    }

    #[test]
    fn answers_that_do_not_fit_the_step_are_ignored_and_an_asked_unanswered_finding_is_not_sure() {
        let s = FollowupSession::new(&plain_log(3));
        assert_eq!(s.apply(FollowupAction::Answer(Finding::Fever, Answer::Yes)), s);
        assert_eq!(s.apply(FollowupAction::SetTrend(Trend::Worse)), s);
        assert_eq!(s.apply(FollowupAction::SetPain(3)), s);
        assert_eq!(s.answers().get(Finding::ChestPain), Answer::NotSure, "on screen, unanswered");
        assert_eq!(s.answers().get(Finding::Fever), Answer::No, "not asked yet");
    }
}
