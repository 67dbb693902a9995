//! The summary of a finished check, and its hand-off link: encoded in a URL fragment (which never
//! reaches a server), compact, versioned, and built on the stable ids, so a link made today opens
//! in later releases. Decoding never panics: a truncated, tampered, garbage, huge or future-version
//! fragment is a [`HandoffError`] with a plain message. Pure.
//!
//! Format 2 (rules version 2), nine parts joined by `.`:
//!
//! `s2.<minutes since 1970, base 36>.<level id>.<rules version>.<findings>.<context and how
//! long>.<age band id or ->.<factor ids joined by ,>.<follow-up log>`
//!
//! - findings: one character per finding in [`Finding::ALL`]'s order (which only ever grows at
//!   its end): `y` yes, `n` no, `u` not sure, `-` not asked;
//! - context and how long: one such character for each [`Context`] in order, then how long as
//!   the index of [`Duration::ALL`] or `-`;
//! - the follow-up log: empty in this release; kept for the follow-up check-ins of spec section 12,
//!   which fill it without changing the other parts.
//!
//! Format 1 (`s1.<minutes>.<level>.<yes ids>.<unsure ids>`, rules version 1) still opens: with the
//! level it recorded (never lower than this engine gives its answers), labelled as made under
//! rules version 1; findings and questions that did not exist then are shown as not asked and count
//! as no (spec section 8).
//!
//! ```
//! use spasm_core::handoff::Summary;
//! use spasm_core::ids::{Answer, Finding, Level};
//! use spasm_core::questionnaire::Responses;
//! let mut responses = Responses::default();
//! responses.set_finding(Finding::Fever, Answer::Yes);
//! let summary = Summary::new(responses, Level::Urgent, 1_790_000_000_000);
//! let fragment = summary.encode();
//! assert!(fragment.starts_with("s2."));
//! let back = Summary::decode(&fragment).unwrap();
//! assert_eq!(back.level, Level::Urgent);
//! assert_eq!(back.responses.finding(Finding::ChestPain), None, "not asked");
//! ```

use crate::i18n::{fill, Texts};
use crate::ids::{AgeBand, Answer, Context, Factor, Finding, Item, Level};
use crate::questionnaire::{answer_char, char_answer, char_index, index_char, Duration, Responses};
use crate::rules::RULES_VERSION;
use crate::triage::{safety_net, triage, Answers, Outcome};

/// The longest fragment accepted: every id of the spec fits in well under this.
const MAX_FRAGMENT: usize = 2_000;

/// A finished check, as handed to a doctor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// When the check finished, in milliseconds since 1970 (kept to the minute).
    pub finished_at: i64,
    /// The level the patient was told (never lower than this engine gives the answers).
    pub level: Level,
    /// The rules version that gave it.
    pub rules: u32,
    /// Every answer, `None` where a question was not asked.
    pub responses: Responses,
    /// The follow-up log (spec section 12), kept as read; empty in this release.
    pub log: String,
}

/// Why a hand-off link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoffError {
    Empty,
    TooLong,
    /// Made by a newer release than this one (its format or rules version).
    FutureVersion(u32),
    /// Cut short, changed, or not a summary at all.
    Damaged(&'static str),
}

impl HandoffError {
    /// What the patient is told, in plain words.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            HandoffError::Empty => t.link_empty.to_string(),
            HandoffError::TooLong => t.link_too_long.to_string(),
            HandoffError::FutureVersion(v) => fill(t.link_newer, &[("version", &v.to_string())]),
            HandoffError::Damaged(_) => t.link_damaged.to_string(),
        }
    }
}

/// The first minute (since 1970) a summary may not have finished by: 2200-01-01 00:00 UTC. A later
/// time is a damaged or tampered link (a browser shows a date past its range as "Jan 0, 0"); an
/// early one, even 1970 from a device whose clock was reset, still opens.
const LATEST_MINUTE: u64 = 7_258_118_400 / 60;

impl Summary {
    /// The summary of a check that gave `level` on `responses`, finished at `now` (milliseconds).
    pub fn new(responses: Responses, level: Level, now: i64) -> Summary {
        Summary { finished_at: now.div_euclid(60_000) * 60_000, level, rules: RULES_VERSION, responses, log: String::new() }
    }

    /// The answers the engine reads: a question not asked counts as "no".
    pub fn answers(&self) -> Answers {
        self.responses.answers()
    }

