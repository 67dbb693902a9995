//! Every word the widget shows, in English and Spanish. Pure.
//!
//! Each language is one static [`Texts`] value ([`en::EN`], [`es::ES`]). A key missing in either
//! language is a missing struct field or a short array, so it fails the build, not the patient:
//! every table indexed by an id is `[_; Id::COUNT]`, so a new id does not build until both
//! languages word it. Tables whose entries carry their id (findings, factors, levels, families)
//! are checked to list them in the id's order when the crate builds, and by a test.
//!
//! [`Texts`] and its parts are declared with `words_struct!`, which generates their `Words`
//! visitor from the same list of fields; [`Texts::entries`] reads every text through it, so the
//! checks of completeness, `{placeholders}` (the same in both languages), capitals and reading
//! level see every text, including one added tomorrow.
//!
//! Texts with a value in them use named placeholders (`{number}`, `{n}`, `{time}` ...), filled by
//! [`fill`], so a translation may put the value wherever its grammar wants it.

use crate::coach::{RestPosition, Stretch, Therapy};
use crate::ids::{AgeBand, Answer, CauseFamily, Context, Factor, Finding, Level};
use crate::questionnaire::{Duration, PageTitle};
use crate::rules::COMBINATION_COUNT;
use crate::triage::{Place, Sign};

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

/// Something that holds words. [`Words::each_text`] calls its visitor with every text inside, each
/// with a key naming it: the completeness, placeholder, capitalisation and reading-level checks all
/// read the texts through it ([`Texts::entries`]).
///
/// It is implemented for text (`&'static str`); for arrays, lists and pairs of things with words;
/// for every words struct, by `words_struct!` from the same field list that declares the struct;
/// and, as holding no text, for `bool` and the ids that entries carry. A field of any other type
/// does not build, so no text can escape the checks.
pub(crate) trait Words {
    /// Calls `visit` with each text inside, in order, `key` extended to name it.
    fn each_text(&'static self, key: &str, visit: &mut dyn FnMut(String, &'static str));

    /// The id this value carries, if any: it names a table's entries in their keys
    /// ("findings.chest_pain.question").
    fn id(&self) -> Option<&'static str> {
        None
    }
}

impl Words for &'static str {
    fn each_text(&'static self, key: &str, visit: &mut dyn FnMut(String, &'static str)) {
        visit(key.to_string(), self);
    }
}

/// A flag that changes how words are put together (`clock_12h`, `serial_comma`): no text.
impl Words for bool {
    fn each_text(&'static self, _: &str, _: &mut dyn FnMut(String, &'static str)) {}
}

/// The ids an entry of an id-indexed table carries: no text, but they name the entry.
macro_rules! id_words {
    ($($id:ty),+) => {$(
        impl Words for $id {
            fn each_text(&'static self, _: &str, _: &mut dyn FnMut(String, &'static str)) {}

            fn id(&self) -> Option<&'static str> {
                Some(<$id>::id(*self))
            }
        }
    )+};
}

id_words!(Finding, Factor, Level, CauseFamily);

/// Each entry of a table or list, keyed by the id it carries, else by its position.
fn each_entry<T: Words + 'static>(items: &'static [T], key: &str, visit: &mut dyn FnMut(String, &'static str)) {
    for (i, item) in items.iter().enumerate() {
        let key = match item.id() {
            Some(id) => format!("{key}.{id}"),
            None => format!("{key} {i}"),
        };
        item.each_text(&key, visit);
    }
}

impl<T: Words + 'static, const N: usize> Words for [T; N] {
    fn each_text(&'static self, key: &str, visit: &mut dyn FnMut(String, &'static str)) {
        each_entry(self, key, visit);
    }
}

impl<T: Words + 'static> Words for &'static [T] {
    fn each_text(&'static self, key: &str, visit: &mut dyn FnMut(String, &'static str)) {
        each_entry(self, key, visit);
    }
}

