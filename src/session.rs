//! One patient's session: where they are in the interview and what they have answered.
//!
//! [`Session::apply`] is the reducer: it takes an [`Action`] and returns the next session. It does no
//! I/O; the engine decides the level ([`Session::outcome`]). Pure, so the whole journey is tested
//! natively.

use crate::ids::{Answer, Factor, Finding};
use crate::questionnaire::{next_after, pages, AgeBand, Duration, Next, Page, Responses};
use crate::triage::{triage, Outcome};

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
    /// On a one-question emergency page: answer and move on (a yes ends the interview).
    AnswerAndContinue(Finding, Answer),
    Answer(Finding, Answer),
    SetDuration(Duration),
    SetAge(AgeBand),
    SetBackPainBefore(Answer),
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
    /// True while changing one page from the review: Continue returns to the review.
    editing: bool,
    pages: Vec<Page>,
}

impl Default for Session {
    fn default() -> Self {
        Session { screen: Screen::Start, responses: Responses::default(), history: Vec::new(), editing: false, pages: pages() }
    }
}

impl Session {
    /// The pages of this interview.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The page on screen, if the screen is a page.
    pub fn page(&self) -> Option<(usize, &Page)> {
        match self.screen {
            Screen::Page(n) => self.pages.get(n).map(|p| (n, p)),
            _ => None,
        }
    }

    /// The engine's verdict on the answers so far.
    pub fn outcome(&self) -> Outcome {
        triage(&self.responses.answers())
    }

