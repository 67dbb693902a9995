//! The follow-up check-in log (spec section 12), kept on the patient's own device: per check-in
//! its date and time, level, pain score, better/same/worse (none for the first) and the finding
//! ids answered yes or not sure; nothing else (no free text, no names). At most [`MAX_ENTRIES`]
//! check-ins: the oldest go first. A hand-off carries the last [`HANDOFF_ENTRIES`]. Pure.
//!
//! Beside the check-ins, the log keeps its **episode**: when the first check-in was, and the first
//! check-in's answers that a follow-up does not ask again and that still count (spec section 12:
//! history and context such as `bone_risk`, `cancer_history`, `pregnant`, the age band). The
//! episode is not one of the 60 check-ins, so dropping the oldest check-in never makes the episode
//! look younger (the two-week rule) or forgets the age band. It holds only what the rules need:
//! the age band, the two context answers (`new_or_different`, `blood_thinner`) and the finding ids
//! answered yes or not sure. Spec section 12 lists "nothing else" for the check-ins; the age band
//! and the context answers are not findings, but without them a follow-up could not count the
//! age band as the same section requires (belly pain over 50, unbearable pain on a blood thinner).
//!
//! Format 1, for `localStorage` (compact, only `[0-9a-z~:-]`):
//!
//! `sl1:<episode>:<check-in>:<check-in>…` (one to 60 check-ins, oldest first), where
//!
//! - episode: `<first check-in's time>~<age band index><one answer character per context
//!   answer>~<findings yes>~<findings not sure>`;
//! - check-in: `<time>~<level index><pain: 0-9, a for 10, - none><trend: b, s, w, - none>~<findings
//!   yes>~<findings not sure>`;
//! - times are milliseconds since 1970 in base 36 (lower case); the finding sets are bit masks by
//!   position in [`Finding::ALL`] (which only ever grows at its end), in base 36; answers `n`, `u`,
//!   `y`.
//!
//! [`CheckinLog::decode`] never panics: anything but format 1 (another version, a damaged or
//! garbled text, a time after 2199) is a [`LogError`].

use crate::config::Config;
use crate::followup::Trend;
use crate::ids::{AgeBand, Answer, Context, Finding, Level};
use crate::triage::Answers;

/// At most this many check-ins are kept; the oldest go first (spec section 12).
pub const MAX_ENTRIES: usize = 60;
/// A hand-off carries the last this many check-ins (spec section 12).
pub const HANDOFF_ENTRIES: usize = 14;
/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// The highest pain score.
pub const MAX_PAIN: u8 = 10;
/// The start of every storage key of a log, so the web layer can find (and delete) them all.
pub const KEY_PREFIX: &str = "spasm-triage-log-";
/// The format this release writes.
pub const FORMAT: u32 = 1;

/// The first millisecond a time may not reach: 2200-01-01 00:00 UTC (as the hand-off link).
const LATEST_MS: i64 = 7_258_118_400_000;
/// The longest text accepted: 61 records of at most about 40 characters fit well under it.
const MAX_TEXT: usize = 8_000;

const _: () = assert!(Finding::COUNT <= 64, "the finding sets are 64-bit masks");

/// The findings answered yes or not sure (the rest are no), by id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FindingSet {
    yes: u64,
    unsure: u64,
}

impl FindingSet {
    /// Each finding as it counts for the engine ([`Answers::finding`]: the derived ones from the
    /// age band too).
    pub fn from_answers(answers: &Answers) -> FindingSet {
        let mut set = FindingSet::default();
        for finding in Finding::ALL {
            set.set(finding, answers.finding(finding));
        }
        set
    }

    pub fn get(&self, finding: Finding) -> Answer {
        let bit = 1u64 << finding.index();
        if self.yes & bit != 0 {
            Answer::Yes
        } else if self.unsure & bit != 0 {
            Answer::NotSure
        } else {
            Answer::No
        }
    }

    pub fn set(&mut self, finding: Finding, answer: Answer) {
        let bit = 1u64 << finding.index();
        self.yes &= !bit;
        self.unsure &= !bit;
        match answer {
            Answer::Yes => self.yes |= bit,
            Answer::NotSure => self.unsure |= bit,
            Answer::No => {}
        }
    }