    /// The engine's outcome for the answers, and the safety net shown at the summary's level.
    pub fn outcome(&self) -> Outcome {
        let answers = self.answers();
        let mut outcome = triage(&answers);
        outcome.safety_net = safety_net(self.level, &answers);
        outcome
    }

    /// The URL fragment (without `#`).
    pub fn encode(&self) -> String {
        let r = &self.responses;
        let findings: String = Finding::ALL.iter().map(|f| answer_char(r.finding(*f))).collect();
        let mut extra: String = Context::ALL.iter().map(|c| answer_char(r.context(*c))).collect();
        extra.push(index_char(r.duration.map(Duration::index)));
        let factors: Vec<&str> = Factor::ALL.iter().filter(|f| r.factor(**f)).map(|f| f.id()).collect();
        format!(
            "s2.{}.{}.{}.{findings}.{extra}.{}.{}.{}",
            to_base36(self.finished_at.div_euclid(60_000).max(0) as u64),
            self.level.id(),
            self.rules,
            r.age.map_or("-", AgeBand::id),
            factors.join(","),
            self.log
        )
    }

    /// Reads a fragment (with or without a leading `#`).
    pub fn decode(fragment: &str) -> Result<Summary, HandoffError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Err(HandoffError::Empty);
        }
        if fragment.len() > MAX_FRAGMENT {
            return Err(HandoffError::TooLong);
        }
        let version = fragment.strip_prefix('s').and_then(|rest| rest.split('.').next()).and_then(|v| v.parse::<u32>().ok());
        let parts: Vec<&str> = fragment.split('.').collect();
        let (finished_at, level, rules, responses, log) = match (version, parts.as_slice()) {
            (Some(1), [_, minutes, level, yes, unsure]) => (minutes, level, 1, decode_v1(yes, unsure)?, ""),
            (Some(1), _) => return Err(HandoffError::Damaged("wrong number of parts")),
            (Some(2), [_, minutes, level, rules, findings, extra, age, factors, log]) => {
                let rules = rules.parse::<u32>().map_err(|_| HandoffError::Damaged("bad rules version"))?;
                if rules > RULES_VERSION {
                    return Err(HandoffError::FutureVersion(rules));
                }
                (minutes, level, rules, decode_v2(findings, extra, age, factors)?, *log)
            }
            (Some(2), _) => return Err(HandoffError::Damaged("wrong number of parts")),
            (Some(v), _) if v > 2 => return Err(HandoffError::FutureVersion(v)),
            _ => return Err(HandoffError::Damaged("not a summary")),
        };
        let level = Level::from_id(level).ok_or(HandoffError::Damaged("unknown level"))?;
        let minutes = from_base36(finished_at).filter(|m| *m < LATEST_MINUTE).ok_or(HandoffError::Damaged("bad time"))?;
        let finished_at = minutes as i64 * 60_000;
        if !log.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_,~:".contains(&b)) {
            return Err(HandoffError::Damaged("bad log"));
        }
        // Never under-triage a tampered or old link: show at least the level the rules give its
        // answers.
        let level = level.max(triage(&responses.answers()).level);
        Ok(Summary { finished_at, level, rules, responses, log: log.to_string() })
    }
}

/// Format 1: the ids answered yes and not sure. Every finding version 1 had is "no" unless
/// listed; the rest were not asked.
fn decode_v1(yes: &str, unsure: &str) -> Result<Responses, HandoffError> {
    let mut r = Responses::default();
    for finding in &Finding::ALL[..=Finding::InfectionRisk.index()] {
        r.set_finding(*finding, Answer::No);
    }
    read_ids(&mut r, yes, Some(Answer::Yes))?;
    read_ids(&mut r, unsure, Some(Answer::NotSure))?;
    Ok(r)
}

/// Reads a `,`-joined list of ids: each factor is chosen; each finding of rules version 1 (only
/// with `finding`, in format 1) gets that answer. Any other id, or an id given twice, is damage.
fn read_ids(r: &mut Responses, list: &str, finding: Option<Answer>) -> Result<(), HandoffError> {
    for id in list.split(',').filter(|id| !id.is_empty()) {
        let given_before = match (Item::from_id(id), finding) {
            (Some(Item::Factor(f)), _) => {
                let before = r.factor(f);
                r.set_factor(f, true);
                before
            }
            (Some(Item::Finding(f)), Some(answer)) if f <= Finding::InfectionRisk => {
                let before = r.finding(f) != Some(Answer::No);
                r.set_finding(f, answer);
                before
            }
            _ => return Err(HandoffError::Damaged("unknown id")),
        };
        if given_before {
            return Err(HandoffError::Damaged("an id given twice"));
        }
    }
    Ok(())
}

