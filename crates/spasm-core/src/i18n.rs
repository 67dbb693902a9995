//! Every word the widget shows, in English and Spanish. Pure.
//!
//! Each language is one static [`Texts`] value ([`en::EN`], [`es::ES`]). A key missing in either
//! language is a missing struct field or a short array, so it fails the build, not the patient.
//! Tables indexed by an id (findings, factors, levels, ...) carry that id in each entry, and a test
//! checks that both languages list them in the id's order, with the same `{placeholders}`.
//!
//! Texts with a value in them use named placeholders (`{number}`, `{n}`, `{time}` ...), filled by
//! [`fill`], so a translation may put the value wherever its grammar wants it.

use crate::ids::{CauseFamily, Context, Factor, Finding, Level};

/// One finding's words in a language table: `words!(ChestPain, question, why, sign)`.
macro_rules! words {
    ($f:ident, $question:literal, $why:literal, $sign:literal) => {
        $crate::i18n::FindingWords { finding: $crate::ids::Finding::$f, question: $question, why: $why, sign: $sign }
    };
}

/// One factor's words in a language table: `factor!(HeavyLifting, label, contributed)`.
macro_rules! factor {
    ($f:ident, $label:literal, $contributed:literal) => {
        $crate::i18n::FactorWords { factor: $crate::ids::Factor::$f, label: $label, contributed: $contributed }
    };
}

mod en;
mod es;

pub use en::EN;
pub use es::ES;

/// The widget's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The words of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language a BCP 47 tag asks for, if the widget speaks it: "es", "es-MX", "ES-419" and
    /// "en-GB" are fine; "fr" and "" are not.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language to start in: the practice's `data-lang` if it set one, else the first of the
    /// browser's preferred languages that the widget speaks, else English.
    pub fn negotiate<'a>(configured: Option<Lang>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        configured.or_else(|| browser.into_iter().find_map(Lang::from_tag)).unwrap_or_default()
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }
}

/// The patient's reading choices: language and larger text. Kept with the session across a reload
/// (as "es" or "es+large"), and reset with it in kiosk mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub lang: Lang,
    pub large: bool,
}

impl Reading {
    pub fn encode(self) -> String {
        format!("{}{}", self.lang.code(), if self.large { "+large" } else { "" })
    }

    /// Reads what [`Reading::encode`] wrote; anything else is `None`.
    pub fn decode(text: &str) -> Option<Reading> {
        let (tag, large) = match text.strip_suffix("+large") {
            Some(tag) => (tag, true),
            None => (text, false),
        };
        Some(Reading { lang: Lang::ALL.into_iter().find(|l| l.code() == tag)?, large })
    }
}