    /// The findings answered yes or not sure, in [`Finding::ALL`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (Finding, Answer)> + '_ {
        Finding::ALL.into_iter().map(|f| (f, self.get(f))).filter(|(_, a)| *a != Answer::No)
    }

    fn encode(&self) -> String {
        format!("{}~{}", to_base36(self.yes), to_base36(self.unsure))
    }

    fn decode(yes: &str, unsure: &str) -> Result<FindingSet, LogError> {
        let limit = if Finding::COUNT == 64 { u64::MAX } else { (1u64 << Finding::COUNT) - 1 };
        let mask = |s: &str| from_base36(s).filter(|m| *m <= limit).ok_or(LogError::Damaged("bad findings"));
        let set = FindingSet { yes: mask(yes)?, unsure: mask(unsure)? };
        if set.yes & set.unsure != 0 {
            return Err(LogError::Damaged("a finding both yes and not sure"));
        }
        Ok(set)
    }
}

/// The episode: when its first check-in was, and that check-in's answers that still count at a
/// follow-up.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Episode {
    /// The first check-in's time, milliseconds since 1970.
    pub started_at: i64,
    /// The age band of the first check-in (as the engine read it).
    pub age: AgeBand,
    /// The context answers of the first check-in, indexed like [`Context::ALL`].
    pub context: [Answer; Context::COUNT],
    /// The first check-in's findings answered yes or not sure.
    pub findings: FindingSet,
}

/// One check-in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CheckIn {
    /// When, in milliseconds since 1970 (the device's clock).
    pub at: i64,
    /// The level the patient was told.
    pub level: Level,
    /// The pain score, 0 to 10; none when a follow-up ended before it was asked (an emergency).
    pub pain: Option<u8>,
    /// Better, about the same or worse than the last check-in; none for the first.
    pub trend: Option<Trend>,
    /// The findings answered yes or not sure (those carried from the first check-in included).
    pub findings: FindingSet,
}

/// Why a stored log could not be read. The widget says so ([`LogError::message`]) and offers to
/// delete it; it never reads it as an empty log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    Empty,
    TooLong,
    /// Another format version (an older or a newer release).
    Version(u32),
    /// Cut short, changed, or not a log at all.
    Damaged(&'static str),
}

impl LogError {
    /// What the patient is told, in plain words.
    pub fn message(&self, lang: crate::i18n::Lang) -> &'static str {
        lang.followup().log_unreadable
    }
}

/// A patient's check-in log: the episode and one to [`MAX_ENTRIES`] check-ins, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CheckinLog {
    pub episode: Episode,
    entries: Vec<CheckIn>,
}

impl CheckinLog {
    /// Starts a log with the check that offered it (spec section 12): its time, its answers (as
    /// the engine read them for the level), its level and the pain score asked when the patient
    /// opted in. A pain score above 10 counts as 10.
    pub fn start(at: i64, answers: &Answers, level: Level, pain: u8) -> CheckinLog {
        let at = clamp_time(at);
        let findings = FindingSet::from_answers(answers);
        let episode = Episode { started_at: at, age: answers.age, context: Context::ALL.map(|c| answers.context(c)), findings };
        CheckinLog { episode, entries: vec![CheckIn { at, level, pain: Some(pain.min(MAX_PAIN)), trend: None, findings }] }
    }

    /// Every check-in kept, oldest first (never empty).
    pub fn entries(&self) -> &[CheckIn] {
        &self.entries
    }

    /// The latest check-in.
    pub fn last(&self) -> &CheckIn {
        // Never empty: `start` makes one, `decode` refuses none, `push` only adds.
        &self.entries[self.entries.len() - 1]
    }