fn decode_v2(findings: &str, extra: &str, age: &str, factors: &str) -> Result<Responses, HandoffError> {
    let mut r = Responses::default();
    let (findings, extra) = (findings.as_bytes(), extra.as_bytes());
    let [context @ .., duration] = extra else { return Err(HandoffError::Damaged("wrong number of answers")) };
    if findings.len() != Finding::COUNT || context.len() != Context::COUNT {
        return Err(HandoffError::Damaged("wrong number of answers"));
    }
    let answer = |b: &u8| char_answer(char::from(*b)).ok_or(HandoffError::Damaged("bad answer"));
    for (finding, b) in Finding::ALL.iter().zip(findings) {
        if let Some(a) = answer(b)? {
            r.set_finding(*finding, a);
        }
    }
    for (c, b) in Context::ALL.iter().zip(context) {
        if let Some(a) = answer(b)? {
            r.set_context(*c, a);
        }
    }
    let duration = char_index(char::from(*duration), Duration::COUNT).ok_or(HandoffError::Damaged("bad duration"))?;
    r.duration = duration.map(|i| Duration::ALL[i]);
    r.age = match age {
        "-" => None,
        id => Some(AgeBand::from_id(id).ok_or(HandoffError::Damaged("unknown age band"))?),
    };
    read_ids(&mut r, factors, None)?;
    Ok(r)
}

