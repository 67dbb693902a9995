//! The self-care coach's timing policy: which therapy when, round length, rest gap, and the next
//! round allowed. Pure: time comes in as milliseconds since the Unix epoch, so a throttled tab, a
//! reload or a clock that jumps cannot make it wrong, and every edge is tested natively.
//!
//! Sources: ice during roughly the two days after a spasm begins, then heat (reference
//! article 003); 15 to 20 minutes at a time, then an hour off before the next round (002).

use crate::ids::{dense_enum, id_enum, Answer, Context, Finding, Level};
use crate::questionnaire::Duration;
use crate::triage::Answers;

pub const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

/// Ice until this long after the spasm started, heat after.
const ICE_WINDOW_MS: i64 = 48 * HOUR_MS;

/// The coach is offered on these levels only: never exercise on an emergency, emergency-department
/// or urgent result.
pub fn coach_offered(level: Level) -> bool {
    matches!(level, Level::SelfCare | Level::Soon)
}

/// Findings that withhold the stretches when answered yes or not sure (spec section 6).
const NO_STRETCHES: [Finding; 6] =
    [Finding::BoneRisk, Finding::Injury, Finding::AgeOutside20To50, Finding::InfectionRisk, Finding::Child, Finding::Pregnant];

/// Which parts of the self-care guide a patient gets (spec section 6), from answers in which a
/// question not asked counts as "not sure" (`Responses::advice_answers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Advice {
    /// Stretches are shown; otherwise walking and rest positions only, with the reason.
    pub stretches: bool,
    /// Pregnant or just gave birth, or may be: no ibuprofen, naproxen or aspirin.
    pub pregnant: bool,
    /// Under 16, or may be: no aspirin, a child's dose.
    pub child: bool,
    /// On a blood thinner, or may be: no ibuprofen, naproxen or aspirin unless the doctor says so.
    pub blood_thinner: bool,
}

impl Advice {
    pub fn for_answers(answers: &Answers) -> Advice {
        let maybe = |f: Finding| answers.finding(f) != Answer::No;
        Advice {
            stretches: !NO_STRETCHES.into_iter().any(maybe),
            pregnant: maybe(Finding::Pregnant) || maybe(Finding::PregnancyWarning),
            child: maybe(Finding::Child),
            blood_thinner: answers.context(Context::BloodThinner) != Answer::No,
        }
    }

    /// True when anti-inflammatories may be suggested: never in pregnancy, to a child, or with a
    /// blood thinner (a "not sure" counts).
    pub fn anti_inflammatories(&self) -> bool {
        !(self.pregnant || self.child || self.blood_thinner)
    }
}

id_enum! {
    /// Ice or heat. The id ("ice", "heat") is kept in storage, never shown; the words are
    /// `Texts::therapy_names` and `Texts::start_round`.
    pub enum Therapy {
        Ice = "ice",
        Heat = "heat",
    }
}

impl Therapy {
    /// The stable id kept in storage ("ice", "heat"); never shown.
    pub fn name(self) -> &'static str {
        self.id()
    }
}

dense_enum! {
    /// The stretches of the guide, in the order it shows them (the words are `Texts::stretches`).
    pub enum Stretch {
        SeatedTwist,
        CatCow,
        Cobra,
        ChildsPose,
    }
}

dense_enum! {
    /// The rest positions of the guide, in the order it shows them (the words are
    /// `Texts::rest_positions`).
    pub enum RestPosition {
        OnBack,
        Recliner,
    }
}

/// Round lengths and the rest gap. The product's defaults; tests may shorten them through
/// configuration, the product never does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    pub round_ms: i64,
    pub gap_ms: i64,
}

impl Default for Timing {
    fn default() -> Self {
        Timing { round_ms: 15 * MINUTE_MS, gap_ms: HOUR_MS }
    }
}