    /// Adds a check-in, dropping the oldest beyond [`MAX_ENTRIES`]. Its time is kept as given (a
    /// clock set back shows as an earlier time; see [`Self::elapsed`]).
    pub fn push(&mut self, mut entry: CheckIn) {
        entry.at = clamp_time(entry.at);
        entry.pain = entry.pain.map(|p| p.min(MAX_PAIN));
        self.entries.push(entry);
        if self.entries.len() > MAX_ENTRIES {
            let extra = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..extra);
        }
    }

    /// The last [`HANDOFF_ENTRIES`] check-ins, for a hand-off to a doctor.
    pub fn for_handoff(&self) -> &[CheckIn] {
        &self.entries[self.entries.len().saturating_sub(HANDOFF_ENTRIES)..]
    }

    /// The last [`HANDOFF_ENTRIES`] check-ins in the hand-off link's compact form: each as in the
    /// stored form, joined by `:` (only `[0-9a-z~:-]`, which the hand-off's log part allows).
    /// [`decode_handoff`] reads it.
    pub fn handoff_text(&self) -> String {
        self.for_handoff().iter().map(encode_entry).collect::<Vec<_>>().join(":")
    }

    /// The latest time the log has seen (a check-in's or the episode's start).
    pub fn latest_at(&self) -> i64 {
        self.entries.iter().map(|e| e.at).fold(self.episode.started_at, i64::max)
    }

    /// True when `now` is before a time already in the log: the device's clock was set back.
    pub fn clock_went_back(&self, now: i64) -> bool {
        now < self.latest_at()
    }

    /// How long since the episode's first check-in, in milliseconds. A clock set back never makes
    /// the episode younger than the log has already seen it (hazard H53): the later of `now` and
    /// the latest time in the log counts.
    pub fn elapsed(&self, now: i64) -> i64 {
        now.max(self.latest_at()).saturating_sub(self.episode.started_at).max(0)
    }

    /// "Day n of this episode": the first check-in's day is day 1. Days are the patient's
    /// calendar days: `utc_offset_minutes` is the device's offset from UTC (minutes east,
    /// `-Date.getTimezoneOffset()` in a browser). Never below 1.
    pub fn day_of_episode(&self, now: i64, utc_offset_minutes: i32) -> u32 {
        day_between(self.episode.started_at, now.max(self.latest_at()), utc_offset_minutes)
    }

    /// The most recent pain score (a follow-up that ended early has none).
    pub fn last_pain(&self) -> Option<u8> {
        self.entries.iter().rev().find_map(|e| e.pain)
    }

    /// `over_two_weeks` as the log has it: yes from the check-in whose two-week rule fired on
    /// (every later check-in records it), or as the first check-in answered it.
    pub fn over_two_weeks(&self) -> Answer {
        self.entries
            .iter()
            .map(|e| e.findings.get(Finding::OverTwoWeeks))
            .fold(self.episode.findings.get(Finding::OverTwoWeeks), Answer::max)
    }

    /// The text kept in `localStorage` (format 1, see the module's documentation).
    pub fn encode(&self) -> String {
        let e = &self.episode;
        let context: String = e.context.iter().map(|a| crate::questionnaire::answer_char(Some(*a))).collect();
        let mut out = format!("sl{FORMAT}:{}~{}{context}~{}", to_base36(e.started_at as u64), e.age.index(), e.findings.encode());
        for entry in &self.entries {
            out.push(':');
            out.push_str(&encode_entry(entry));
        }
        out
    }

    /// Reads [`Self::encode`]'s text. Never panics; anything else is an error.
    pub fn decode(text: &str) -> Result<CheckinLog, LogError> {
        if text.is_empty() {
            return Err(LogError::Empty);
        }
        if text.len() > MAX_TEXT {
            return Err(LogError::TooLong);
        }
        let mut records = text.split(':');
        let head = records.next().unwrap_or_default();
        let version = head.strip_prefix("sl").filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) && v.len() < 6);
        match version.map(|v| v.parse::<u32>()) {
            Some(Ok(FORMAT)) => {}
            Some(Ok(other)) => return Err(LogError::Version(other)),
            _ => return Err(LogError::Damaged("not a check-in log")),
        }
        let episode = decode_episode(records.next().ok_or(LogError::Damaged("no episode"))?)?;
        let entries = records.map(decode_entry).collect::<Result<Vec<_>, _>>()?;
        if entries.is_empty() {
            return Err(LogError::Damaged("no check-in"));
        }
        if entries.len() > MAX_ENTRIES {
            return Err(LogError::Damaged("too many check-ins"));
        }
        Ok(CheckinLog { episode, entries })
    }
}

/// Reads [`CheckinLog::handoff_text`]: at most [`HANDOFF_ENTRIES`] check-ins, oldest first; empty
/// text is none. Never panics.
pub fn decode_handoff(text: &str) -> Result<Vec<CheckIn>, LogError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    if text.len() > MAX_TEXT {
        return Err(LogError::TooLong);
    }
    let entries = text.split(':').map(decode_entry).collect::<Result<Vec<_>, _>>()?;
    if entries.len() > HANDOFF_ENTRIES {
        return Err(LogError::Damaged("too many check-ins"));
    }
    Ok(entries)
}

/// The day of `at` counted from `start`'s day (day 1), in calendar days at the given UTC offset.
pub fn day_between(start: i64, at: i64, utc_offset_minutes: i32) -> u32 {
    let offset = i64::from(utc_offset_minutes.clamp(-24 * 60, 24 * 60)) * 60_000;
    let day = |t: i64| t.saturating_add(offset).div_euclid(DAY_MS);
    (day(at) - day(start) + 1).clamp(1, i64::from(u32::MAX)) as u32
}