impl Summary {
    /// Every finding of the interview, in the interview's order, with its answer in plain words
    /// ("Not asked" for a question the interview never reached), then the context questions.
    pub fn every_answer(&self, t: &'static Texts) -> Vec<(String, &'static str)> {
        let r = &self.responses;
        let shown = |a: Option<Answer>| a.map_or(t.not_asked, |a| t.answer(a));
        let mut out: Vec<(String, &'static str)> =
            crate::questionnaire::asked_findings().map(|f| (crate::triage::capitalise(t.finding(f).sign), shown(r.finding(f)))).collect();
        let answers = self.answers();
        for derived in [Finding::OverTwoWeeks, Finding::AgeOutside20To50, Finding::Child] {
            let known = r.finding(derived).is_some()
                || (derived == Finding::OverTwoWeeks && r.duration.is_some())
                || (derived != Finding::OverTwoWeeks && r.age.is_some());
            out.push((
                crate::triage::capitalise(t.finding(derived).sign),
                if known { t.answer(answers.finding(derived)) } else { t.not_asked },
            ));
        }
        out
    }

    /// The age, how long, new or different, and blood thinner rows, in plain words.
    pub fn context_rows(&self, t: &'static Texts) -> [(&'static str, &'static str); 4] {
        let r = &self.responses;
        let shown = |a: Option<Answer>| a.map_or(t.not_asked, |a| t.answer(a));
        [
            (t.summary_rows[2], r.age.map_or(t.not_asked, |a| t.age_bands[a.index()])),
            (t.summary_rows[3], r.duration.map_or(t.not_asked, |d| t.durations[d.index()])),
            (t.summary_rows[4], shown(r.context(Context::NewOrDifferent))),
            (t.summary_rows[5], shown(r.context(Context::BloodThinner))),
        ]
    }
}

/// "Rules version 2. App built 2026-12-01."
pub fn rules_line(t: &Texts, rules: u32, built: &str) -> String {
    fill(t.rules_version, &[("version", &rules.to_string()), ("date", built)])
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn from_base36(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    s.chars().try_fold(0u64, |n, c| n.checked_mul(36)?.checked_add(u64::from(c.to_digit(36)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_123_456;

    fn sample() -> Summary {
        let mut r = Responses::default();
        for f in crate::questionnaire::asked_findings().take(13) {
            r.set_finding(f, Answer::No);
        }
        r.set_finding(Finding::Pregnant, Answer::No);
        r.set_finding(Finding::Fever, Answer::Yes);
        r.set_finding(Finding::ChestPain, Answer::NotSure);
        r.set_context(Context::BloodThinner, Answer::Yes);
        r.age = Some(AgeBand::From65);
        r.duration = Some(Duration::OneToTwoDays);
        r.set_factor(Factor::HeavyLifting, true);
        Summary::new(r, Level::EmergencyDepartment, NOW)
    }

    #[test]
    fn a_time_past_2199_is_refused_and_the_last_minute_before_opens() {
        // A far-future time showed as "Jan 0, 0" (issue 22).
        let link = sample().encode();
        let minutes = to_base36((NOW / 60_000) as u64);
        let with_minutes = |m: u64| link.replacen(&format!(".{minutes}."), &format!(".{}.", to_base36(m)), 1);
        assert_eq!(Summary::decode(&with_minutes(LATEST_MINUTE)), Err(HandoffError::Damaged("bad time")));
        assert_eq!(Summary::decode(&with_minutes(u64::MAX / 60_000)), Err(HandoffError::Damaged("bad time")));
        assert_eq!(Summary::decode(&with_minutes(LATEST_MINUTE - 1)).map(|s| s.finished_at), Ok((LATEST_MINUTE as i64 - 1) * 60_000));
        // A device clock reset to 1970 still gives a summary that opens.
        assert_eq!(Summary::decode(&with_minutes(0)).map(|s| s.finished_at), Ok(0));
    }

    #[test]
    fn round_trips_and_is_compact() {
        let s = sample();
        let fragment = s.encode();
        assert_eq!(fragment, "s2.hrfjr.emergency_department.2.unnnnnnnnny----------------nnn---n.-y1.65_plus.heavy_lifting.");
        assert_eq!(Summary::decode(&fragment), Ok(s.clone()));
        assert_eq!(Summary::decode(&format!("#{fragment}")), Ok(s));
    }

    #[test]
    fn a_link_from_rules_version_1_keeps_opening_with_its_level() {
        // This exact string was made by release 0.1 (rules version 1), which sent "not sure" on
        // chest pain to `urgent`; version 2 gives `emergency_department`, so that is shown.
        let old = Summary::decode("s1.hrfjr.urgent.fever,heavy_lifting.chest_pain").unwrap();
        assert_eq!(old.rules, 1);
        assert_eq!(old.level, Level::EmergencyDepartment);
        assert_eq!(old.responses.finding(Finding::ChestPain), Some(Answer::NotSure));
        assert_eq!(old.responses.finding(Finding::Confusion), Some(Answer::No));
        // Findings and questions new in version 2 were not asked and count as no, so an old link
        // is not sent to the emergency department for them.
        assert_eq!(old.responses.finding(Finding::TearingPain), None);
        assert_eq!(old.responses.age, None);
        let plain = Summary::decode("s1.hrfjr.soon.over_two_weeks.").unwrap();
        assert_eq!(plain.level, Level::Soon);
        let age = Summary::decode("s1.hrfjr.soon.age_outside_20_50,abdominal_pain.").unwrap();
        assert_eq!(age.level, Level::Urgent, "no age band: abdominal pain alone, not the aneurysm combination");
        // A recorded level above what the answers give is kept: it is what the patient was told.
        assert_eq!(Summary::decode("s1.0.urgent..").unwrap().level, Level::Urgent);
    }

    #[test]
    fn bad_fragments_are_clear_errors() {
        let good = sample().encode();
        let with = |part: usize, value: &str| {
            let mut parts: Vec<&str> = good.split('.').collect();
            parts[part] = value;
            parts.join(".")
        };
        let cases: Vec<(String, HandoffError)> = vec![
            ("".into(), HandoffError::Empty),
            ("#".into(), HandoffError::Empty),
            ("s3.tmnxqz.urgent..".into(), HandoffError::FutureVersion(3)),
            ("s99.x".into(), HandoffError::FutureVersion(99)),
            (with(3, "3"), HandoffError::FutureVersion(3)),
            (with(3, "x"), HandoffError::Damaged("bad rules version")),
            ("s1.tmnxqz.urgent.fever".into(), HandoffError::Damaged("wrong number of parts")),
            ("s2.tmnxqz.urgent.2".into(), HandoffError::Damaged("wrong number of parts")),
            ("s1.tmnxqz.urgnt..".into(), HandoffError::Damaged("unknown level")),
            (with(2, "urgnt"), HandoffError::Damaged("unknown level")),
            ("s1.tmnxqz.urgent.fevr.".into(), HandoffError::Damaged("unknown id")),
            ("s1.tmnxqz.urgent.tearing_pain.".into(), HandoffError::Damaged("unknown id")),
            ("s1.tmnxqz.urgent.fever.fever".into(), HandoffError::Damaged("an id given twice")),
            (with(4, "nnn"), HandoffError::Damaged("wrong number of answers")),
            (with(4, &"x".repeat(Finding::COUNT)), HandoffError::Damaged("bad answer")),
            (with(5, "-y9"), HandoffError::Damaged("bad duration")),
            (with(6, "70_plus"), HandoffError::Damaged("unknown age band")),
            (with(7, "heavy_lifting,heavy_lifting"), HandoffError::Damaged("an id given twice")),
            (with(7, "fever"), HandoffError::Damaged("unknown id")),
            (with(8, "<script>"), HandoffError::Damaged("bad log")),
            ("s1.zzzzzzzzzzzzz.urgent..".into(), HandoffError::Damaged("bad time")),
            ("hello world".into(), HandoffError::Damaged("not a summary")),
        ];
        for (fragment, expected) in cases {
            assert_eq!(Summary::decode(&fragment), Err(expected), "{fragment:?}");
        }
        assert_eq!(Summary::decode(&"s1.".repeat(1000)), Err(HandoffError::TooLong));
        for e in [HandoffError::Empty, HandoffError::TooLong, HandoffError::FutureVersion(3), HandoffError::Damaged("x")] {
            for t in [&crate::i18n::EN, &crate::i18n::ES] {
                let message = e.message(t);
                assert!(message.ends_with('.') && !message.contains('{'), "{message}");
            }
        }
    }

    #[test]
    fn every_answer_is_listed_with_yes_no_not_sure_or_not_asked() {
        let s = sample();
        let t = &crate::i18n::EN;
        let rows = s.every_answer(t);
        assert_eq!(rows.len(), crate::questionnaire::asked_findings().count() + 3, "every finding, the derived ones too");
        let row = |sign: &str| rows.iter().find(|(q, _)| q == sign).map(|(_, a)| *a);
        assert_eq!(row("A fever, chills, shaking, or night sweats"), Some("Yes"));
        assert_eq!(row("Chest pain, pressure, or tightness, or new trouble breathing"), Some("Not sure"));
        assert_eq!(row("Signs of a stroke: a drooping face, a weak or numb arm or leg on one side, or slurred speech"), Some("No"));
        assert_eq!(row("Pain in your belly"), Some("Not asked"));
        assert_eq!(row("Spasms for more than two weeks"), Some("No"), "derived from how long");
        assert_eq!(row("Back pain as a child under 16"), Some("No"), "derived from the age band");
        let context = s.context_rows(t);
        assert_eq!(
            context,
            [("Age", "65 or older"), ("How long", "1 to 2 days"), ("First or different back pain", "Not asked"), ("Blood thinner", "Yes")]
        );
        // The reasons and the safety net shown are the engine's, at the summary's level.
        let outcome = s.outcome();
        assert_eq!(
            outcome.reasons[0].text(t),
            "You were not sure whether you have chest pain, pressure, or tightness, or new trouble breathing."
        );
        assert_eq!(outcome.safety_net[0].level, Level::CallEmergency);
        assert_eq!(rules_line(t, s.rules, "2026-12-01"), "Rules version 2. App built 2026-12-01.");
        for t in [&crate::i18n::EN, &crate::i18n::ES] {
            assert!(s.every_answer(t).iter().all(|(q, a)| !q.is_empty() && !a.is_empty() && !q.contains('{')));
        }
    }

    #[test]
    fn a_tampered_level_never_shows_lower_than_the_answers_give() {
        let tampered = Summary::decode("s1.0.self_care.chest_pain.").unwrap();
        assert_eq!(tampered.level, Level::CallEmergency);
        let mut s = sample();
        s.level = Level::SelfCare;
        assert_eq!(Summary::decode(&s.encode()).unwrap().level, Level::EmergencyDepartment);
    }

    #[test]
    fn regressions_found_by_fuzzing() {
        // Inputs the property test in tests/handoff_fuzz.rs once found interesting; kept here.
        for input in [
            "s1....",
            "s1.\u{0}.urgent..",
            "s18446744073709551616.x",
            "s1.-1.urgent..",
            "s1.ä.urgent..",
            "s1.0.self_care.,,,.,",
            "s2........",
            "s2.0.urgent.2.ä........",
        ] {
            let _ = Summary::decode(input);
        }
        assert!(Summary::decode("s1.0.self_care.,,,.,").is_ok(), "empty ids between commas are ignored");
    }
}
