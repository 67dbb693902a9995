//! One patient's session: where they are in the interview and what they have answered.
//!
//! [`Session::apply`] is the reducer: it takes an [`Action`] and returns the next session. It does no
//! I/O; the engine decides the level ([`Session::outcome`]). Pure, so the whole journey is tested
//! natively.

use crate::ids::{AgeBand, Answer, Context, Factor, Finding};
use crate::questionnaire::{next_after, pages, Duration, Next, Page, Responses};
use crate::triage::{triage, Answers, Outcome};

/// What the patient sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Start,
    /// Page `n` of [`pages`].
    Page(usize),
    Review,
    Result,
    /// The article library.
    Library,
    /// Article `n` of [`crate::library::INDEX`] (the same in every language).
    Article(usize),
    /// The self-care coach (only after a `self_care` or `soon` result).
    Coach,
    /// The summary to show a doctor (only after a result).
    Summary,
}

/// Everything the patient can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Begin,
    /// On a one-question page of the emergency section: answer and move on (the interview ends
    /// at once when no later question could raise the level).
    AnswerAndContinue(Finding, Answer),
    Answer(Finding, Answer),
    SetContext(Context, Answer),
    /// How long the spasms have gone on, answered at the given time (milliseconds since 1970): the
    /// self-care guide estimates when they began from both.
    SetDuration(Duration, i64),
    SetAge(AgeBand),
    SetFactor(Factor, bool),
    /// Leave the current page (only when it is answered).
    Continue,
    Back,
    /// From the review, change the answers of one page, then come back to the review.
    Edit(usize),
    /// From the review, see the result.
    SeeResult,
    StartOver,
    OpenLibrary,
    /// Open article `n` of [`crate::library::INDEX`].
    OpenArticle(usize),
    /// Open the self-care coach: ignored unless the result offers it.
    OpenCoach,
    /// Open the summary for a doctor: only from the result.
    OpenSummary,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub screen: Screen,
    pub responses: Responses,
    /// Screens to return to with Back, most recent last.
    history: Vec<Screen>,
    /// True while changing answers from the review: Continue passes over pages already answered
    /// and returns to the review.
    editing: bool,
    /// When "how long" was answered, so the spasm's start is estimated from the answer's own time,
    /// not from whenever the self-care guide is opened.
    duration_at: Option<i64>,
}

impl Default for Session {
    fn default() -> Self {
        Session { screen: Screen::Start, responses: Responses::default(), history: Vec::new(), editing: false, duration_at: None }
    }
}

