//! Reading and running follow-up fixtures (spec section 12), shared by the follow-up runner and
//! its own tests. The follow-up counterpart of `support/vignette.rs`.
//!
//! A fixture is a sequence of check-ins: the first check (its answers, worked out level and the
//! pain score given when the patient opted in), then follow-ups, each with its day offset, its
//! answers, better/same/worse and pain score, and the expected level (and reasons of section 12)
//! of the last:
//!
//! ```toml
//! title = "Worse on day 3"
//! expect = "soon"
//! reasons = ["worse"]
//!
//! [first]
//! yes = []
//! unsure = []
//! pain = 4
//! level = "self_care"
//!
//! [[followup]]
//! day = 3
//! yes = []
//! unsure = []
//! trend = "worse"
//! pain = 5
//! ```
//!
//! `age` (first check only) is optional, as in a vignette; `hours` (added to `day`) and `expect`
//! (for a follow-up before the last) are optional. Each follow-up drives the real follow-up
//! interview ([`FollowupSession`]): each finding it asks is answered from `yes` and `unsure`
//! (else no), and `trend` and `pain` when it asks them. So a fixture must give `trend` and `pain`
//! exactly when the interview asks them (not after an early exit), and list only findings the
//! interview asks. Every problem names the file and the line.

use std::fmt;
use std::path::{Path, PathBuf};

use spasm_core::checkin_log::{CheckinLog, DAY_MS};
use spasm_core::followup::{FollowupAction, FollowupOutcome, FollowupRule, FollowupSession, Step, Trend};
use spasm_core::ids::{AgeBand, Answer, Finding, Item, Level};
use spasm_core::triage::{triage, Answers};

/// The first check-in's time in every fixture: 2026-09-21 14:13:20 UTC.
pub const T0: i64 = 1_790_000_000_000;

pub struct FirstCheck {
    pub answers: Answers,
    pub pain: u8,
    pub level: Level,
    pub line: usize,
}

pub struct FollowupCheck {
    /// Milliseconds after the first check-in.
    pub after: i64,
    pub answers: Vec<(Finding, Answer, usize)>,
    pub trend: Option<(Trend, usize)>,
    pub pain: Option<(u8, usize)>,
    pub expect: Option<Level>,
    /// The line of its `[[followup]]` header.
    pub line: usize,
}

pub struct Fixture {
    pub path: PathBuf,
    pub title: String,
    pub first: FirstCheck,
    pub followups: Vec<FollowupCheck>,
    pub expect: Level,
    pub reasons: Vec<FollowupRule>,
    pub expect_line: usize,
}

#[derive(Debug)]
pub struct FixtureError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

const KEYS: [&str; 6] = ["title", "note", "expect", "reasons", "first", "followup"];
const FIRST_KEYS: [&str; 5] = ["age", "yes", "unsure", "pain", "level"];
const FOLLOWUP_KEYS: [&str; 8] = ["day", "hours", "yes", "unsure", "trend", "pain", "expect", "note"];

/// The line (from 1) of the first occurrence of `needle` at or after line `from`, else `from`.
fn line_of(text: &str, needle: &str, from: usize) -> usize {
    text.lines().enumerate().skip(from.saturating_sub(1)).find(|(_, l)| l.contains(needle)).map_or(from.max(1), |(i, _)| i + 1)
}

/// The line of the `n`th `[[followup]]` header (from 0).
fn followup_line(text: &str, n: usize) -> usize {
    text.lines().enumerate().filter(|(_, l)| l.trim() == "[[followup]]").nth(n).map_or(1, |(i, _)| i + 1)
}