/// Fills named placeholders: `fill("Call {number}", &[("number", "112")])` is "Call 112".
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{names}` a template uses, in order, for checking that translations keep them.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names.sort_unstable();
    names
}

/// The words of one finding.
#[derive(Debug)]
pub struct FindingWords {
    pub finding: Finding,
    /// The question the interview asks.
    pub question: &'static str,
    /// A short "why we ask" under the question.
    pub why: &'static str,
    /// The sign in a few words, read after [`ReasonWords::yes`]'s "you have" and in the safety net
    /// (capitalised there). Must make sense in both places.
    pub sign: &'static str,
}

/// The words of one contributing factor.
#[derive(Debug)]
pub struct FactorWords {
    pub factor: Factor,
    /// How the interview offers it ("I lifted something heavy or bent over a lot").
    pub label: &'static str,
    /// "May have contributed" wording on the result.
    pub contributed: &'static str,
}

/// What the patient is told to do at one level (spec section 1). `{number}` is the emergency
/// number.
#[derive(Debug)]
pub struct LevelWords {
    pub level: Level,
    /// The headline, large on the result.
    pub headline: &'static str,
    /// When to act.
    pub time_frame: &'static str,
    /// What to do now, step by step.
    pub do_now: &'static [&'static str],
    /// The safety-net lead-in for signs that need this level ("Call {number} at once if:").
    pub net_lead: &'static str,
}

#[derive(Debug)]
pub struct FamilyWords {
    pub family: CauseFamily,
    pub title: &'static str,
}

/// How the engine's reasons and safety-net lines read.
#[derive(Debug)]
pub struct ReasonWords {
    /// "you said you {items}": `{items}` is a list of clauses ("have {sign}", a context clause, an
    /// age clause).
    pub yes: &'static str,
    /// "you were not sure whether you {items}".
    pub not_sure: &'static str,
    /// "have {sign}": a finding as a clause.
    pub have: &'static str,
    /// Said of an age condition when the patient chose not to give an age.
    pub no_age: &'static str,
    /// The age conditions as clauses: under 16, under 20, over 50, 65 or older.
    pub ages: [&'static str; 4],
    /// Joins the last two items of a list: "a, b, and c" / "a, b y c".
    pub and: &'static str,
    /// Whether a list of three or more has a comma before `and`.
    pub serial_comma: bool,
    /// `soon` findings the patient was not sure of, as one safety-net line. `{signs}` lists them.
    pub sign_not_sure: &'static str,
    /// The safety-net lines, in the order of `triage::Sign` (all but `NotSureAbout`).
    pub net: [&'static str; 13],
    /// The places of care of `triage::Place`: maternity unit, midwife.
    pub places: [&'static str; 2],
}

/// One stretch of the coach.
#[derive(Debug)]
pub struct StretchWords {
    pub name: &'static str,
    /// The drawing's text alternative.
    pub picture: &'static str,
    pub steps: &'static [&'static str],
}

/// Every word of the widget in one language.
#[derive(Debug)]
pub struct Texts {
    /// This language's name in itself ("English", "Español"), for the language switch.
    pub name: &'static str,

    // The clinical wording, indexed like the ids' `ALL`.
    pub findings: [FindingWords; 34],
    /// Why each combination of spec section 5 matters, indexed like `rules::COMBINATIONS`. Never
    /// names a time frame: the result's own says when.
    pub combinations: [&'static str; 11],
    /// Why the red-flag cluster matters.
    pub cluster: &'static str,
    /// Each context question, with its "why we ask", indexed like `Context::ALL`.
    pub context_questions: [(&'static str, &'static str); 2],
    /// Each context answer as a clause after "you said you" ("take a blood thinner").
    pub context: [&'static str; 2],
    pub factors: [FactorWords; 11],
    pub families: [FamilyWords; 3],
    pub levels: [LevelWords; 5],
    pub reasons: ReasonWords,

    // Answers and the interview.
    /// Yes, No, Not sure.
    pub answers: [&'static str; 3],
    /// Indexed like `questionnaire::Duration::ALL`.
    pub durations: [&'static str; 5],
    /// Indexed like `AgeBand::ALL`.
    pub age_bands: [&'static str; 6],
    /// Indexed like `questionnaire::PageTitle`.
    pub page_titles: [&'static str; 7],
    /// "Warning sign {n} of {total}".
    pub warning_progress: &'static str,
    /// "Why we ask:"; a space follows it.
    pub why_we_ask: &'static str,
    pub duration_question: &'static str,
    pub age_question: &'static str,
    pub age_why: &'static str,
    pub factors_question: &'static str,
    pub factors_hint: &'static str,
    pub answer_all: &'static str,
    pub next: &'static str,
    pub back: &'static str,
    /// Under every interview question: "If this is an emergency, call {number} now."
    pub interview_emergency: &'static str,

    // The controls every screen has.
    /// The toolbar's accessible name.
    pub toolbar: &'static str,
    pub larger_text: &'static str,
    pub clear_answers: &'static str,

    // Start.
    pub start_title: &'static str,
    pub start_lead: &'static str,
    pub not_a_diagnosis: &'static str,
    /// "If you think it is an emergency, " and then a link.
    pub emergency_before: &'static str,
    /// The link: "call {number} now".
    pub emergency_link: &'static str,
    pub emergency_after: &'static str,
    pub stays_on_device: &'static str,
    pub start_button: &'static str,
    pub read_about: &'static str,
    pub kiosk_title: &'static str,
    pub kiosk_lead: &'static str,
    pub kiosk_emergency: &'static str,
    pub kiosk_privacy: &'static str,

    // Review.
    pub review_title: &'static str,
    pub review_lead: &'static str,
    pub not_answered: &'static str,
    pub none_chosen: &'static str,
    pub review_duration: &'static str,
    pub review_age: &'static str,
    pub review_factors: &'static str,
    pub change: &'static str,
    /// "Change: {what}", the Change button's accessible name.
    pub change_label: &'static str,
    pub see_result: &'static str,

    // Result.
    pub your_result: &'static str,
    pub when: &'static str,
    /// "Call {number}".
    pub call_number: &'static str,
    pub kiosk_call: &'static str,
    pub what_to_do: &'static str,
    pub your_doctors_office: &'static str,
    pub book_online: &'static str,
    pub scan_to_book: &'static str,
    /// "Call {practice}: {phone}".
    pub call_practice: &'static str,
    /// "Scan to call {practice}".
    pub scan_to_call: &'static str,
    pub open_coach: &'static str,
    pub why: &'static str,
    pub while_you_wait: &'static str,
    pub get_help_if: &'static str,
    pub contributed: &'static str,
    pub contributed_note: &'static str,
    pub read_more: &'static str,
    pub result_disclaimer: &'static str,
    /// "Rules version {version}. App built {date}.", small on every result and summary: the rules
    /// that gave the result (an old hand-off link names its own), and the date of this build.
    pub rules_version: &'static str,
    pub summary_button: &'static str,
    pub change_answers: &'static str,
    pub start_over: &'static str,

    // The self-care coach.
    pub coach_title: &'static str,
    /// "Use {therapy} now".
    pub use_now: &'static str,
    /// "ice", "heat": how the therapy reads inside a sentence.
    pub therapy_names: [&'static str; 2],
    /// "Start an ice round", "Start a heat round".
    pub start_round: [&'static str; 2],
    pub ice_advice: &'static str,
    pub heat_advice: &'static str,
    pub pack_safety: &'static [&'static str],
    pub active_title: &'static str,
    pub active_tips: &'static [&'static str],
    pub rest_title: &'static str,
    pub rest_lead: &'static str,
    /// Text alternative and caption of each rest position.
    pub rest_positions: [(&'static str, &'static str); 2],
    pub stretches_title: &'static str,
    /// The stop rule, on every stretch.
    pub stretches_warning: &'static str,
    /// Instead of the stretches, when section 6 withholds them: why, and what to do instead.
    pub stretches_withheld: &'static str,
    pub stretches: [StretchWords; 4],
    pub walk_title: &'static str,
    pub walk_tips: &'static [&'static str],
    pub medicine_title: &'static str,
    /// Pregnant or just gave birth (yes or not sure): no anti-inflammatories, acetaminophen only.
    pub medicine_pregnant: &'static [&'static str],
    /// Under 16 (yes or not sure): no aspirin, a child's dose.
    pub medicine_child: &'static [&'static str],
    /// On a blood thinner (yes or not sure): no anti-inflammatories unless the doctor says so.
    pub medicine_blood_thinner: &'static [&'static str],
    /// Anti-inflammatories, only when none of the three above applies.
    pub medicine_nsaid: &'static str,
    /// For everyone.
    pub medicine_tips: &'static [&'static str],
    pub back_to_result: &'static str,

    // Timers.
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    /// "Paused with {time} left."
    pub paused_left: &'static str,
    /// "Round done. Take the {therapy} off now. Your next round can start at {time}."
    pub round_done: &'static str,
    /// "Your skin needs a rest first. You can start the next round at {time}."
    pub skin_rest: &'static str,
    /// "Time left in this {therapy} round".
    pub time_left: &'static str,
    /// "Each round is {minutes} minutes, then at least one hour off."
    pub round_rule: &'static str,
    /// "Start a {seconds}-second hold".
    pub start_hold: &'static str,
    /// "Holds done: {n}. Relax, then repeat up to 3 times."
    pub holds_done: &'static str,

    // The library.
    pub library_title: &'static str,
    pub search_label: &'static str,
    /// "{n} articles".
    pub articles_count: &'static str,
    pub no_match: &'static str,
    pub one_match: &'static str,
    /// "{n} articles match your search."
    pub many_match: &'static str,
    pub sources: &'static str,
    /// "Last reviewed {date}."
    pub last_reviewed: &'static str,
    /// Shown while the articles' text downloads (the first time the library opens).
    pub articles_loading: &'static str,
    /// Shown when the articles could not be downloaded.
    pub articles_failed: &'static str,
    pub try_again: &'static str,

    // The summary for a doctor.
    pub summary_title: &'static str,
    /// "Back spasm check done on {when}."
    pub summary_done_on: &'static str,
    pub result: &'static str,
    /// "Not asked": a question the interview never reached.
    pub not_asked: &'static str,
    /// Headings of the summary's answers, safety net and context rows: every question, the safety
    /// net shown, age, how long, new or different, blood thinner.
    pub summary_rows: [&'static str; 6],
    pub may_have_contributed: &'static str,
    pub advice_given: &'static str,
    pub summary_disclaimer: &'static str,
    pub print: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub scan_summary: &'static str,
    pub new_check: &'static str,
    pub summary_error_title: &'static str,
    pub link_empty: &'static str,
    pub link_too_long: &'static str,
    /// "... newer version of the check (format {version}) ..."
    pub link_newer: &'static str,
    pub link_damaged: &'static str,
    /// Month abbreviations, January first.
    pub months: [&'static str; 12],
    /// "{month} {day}, {year}, {time}".
    pub date_format: &'static str,
    /// Whether times read "4:15 PM" (true) or "16:15" (false).
    pub clock_12h: bool,

    /// Shown in the widget's place if it fails, followed by `interview_emergency`.
    pub crash: &'static str,

    // Kiosk.
    pub still_there: &'static str,
    /// "For your privacy, your answers will be cleared in {time}."
    pub clearing_in: &'static str,
    pub still_here: &'static str,
}

impl Texts {
    pub fn finding(&self, finding: Finding) -> &FindingWords {
        &self.findings[finding.index()]
    }

    pub fn factor(&self, factor: Factor) -> &FactorWords {
        &self.factors[factor.index()]
    }

    pub fn level(&self, level: Level) -> &LevelWords {
        &self.levels[level.index()]
    }

    /// A context question and its "why we ask".
    pub fn context_question(&self, context: Context) -> (&'static str, &'static str) {
        self.context_questions[context.index()]
    }

    pub fn family(&self, family: CauseFamily) -> &'static str {
        match self.families.iter().find(|f| f.family == family) {
            Some(words) => words.title,
            None => "",
        }
    }

    pub fn answer(&self, answer: crate::ids::Answer) -> &'static str {
        match answer {
            crate::ids::Answer::Yes => self.answers[0],
            crate::ids::Answer::No => self.answers[1],
            crate::ids::Answer::NotSure => self.answers[2],
        }
    }

    /// "a", "a and b", "a, b, and c" (or "a, b y c").
    pub fn join_and(&self, parts: &[&str]) -> String {
        match parts {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => {
                let comma = if self.reasons.serial_comma && rest.len() > 1 { "," } else { "" };
                format!("{}{comma} {} {last}", rest.join(", "), self.reasons.and)
            }
        }
    }

    /// Every text of this language with a key naming it, for checks of completeness and reading
    /// level. List lengths appear as `"-"` entries whose key holds the length.
    pub fn entries(&'static self) -> Vec<(String, &'static str)> {
        let t = self;
        let mut out: Vec<(String, &'static str)> = Vec::new();
        let mut add = |key: String, text: &'static str| out.push((key, text));
        add("name".into(), t.name);
        for w in &t.findings {
            add(format!("{}.question", w.finding), w.question);
            add(format!("{}.why", w.finding), w.why);
            add(format!("{}.sign", w.finding), w.sign);
        }
        for (i, c) in t.combinations.iter().enumerate() {
            add(format!("combination {i}"), c);
        }
        add("cluster".into(), t.cluster);
        for (i, c) in Context::ALL.iter().enumerate() {
            add(format!("{c}.question"), t.context_questions[i].0);
            add(format!("{c}.why"), t.context_questions[i].1);
            add(format!("{c}.clause"), t.context[i]);
        }
        for w in &t.factors {
            add(format!("{}.label", w.factor), w.label);
            add(format!("{}.contributed", w.factor), w.contributed);
        }
        for w in &t.families {
            add(format!("{:?}", w.family), w.title);
        }
        for w in &t.levels {
            add(format!("{}.headline", w.level), w.headline);
            add(format!("{}.time_frame", w.level), w.time_frame);
            add(format!("{}.net_lead", w.level), w.net_lead);
            add(format!("{}.do_now count {}", w.level, w.do_now.len()), "-");
            for (i, line) in w.do_now.iter().enumerate() {
                add(format!("{}.do_now {i}", w.level), line);
            }
        }
        let r = &t.reasons;
        for (k, v) in [
            ("reasons.yes", r.yes),
            ("reasons.not_sure", r.not_sure),
            ("reasons.have", r.have),
            ("reasons.no_age", r.no_age),
            ("reasons.and", r.and),
            ("reasons.sign_not_sure", r.sign_not_sure),
        ] {
            add(k.into(), v);
        }
        let lists: [(&str, &[&'static str]); 18] = [
            ("reasons.ages", &r.ages),
            ("reasons.net", &r.net),
            ("reasons.places", &r.places),
            ("active_tips", t.active_tips),
            ("medicine_pregnant", t.medicine_pregnant),
            ("medicine_child", t.medicine_child),
            ("medicine_blood_thinner", t.medicine_blood_thinner),
            ("summary_rows", &t.summary_rows),
            ("answers", &t.answers),
            ("durations", &t.durations),
            ("age_bands", &t.age_bands),
            ("page_titles", &t.page_titles),
            ("therapy_names", &t.therapy_names),
            ("start_round", &t.start_round),
            ("pack_safety", t.pack_safety),
            ("walk_tips", t.walk_tips),
            ("medicine_tips", t.medicine_tips),
            ("months", &t.months),
        ];
        for (k, list) in lists {
            add(format!("{k} count {}", list.len()), "-");
            for (i, v) in list.iter().enumerate() {
                add(format!("{k} {i}"), v);
            }
        }
        for (i, (alt, caption)) in t.rest_positions.iter().enumerate() {
            add(format!("rest_positions {i} alt"), alt);
            add(format!("rest_positions {i} caption"), caption);
        }
        for (i, s) in t.stretches.iter().enumerate() {
            add(format!("stretch {i} name"), s.name);
            add(format!("stretch {i} picture"), s.picture);
            add(format!("stretch {i} steps count {}", s.steps.len()), "-");
            for (j, step) in s.steps.iter().enumerate() {
                add(format!("stretch {i} step {j}"), step);
            }
        }
        for (k, v) in [
            ("warning_progress", t.warning_progress),
            ("why_we_ask", t.why_we_ask),
            ("duration_question", t.duration_question),
            ("age_question", t.age_question),
            ("age_why", t.age_why),
            ("factors_question", t.factors_question),
            ("factors_hint", t.factors_hint),
            ("answer_all", t.answer_all),
            ("next", t.next),
            ("back", t.back),
            ("interview_emergency", t.interview_emergency),
            ("toolbar", t.toolbar),
            ("larger_text", t.larger_text),
            ("clear_answers", t.clear_answers),
            ("start_title", t.start_title),
            ("start_lead", t.start_lead),
            ("not_a_diagnosis", t.not_a_diagnosis),
            ("emergency_before", t.emergency_before),
            ("emergency_link", t.emergency_link),
            ("emergency_after", t.emergency_after),
            ("stays_on_device", t.stays_on_device),
            ("start_button", t.start_button),
            ("read_about", t.read_about),
            ("kiosk_title", t.kiosk_title),
            ("kiosk_lead", t.kiosk_lead),
            ("kiosk_emergency", t.kiosk_emergency),
            ("kiosk_privacy", t.kiosk_privacy),
            ("review_title", t.review_title),
            ("review_lead", t.review_lead),
            ("not_answered", t.not_answered),
            ("none_chosen", t.none_chosen),
            ("review_duration", t.review_duration),
            ("review_age", t.review_age),
            ("review_factors", t.review_factors),
            ("change", t.change),
            ("change_label", t.change_label),
            ("see_result", t.see_result),
            ("your_result", t.your_result),
            ("when", t.when),
            ("call_number", t.call_number),
            ("kiosk_call", t.kiosk_call),
            ("what_to_do", t.what_to_do),
            ("your_doctors_office", t.your_doctors_office),
            ("book_online", t.book_online),
            ("scan_to_book", t.scan_to_book),
            ("call_practice", t.call_practice),
            ("scan_to_call", t.scan_to_call),
            ("open_coach", t.open_coach),
            ("why", t.why),
            ("while_you_wait", t.while_you_wait),
            ("get_help_if", t.get_help_if),
            ("contributed", t.contributed),
            ("contributed_note", t.contributed_note),
            ("read_more", t.read_more),
            ("result_disclaimer", t.result_disclaimer),
            ("rules_version", t.rules_version),
            ("summary_button", t.summary_button),
            ("change_answers", t.change_answers),
            ("start_over", t.start_over),
            ("coach_title", t.coach_title),
            ("use_now", t.use_now),
            ("ice_advice", t.ice_advice),
            ("heat_advice", t.heat_advice),
            ("active_title", t.active_title),
            ("rest_title", t.rest_title),
            ("rest_lead", t.rest_lead),
            ("stretches_title", t.stretches_title),
            ("stretches_warning", t.stretches_warning),
            ("stretches_withheld", t.stretches_withheld),
            ("walk_title", t.walk_title),
            ("medicine_title", t.medicine_title),
            ("medicine_nsaid", t.medicine_nsaid),
            ("back_to_result", t.back_to_result),
            ("pause", t.pause),
            ("resume", t.resume),
            ("stop", t.stop),
            ("paused_left", t.paused_left),
            ("round_done", t.round_done),
            ("skin_rest", t.skin_rest),
            ("time_left", t.time_left),
            ("round_rule", t.round_rule),
            ("start_hold", t.start_hold),
            ("holds_done", t.holds_done),
            ("library_title", t.library_title),
            ("search_label", t.search_label),
            ("articles_count", t.articles_count),
            ("no_match", t.no_match),
            ("one_match", t.one_match),
            ("many_match", t.many_match),
            ("sources", t.sources),
            ("last_reviewed", t.last_reviewed),
            ("articles_loading", t.articles_loading),
            ("articles_failed", t.articles_failed),
            ("try_again", t.try_again),
            ("summary_title", t.summary_title),
            ("summary_done_on", t.summary_done_on),
            ("result", t.result),
            ("not_asked", t.not_asked),
            ("may_have_contributed", t.may_have_contributed),
            ("advice_given", t.advice_given),
            ("summary_disclaimer", t.summary_disclaimer),
            ("print", t.print),
            ("copy", t.copy),
            ("copied", t.copied),
            ("copy_failed", t.copy_failed),
            ("scan_summary", t.scan_summary),
            ("new_check", t.new_check),
            ("summary_error_title", t.summary_error_title),
            ("link_empty", t.link_empty),
            ("link_too_long", t.link_too_long),
            ("link_newer", t.link_newer),
            ("link_damaged", t.link_damaged),
            ("date_format", t.date_format),
            ("crash", t.crash),
            ("still_there", t.still_there),
            ("clearing_in", t.clearing_in),
            ("still_here", t.still_here),
        ] {
            add(k.into(), v);
        }
        out
    }

    /// "4:15 PM" or "16:15", from hours and minutes.
    pub fn clock(&self, hours: u32, minutes: u32) -> String {
        if self.clock_12h {
            let half = if hours < 12 { "AM" } else { "PM" };
            format!("{}:{minutes:02} {half}", (hours + 11) % 12 + 1)
        } else {
            format!("{hours}:{minutes:02}")
        }
    }

    /// A date and time as the patient reads it, from its parts (month 0 is January).
    pub fn date_time(&self, year: u32, month: u32, day: u32, hours: u32, minutes: u32) -> String {
        let month = self.months.get(month as usize).copied().unwrap_or("");
        fill(
            self.date_format,
            &[("month", month), ("day", &day.to_string()), ("year", &year.to_string()), ("time", &self.clock(hours, minutes))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_negotiate_in_order() {
        assert_eq!(Lang::from_tag("es-419"), Some(Lang::Es));
        assert_eq!(Lang::from_tag(" EN_gb "), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::negotiate(Some(Lang::En), ["es-MX"]), Lang::En, "the practice's choice wins");
        assert_eq!(Lang::negotiate(None, ["fr-FR", "es-MX", "en"]), Lang::Es, "first spoken language");
        assert_eq!(Lang::negotiate(None, ["de", "fr"]), Lang::En, "English otherwise");
        assert_eq!(Lang::negotiate(None, []), Lang::En);
    }

    #[test]
    fn reading_choices_round_trip_and_refuse_anything_else() {
        for lang in Lang::ALL {
            for large in [false, true] {
                let r = Reading { lang, large };
                assert_eq!(Reading::decode(&r.encode()), Some(r));
            }
        }
        for bad in ["", "fr", "es-MX", "ES", "es+LARGE", "+large", "es+large+large"] {
            assert_eq!(Reading::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_only() {
        assert_eq!(fill("Call {number} now", &[("number", "112")]), "Call 112 now");
        assert_eq!(fill("{a}{b}{a}", &[("a", "1"), ("b", "2")]), "121");
        assert_eq!(fill("keep {unknown} and {", &[("a", "1")]), "keep {unknown} and {");
        assert_eq!(placeholders("{time} and {n} of {total}"), vec!["n", "time", "total"]);
    }

    #[test]
    fn lists_join_by_language() {
        assert_eq!(EN.join_and(&["a"]), "a");
        assert_eq!(EN.join_and(&["a", "b"]), "a and b");
        assert_eq!(EN.join_and(&["a", "b", "c"]), "a, b, and c");
        assert_eq!(ES.join_and(&["a", "b", "c"]), "a, b y c");
    }

    #[test]
    fn dates_read_by_language() {
        assert_eq!(EN.date_time(2026, 10, 21, 15, 4), "Nov 21, 2026, 3:04 PM");
        assert_eq!(EN.clock(0, 5), "12:05 AM");
        assert_eq!(ES.clock(15, 4), "15:04");
        assert!(ES.date_time(2026, 10, 21, 15, 4).contains("2026"));
    }

    /// Each id-indexed table lists its ids in order, in both languages.
    #[test]
    fn tables_follow_the_ids() {
        for t in [&EN, &ES] {
            for (i, w) in t.findings.iter().enumerate() {
                assert_eq!(w.finding, Finding::ALL[i], "{}: findings out of order", t.name);
            }
            for (i, w) in t.factors.iter().enumerate() {
                assert_eq!(w.factor, Factor::ALL[i], "{}: factors out of order", t.name);
            }
            for (i, w) in t.levels.iter().enumerate() {
                assert_eq!(w.level, Level::ALL[i], "{}: levels out of order", t.name);
            }
            for family in CauseFamily::ALL {
                assert!(!t.family(*family).is_empty(), "{}: no title for {family:?}", t.name);
            }
        }
    }

    /// Every text is written, and each translation keeps the original's placeholders.
    #[test]
    fn translations_are_complete_and_keep_placeholders() {
        let en = EN.entries();
        let es = ES.entries();
        assert_eq!(en.len(), es.len(), "the languages have lists of different lengths");
        for ((key, e), (_, s)) in en.iter().zip(&es) {
            assert!(!e.trim().is_empty(), "English {key} is empty");
            assert!(!s.trim().is_empty(), "Spanish {key} is empty");
            assert_eq!(placeholders(e), placeholders(s), "{key}: Spanish `{s}` does not keep the placeholders of `{e}`");
        }
    }

    /// Spec section 3 says what each question must carry in plain words; section 1 what each
    /// level says. The English wording is checked for those elements here (a rewording that drops
    /// one fails).
    #[test]
    fn english_questions_and_advice_carry_the_clinical_meaning() {
        let q = |f: Finding| EN.finding(f).question.to_lowercase();
        let has = |f: Finding, parts: &[&str]| {
            for part in parts {
                assert!(q(f).contains(part), "{f}: \"{}\" does not say \"{part}\"", q(f));
            }
        };
        has(Finding::BalanceLoss, &["unsteady", "not just because moving hurts"]);
        has(Finding::OneSideNumbness, &["suddenly", "face", "arm or leg on one side", "speech"]);
        has(Finding::BladderBowelLoss, &["hard to start peeing", "weak", "bladder is full", "leak", "cannot pee", "bowels"]);
        has(Finding::SaddleNumbness, &["groin", "genitals", "bottom", "inner thighs", "wipe"]);
        has(Finding::SexualFunction, &["genitals during sex", "erection"]);
        has(Finding::TearingPain, &["sudden", "tearing", "chest", "belly", "shoulder blades"]);
        has(Finding::Collapse, &["fainted", "clammy", "unwell"]);
        has(Finding::PregnancyWarning, &["waves", "bleeding", "fluid", "baby moving less", "headache", "blurred vision"]);
        has(Finding::Pregnant, &["pregnant", "6 weeks"]);
        has(Finding::InfectionRisk, &["chemotherapy", "transplant", "hiv", "injecting drugs", "dialysis", "3 months", "spine"]);
        has(Finding::ChestPain, &["chest", "breathing"]);
        let thinner = EN.context_question(Context::BloodThinner).0.to_lowercase();
        for drug in ["warfarin", "apixaban", "rivaroxaban", "dabigatran", "heparin", "clopidogrel"] {
            assert!(thinner.contains(drug), "the blood thinner question does not name {drug}");
        }
        let do_now = |level: Level| EN.level(level).do_now.join(" ").to_lowercase();
        for part in [
            "today",
            "after-hours line",
            "urgent care clinic or call a nurse line",
            "if no one can see you today, go to an emergency department",
        ] {
            assert!(do_now(Level::Urgent).contains(part), "urgent advice lacks \"{part}\"");
        }
        for part in ["not an urgent care clinic", "do not drive yourself"] {
            assert!(do_now(Level::EmergencyDepartment).contains(part), "emergency department advice lacks \"{part}\"");
        }
        assert_eq!(EN.level(Level::EmergencyDepartment).time_frame, "Now. Do not wait.");
        assert_eq!(EN.level(Level::CallEmergency).time_frame, "Now. Do not wait.");
        assert!(do_now(Level::SelfCare).contains("never on numb skin"), "home care names ice and heat without the numb-skin warning");
    }

    /// Spec section 1: a reason never names a time frame of its own ("checked soon" under a
    /// "today" result is a defect), so the "why together" sentences name none.
    #[test]
    fn combination_reasons_name_no_time_frame() {
        let words = [
            (&EN, ["soon", "today", "now", "day", "hour", "week", "at once"]),
            (&ES, ["pronto", "hoy", "ahora", "día", "hora", "semana", "inmediato"]),
        ];
        for (t, times) in words {
            for text in t.combinations.iter().chain([&t.cluster]) {
                let lower = text.to_lowercase();
                for time in times {
                    assert!(!lower.contains(time), "{}: \"{text}\" names a time (\"{time}\")", t.name);
                }
            }
        }
    }
}