/// The storage key of a practice's log: the same for every page of one practice, different for
/// two practices on one origin. A practice is told apart by what identifies it in its settings:
/// its name (case and spacing aside), its phone number's digits and its booking address. Hashed
/// (64-bit FNV-1a), so the key is short and names nothing. A practice that changes one of these
/// gets a new key; the old log stays until deleted (every key starts with [`KEY_PREFIX`]).
pub fn storage_key(config: &Config) -> String {
    let name: Vec<String> = config.practice_name.as_deref().unwrap_or("").split_whitespace().map(|w| w.to_lowercase()).collect();
    let phone: String = config.phone.as_deref().unwrap_or("").chars().filter(char::is_ascii_digit).collect();
    let booking = config.booking_url.as_deref().unwrap_or("").trim();
    let identity = format!("{}\n{phone}\n{booking}", name.join(" "));
    let hash = identity.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{KEY_PREFIX}{hash:016x}")
}

fn clamp_time(at: i64) -> i64 {
    at.clamp(0, LATEST_MS - 1)
}

fn encode_entry(entry: &CheckIn) -> String {
    let pain = match entry.pain {
        Some(p) => char::from_digit(u32::from(p.min(MAX_PAIN)), 11).unwrap_or('a'),
        None => '-',
    };
    let trend = match entry.trend {
        Some(Trend::Better) => 'b',
        Some(Trend::Same) => 's',
        Some(Trend::Worse) => 'w',
        None => '-',
    };
    format!("{}~{}{pain}{trend}~{}", to_base36(entry.at as u64), entry.level.index(), entry.findings.encode())
}

fn decode_time(s: &str) -> Result<i64, LogError> {
    from_base36(s).filter(|t| *t < LATEST_MS as u64).map(|t| t as i64).ok_or(LogError::Damaged("bad check-in time"))
}

fn decode_episode(record: &str) -> Result<Episode, LogError> {
    let [time, extra, yes, unsure] = fields(record)?;
    let extra = extra.as_bytes();
    let [age, context @ ..] = extra else { return Err(LogError::Damaged("bad episode")) };
    if context.len() != Context::COUNT {
        return Err(LogError::Damaged("bad episode"));
    }
    let age = char::from(*age).to_digit(10).and_then(|i| AgeBand::ALL.get(i as usize).copied()).ok_or(LogError::Damaged("bad age band"))?;
    let mut answers = [Answer::No; Context::COUNT];
    for (slot, b) in answers.iter_mut().zip(context) {
        *slot = crate::questionnaire::char_answer(char::from(*b)).flatten().ok_or(LogError::Damaged("bad context answer"))?;
    }
    Ok(Episode { started_at: decode_time(time)?, age, context: answers, findings: FindingSet::decode(yes, unsure)? })
}

fn decode_entry(record: &str) -> Result<CheckIn, LogError> {
    let [time, extra, yes, unsure] = fields(record)?;
    let &[level, pain, trend] = extra.as_bytes() else { return Err(LogError::Damaged("bad check-in")) };
    let level = char::from(level).to_digit(10).and_then(|i| Level::ALL.get(i as usize).copied()).ok_or(LogError::Damaged("bad level"))?;
    let pain = match pain {
        b'-' => None,
        b'0'..=b'9' | b'a' => char::from(pain).to_digit(11).map(|p| p as u8),
        _ => return Err(LogError::Damaged("bad pain score")),
    };
    let trend = match trend {
        b'b' => Some(Trend::Better),
        b's' => Some(Trend::Same),
        b'w' => Some(Trend::Worse),
        b'-' => None,
        _ => return Err(LogError::Damaged("bad trend")),
    };
    Ok(CheckIn { at: decode_time(time)?, level, pain, trend, findings: FindingSet::decode(yes, unsure)? })
}

/// A record's four `~`-separated fields.
fn fields(record: &str) -> Result<[&str; 4], LogError> {
    let mut parts = record.split('~');
    match (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), Some(c), Some(d), None) => Ok([a, b, c, d]),
        _ => Err(LogError::Damaged("wrong number of fields")),
    }
}