/// When the spasm started, estimated from the interview's answer at `answered_at`: the latest time
/// the answer allows, so ice is never cut short. `None` when the patient is not sure.
pub fn onset_from(duration: Duration, answered_at: i64) -> Option<i64> {
    match duration {
        Duration::UnderOneDay => Some(answered_at),
        Duration::OneToTwoDays => Some(answered_at - 24 * HOUR_MS),
        Duration::TwoDaysToTwoWeeks => Some(answered_at - ICE_WINDOW_MS),
        Duration::OverTwoWeeks => Some(answered_at - 14 * 24 * HOUR_MS),
        Duration::NotSure => None,
    }
}

/// Ice in the first 48 hours after onset, heat after. With no onset known, ice is the safe start
/// (it eases swelling; heat can make a fresh injury swell).
pub fn therapy_for(onset: Option<i64>, now: i64) -> Therapy {
    match onset {
        Some(onset) if now.saturating_sub(onset) >= ICE_WINDOW_MS => Therapy::Heat,
        _ => Therapy::Ice,
    }
}

/// One ice or heat round. Time is kept as timestamps, never as counted ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Round {
    pub therapy: Therapy,
    pub started_at: i64,
    pub length_ms: i64,
    /// Time spent paused before the current pause, if any.
    pub paused_ms: i64,
    /// When the current pause began.
    pub paused_at: Option<i64>,
}

/// Where a round is at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundStatus {
    Running {
        remaining_ms: i64,
    },
    Paused {
        remaining_ms: i64,
    },
    /// Finished at `ended_at`; the next round may start at `next_at`.
    Finished {
        ended_at: i64,
        next_at: i64,
    },
}

/// How long a round may run and still be stopped as if it never started (see [`Round::stop`]).
pub const FREE_STOP_MS: i64 = MINUTE_MS;

impl Round {
    pub fn start(therapy: Therapy, now: i64, timing: Timing) -> Round {
        Round { therapy, started_at: now, length_ms: timing.round_ms, paused_ms: 0, paused_at: None }
    }

    /// Time the round has run by `now`. A clock that went back counts as no time; a clock that
    /// jumped forward counts in full (the round is over: stop icing).
    fn elapsed(&self, now: i64) -> i64 {
        let until = self.paused_at.unwrap_or(now).min(now);
        (until - self.started_at - self.paused_ms).clamp(0, self.length_ms)
    }

    pub fn status(&self, now: i64, timing: Timing) -> RoundStatus {
        let remaining_ms = self.length_ms - self.elapsed(now);
        if remaining_ms <= 0 {
            let ended_at = self.started_at + self.paused_ms + self.length_ms;
            return RoundStatus::Finished { ended_at, next_at: ended_at + timing.gap_ms };
        }
        match self.paused_at {
            Some(_) => RoundStatus::Paused { remaining_ms },
            None => RoundStatus::Running { remaining_ms },
        }
    }

    pub fn pause(mut self, now: i64) -> Round {
        if self.paused_at.is_none() && self.elapsed(now) < self.length_ms {
            self.paused_at = Some(now.max(self.started_at));
        }
        self
    }

    pub fn resume(mut self, now: i64) -> Round {
        if let Some(at) = self.paused_at.take() {
            self.paused_ms += now.saturating_sub(at).max(0);
        }
        self
    }

    /// Stopping early: the rest gap still counts from now, so skin gets its hour off. A round
    /// stopped within its first minute on the skin ([`FREE_STOP_MS`]: started by mistake, or the
    /// pack was not ready) is not a round: `None`, and no rest is owed for it (issue 21).
    pub fn stop(self, now: i64, timing: Timing) -> Option<RoundStatus> {
        let ended_at = match self.status(now, timing) {
            RoundStatus::Finished { ended_at, .. } => ended_at,
            _ if self.elapsed(now) < FREE_STOP_MS => return None,
            _ => now.max(self.started_at),
        };
        Some(RoundStatus::Finished { ended_at, next_at: ended_at + timing.gap_ms })
    }
}

/// What the coach keeps between reloads on a practice site (never in kiosk mode): when it was first
/// opened, the current round, and when the last round ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoachState {
    pub opened_at: Option<i64>,
    pub round: Option<Round>,
    pub last_ended_at: Option<i64>,
}