/// Parses one fixture file's text.
pub fn parse(path: &Path, text: &str) -> Result<Fixture, FixtureError> {
    let err = |line: usize, message: String| FixtureError { path: path.to_path_buf(), line, message };
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map_or(1, |s| text[..s.start].lines().count().max(1));
        err(line, format!("not valid TOML: {}", e.message()))
    })?;
    let unknown = |t: &toml::Table, keys: &[&str], from: usize| -> Result<(), FixtureError> {
        match t.keys().find(|k| !keys.contains(&k.as_str())) {
            Some(key) => Err(err(line_of(text, key, from), format!("unknown key \"{key}\" (allowed: {})", keys.join(", ")))),
            None => Ok(()),
        }
    };
    unknown(&table, &KEYS, 1)?;
    let string = |t: &toml::Table, key: &str, from: usize| -> Result<Option<String>, FixtureError> {
        match t.get(key) {
            Some(toml::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(err(line_of(text, key, from), format!("\"{key}\" must be a string, found {other}"))),
            None => Ok(None),
        }
    };
    let level = |t: &toml::Table, key: &str, from: usize| -> Result<Option<Level>, FixtureError> {
        let Some(id) = string(t, key, from)? else { return Ok(None) };
        Level::from_id(&id)
            .map(Some)
            .ok_or_else(|| err(line_of(text, &format!("\"{id}\""), from), format!("unknown level \"{id}\" in \"{key}\"")))
    };
    let int = |t: &toml::Table, key: &str, from: usize, max: i64| -> Result<Option<i64>, FixtureError> {
        match t.get(key) {
            Some(toml::Value::Integer(n)) if (0..=max).contains(n) => Ok(Some(*n)),
            Some(other) => Err(err(line_of(text, key, from), format!("\"{key}\" must be a whole number from 0 to {max}, found {other}"))),
            None => Ok(None),
        }
    };
    let answers = |t: &toml::Table, from: usize| -> Result<Vec<(Item, Answer, usize)>, FixtureError> {
        let mut out: Vec<(Item, Answer, usize)> = Vec::new();
        for (key, answer) in [("yes", Answer::Yes), ("unsure", Answer::NotSure)] {
            let list = match t.get(key) {
                Some(toml::Value::Array(list)) => list,
                Some(other) => return Err(err(line_of(text, key, from), format!("\"{key}\" must be a list of ids, found {other}"))),
                None => return Err(err(from, format!("missing \"{key}\" (use {key} = [] for none)"))),
            };
            for value in list {
                let line = line_of(text, key, from);
                let id = value.as_str().ok_or_else(|| err(line, format!("\"{key}\" holds {value}, which is not an id string")))?;
                let item = Item::from_id(id).ok_or_else(|| err(line, format!("unknown id \"{id}\" in \"{key}\"")))?;
                if out.iter().any(|(i, _, _)| *i == item) {
                    return Err(err(line, format!("id \"{id}\" is listed twice")));
                }
                out.push((item, answer, line));
            }
        }
        Ok(out)
    };

    let title = string(&table, "title", 1)?.ok_or_else(|| err(1, "missing \"title\"".into()))?;
    let expect = level(&table, "expect", 1)?.ok_or_else(|| err(1, "missing \"expect\"".into()))?;
    let expect_line = line_of(text, "expect", 1);
    let mut reasons = Vec::new();
    match table.get("reasons") {
        Some(toml::Value::Array(list)) => {
            for value in list {
                let id = value.as_str().unwrap_or("");
                let rule = FollowupRule::from_id(id).ok_or_else(|| {
                    let known: Vec<&str> = FollowupRule::ALL.iter().map(|r| r.id()).collect();
                    err(line_of(text, "reasons", 1), format!("unknown reason {value} in \"reasons\" (known: {})", known.join(", ")))
                })?;
                reasons.push(rule);
            }
        }
        Some(other) => return Err(err(line_of(text, "reasons", 1), format!("\"reasons\" must be a list of reason ids, found {other}"))),
        None => return Err(err(1, "missing \"reasons\" (use reasons = [] for none)".into())),
    }

    let first_line = line_of(text, "[first]", 1);
    let Some(toml::Value::Table(first)) = table.get("first") else { return Err(err(1, "missing the [first] check".into())) };
    unknown(first, &FIRST_KEYS, first_line)?;
    let mut first_answers = Answers::default();
    if let Some(band) = string(first, "age", first_line)? {
        first_answers.age = AgeBand::from_id(&band).ok_or_else(|| {
            let known: Vec<&str> = AgeBand::ALL.iter().map(|b| b.id()).collect();
            err(line_of(text, "age", first_line), format!("unknown age band \"{band}\" in \"age\" (known: {})", known.join(", ")))
        })?;
    }
    for (item, answer, _) in answers(first, first_line)? {
        first_answers.set_item(item, answer);
    }
    let first = FirstCheck {
        answers: first_answers,
        pain: int(first, "pain", first_line, 10)?.ok_or_else(|| err(first_line, "missing \"pain\" in [first]".into()))? as u8,
        level: level(first, "level", first_line)?.ok_or_else(|| err(first_line, "missing \"level\" in [first]".into()))?,
        line: first_line,
    };

    let Some(toml::Value::Array(list)) = table.get("followup") else { return Err(err(1, "missing [[followup]] check-ins".into())) };
    let mut followups = Vec::new();
    for (n, value) in list.iter().enumerate() {
        let line = followup_line(text, n);
        let toml::Value::Table(t) = value else { return Err(err(line, "a [[followup]] must be a table".into())) };
        unknown(t, &FOLLOWUP_KEYS, line)?;
        let day = int(t, "day", line, 3650)?.ok_or_else(|| err(line, "missing \"day\" in [[followup]]".into()))?;
        let hours = int(t, "hours", line, 23)?.unwrap_or(0);
        let mut found = Vec::new();
        for (item, answer, at) in answers(t, line)? {
            match item {
                Item::Finding(f) => found.push((f, answer, at)),
                _ => return Err(err(at, format!("\"{}\" is not asked at a follow-up (only findings are)", item.id()))),
            }
        }
        let trend = match string(t, "trend", line)? {
            Some(id) => Some((
                Trend::from_id(&id)
                    .ok_or_else(|| err(line_of(text, "trend", line), format!("unknown trend \"{id}\" (known: better, same, worse)")))?,
                line_of(text, "trend", line),
            )),
            None => None,
        };
        let pain = int(t, "pain", line, 10)?.map(|p| (p as u8, line_of(text, "pain", line)));
        followups.push(FollowupCheck {
            after: day * DAY_MS + hours * 3_600_000,
            answers: found,
            trend,
            pain,
            expect: level(t, "expect", line)?,
            line,
        });
    }
    if followups.is_empty() {
        return Err(err(1, "no [[followup]] check-ins".into()));
    }
    Ok(Fixture { path: path.to_path_buf(), title, first, followups, expect, reasons, expect_line })
}