fn to_base36(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

/// Lower-case base 36, at most 13 digits, no overflow.
fn from_base36(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 13 || !s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        return None;
    }
    s.chars().try_fold(0u64, |n, c| n.checked_mul(36)?.checked_add(u64::from(c.to_digit(36)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_790_000_000_000;

    fn first() -> CheckinLog {
        let mut answers = Answers::default();
        answers.age = AgeBand::From51To64;
        answers.set(Finding::CancerHistory, Answer::NotSure);
        answers.set(Finding::Recurring, Answer::Yes);
        answers.set_context(Context::BloodThinner, Answer::Yes);
        CheckinLog::start(T0, &answers, Level::Soon, 6)
    }

    fn entry(at: i64, pain: Option<u8>) -> CheckIn {
        CheckIn { at, level: Level::SelfCare, pain, trend: Some(Trend::Same), findings: FindingSet::default() }
    }

    #[test]
    fn a_log_starts_with_the_check_that_offered_it() {
        let log = first();
        assert_eq!(log.entries().len(), 1);
        let e = log.last();
        assert_eq!((e.at, e.level, e.pain, e.trend), (T0, Level::Soon, Some(6), None));
        assert_eq!(e.findings.get(Finding::CancerHistory), Answer::NotSure);
        assert_eq!(e.findings.get(Finding::Recurring), Answer::Yes);
        assert_eq!(e.findings.get(Finding::Fever), Answer::No);
        assert_eq!(log.episode.age, AgeBand::From51To64);
        assert_eq!(log.episode.context, [Answer::No, Answer::Yes]);
        let ids: Vec<Finding> = e.findings.iter().map(|(f, _)| f).collect();
        assert_eq!(ids, [Finding::CancerHistory, Finding::Recurring]);
    }

    #[test]
    fn at_most_60_check_ins_the_oldest_go_first_and_the_episode_stays() {
        let mut log = first();
        for i in 1..=70 {
            log.push(entry(T0 + i * DAY_MS / 4, Some((i % 11) as u8)));
        }
        assert_eq!(log.entries().len(), MAX_ENTRIES);
        assert_eq!(log.entries()[0].at, T0 + 11 * DAY_MS / 4, "the oldest went first");
        assert_eq!(log.last().at, T0 + 70 * DAY_MS / 4);
        assert_eq!(log.episode.started_at, T0, "the episode keeps its first day");
        // 17.5 days after 14:13 UTC is 02:13 UTC, 18 calendar days on: day 19.
        assert_eq!(log.day_of_episode(log.last().at, 0), 19);
        assert_eq!(log.for_handoff().len(), HANDOFF_ENTRIES);
        assert_eq!(log.for_handoff()[HANDOFF_ENTRIES - 1], *log.last());
        assert_eq!(log.for_handoff()[0], log.entries()[MAX_ENTRIES - HANDOFF_ENTRIES]);
        assert_eq!(first().for_handoff().len(), 1, "fewer than 14: all of them");
    }

    #[test]
    fn days_of_the_episode_count_calendar_days_and_a_clock_set_back_never_makes_it_younger() {
        let mut log = first();
        // T0 is 2026-09-21 14:13 UTC.
        assert_eq!(log.day_of_episode(T0, 0), 1);
        assert_eq!(log.day_of_episode(T0 + 2 * DAY_MS, 0), 3);
        // 14:13 UTC is 23:13 at UTC+9: an hour later is the next calendar day there.
        assert_eq!(log.day_of_episode(T0 + 3_600_000, 9 * 60), 2);
        assert_eq!(log.day_of_episode(T0 + 3_600_000, 0), 1);
        assert_eq!(log.day_of_episode(T0 - 30 * DAY_MS, 0), 1, "never below day 1");
        log.push(entry(T0 + 20 * DAY_MS, Some(5)));
        assert!(log.clock_went_back(T0 + DAY_MS));
        assert!(!log.clock_went_back(T0 + 21 * DAY_MS));
        assert_eq!(log.elapsed(T0 + DAY_MS), 20 * DAY_MS, "the latest time seen counts");
        assert_eq!(log.day_of_episode(T0 + DAY_MS, 0), 21);
        assert_eq!(log.elapsed(T0 + 25 * DAY_MS), 25 * DAY_MS);
    }

    #[test]
    fn the_last_pain_score_skips_a_check_in_without_one() {
        let mut log = first();
        log.push(entry(T0 + DAY_MS, None));
        assert_eq!(log.last_pain(), Some(6));
        log.push(entry(T0 + 2 * DAY_MS, Some(9)));
        assert_eq!(log.last_pain(), Some(9));
    }

    #[test]
    fn the_text_form_round_trips_and_refuses_anything_else() {
        let mut log = first();
        log.push(CheckIn {
            at: T0 + DAY_MS,
            level: Level::Soon,
            pain: Some(10),
            trend: Some(Trend::Worse),
            findings: FindingSet::default(),
        });
        log.push(CheckIn { at: T0 + 2 * DAY_MS, level: Level::CallEmergency, pain: None, trend: None, findings: FindingSet::default() });
        let text = log.encode();
        assert!(text.starts_with("sl1:"), "{text}");
        assert!(text.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b"~:-".contains(&b)), "{text}");
        assert_eq!(CheckinLog::decode(&text), Ok(log.clone()));
        assert_eq!(CheckinLog::decode(""), Err(LogError::Empty));
        assert_eq!(CheckinLog::decode(&"x".repeat(MAX_TEXT + 1)), Err(LogError::TooLong));
        assert_eq!(CheckinLog::decode(&text.replacen("sl1", "sl2", 1)), Err(LogError::Version(2)));
        assert_eq!(CheckinLog::decode(&text.replacen("sl1", "sl0", 1)), Err(LogError::Version(0)));
        let head = text.split(':').take(2).collect::<Vec<_>>().join(":");
        for bad in [
            "sl1",
            "sl1:",
            "slx:1~20n~0~0:1~10-~0~0",
            head.as_str(),
            &text.replacen("sl1", "SL1", 1),
            &format!("{text}:"),
            &format!("{text}~"),
            &text.replace('~', "~~"),
            &format!("{head}:1~5a-~0~0"),
            &format!("{head}:1~0b-~0~0"),
            &format!("{head}:1~00x~0~0"),
            &format!("{head}:1~00-~1~1"),
            &format!("{head}:1~00-~zzzzzzzzzzzz~0"),
            &format!("{head}:zzzzzzzzzzzz~00-~0~0"),
            &format!("{head}:A~00-~0~0"),
        ] {
            assert!(CheckinLog::decode(bad).is_err(), "{bad:?} was accepted");
        }
        let many = format!("{head}{}", ":1~00-~0~0".repeat(MAX_ENTRIES + 1));
        assert_eq!(CheckinLog::decode(&many), Err(LogError::Damaged("too many check-ins")));
    }

    #[test]
    fn the_hand_off_carries_the_last_14_in_a_form_the_link_accepts() {
        let mut log = first();
        for i in 1..=20 {
            log.push(entry(T0 + i * DAY_MS, Some((i % 11) as u8)));
        }
        let text = log.handoff_text();
        assert_eq!(decode_handoff(&text).unwrap(), log.for_handoff());
        assert_eq!(decode_handoff(""), Ok(vec![]));
        assert!(decode_handoff("x").is_err());
        assert!(decode_handoff(&[text.as_str(), "1~00-~0~0"].join(":")).is_err(), "15 check-ins");
        // The hand-off link's log part takes it as it is.
        let summary = crate::handoff::Summary { log: text.clone(), ..crate::handoff::Summary::new(Default::default(), Level::Soon, T0) };
        assert_eq!(crate::handoff::Summary::decode(&summary.encode()).map(|s| s.log), Ok(text));
    }

    #[test]
    fn two_practices_on_one_origin_have_two_keys_and_one_practice_one() {
        let config = |attrs: &[(&str, &str)]| Config::from_attributes(attrs.iter().copied()).0;
        let a = config(&[("data-practice-name", "Riverside Family Practice"), ("data-phone", "+1 555 010 2000")]);
        let a_again = config(&[("data-practice-name", "  riverside   family practice "), ("data-phone", "+1 (555) 010-2000")]);
        let b = config(&[("data-practice-name", "Hillside Clinic"), ("data-phone", "+1 555 010 2000")]);
        let c = config(&[
            ("data-practice-name", "Riverside Family Practice"),
            ("data-phone", "+1 555 010 2000"),
            ("data-booking-url", "https://example.org/book"),
        ]);
        assert_eq!(storage_key(&a), storage_key(&a_again));
        assert_ne!(storage_key(&a), storage_key(&b));
        assert_ne!(storage_key(&a), storage_key(&c));
        assert_ne!(storage_key(&a), storage_key(&Config::default()));
        for key in [storage_key(&a), storage_key(&Config::default())] {
            assert!(key.starts_with(KEY_PREFIX) && key.len() == KEY_PREFIX.len() + 16, "{key}");
            assert!(!key.to_lowercase().contains("riverside"), "the key names nothing");
        }
    }
}