impl CoachState {
    /// When the last round ended by `now`: a finished round's end, or a stopped round's, whichever
    /// is later.
    pub fn last_ended(&self, now: i64, timing: Timing) -> Option<i64> {
        match self.round.map(|r| r.status(now, timing)) {
            Some(RoundStatus::Finished { ended_at, .. }) => Some(self.last_ended_at.map_or(ended_at, |s| s.max(ended_at))),
            _ => self.last_ended_at,
        }
    }

    /// Starts a `therapy` round at `now`, or says when one may start: `Err((state, next_at))` while
    /// the skin rests. A clock that went back past the last round's end counts that end as now,
    /// once, and the returned state keeps it: the rest then runs a full gap from now, and the time
    /// promised is the time a round may start (it used to move on with the clock, refusing again
    /// at the time it had promised).
    pub fn start_round(self, therapy: Therapy, now: i64, timing: Timing) -> Result<CoachState, (CoachState, i64)> {
        let mut state = self;
        if state.last_ended(now, timing).is_some_and(|ended| ended > now) {
            if matches!(state.round.map(|r| r.status(now, timing)), Some(RoundStatus::Finished { .. })) {
                state.round = None;
            }
            state.last_ended_at = Some(now);
        }
        // The last round now ended at or before `now`: the skin rests a full gap after it.
        match state.last_ended(now, timing).map(|ended| ended + timing.gap_ms) {
            Some(next_at) if now < next_at => Err((state, next_at)),
            _ => Ok(CoachState { round: Some(Round::start(therapy, now, timing)), ..state }),
        }
    }

    /// A short versioned text form: `c1;opened;therapy;started;length;paused_ms;paused_at;last_ended`
    /// with `-` for none.
    pub fn encode(&self) -> String {
        let opt = |v: Option<i64>| v.map_or("-".to_string(), |v| v.to_string());
        let (therapy, started, length, paused_ms, paused_at) = match self.round {
            Some(r) => (r.therapy.name(), Some(r.started_at), Some(r.length_ms), Some(r.paused_ms), r.paused_at),
            None => ("-", None, None, None, None),
        };
        format!(
            "c1;{};{};{};{};{};{};{}",
            opt(self.opened_at),
            therapy,
            opt(started),
            opt(length),
            opt(paused_ms),
            opt(paused_at),
            opt(self.last_ended_at)
        )
    }

    /// Reads [`Self::encode`]'s form. Anything else (old version, tampered, garbage) is `None`, and
    /// the coach starts fresh.
    pub fn decode(text: &str) -> Option<CoachState> {
        let parts: Vec<&str> = text.split(';').collect();
        let [version, opened, therapy, started, length, paused_ms, paused_at, last] = parts.as_slice() else { return None };
        if *version != "c1" {
            return None;
        }
        let opt = |s: &str| -> Option<Option<i64>> {
            if s == "-" {
                Some(None)
            } else {
                s.parse().ok().map(Some)
            }
        };
        let round = match (*therapy, opt(started)?, opt(length)?, opt(paused_ms)?) {
            ("-", None, None, None) => None,
            (name, Some(started_at), Some(length_ms), Some(paused_ms)) => {
                let therapy = Therapy::from_id(name)?;
                // A stored round may not be longer than the sources allow, nor negative.
                if !(0..=20 * MINUTE_MS).contains(&length_ms) || paused_ms < 0 {
                    return None;
                }
                Some(Round { therapy, started_at, length_ms, paused_ms, paused_at: opt(paused_at)? })
            }
            _ => return None,
        };
        Some(CoachState { opened_at: opt(opened)?, round, last_ended_at: opt(last)? })
    }
}