    /// True when Back has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
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
            Action::SetDuration(d) => next.responses.duration = Some(d),
            Action::SetAge(a) => next.responses.age = Some(a),
            Action::SetBackPainBefore(a) => next.responses.back_pain_before = Some(a),
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
            Action::Edit(n) if n < next.pages.len() && next.screen == Screen::Review => {
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
    /// `r1;<screen>;<answers>`. Only the interview's own screens are kept (an open article or the
    /// coach comes back as the result).
    pub fn save(&self) -> String {
        let screen = match self.screen {
            Screen::Start => "s".to_string(),
            Screen::Page(n) => format!("p{n}"),
            Screen::Review => "r".to_string(),
            _ if self.history.contains(&Screen::Result) || self.screen == Screen::Result => "x".to_string(),
            _ => "s".to_string(),
        };
        format!("r1;{screen};{}", self.responses.encode())
    }

    /// Restores [`Self::save`]'s text; anything else (tampered, old, garbage) gives `None`. Back
    /// works after a restore: the history is rebuilt through the pages before.
    pub fn restore(text: &str) -> Option<Session> {
        let mut parts = text.splitn(3, ';');
        let (Some("r1"), Some(screen), Some(rest)) = (parts.next(), parts.next(), parts.next()) else { return None };
        let responses = Responses::decode(rest)?;
        let mut session = Session { responses, ..Session::default() };
        let last_page = session.pages.len() - 1;
        let target = match screen {
            "s" => Screen::Start,
            "r" => Screen::Review,
            "x" => Screen::Result,
            p => Screen::Page(p.strip_prefix('p')?.parse::<usize>().ok().filter(|n| *n <= last_page)?),
        };
        let through = match target {
            Screen::Page(n) => n,
            Screen::Start => return Some(session),
            _ => last_page,
        };
        for n in 0..=through {
            session.go(Screen::Page(n));
        }
        if matches!(target, Screen::Review | Screen::Result) {
            session.go(Screen::Review);
        }
        if target == Screen::Result {
            session.go(Screen::Result);
        }
        session.screen = target;
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
        match next_after(&self.pages, index, &self.responses) {
            // Safety invariant 5: an emergency yes shows the result at once, even while editing.
            Next::EarlyResult(_) => {
                self.editing = false;
                self.go(Screen::Result);
            }
            _ if self.editing => {
                self.editing = false;
                // Back from the review goes to the page before the edit, not the edited page.
                self.history.pop();
                self.screen = Screen::Review;
            }
            Next::Page(n) => self.go(Screen::Page(n)),
            Next::Review => self.go(Screen::Review),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::Level;

    /// From the current page, answers every page mildly (no, under a day, 20 to 50, back pain
    /// before, heavy lifting) until the review.
    fn answer_rest(mut s: Session) -> Session {
        use crate::questionnaire::Field;
        while let Some((_, page)) = s.page() {
            let page = page.clone();
            if let Some(f) = page.emergency_finding() {
                s = s.apply(Action::AnswerAndContinue(f, Answer::No));
                continue;
            }
            for field in &page.fields {
                s = match field {
                    Field::Finding(f) => s.apply(Action::Answer(*f, Answer::No)),
                    Field::Duration => s.apply(Action::SetDuration(Duration::UnderOneDay)),
                    Field::Age => s.apply(Action::SetAge(AgeBand::From20To50)),
                    Field::BackPainBefore => s.apply(Action::SetBackPainBefore(Answer::Yes)),
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

    #[test]
    fn a_full_no_path_reaches_review_then_self_care() {
        let s = self_care_walk();
        assert_eq!(s.screen, Screen::Review);
        let s = s.apply(Action::SeeResult);
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::SelfCare);
        assert_eq!(s.outcome().factors.len(), 1);
    }

    #[test]
    fn an_emergency_yes_ends_the_interview_at_once() {
        let s = Session::default()
            .apply(Action::Begin)
            .apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::No))
            .apply(Action::AnswerAndContinue(Finding::OneSideNumbness, Answer::NotSure))
            .apply(Action::AnswerAndContinue(Finding::Confusion, Answer::No))
            .apply(Action::AnswerAndContinue(Finding::BladderBowelLoss, Answer::Yes));
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::EmergencyDepartment);
        // Back returns to the question, so a mistaken tap can be undone.
        let back = s.apply(Action::Back);
        assert_eq!(back.screen, Screen::Page(3));
    }

    #[test]
    fn continue_waits_for_an_answer() {
        let mut s = Session::default().apply(Action::Begin);
        for f in [Finding::ChestPain, Finding::OneSideNumbness, Finding::Confusion] {
            s = s.apply(Action::AnswerAndContinue(f, Answer::No));
        }
        while s.page().is_some_and(|(_, p)| p.emergency_finding().is_some()) {
            let f = s.page().unwrap().1.emergency_finding().unwrap();
            s = s.apply(Action::AnswerAndContinue(f, Answer::No));
        }
        let before = s.clone();
        assert!(!s.can_continue());
        assert_eq!(s.apply(Action::Continue), before);
    }

    #[test]
    fn changing_an_answer_from_the_review_changes_the_result() {
        let s = self_care_walk();
        let other_signs = s.pages().iter().position(|p| p.title == crate::questionnaire::PageTitle::OtherSigns).unwrap();
        let s = s.apply(Action::Edit(other_signs));
        assert_eq!(s.screen, Screen::Page(other_signs));
        let s = s.apply(Action::Answer(Finding::Fever, Answer::Yes)).apply(Action::Continue);
        assert_eq!(s.screen, Screen::Review);
        let s = s.apply(Action::SeeResult);
        assert_eq!(s.outcome().level, Level::Urgent);
        // Back from the result goes to the review, and Back again to the last page, not the edit.
        let s = s.apply(Action::Back);
        assert_eq!(s.screen, Screen::Review);
        assert_eq!(s.apply(Action::Back).screen, Screen::Page(s.pages().len() - 1));
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
        let not_sure = Session::default().apply(Action::Begin).apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::NotSure));
        let walk = answer_rest(not_sure);
        let urgent_result = walk.apply(Action::SeeResult);
        assert_eq!(urgent_result.outcome().level, Level::Urgent);
        assert_eq!(urgent_result.apply(Action::OpenCoach).screen, Screen::Result);
        let emergency = Session::default().apply(Action::Begin).apply(Action::AnswerAndContinue(Finding::ChestPain, Answer::Yes));
        assert_eq!(emergency.apply(Action::OpenCoach).screen, Screen::Result);
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
        for bad in ["", "r2;s;", "r1;p99;", "r1;p1;garbage", "r1;q;", "r1;x"] {
            assert!(Session::restore(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn start_over_clears_everything() {
        let s = self_care_walk().apply(Action::SeeResult).apply(Action::StartOver);
        assert_eq!(s, Session::default());
        assert!(!s.can_go_back());
    }
}