impl<A: Words + 'static, B: Words + 'static> Words for (A, B) {
    fn each_text(&'static self, key: &str, visit: &mut dyn FnMut(String, &'static str)) {
        self.0.each_text(&format!("{key}.0"), visit);
        self.1.each_text(&format!("{key}.1"), visit);
    }
}

/// Declares a words struct and its [`Words`] visitor from one list of fields, so every field is
/// visited: there is no second list to forget a field in. `FIELDS` names them, for tests.
macro_rules! words_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident: $ty:ty,)+ }) => {
        $(#[$meta])*
        pub struct $name { $($(#[$fmeta])* pub $field: $ty,)+ }

        impl Words for $name {
            fn each_text(&'static self, key: &str, visit: &mut dyn FnMut(String, &'static str)) {
                $(
                    let field = if key.is_empty() { stringify!($field).to_string() } else { format!("{key}.{}", stringify!($field)) };
                    Words::each_text(&self.$field, &field, visit);
                )+
            }

            fn id(&self) -> Option<&'static str> {
                None $(.or_else(|| Words::id(&self.$field)))+
            }
        }

        #[cfg(test)]
        impl $name {
            /// Every field, in declaration order: what [`Words::each_text`] visits.
            const FIELDS: &[&str] = &[$(stringify!($field)),+];
        }
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
    pub(crate) fn from_tag(tag: &str) -> Option<Lang> {
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
#[cfg(test)]
fn placeholders(template: &str) -> Vec<&str> {
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

words_struct! {
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
}

words_struct! {
    /// The words of one contributing factor.
    #[derive(Debug)]
    pub struct FactorWords {
        pub factor: Factor,
        /// How the interview offers it ("I lifted something heavy or bent over a lot").
        pub label: &'static str,
        /// "May have contributed" wording on the result.
        pub contributed: &'static str,
    }
}

words_struct! {
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
}

words_struct! {
    #[derive(Debug)]
    pub struct FamilyWords {
        pub family: CauseFamily,
        pub title: &'static str,
    }
}

words_struct! {
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
        /// The safety-net lines, in the order of `triage::Sign` (all but `NotSureAbout`; see
        /// `Sign::line`).
        pub net: [&'static str; Sign::LINES],
        /// The places of care, indexed like `triage::Place::ALL`: maternity unit, midwife.
        pub places: [&'static str; Place::COUNT],
    }
}

words_struct! {
    /// One stretch of the coach.
    #[derive(Debug)]
    pub struct StretchWords {
        pub name: &'static str,
        /// The drawing's text alternative: the movement from the start pose to the end pose.
        pub picture: &'static str,
        /// The word under each pose of the drawing: "Start", "End" (or the poses' own names).
        pub poses: [&'static str; 2],
        pub steps: &'static [&'static str],
    }
}

words_struct! {
    /// Every word of the widget in one language.
    #[derive(Debug)]
    pub struct Texts {
        /// This language's name in itself ("English", "Español"), for the language switch.
        pub name: &'static str,

        // The clinical wording, indexed like the ids' `ALL` (each table is `[_; Id::COUNT]`, so a new
        // id does not build until both languages word it).
        pub findings: [FindingWords; Finding::COUNT],
        /// Why each combination of spec section 5 matters, indexed like `rules::COMBINATIONS`. Never
        /// names a time frame: the result's own says when.
        pub combinations: [&'static str; COMBINATION_COUNT],
        /// Why the red-flag cluster matters.
        pub cluster: &'static str,
        /// Each context question, with its "why we ask", indexed like `Context::ALL`.
        pub context_questions: [(&'static str, &'static str); Context::COUNT],
        /// Each context answer as a clause after "you said you" ("take a blood thinner").
        pub context: [&'static str; Context::COUNT],
        pub factors: [FactorWords; Factor::COUNT],
        pub families: [FamilyWords; CauseFamily::COUNT],
        pub levels: [LevelWords; Level::COUNT],
        pub reasons: ReasonWords,

        // Answers and the interview.
        /// Yes, No, Not sure: one per `Answer`, in the order the interview shows them (not
        /// `Answer::ALL`'s); [`Texts::answer`] picks one.
        pub answers: [&'static str; Answer::COUNT],
        /// Indexed like `questionnaire::Duration::ALL`.
        pub durations: [&'static str; Duration::COUNT],
        /// Indexed like `AgeBand::ALL`.
        pub age_bands: [&'static str; AgeBand::COUNT],
        /// Indexed like `questionnaire::PageTitle::ALL`.
        pub page_titles: [&'static str; PageTitle::COUNT],
        /// On every question page: "Question {n} of about {total}" (`Session::progress`).
        pub progress: &'static str,
        /// Above a page of several questions: "Do any of these apply to you?".
        pub any_apply: &'static str,
        /// Answers "no" to every question of such a page and moves on.
        pub none_of_these: &'static str,
        /// "Why we ask:"; a space follows it.
        pub why_we_ask: &'static str,
        pub duration_question: &'static str,
        pub age_question: &'static str,
        pub age_why: &'static str,
        pub factors_question: &'static str,
        pub factors_hint: &'static str,
        pub answer_all: &'static str,
        /// Under each question left unanswered when the patient tried to go on.
        pub answer_this: &'static str,
        pub next: &'static str,
        pub back: &'static str,
        /// Under every interview question: "If this is an emergency, call {number} now."
        pub interview_emergency: &'static str,

        // The controls every screen has.
        /// The toolbar's accessible name.
        pub toolbar: &'static str,
        pub larger_text: &'static str,
        pub clear_answers: &'static str,
        /// Asked before "Clear my answers" or "Start over" clears them, with the two buttons.
        pub confirm_clear: &'static str,
        pub yes_clear: &'static str,
        pub keep_answers: &'static str,

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
        /// The attract screen's drawing, said (its text alternative).
        pub kiosk_art: &'static str,
        pub kiosk_emergency: &'static str,
        pub kiosk_privacy: &'static str,

        // Review.
        pub review_title: &'static str,
        pub review_lead: &'static str,
        pub not_answered: &'static str,
        pub none_chosen: &'static str,
        pub change: &'static str,
        /// "Change: {what}", the Change button's accessible name.
        pub change_label: &'static str,
        pub see_result: &'static str,

        // Result.
        pub your_result: &'static str,
        pub when: &'static str,
        /// "Call {number}".
        pub call_number: &'static str,
        /// On the emergency-department result, after how to get there: the emergency number for
        /// a patient who cannot get there safely (the headline's advice is to be driven).
        pub ed_call: &'static str,
        /// The first line of a `self_care` result: the warning signs the patient does not have.
        pub self_care_reassure: &'static str,
        pub kiosk_call: &'static str,
        pub what_to_do: &'static str,
        pub your_doctors_office: &'static str,
        pub book_online: &'static str,
        pub scan_to_book: &'static str,
        /// "Call {practice}: {phone}".
        pub call_practice: &'static str,
        /// "Scan to call {practice}".
        pub scan_to_call: &'static str,
        /// On an `urgent` result, the practice's after-hours line: "Closed? Call the after-hours
        /// line: {phone}".
        pub call_after_hours: &'static str,
        /// The same at a kiosk, under its QR code.
        pub scan_to_call_after_hours: &'static str,
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
        /// Under the advice to keep moving: the guide's other parts are closed until opened.
        pub coach_parts: &'static str,
        /// "Use {therapy} now".
        pub use_now: &'static str,
        /// "ice", "heat": how the therapy reads inside a sentence, indexed like `coach::Therapy::ALL`.
        pub therapy_names: [&'static str; Therapy::COUNT],
        /// "Start an ice round", "Start a heat round".
        pub start_round: [&'static str; Therapy::COUNT],
        pub ice_advice: &'static str,
        pub heat_advice: &'static str,
        pub pack_safety: &'static [&'static str],
        pub active_title: &'static str,
        pub active_tips: &'static [&'static str],
        pub rest_title: &'static str,
        pub rest_lead: &'static str,
        /// Text alternative and caption of each rest position, indexed like `coach::RestPosition::ALL`.
        pub rest_positions: [(&'static str, &'static str); RestPosition::COUNT],
        pub stretches_title: &'static str,
        /// The stop rule, on every stretch.
        pub stretches_warning: &'static str,
        /// Instead of the stretches, when section 6 withholds them: why, and what to do instead.
        pub stretches_withheld: &'static str,
        /// Indexed like `coach::Stretch::ALL`.
        pub stretches: [StretchWords; Stretch::COUNT],
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
        /// Month names, January first, as they read inside a date.
        pub months: [&'static str; 12],
        /// A date: "{month} {day}, {year}" ("November 21, 2026"; "21 de noviembre de 2026").
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
}

/// Checks, when the crate builds, that each table of words whose entries carry their id lists them
/// in the id's order, in both languages: `Texts::finding` and the like index by `index()`.
macro_rules! in_id_order {
    ($($table:ident . $id:ident: $ty:ty),+) => {
        const _: () = {
            let mut l = 0;
            while l < Lang::ALL.len() {
                let t = match Lang::ALL[l] {
                    Lang::En => &EN,
                    Lang::Es => &ES,
                };
                $(
                    let mut i = 0;
                    while i < <$ty>::COUNT {
                        assert!(
                            t.$table[i].$id.index() == i,
                            concat!("Texts::", stringify!($table), " is not in the order of ", stringify!($ty), "::ALL")
                        );
                        i += 1;
                    }
                )+
                l += 1;
            }
        };
    };
}

in_id_order!(findings.finding: Finding, factors.factor: Factor, levels.level: Level, families.family: CauseFamily);

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
        self.families[family.index()].title
    }

    pub fn answer(&self, answer: Answer) -> &'static str {
        match answer {
            Answer::Yes => self.answers[0],
            Answer::No => self.answers[1],
            Answer::NotSure => self.answers[2],
        }
    }

    /// "a", "a and b", "a, b, and c" (or "a, b y c").
    pub(crate) fn join_and(&self, parts: &[&str]) -> String {
        match parts {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => {
                let comma = if self.reasons.serial_comma && rest.len() > 1 { "," } else { "" };
                format!("{}{comma} {} {last}", rest.join(", "), self.reasons.and)
            }
        }
    }

    /// Every text of this language with a key naming it ("findings.chest_pain.question",
    /// "levels.urgent.do_now 1", "start_title"), in declaration order, for the checks of
    /// completeness, placeholders and reading level. Read through `Words`, so it lists every
    /// field of [`Texts`] and every entry of its tables and lists.
    pub fn entries(&'static self) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        self.each_text("", &mut |key, text| out.push((key, text)));
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

    /// A date as the patient reads it, from its parts (month 0 is January).
    pub fn date(&self, year: u32, month: u32, day: u32) -> String {
        let month = self.months.get(month as usize).copied().unwrap_or("");
        fill(self.date_format, &[("month", month), ("day", &day.to_string()), ("year", &year.to_string())])
    }

    /// A date and time as the patient reads it, from its parts (month 0 is January).
    pub fn date_time(&self, year: u32, month: u32, day: u32, hours: u32, minutes: u32) -> String {
        format!("{}, {}", self.date(year, month, day), self.clock(hours, minutes))
    }

    /// An ISO date ("2026-12-01", as the articles give their review date) as the patient reads it;
    /// anything else as it is.
    pub fn iso_date(&self, iso: &str) -> String {
        let parts: Vec<u32> = iso.splitn(3, '-').filter_map(|p| p.parse().ok()).collect();
        match parts[..] {
            [year, month @ 1..=12, day @ 1..=31] if iso.len() == 10 => self.date(year, month - 1, day),
            _ => iso.to_string(),
        }
    }
}

// ---- Follow-up check-ins (issue 23, spec section 12) -------------------------------------------
// Kept in a words struct of their own, not in `Texts`, and behind the cargo feature `followup`,
// so that the widget's wasm stays byte for byte the same until the web layer uses them (a field of
// `Texts` would be in it). The same checks read them: completeness and placeholders (the tests
// below), reading level (tests/readability.rs).

#[cfg(feature = "followup")]
words_struct! {
    /// The words of the follow-up check-ins ([`crate::followup`], [`crate::checkin_log`],
    /// [`crate::ics`]), one value per language: [`Lang::followup`].
    #[derive(Debug)]
    pub struct FollowupWords {
        /// "Compared with your last check-in, is your back better, about the same, or worse?"
        pub trend_question: &'static str,
        /// The three answers, indexed like `followup::Trend::ALL`: better, about the same, worse.
        pub trends: [&'static str; crate::followup::Trend::COUNT],
        /// The pain score question (0 to 10), and what the two ends mean.
        pub pain_question: &'static str,
        pub pain_hint: &'static str,
        /// Why a follow-up raised the level, indexed like `followup::FollowupRule::ALL`: worse,
        /// more than two weeks and not better, the pain score rose by 3 or more (`{from}`, `{to}`).
        /// None names a time frame other than the `soon` result's own.
        pub reasons: [&'static str; crate::followup::FollowupRule::COUNT],
        /// The start screen's button when a log exists: "Check in again (day {n} of this episode)".
        pub check_in_again: &'static str,
        /// The chart's accessible name, and its table's two column headings.
        pub chart_title: &'static str,
        pub chart_columns: [&'static str; 2],
        /// The chart's text summary: no score yet; one score (`{pain}`, `{day}`); down, up and the
        /// same over a span (`{from}`, `{to}`, `{pain}`, `{span}`).
        pub pain_none: &'static str,
        pub pain_one: &'static str,
        pub pain_down: &'static str,
        pub pain_up: &'static str,
        pub pain_same: &'static str,
        /// The span in those sentences: the same day, one day, `{n}` days.
        pub span_same_day: &'static str,
        pub span_one_day: &'static str,
        pub span_days: &'static str,
        /// The calendar reminder: a neutral title (no health information) and its description
        /// with the standalone page's address (`{url}`).
        pub reminder_title: &'static str,
        pub reminder_description: &'static str,
        /// A stored log that cannot be read (damaged, or from another version).
        pub log_unreadable: &'static str,
    }
}

#[cfg(feature = "followup")]
impl Lang {
    /// The follow-up check-ins' words in this language.
    pub fn followup(self) -> &'static FollowupWords {
        match self {
            Lang::En => &en::FOLLOWUP_EN,
            Lang::Es => &es::FOLLOWUP_ES,
        }
    }
}

#[cfg(feature = "followup")]
impl FollowupWords {
    /// Every text with a key naming it, as [`Texts::entries`] gives them.
    pub fn entries(&'static self) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        self.each_text("followup", &mut |key, text| out.push((key, text)));
        out
    }
}
// ---- End of the follow-up check-ins' words -----------------------------------------------------

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
        assert_eq!(EN.date_time(2026, 10, 21, 15, 4), "November 21, 2026, 3:04 PM");
        assert_eq!(ES.date_time(2026, 10, 21, 15, 4), "21 de noviembre de 2026, 15:04");
        assert_eq!(EN.clock(0, 5), "12:05 AM");
        assert_eq!(ES.clock(15, 4), "15:04");
        // The articles' review dates.
        assert_eq!(EN.iso_date("2026-12-01"), "December 1, 2026");
        assert_eq!(ES.iso_date("2026-01-09"), "9 de enero de 2026");
        for odd in ["2026-13-01", "2026-12", "soon", "2026-12-01x", ""] {
            assert_eq!(EN.iso_date(odd), odd);
        }
    }

    /// Each id-indexed table lists its ids in order, in both languages. (Their lengths are the
    /// compiler's business: each is `[_; Id::COUNT]`.)
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
            for (i, w) in t.families.iter().enumerate() {
                assert_eq!(w.family, CauseFamily::ALL[i], "{}: families out of order", t.name);
            }
        }
    }

    /// Every text is written, and each translation keeps the original's placeholders. Both
    /// languages list the same keys, so a list (steps, tips) of a different length fails here.
    #[test]
    fn translations_are_complete_and_keep_placeholders() {
        let en = EN.entries();
        let es = ES.entries();
        assert_eq!(en.len(), es.len(), "the languages have lists of different lengths");
        for ((key, e), (es_key, s)) in en.iter().zip(&es) {
            assert_eq!(key, es_key, "the languages have lists of different lengths");
            assert!(!e.trim().is_empty(), "English {key} is empty");
            assert!(!s.trim().is_empty(), "Spanish {key} is empty");
            assert_eq!(placeholders(e), placeholders(s), "{key}: Spanish `{s}` does not keep the placeholders of `{e}`");
        }
    }

    /// The visitor that [`Texts::entries`] reads is generated from the struct's own field list, so
    /// it cannot skip a field; this checks the other half, that each field's type yields its
    /// texts: every field but the flags names at least one entry, and every entry of a table.
    #[test]
    fn entries_name_every_field_and_every_table_entry() {
        // The fields that hold no text: flags, and the ids the entries carry.
        let no_text = ["clock_12h", "serial_comma", "finding", "factor", "level", "family"];
        for t in [&EN, &ES] {
            let entries = t.entries();
            let has = |prefix: &str| {
                entries.iter().any(|(k, _)| k == prefix || k.starts_with(&format!("{prefix}.")) || k.starts_with(&format!("{prefix} ")))
            };
            let check = |prefix: &str, fields: &[&str]| {
                for field in fields.iter().filter(|f| !no_text.contains(f)) {
                    let key = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
                    assert!(has(&key), "{}: no entry for {key}", t.name);
                }
            };
            check("", Texts::FIELDS);
            check("reasons", ReasonWords::FIELDS);
            Finding::ALL.iter().for_each(|f| check(&format!("findings.{f}"), FindingWords::FIELDS));
            Factor::ALL.iter().for_each(|f| check(&format!("factors.{f}"), FactorWords::FIELDS));
            Level::ALL.iter().for_each(|l| check(&format!("levels.{l}"), LevelWords::FIELDS));
            CauseFamily::ALL.iter().for_each(|c| check(&format!("families.{c}"), FamilyWords::FIELDS));
            (0..t.stretches.len()).for_each(|i| check(&format!("stretches {i}"), StretchWords::FIELDS));
            let count = |prefix: &str| entries.iter().filter(|(k, _)| k.starts_with(prefix)).count();
            assert_eq!(count("findings."), Finding::COUNT * 3);
            assert_eq!(count("factors."), Factor::COUNT * 2);
            assert_eq!(count("reasons.net "), crate::triage::Sign::LINES);
            assert_eq!(count("stretches "), t.stretches.iter().map(|s| 4 + s.steps.len()).sum::<usize>());
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

    // ---- Follow-up check-ins (issue 23) ----
    #[cfg(feature = "followup")]
    /// The follow-up words are complete in both languages, keep their placeholders, and list
    /// every field.
    #[test]
    fn followup_words_are_complete_and_keep_placeholders() {
        let (en, es) = (Lang::En.followup().entries(), Lang::Es.followup().entries());
        assert_eq!(en.len(), es.len());
        for ((key, e), (es_key, s)) in en.iter().zip(&es) {
            assert_eq!(key, es_key);
            assert!(!e.trim().is_empty() && !s.trim().is_empty(), "{key} is empty");
            assert_eq!(placeholders(e), placeholders(s), "{key}: `{s}` does not keep the placeholders of `{e}`");
        }
        for field in FollowupWords::FIELDS {
            assert!(en.iter().any(|(k, _)| k == &format!("followup.{field}") || k.starts_with(&format!("followup.{field} "))), "{field}");
        }
        // The spec's own reason wording (section 12).
        let reasons = Lang::En.followup().reasons;
        assert_eq!(reasons[0], "Your back is getting worse.");
        assert_eq!(reasons[1], "It has been more than two weeks and it is not better.");
        assert_eq!(Lang::En.followup().trend_question, "Compared with your last check-in, is your back better, about the same, or worse?");
    }
}