/// "mm:ss" for a countdown.
pub fn countdown(ms: i64) -> String {
    let secs = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_790_000_000_000;

    #[test]
    fn after_the_clock_goes_back_the_time_promised_is_the_time_kept() {
        // Issue 22: after the device clock moved back, the coach promised a time, then refused again.
        let timing = Timing::default();
        let state = CoachState { last_ended_at: Some(T0), ..CoachState::default() };
        let back = T0 - 2 * HOUR_MS;
        let Err((state, next_at)) = state.start_round(Therapy::Ice, back, timing) else { panic!("a round started during the rest") };
        assert_eq!(next_at, back + timing.gap_ms, "the rest runs a full gap from now");
        assert!(state.start_round(Therapy::Ice, next_at - 1, timing).is_err(), "a round started early");
        assert!(state.start_round(Therapy::Ice, next_at, timing).is_ok(), "refused again at the time it promised");
        // With the clock right, the rest counts from the round's end as before.
        let state = CoachState { last_ended_at: Some(T0), ..CoachState::default() };
        assert_eq!(state.start_round(Therapy::Heat, T0 + MIN, timing).map(|_| ()), Err((state, T0 + timing.gap_ms)));
        assert!(state.start_round(Therapy::Heat, T0 + timing.gap_ms, timing).is_ok());
    }
    const MIN: i64 = MINUTE_MS;

    #[test]
    fn ice_before_48_hours_heat_after() {
        assert_eq!(therapy_for(Some(T0), T0 + 23 * HOUR_MS + 59 * MIN), Therapy::Ice);
        assert_eq!(therapy_for(Some(T0), T0 + 47 * HOUR_MS + 59 * MIN), Therapy::Ice);
        assert_eq!(therapy_for(Some(T0), T0 + 48 * HOUR_MS + MIN), Therapy::Heat);
        assert_eq!(therapy_for(None, T0), Therapy::Ice);
        // A clock before the onset (went back) is still the first hours: ice.
        assert_eq!(therapy_for(Some(T0), T0 - HOUR_MS), Therapy::Ice);
    }

    #[test]
    fn onset_is_the_latest_time_the_answer_allows() {
        let now = T0;
        assert_eq!(therapy_for(onset_from(Duration::UnderOneDay, now), now + 47 * HOUR_MS), Therapy::Ice);
        assert_eq!(therapy_for(onset_from(Duration::OneToTwoDays, now), now + 23 * HOUR_MS), Therapy::Ice);
        assert_eq!(therapy_for(onset_from(Duration::OneToTwoDays, now), now + 24 * HOUR_MS + MIN), Therapy::Heat);
        assert_eq!(therapy_for(onset_from(Duration::TwoDaysToTwoWeeks, now), now), Therapy::Heat);
        assert_eq!(onset_from(Duration::NotSure, now), None);
    }

    #[test]
    fn a_round_counts_down_from_timestamps() {
        let t = Timing::default();
        let r = Round::start(Therapy::Ice, T0, t);
        assert_eq!(r.status(T0, t), RoundStatus::Running { remaining_ms: 15 * MIN });
        assert_eq!(r.status(T0 + 10 * MIN, t), RoundStatus::Running { remaining_ms: 5 * MIN });
        let end = T0 + 15 * MIN;
        assert_eq!(r.status(end, t), RoundStatus::Finished { ended_at: end, next_at: end + HOUR_MS });
    }

    #[test]
    fn a_paused_round_keeps_its_remaining_time() {
        let t = Timing::default();
        let r = Round::start(Therapy::Heat, T0, t).pause(T0 + 5 * MIN);
        // However long the pause, the remaining time stays.
        assert_eq!(r.status(T0 + 3 * HOUR_MS, t), RoundStatus::Paused { remaining_ms: 10 * MIN });
        let r = r.resume(T0 + 30 * MIN);
        assert_eq!(r.status(T0 + 31 * MIN, t), RoundStatus::Running { remaining_ms: 9 * MIN });
        let end = T0 + 40 * MIN;
        assert_eq!(r.status(end, t), RoundStatus::Finished { ended_at: end, next_at: end + HOUR_MS });
        // Pausing twice or resuming twice changes nothing.
        assert_eq!(r.resume(T0 + 35 * MIN), r);
        let p = r.pause(T0 + 32 * MIN);
        assert_eq!(p.pause(T0 + 33 * MIN), p);
    }

    #[test]
    fn a_reload_mid_round_resumes_where_it_was() {
        let t = Timing::default();
        // A round started, paused 3 minutes in, resumed 10 minutes later: what sessionStorage keeps.
        let round = Round::start(Therapy::Ice, T0, t).pause(T0 + 3 * MIN).resume(T0 + 13 * MIN);
        let stored = CoachState { opened_at: Some(T0), round: Some(round), last_ended_at: None }.encode();
        // The page reloads at 17 minutes: the round read back from the stored text goes on.
        let restored = CoachState::decode(&stored).unwrap().round.unwrap();
        assert_eq!(restored.status(T0 + 17 * MIN, t), RoundStatus::Running { remaining_ms: 8 * MIN });
        let end = T0 + 25 * MIN;
        assert_eq!(restored.status(end, t), RoundStatus::Finished { ended_at: end, next_at: end + HOUR_MS });
    }

    #[test]
    fn a_clock_that_jumps_never_extends_a_round() {
        let t = Timing::default();
        let r = Round::start(Therapy::Ice, T0, t);
        // Back by an hour: no negative time, never more than the round's length left.
        assert_eq!(r.status(T0 - HOUR_MS, t), RoundStatus::Running { remaining_ms: 15 * MIN });
        // Forward by a day: the round is over, ended at its proper end, not a day later.
        let end = T0 + 15 * MIN;
        assert_eq!(r.status(T0 + 24 * HOUR_MS, t), RoundStatus::Finished { ended_at: end, next_at: end + HOUR_MS });
    }

    #[test]
    fn the_next_round_waits_an_hour() {
        let t = Timing::default();
        let ended = T0;
        let rested = CoachState { last_ended_at: Some(ended), ..CoachState::default() };
        assert_eq!(rested.start_round(Therapy::Heat, ended + 59 * MIN, t).map(|_| ()), Err((rested, ended + HOUR_MS)));
        assert!(rested.start_round(Therapy::Heat, ended + HOUR_MS, t).is_ok());
        assert!(CoachState::default().start_round(Therapy::Heat, ended, t).is_ok());
        // Clock went back: not allowed early.
        assert!(rested.start_round(Therapy::Heat, ended - 5 * MIN, t).is_err());
    }

    #[test]
    fn stopping_early_still_rests_the_skin() {
        let t = Timing::default();
        let r = Round::start(Therapy::Ice, T0, t);
        let stopped = r.stop(T0 + 4 * MIN, t);
        assert_eq!(stopped, Some(RoundStatus::Finished { ended_at: T0 + 4 * MIN, next_at: T0 + 4 * MIN + HOUR_MS }));
        // A minute on the skin is a round.
        assert!(r.stop(T0 + MIN, t).is_some());
    }

    #[test]
    fn a_round_stopped_within_its_first_minute_is_no_round_and_owes_no_rest() {
        let t = Timing::default();
        let r = Round::start(Therapy::Ice, T0, t);
        assert_eq!(r.stop(T0 + MIN - 1, t), None);
        // Paused time is not time on the skin: 30 s on, paused 10 minutes, stopped: still no round.
        let paused = r.pause(T0 + 30_000);
        assert_eq!(paused.stop(T0 + 10 * MIN, t), None);
        // Stopped this way, the next round may start at once, and a round before it still counts.
        let rested = CoachState { round: None, last_ended_at: Some(T0 - 2 * HOUR_MS), ..CoachState::default() };
        assert!(rested.start_round(Therapy::Heat, T0 + MIN, t).is_ok());
        let recent = CoachState { round: None, last_ended_at: Some(T0 - 10 * MIN), ..CoachState::default() };
        assert!(recent.start_round(Therapy::Heat, T0 + MIN, t).is_err(), "the rest owed for the round before");
    }

    #[test]
    fn the_product_s_rounds_are_15_minutes_with_an_hour_off_and_no_stored_round_is_longer_than_20() {
        // The sources: 15 to 20 minutes on, at least an hour off (spec section 6).
        assert_eq!(Timing::default(), Timing { round_ms: 15 * MIN, gap_ms: HOUR_MS });
        let stored = |length: i64| format!("c1;-;ice;{T0};{length};0;-;-");
        assert!(CoachState::decode(&stored(20 * MIN)).is_some());
        assert_eq!(CoachState::decode(&stored(20 * MIN + 1)), None, "a tampered round longer than 20 minutes");
    }

    #[test]
    fn coach_is_offered_only_for_home_care_and_booked_visits() {
        assert!(coach_offered(Level::SelfCare));
        assert!(coach_offered(Level::Soon));
        assert!(!coach_offered(Level::Urgent));
        assert!(!coach_offered(Level::EmergencyDepartment));
        assert!(!coach_offered(Level::CallEmergency));
    }

    #[test]
    fn coach_state_round_trips_and_rejects_tampering() {
        let t = Timing::default();
        let state = CoachState {
            opened_at: Some(T0),
            round: Some(Round::start(Therapy::Heat, T0 + MIN, t).pause(T0 + 3 * MIN)),
            last_ended_at: Some(T0 - HOUR_MS),
        };
        assert_eq!(CoachState::decode(&state.encode()), Some(state));
        assert_eq!(CoachState::decode(&CoachState::default().encode()), Some(CoachState::default()));
        for bad in [
            "",
            "c2;-;-;-;-;-;-;-",
            "c1;x;-;-;-;-;-;-",
            "c1;-;lava;1;900000;0;-;-",
            "c1;-;ice;1;99999999;0;-;-",
            "c1;-;ice;1;900000;-5;-;-",
            "c1;-;ice;1;-;0;-;-",
            "c1;-;-;-;-;-;-",
            "c1;-;-;-;-;-;-;-;-",
        ] {
            assert_eq!(CoachState::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn last_ended_is_the_later_of_a_finished_and_a_stopped_round() {
        let t = Timing::default();
        let state = CoachState { round: Some(Round::start(Therapy::Ice, T0, t)), last_ended_at: Some(T0 - HOUR_MS), opened_at: None };
        assert_eq!(state.last_ended(T0 + MIN, t), Some(T0 - HOUR_MS), "running: the earlier stop");
        assert_eq!(state.last_ended(T0 + 20 * MIN, t), Some(T0 + 15 * MIN), "finished: its end");
        assert_eq!(CoachState::default().last_ended(T0, t), None);
    }

    #[test]
    fn stretches_and_medicines_follow_section_6() {
        let advice = |pairs: &[(Finding, Answer)], thinner: Answer| {
            let mut a = Answers::default();
            for (f, ans) in pairs {
                a.set(*f, *ans);
            }
            a.set_context(Context::BloodThinner, thinner);
            Advice::for_answers(&a)
        };
        let plain = advice(&[], Answer::No);
        assert!(plain.stretches && plain.anti_inflammatories());
        // Spec section 6, written out here rather than read from the code under test.
        let section_6 =
            [Finding::BoneRisk, Finding::Injury, Finding::AgeOutside20To50, Finding::InfectionRisk, Finding::Child, Finding::Pregnant];
        for f in section_6 {
            for ans in [Answer::Yes, Answer::NotSure] {
                assert!(!advice(&[(f, ans)], Answer::No).stretches, "{f} {ans}");
            }
        }
        for ans in [Answer::Yes, Answer::NotSure] {
            let pregnant = advice(&[(Finding::Pregnant, ans)], Answer::No);
            assert!(pregnant.pregnant && !pregnant.anti_inflammatories());
            let child = advice(&[(Finding::Child, ans)], Answer::No);
            assert!(child.child && !child.anti_inflammatories());
            let thinner = advice(&[], ans);
            assert!(thinner.blood_thinner && thinner.stretches && !thinner.anti_inflammatories());
        }
        // The age band alone: under 16 is a child; an unknown age may be one.
        for (band, child) in
            [(crate::ids::AgeBand::Under16, true), (crate::ids::AgeBand::Unknown, true), (crate::ids::AgeBand::From51To64, false)]
        {
            let mut a = Answers::default();
            a.age = band;
            assert_eq!(Advice::for_answers(&a).child, child, "{band}");
        }
    }

    #[test]
    fn countdown_reads_minutes_and_seconds() {
        assert_eq!(countdown(15 * MIN), "15:00");
        assert_eq!(countdown(61_001), "1:02");
        assert_eq!(countdown(-5), "0:00");
    }
}