impl Session {
    /// The pages of this interview.
    pub fn pages(&self) -> &'static [Page] {
        pages()
    }

    /// When "how long" was answered, if it was.
    pub fn duration_answered_at(&self) -> Option<i64> {
        self.duration_at
    }

    /// The page on screen, if the screen is a page.
    pub fn page(&self) -> Option<(usize, &Page)> {
        match self.screen {
            Screen::Page(n) => pages().get(n).map(|p| (n, p)),
            _ => None,
        }
    }

    /// The answers the engine reads: a question never asked is "no" (it cannot change the level),
    /// a question asked but left unanswered is "not sure" (spec section 2).
    pub fn answers(&self) -> Answers {
        self.responses.answers_with(&|field| {
            let asked = pages().iter().enumerate().any(|(n, page)| page.fields.contains(&field) && self.visited(n));
            if asked {
                Answer::NotSure
            } else {
                Answer::No
            }
        })
    }

    /// True when page `n` has been on screen in this session.
    fn visited(&self, n: usize) -> bool {
        self.screen == Screen::Page(n) || self.history.contains(&Screen::Page(n))
    }

    /// The engine's verdict on the answers so far.
    pub fn outcome(&self) -> Outcome {
        triage(&self.answers())
    }

    /// On a one-question page of the emergency section: its number among those pages that apply
    /// to this patient, and how many apply ("Warning sign 2 of 14").
    pub fn warning_progress(&self) -> Option<(usize, usize)> {
        let (index, page) = self.page()?;
        page.single_finding()?;
        let (mut n, mut total) = (0, 0);
        for (i, p) in pages().iter().enumerate() {
            if p.single_finding().is_some() && self.responses.page_applies(p) {
                total += 1;
                n += usize::from(i <= index);
            }
        }
        Some((n, total))
    }

    /// True when the current page is answered, so Continue can leave it.
    pub fn can_continue(&self) -> bool {
        self.page().is_some_and(|(_, page)| self.responses.page_answered(page))
    }

    /// The reducer. Pure: returns the next session.
    pub fn apply(&self, action: Action) -> Session {
        let mut next = self.clone();
        match action {
            Action::Begin => next.go(Screen::Page(0)),
            Action::AnswerAndContinue(finding, answer) => {
                next.responses.set_finding(finding, answer);
                next.leave_page();
            }
            Action::Answer(finding, answer) => next.responses.set_finding(finding, answer),
            Action::SetContext(context, answer) => next.responses.set_context(context, answer),
            Action::SetDuration(d, at) => {
                next.responses.duration = Some(d);
                next.duration_at = Some(at);
            }
            Action::SetAge(a) => next.responses.age = Some(a),
            Action::SetFactor(f, chosen) => next.responses.set_factor(f, chosen),
            Action::Continue => {
                if next.can_continue() {
                    next.leave_page();
                }
            }
            Action::Back => {
                if let Some(previous) = next.history.pop() {
                    next.screen = previous;
                    if previous == Screen::Review {
                        next.editing = false;
                    }
                }
            }
            Action::Edit(n) if n < pages().len() && next.screen == Screen::Review => {
                next.editing = true;
                next.go(Screen::Page(n));
            }
            Action::Edit(_) => {}
            Action::SeeResult if next.screen == Screen::Review => next.go(Screen::Result),
            Action::SeeResult => {}
            Action::StartOver => next = Session::default(),
            Action::OpenLibrary => next.go(Screen::Library),
            Action::OpenArticle(n) if n < crate::library::count() => next.go(Screen::Article(n)),
            Action::OpenArticle(_) => {}
            Action::OpenCoach if next.screen == Screen::Result && crate::coach::coach_offered(next.outcome().level) => {
                next.go(Screen::Coach)
            }
            Action::OpenCoach => {}
            Action::OpenSummary if next.screen == Screen::Result => next.go(Screen::Summary),
            Action::OpenSummary => {}
        }
        next
    }

    /// The session as a short text for sessionStorage, so a reload loses nothing:
    /// `r2;<screen>;<when "how long" was answered, or ->;<answers>`. Only the interview's own
    /// screens are kept (an open article or the coach comes back as the result).
    pub fn save(&self) -> String {
        let screen = match self.screen {
            Screen::Start => "s".to_string(),
            Screen::Page(n) => format!("p{n}"),
            Screen::Review => "r".to_string(),
            _ if self.history.contains(&Screen::Result) || self.screen == Screen::Result => "x".to_string(),
            _ => "s".to_string(),
        };
        let at = self.duration_at.map_or("-".to_string(), |at| at.to_string());
        format!("r2;{screen};{at};{}", self.responses.encode())
    }

    /// Restores [`Self::save`]'s text; anything else (tampered, old, garbage) gives `None`. A page
    /// comes back with the pages before it that apply as its history; the review or the result by
    /// walking the interview again with the saved answers, so the pages are the ones these answers
    /// lead to (the walk stops at the saved screen, or earlier at a page left unanswered, or at the
    /// result where the answers end the interview).
    pub fn restore(text: &str) -> Option<Session> {
        let mut parts = text.splitn(4, ';');
        let (Some("r2"), Some(screen), Some(at), Some(rest)) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let responses = Responses::decode(rest)?;
        let duration_at = if at == "-" { None } else { Some(at.parse::<i64>().ok()?) };
        let mut session = Session { responses, duration_at, ..Session::default() };
        let target = match screen {
            "s" => Screen::Start,
            "r" => Screen::Review,
            "x" => Screen::Result,
            p => Screen::Page(p.strip_prefix('p')?.parse::<usize>().ok().filter(|n| *n < pages().len())?),
        };
        if target == Screen::Start {
            return Some(session);
        }
        // A page: the pages before it that apply, as going forward showed them, so Back works. (A
        // walk would not do: the answers on later pages, kept after the patient went back, could
        // end it early, before the page the patient was on.)
        if let Screen::Page(n) = target {
            if session.responses.page_applies(&pages()[n]) {
                for i in 0..n {
                    if session.responses.page_applies(&pages()[i]) {
                        session.go(Screen::Page(i));
                    }
                }
                session.go(target);
                return Some(session);
            }
        }
        session.go(Screen::Page(0));
        while session.screen != target {
            match session.screen {
                Screen::Page(_) if session.can_continue() => session.leave_page(),
                Screen::Review if target == Screen::Result => session.go(Screen::Result),
                _ => break,
            }
        }
        Some(session)
    }

    fn go(&mut self, screen: Screen) {
        if self.screen != screen {
            self.history.push(self.screen);
            self.screen = screen;
        }
    }

    fn leave_page(&mut self) {
        let Some((index, _)) = self.page() else { return };
        let editing = std::mem::replace(&mut self.editing, false);
        match next_after(pages(), index, &self.responses, editing) {
            // Safety invariant 5: the result shows at once, even while editing.
            Next::Result => self.go(Screen::Result),
            Next::Review if editing => {
                // Back from the review goes where it went before the edit, not to the edited pages.
                while let Some(previous) = self.history.pop() {
                    if previous == Screen::Review {
                        break;
                    }
                }
                self.screen = Screen::Review;
            }
            Next::Review => self.go(Screen::Review),
            Next::Page(n) => {
                self.editing = editing;
                self.go(Screen::Page(n));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::Level;
    use crate::questionnaire::{Field, PageTitle};

    /// From the current page, answers every page mildly (no, 20 to 50, under a day, heavy lifting)
    /// until the interview leaves the pages.
    fn answer_rest(mut s: Session) -> Session {
        while let Some((_, page)) = s.page() {
            if let Some(f) = page.single_finding() {
                s = s.apply(Action::AnswerAndContinue(f, Answer::No));
                continue;
            }
            let fields: Vec<Field> = page.fields.iter().copied().filter(|f| s.responses.applies(*f)).collect();
            for field in &fields {
                s = match field {
                    Field::Finding(f) => s.apply(Action::Answer(*f, Answer::No)),
                    Field::Context(c) => s.apply(Action::SetContext(*c, Answer::No)),
                    Field::Duration => s.apply(Action::SetDuration(Duration::UnderOneDay, 1_790_000_000_000)),
                    Field::Age => s.apply(Action::SetAge(AgeBand::From20To50)),
                    Field::Factors => s.apply(Action::SetFactor(Factor::HeavyLifting, true)),
                };
            }
            let before = s.screen;
            s = s.apply(Action::Continue);
            assert_ne!(s.screen, before, "Continue did not leave an answered page");
        }
        s
    }

    fn self_care_walk() -> Session {
        answer_rest(Session::default().apply(Action::Begin))
    }

    fn page_titled(s: &Session, title: PageTitle) -> usize {
        s.pages().iter().position(|p| p.title == title).unwrap()
    }

    #[test]
    fn a_full_no_path_reaches_review_then_self_care() {
        let s = self_care_walk();
        assert_eq!(s.screen, Screen::Review);
        let s = s.apply(Action::SeeResult);
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::SelfCare);
        assert_eq!(s.outcome().factors.len(), 1);
        // "Not better after a few days" did not apply to spasms under a day old.
        assert_eq!(s.responses.finding(Finding::NotImproving), None);
    }

    #[test]
    fn an_emergency_yes_ends_the_interview_at_once() {
        let mut s = Session::default().apply(Action::Begin);
        for f in [Finding::ChestPain, Finding::OneSideNumbness, Finding::Confusion, Finding::TearingPain, Finding::Collapse] {
            s = s.apply(Action::AnswerAndContinue(f, Answer::No));
        }
        let s = s.apply(Action::AnswerAndContinue(Finding::BladderBowelLoss, Answer::Yes));
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::EmergencyDepartment);
        // Back returns to the question, so a mistaken tap can be undone.
        assert_eq!(s.apply(Action::Back).screen, Screen::Page(5));
        // The questions never reached are "not asked", not "no".
        assert_eq!(s.responses.finding(Finding::Fever), None);
    }

    #[test]
    fn warning_progress_counts_the_pages_that_apply() {
        let s = Session::default().apply(Action::Begin);
        assert_eq!(s.warning_progress(), Some((1, 14)));
        let mut s = s;
        while s.page().and_then(|(_, p)| p.single_finding()) != Some(Finding::Pregnant) {
            let f = s.page().unwrap().1.single_finding().unwrap();
            s = s.apply(Action::AnswerAndContinue(f, Answer::No));
        }
        let s = s.apply(Action::AnswerAndContinue(Finding::Pregnant, Answer::Yes));
        assert_eq!(s.warning_progress(), Some((15, 15)));
    }

    #[test]
    fn continue_waits_for_an_answer() {
        let mut s = Session::default().apply(Action::Begin);
        while let Some(f) = s.page().and_then(|(_, p)| p.single_finding()) {
            s = s.apply(Action::AnswerAndContinue(f, Answer::No));
        }
        let before = s.clone();
        assert!(!s.can_continue());
        assert_eq!(s.apply(Action::Continue), before);
    }

    #[test]
    fn a_question_asked_but_unanswered_counts_as_not_sure() {
        // A page on screen whose answers are missing (a tampered or half-restored session): the
        // engine reads its findings as "not sure", never as "no".
        let mut s = Session::default().apply(Action::Begin);
        while let Some(f) = s.page().and_then(|(_, p)| p.single_finding()) {
            s = s.apply(Action::AnswerAndContinue(f, Answer::No));
        }
        assert_eq!(s.page().unwrap().1.title, PageTitle::AboutYou);
        let answers = s.answers();
        assert_eq!(answers.context(Context::BloodThinner), Answer::NotSure);
        assert_eq!(answers.age, AgeBand::Unknown);
        assert_eq!(answers.get(Finding::Fever), Answer::No, "not asked yet");
    }

    #[test]
    fn changing_an_answer_from_the_review_changes_the_result() {
        let s = self_care_walk();
        let other_signs = page_titled(&s, PageTitle::OtherSigns);
        let s = s.apply(Action::Edit(other_signs));
        assert_eq!(s.screen, Screen::Page(other_signs));
        let s = s.apply(Action::Answer(Finding::Fever, Answer::Yes)).apply(Action::Continue);
        // Fever could still meet infection risk (an emergency), asked on a later page: the edit
        // goes on only if that page is unanswered; here it was answered, so the result shows at
        // once (urgent: no review needed).
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::Urgent);
        assert_eq!(s.apply(Action::Back).screen, Screen::Page(other_signs));
    }

    #[test]
    fn an_edit_that_opens_a_new_question_asks_it() {
        let s = self_care_walk();
        let gate = s.pages().iter().position(|p| p.single_finding() == Some(Finding::Pregnant)).unwrap();
        let s = s.apply(Action::Edit(gate)).apply(Action::AnswerAndContinue(Finding::Pregnant, Answer::Yes));
        assert_eq!(s.page().and_then(|(_, p)| p.single_finding()), Some(Finding::PregnancyWarning));
        let s = s.apply(Action::AnswerAndContinue(Finding::PregnancyWarning, Answer::No));
        assert_eq!(s.screen, Screen::Review, "the rest was answered");
        assert_eq!(s.apply(Action::SeeResult).outcome().level, Level::Soon);
    }

    #[test]
    fn an_emergency_yes_while_editing_still_ends_at_once() {
        let s = self_care_walk().apply(Action::Edit(0)).apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::Yes));
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::CallEmergency);
    }

    #[test]
    fn articles_open_from_a_result_and_back_returns_to_it() {
        let s = self_care_walk().apply(Action::SeeResult).apply(Action::OpenArticle(0));
        assert_eq!(s.screen, Screen::Article(0));
        let s = s.apply(Action::OpenArticle(1)).apply(Action::Back);
        assert_eq!(s.screen, Screen::Article(0));
        assert_eq!(s.apply(Action::Back).screen, Screen::Result);
        // An index past the library is ignored, not a panic.
        assert_eq!(s.apply(Action::OpenArticle(usize::MAX)).screen, Screen::Article(0));
    }

    #[test]
    fn the_coach_opens_only_after_a_home_care_or_booked_visit_result() {
        let home = self_care_walk().apply(Action::SeeResult);
        assert_eq!(home.apply(Action::OpenCoach).screen, Screen::Coach);
        // Not before a result, and never after an urgent or emergency one.
        assert_eq!(self_care_walk().apply(Action::OpenCoach).screen, Screen::Review);
        let unsure = Session::default().apply(Action::Begin).apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::NotSure));
        let result = answer_rest(unsure);
        assert_eq!(result.screen, Screen::Result);
        assert_eq!(result.outcome().level, Level::EmergencyDepartment);
        assert_eq!(result.apply(Action::OpenCoach).screen, Screen::Result);
    }

    #[test]
    fn a_saved_session_restores_its_place_and_answers() {
        let mid = Session::default()
            .apply(Action::Begin)
            .apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::NotSure))
            .apply(Action::AnswerAndContinue(Finding::OneSideNumbness, Answer::No));
        let restored = Session::restore(&mid.save()).unwrap();
        assert_eq!(restored.screen, Screen::Page(2));
        assert_eq!(restored.responses, mid.responses);
        assert_eq!(restored.apply(Action::Back).screen, Screen::Page(1));
        let done = self_care_walk().apply(Action::SeeResult).apply(Action::OpenCoach);
        let restored = Session::restore(&done.save()).unwrap();
        assert_eq!(restored.screen, Screen::Result);
        assert_eq!(restored.outcome(), done.outcome());
        assert_eq!(restored.apply(Action::Back).screen, Screen::Review);
        assert_eq!(restored.duration_answered_at(), Some(1_790_000_000_000), "when \"how long\" was answered");
        for bad in ["", "r1;s;", "r2;p99;-;", "r2;p1;-;garbage", "r2;q;-;", "r2;x", "r2;s;soon;"] {
            assert!(Session::restore(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn a_reload_on_a_page_gone_back_to_keeps_that_page() {
        // Found by tests/stored_fuzz.rs: a yes on the second question shows the result; Back, then
        // a reload, must come back to that question, not to the result its kept answer gives.
        let s = Session::default()
            .apply(Action::Begin)
            .apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::No))
            .apply(Action::AnswerAndContinue(Finding::OneSideNumbness, Answer::Yes))
            .apply(Action::Back);
        assert_eq!(s.screen, Screen::Page(1));
        let restored = Session::restore(&s.save()).unwrap();
        assert_eq!(restored.screen, Screen::Page(1));
        assert_eq!(restored.apply(Action::Back).screen, Screen::Page(0));
    }

    #[test]
    fn start_over_clears_everything() {
        let s = self_care_walk().apply(Action::SeeResult).apply(Action::StartOver);
        assert_eq!(s, Session::default());
        assert!(s.history.is_empty(), "Back has somewhere to go");
    }
}