include!("toml_files.rs");

/// Reads every `*.toml` file of a folder, sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Result<Fixture, FixtureError>>, String> {
    Ok(toml_files(dir)?
        .into_iter()
        .map(|(path, text)| match text {
            Ok(text) => parse(&path, &text),
            Err(e) => Err(FixtureError { path, line: 1, message: format!("cannot read: {e}") }),
        })
        .collect())
}

/// What a run of a fixture gave for its last check-in.
pub struct Run {
    pub last: FollowupOutcome,
    pub log: CheckinLog,
}

/// Runs a fixture through the real follow-up interview and log. An error names the file and the
/// line: a first check above `soon` (it offers no log), an interview that asks what the fixture
/// does not give or gives what the interview does not ask, an intermediate level not as expected.
pub fn run(fx: &Fixture) -> Result<Run, FixtureError> {
    let err = |line: usize, message: String| FixtureError { path: fx.path.clone(), line, message };
    let first_level = triage(&fx.first.answers).level;
    if first_level != fx.first.level {
        return Err(err(fx.first.line, format!("the first check: expected {}, got {first_level}", fx.first.level)));
    }
    if first_level > Level::Soon {
        return Err(err(fx.first.line, format!("a first check at {first_level} offers no log (only self_care or soon)")));
    }
    let mut log = CheckinLog::start(T0, &fx.first.answers, first_level, fx.first.pain);
    let mut last = None;
    for (n, check) in fx.followups.iter().enumerate() {
        let mut s = FollowupSession::new(&log);
        let mut asked = Vec::new();
        let (mut trend_asked, mut pain_asked) = (false, false);
        while !s.finished() {
            let action = match s.step {
                Step::Page(_) => {
                    let Some(&[spasm_core::questionnaire::Field::Finding(f)]) = s.page().map(|p| p.fields) else {
                        return Err(err(check.line, "a follow-up page of another kind".into()));
                    };
                    asked.push(f);
                    let answer = check.answers.iter().find(|(g, _, _)| *g == f).map_or(Answer::No, |(_, a, _)| *a);
                    FollowupAction::Answer(f, answer)
                }
                Step::Trend => {
                    trend_asked = true;
                    let (trend, _) =
                        check.trend.ok_or_else(|| err(check.line, "the interview asks better/same/worse: give \"trend\"".into()))?;
                    FollowupAction::SetTrend(trend)
                }
                Step::Pain => {
                    pain_asked = true;
                    let (pain, _) = check.pain.ok_or_else(|| err(check.line, "the interview asks the pain score: give \"pain\"".into()))?;
                    FollowupAction::SetPain(pain)
                }
                Step::Result => unreachable!(),
            };
            s = s.apply(action);
        }
        if let Some((f, _, line)) = check.answers.iter().find(|(f, _, _)| !asked.contains(f)) {
            return Err(err(
                *line,
                format!("\"{f}\" was not asked at this follow-up (not a follow-up question, or the interview ended before it)"),
            ));
        }
        if let (false, Some((_, line))) = (trend_asked, check.trend) {
            return Err(err(line, "\"trend\" given, but the interview ended before it".into()));
        }
        if let (false, Some((_, line))) = (pain_asked, check.pain) {
            return Err(err(line, "\"pain\" given, but the interview ended before it".into()));
        }
        let now = T0 + check.after;
        let outcome = s.outcome(&log, now);
        if let Some(expect) = check.expect {
            if outcome.level != expect {
                return Err(err(check.line, format!("follow-up {}: expected {expect}, got {}", n + 1, outcome.level)));
            }
        }
        log.push(outcome.entry(now));
        last = Some(outcome);
    }
    let last = last.ok_or_else(|| err(1, "no follow-up".into()))?;
    Ok(Run { last, log })
}
