//! One patient's session: where they are in the interview and what they have answered.
//!
//! [`Session::apply`] is the reducer: it takes an [`Action`] and returns the next session. It does no
//! I/O; the engine decides the level ([`Session::outcome`]). Pure, so the whole journey is tested
//! natively.

use crate::ids::{AgeBand, Answer, Context, Factor, Finding};
use crate::questionnaire::{next_after, pages, Duration, Field, Next, Page, Responses};
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
    /// Answer a finding. On a page of one question, answering it also moves on (the interview
    /// ends at once when no later question could raise the level); so do the four below.
    Answer(Finding, Answer),
    SetContext(Context, Answer),
    /// How long the spasms have gone on, answered at the given time (milliseconds since 1970): the
    /// self-care guide estimates when they began from both.
    SetDuration(Duration, i64),
    SetAge(AgeBand),
    SetFactor(Factor, bool),
    /// On a page of several findings: "None of these", every one "no", and move on.
    NoneOfThese,
    /// Leave the current page (only when it is answered).
    Continue,
    Back,
    /// Undo the last Back (the browser's forward button), if nothing was done since.
    Forward,
    /// From the result, "Change an answer": the review of every answer.
    OpenReview,
    /// From the review, change the answers of one page (one that applies), then come back to
    /// the review.
    Edit(usize),
    /// From the review, see the result.
    SeeResult,
    /// "Clear my answers" or "Start over": first ask whether to clear every answer
    /// ([`Session::asking`]); any other action takes the question away.
    AskStartOver,
    /// Clear every answer and go back to the start ("Yes, clear them").
    StartOver,
    /// "No, keep them": the question goes, nothing else changes.
    KeepAnswers,
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
    /// Screens left with Back, for Forward, most recent last (emptied by any other action).
    forward: Vec<Screen>,
    /// True while asking whether to clear every answer (after [`Action::AskStartOver`]).
    pub asking: bool,
    /// True while changing answers from the review: Continue passes over pages already answered
    /// and returns to the review.
    editing: bool,
    /// When "how long" was answered, so the spasm's start is estimated from the answer's own time,
    /// not from whenever the self-care guide is opened.
    duration_at: Option<i64>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            screen: Screen::Start,
            responses: Responses::default(),
            history: Vec::new(),
            forward: Vec::new(),
            asking: false,
            editing: false,
            duration_at: None,
        }
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
    pub fn page(&self) -> Option<(usize, &'static Page)> {
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

    /// How many screens Back can go back through (the browser's history follows it).
    pub fn depth(&self) -> usize {
        self.history.len()
    }

    /// On a question page, "Question {n} of about {total}": `n` is the number of the page's first
    /// question on this patient's path, `total` how many questions the path has if every answer
    /// from this page on were "no" (a question that cannot apply is not counted). So `total`
    /// changes only when an answer changes the path: `pregnant` yes adds the pregnancy warning
    /// signs, spasms under 2 days old take away "not better after a few days", an answer that
    /// raises the level may end the interview sooner.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let (current, _) = self.page()?;
        // The interview walked again, page by page, as it asks: each page's answers known once
        // it is passed, and none from this page on.
        let mut r = Responses::default();
        let (mut n, mut total, mut at) = (1, 0, 0);
        loop {
            let count = pages()[at].fields.iter().filter(|f| r.applies(**f)).count();
            total += count;
            if at < current {
                n += count;
                for field in pages()[at].fields {
                    r.copy(*field, &self.responses);
                }
            }
            match next_after(pages(), at, &r, false) {
                Next::Page(next) => at = next,
                _ => break,
            }
        }
        Some((n, total.max(n)))
    }

    /// True on the last question page of the path if every answer from here on were "no": its
    /// button says "See my result".
    pub fn last_page(&self) -> bool {
        match (self.page(), self.progress()) {
            (Some((_, page)), Some((n, total))) => n + page.fields.iter().filter(|f| self.responses.applies(**f)).count() > total,
            _ => false,
        }
    }

    /// True when the current page is answered, so Continue can leave it.
    pub fn can_continue(&self) -> bool {
        self.page().is_some_and(|(_, page)| self.responses.page_answered(page))
    }

    /// The reducer. Pure: returns the next session.
    pub fn apply(&self, action: Action) -> Session {
        let mut next = self.clone();
        let forward = std::mem::take(&mut next.forward);
        next.asking = false;
        // The question this action answers, if any: on its own page, the answer moves on.
        let answered = match action {
            Action::Begin => {
                next.go(Screen::Page(0));
                None
            }
            Action::Answer(finding, answer) => {
                next.responses.set_finding(finding, answer);
                Some(Field::Finding(finding))
            }
            Action::SetContext(context, answer) => {
                next.responses.set_context(context, answer);
                Some(Field::Context(context))
            }
            Action::SetDuration(d, at) => {
                next.responses.duration = Some(d);
                next.duration_at = Some(at);
                Some(Field::Duration)
            }
            Action::SetAge(a) => {
                next.responses.age = Some(a);
                Some(Field::Age)
            }
            Action::SetFactor(f, chosen) => {
                next.responses.set_factor(f, chosen);
                None
            }
            Action::NoneOfThese => {
                if let Some((_, page)) = next.page().filter(|(_, page)| page.grouped()) {
                    for field in page.fields {
                        if let Field::Finding(f) = field {
                            next.responses.set_finding(*f, Answer::No);
                        }
                    }
                    next.leave_page();
                }
                None
            }
            Action::Continue => {
                if next.can_continue() {
                    next.leave_page();
                }
                None
            }
            Action::Back => {
                if let Some(previous) = next.history.pop() {
                    // Back to the start screen is a fresh start: nothing to go forward to.
                    if previous != Screen::Start {
                        next.forward = forward;
                        next.forward.push(next.screen);
                    }
                    next.screen = previous;
                    if previous == Screen::Review {
                        next.editing = false;
                    }
                }
                None
            }
            Action::Forward => {
                next.forward = forward;
                if let Some(screen) = next.forward.pop() {
                    next.history.push(next.screen);
                    next.screen = screen;
                }
                None
            }
            Action::OpenReview if next.screen == Screen::Result => {
                next.go(Screen::Review);
                None
            }
            Action::Edit(n) if next.screen == Screen::Review && pages().get(n).is_some_and(|p| next.responses.page_applies(p)) => {
                next.editing = true;
                next.go(Screen::Page(n));
                None
            }
            // From the review opened on the result, back to that result.
            Action::SeeResult if next.screen == Screen::Review && next.history.last() == Some(&Screen::Result) => {
                next.screen = Screen::Result;
                next.history.pop();
                None
            }
            Action::SeeResult if next.screen == Screen::Review => {
                next.go(Screen::Result);
                None
            }
            Action::AskStartOver | Action::KeepAnswers => {
                next.asking = action == Action::AskStartOver;
                next.forward = forward;
                None
            }
            Action::StartOver => {
                next = Session::default();
                None
            }
            Action::OpenLibrary => {
                next.go(Screen::Library);
                None
            }
            Action::OpenArticle(n) if n < crate::library::count() => {
                next.go(Screen::Article(n));
                None
            }
            Action::OpenCoach if next.screen == Screen::Result && crate::coach::coach_offered(next.outcome().level) => {
                next.go(Screen::Coach);
                None
            }
            Action::OpenSummary if next.screen == Screen::Result => {
                next.go(Screen::Summary);
                None
            }
            Action::OpenReview | Action::Edit(_) | Action::SeeResult | Action::OpenArticle(_) | Action::OpenCoach | Action::OpenSummary => {
                None
            }
        };
        if answered.is_some() && next.page().and_then(|(_, page)| page.single()) == answered {
            next.leave_page();
        }
        next
    }

    /// The session as a short text for sessionStorage, so a reload loses nothing:
    /// `r3;<screen>;<when "how long" was answered, or ->;<answers>`. Only the interview's own
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
        format!("r3;{screen};{at};{}", self.responses.encode())
    }

    /// Restores [`Self::save`]'s text; anything else (tampered, garbage) gives `None`. A page
    /// comes back with the pages before it that apply as its history; the review or the result by
    /// walking the interview again with the saved answers, so the pages are the ones these answers
    /// lead to (the walk stops at the saved screen, or earlier at a page left unanswered, or at the
    /// result where the answers end the interview). An older version's text (`r2`, whose pages were
    /// fewer and numbered otherwise) keeps its answers and comes back by that walk, at the first
    /// page left unanswered, or at the review when every page was answered.
    pub fn restore(text: &str) -> Option<Session> {
        let mut parts = text.splitn(4, ';');
        let (Some(version @ ("r2" | "r3")), Some(screen), Some(at), Some(rest)) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let responses = Responses::decode(rest)?;
        let duration_at = if at == "-" { None } else { Some(at.parse::<i64>().ok()?) };
        let mut session = Session { responses, duration_at, ..Session::default() };
        let target = match screen {
            "s" => Screen::Start,
            "r" => Screen::Review,
            "x" => Screen::Result,
            p if version == "r2" && p.strip_prefix('p')?.parse::<u8>().is_ok() => Screen::Review,
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
                Screen::Result if target == Screen::Review => session.go(Screen::Review),
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
            Next::Done if editing => {
                // Back from the review goes where it went before the edit, not to the edited pages.
                while let Some(previous) = self.history.pop() {
                    if previous == Screen::Review {
                        break;
                    }
                }
                self.screen = Screen::Review;
            }
            Next::Done => self.go(Screen::Result),
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

    const AT: i64 = 1_790_000_000_000;

    /// The mild answer to a question: no, 20 to 50, under a day, heavy lifting.
    fn mild(field: Field) -> Action {
        match field {
            Field::Finding(f) => Action::Answer(f, Answer::No),
            Field::Context(c) => Action::SetContext(c, Answer::No),
            Field::Duration => Action::SetDuration(Duration::UnderOneDay, AT),
            Field::Age => Action::SetAge(AgeBand::From20To50),
            Field::Factors => Action::SetFactor(Factor::HeavyLifting, true),
        }
    }

    /// From the current page, answers every question mildly, one by one (a page of one question
    /// moves on when answered; a page of several with Continue), until the interview leaves the
    /// pages.
    fn answer_rest(mut s: Session) -> Session {
        while let Some((_, page)) = s.page() {
            let before = s.screen;
            let fields: Vec<Field> = page.fields.iter().copied().filter(|f| s.responses.applies(*f)).collect();
            for field in fields {
                s = s.apply(mild(field));
            }
            if s.screen == before {
                assert!(page.single().is_none(), "a page of one question did not move on when answered");
                s = s.apply(Action::Continue);
            }
            assert_ne!(s.screen, before, "Continue did not leave an answered page");
        }
        s
    }

    fn self_care_walk() -> Session {
        answer_rest(Session::default().apply(Action::Begin))
    }

    /// The page whose one question is `field`.
    fn page_of(field: Field) -> usize {
        pages().iter().position(|p| p.single() == Some(field)).unwrap()
    }

    /// Answers "no" to one question per page until the page on screen is `title`'s first.
    fn no_until(mut s: Session, title: PageTitle) -> Session {
        while s.page().unwrap().1.title != title {
            let field = s.page().unwrap().1.single().unwrap();
            s = s.apply(mild(field));
        }
        s
    }

    #[test]
    fn a_full_no_path_reaches_the_result_and_the_review_is_optional() {
        let s = self_care_walk();
        assert_eq!(s.screen, Screen::Result, "no forced review");
        assert_eq!(s.outcome().level, Level::SelfCare);
        assert_eq!(s.outcome().factors.len(), 1);
        // "Not better after a few days" did not apply to spasms under a day old.
        assert_eq!(s.responses.finding(Finding::NotImproving), None);
        // "Change an answer" opens the review; "See my result" returns to the same result.
        let review = s.apply(Action::OpenReview);
        assert_eq!(review.screen, Screen::Review);
        assert_eq!(review.apply(Action::SeeResult), s);
        assert_eq!((review.apply(Action::Back).screen, review.apply(Action::Back).depth()), (Screen::Result, s.depth()));
        // A page that does not apply to these answers cannot be opened from it.
        assert_eq!(review.apply(Action::Edit(page_of(Field::Finding(Finding::PregnancyWarning)))), review);
        // Only from the result.
        assert_eq!(Session::default().apply(Action::Begin).apply(Action::OpenReview).screen, Screen::Page(0));
    }

    /// The taps (actions after "Start the check") and screens of an all-clear adult aged 20 to 50,
    /// answering as a patient would who has none of the signs: "No" to each question on its own
    /// page, "None of these" on each page of `soon` questions, no contributing factor.
    fn all_clear_taps(duration: Duration) -> (usize, usize, Session) {
        let (mut s, mut taps, mut screens) = (Session::default().apply(Action::Begin), 0, 0);
        while let Some((_, page)) = s.page() {
            screens += 1;
            let tap = match page.single() {
                Some(Field::Age) => Action::SetAge(AgeBand::From20To50),
                Some(Field::Duration) => Action::SetDuration(duration, AT),
                Some(field) => mild(field),
                None if page.grouped() => Action::NoneOfThese,
                None => Action::Continue,
            };
            s = s.apply(tap);
            taps += 1;
            assert!(taps < 60, "the walk never ended");
        }
        (taps, screens, s)
    }

    #[test]
    fn an_all_clear_adult_reaches_self_care_in_at_most_28_taps() {
        for duration in [Duration::UnderOneDay, Duration::TwoDaysToTwoWeeks] {
            let (taps, screens, s) = all_clear_taps(duration);
            assert_eq!(s.screen, Screen::Result);
            assert_eq!(s.outcome().level, Level::SelfCare);
            // 14 emergency-section pages, 4 about you, 7 urgent, 2 of soon questions, the factors.
            assert_eq!((taps, screens), (28, 28), "{duration:?}");
            assert!(taps <= 28);
        }
    }

    #[test]
    fn none_of_these_answers_no_to_its_page_only_and_moves_on() {
        let s = no_until(Session::default().apply(Action::Begin), PageTitle::YourHealth);
        let (index, page) = s.page().unwrap();
        let fields = page.fields;
        // A yes tapped first is replaced: "None of these" means none.
        let s = s.apply(Action::Answer(Finding::BoneRisk, Answer::Yes));
        assert_eq!(s.screen, Screen::Page(index), "a page of several questions waits");
        let next = s.apply(Action::NoneOfThese);
        assert_eq!(next.screen, Screen::Page(index + 1));
        for field in fields {
            let Field::Finding(f) = field else { unreachable!() };
            assert_eq!(next.responses.finding(*f), Some(Answer::No), "{f}");
        }
        assert_eq!(next.responses.finding(Finding::Recurring), None, "the next page is not answered");
        // Ignored on a page of one question.
        let first = Session::default().apply(Action::Begin);
        assert_eq!(first.apply(Action::NoneOfThese), first);
    }

    #[test]
    fn an_emergency_yes_ends_the_interview_at_once() {
        let mut s = Session::default().apply(Action::Begin);
        for f in [Finding::ChestPain, Finding::OneSideNumbness, Finding::Confusion, Finding::TearingPain, Finding::Collapse] {
            s = s.apply(Action::Answer(f, Answer::No));
        }
        let s = s.apply(Action::Answer(Finding::BladderBowelLoss, Answer::Yes));
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::EmergencyDepartment);
        // Back returns to the question, so a mistaken tap can be undone.
        assert_eq!(s.apply(Action::Back).screen, Screen::Page(5));
        // The questions never reached are "not asked", not "no".
        assert_eq!(s.responses.finding(Finding::Fever), None);
    }

    #[test]
    fn progress_counts_the_questions_on_the_path_if_every_answer_left_were_no() {
        let begun = Session::default().apply(Action::Begin);
        // 13 emergency signs and the pregnancy gate, 4 about you, 7 urgent, 9 soon, the factors.
        assert_eq!(begun.progress(), Some((1, 35)));
        assert_eq!(Session::default().progress(), None, "not on the start screen");
        // The all-no walk: the number goes up by the questions of each page, "about" stays.
        let mut s = begun.clone();
        let mut seen = Vec::new();
        while let Some((_, page)) = s.page() {
            seen.push((s.progress().unwrap(), s.last_page()));
            s = s.apply(match page.single() {
                Some(Field::Duration) => Action::SetDuration(Duration::TwoDaysToTwoWeeks, AT),
                Some(field) => mild(field),
                None if page.grouped() => Action::NoneOfThese,
                None => Action::Continue,
            });
        }
        let numbers: Vec<usize> = seen.iter().map(|((n, _), _)| *n).collect();
        assert_eq!(numbers, (1..=26).chain([31, 35]).collect::<Vec<_>>());
        assert!(seen.iter().all(|((_, total), _)| *total == 35), "{seen:?}");
        // Only the last page's button says "See my result".
        let last: Vec<bool> = seen.iter().map(|(_, last)| *last).collect();
        assert_eq!(last.iter().filter(|l| **l).count(), 1);
        assert!(last[last.len() - 1]);

        // pregnant yes or not sure adds the pregnancy warning signs to the path.
        let gate = no_until(begun.clone(), PageTitle::WarningSigns);
        let mut gate = gate;
        while gate.page().unwrap().1.single() != Some(Field::Finding(Finding::Pregnant)) {
            let field = gate.page().unwrap().1.single().unwrap();
            gate = gate.apply(mild(field));
        }
        assert_eq!(gate.progress(), Some((14, 35)));
        let pregnant = gate.apply(Action::Answer(Finding::Pregnant, Answer::NotSure));
        assert_eq!(pregnant.progress(), Some((15, 36)));

        // Spasms under 2 days old: "not better after a few days" leaves the path.
        let mut s = no_until(begun.clone(), PageTitle::AboutYou);
        s = s.apply(Action::SetAge(AgeBand::From20To50)).apply(Action::SetContext(Context::NewOrDifferent, Answer::No));
        assert_eq!(s.progress(), Some((17, 35)));
        assert_eq!(s.apply(Action::SetDuration(Duration::OneToTwoDays, AT)).progress(), Some((18, 34)));
        assert_eq!(s.apply(Action::SetDuration(Duration::NotSure, AT)).progress(), Some((18, 35)));

        // An urgent yes ends the interview after the last question that could still raise it:
        // the `soon` page of infection risk, then the result (no second `soon` page, no factors).
        let mut s = no_until(begun, PageTitle::OtherSigns).apply(Action::Answer(Finding::Fever, Answer::Yes));
        assert_eq!(s.progress(), Some((20, 30)));
        s = no_until(s, PageTitle::YourHealth);
        assert!(s.last_page());
        assert_eq!(s.apply(Action::NoneOfThese).screen, Screen::Result);
    }

    #[test]
    fn continue_waits_for_an_answer() {
        let s = no_until(Session::default().apply(Action::Begin), PageTitle::YourHealth);
        assert!(!s.can_continue());
        assert_eq!(s.apply(Action::Continue), s);
    }

    #[test]
    fn a_question_asked_but_unanswered_counts_as_not_sure() {
        // A page on screen whose answer is missing (a tampered or half-restored session): the
        // engine reads it as "not sure", never as "no".
        let s = no_until(Session::default().apply(Action::Begin), PageTitle::AboutYou);
        assert_eq!(s.page().unwrap().1.single(), Some(Field::Age));
        let answers = s.answers();
        assert_eq!(answers.age, AgeBand::Unknown);
        assert_eq!(answers.context(Context::BloodThinner), Answer::No, "not asked yet");
        assert_eq!(answers.get(Finding::Fever), Answer::No, "not asked yet");
    }

    #[test]
    fn back_and_forward_move_between_questions_and_an_answer_ends_forward() {
        let s = Session::default().apply(Action::Begin).apply(Action::Answer(Finding::ChestPain, Answer::No));
        assert_eq!((s.screen, s.depth()), (Screen::Page(1), 2));
        let back = s.apply(Action::Back);
        assert_eq!((back.screen, back.depth()), (Screen::Page(0), 1));
        assert_eq!(back.responses, s.responses, "answers kept");
        assert_eq!(back.apply(Action::Forward), s);
        let two_back = back.apply(Action::Back);
        assert_eq!(two_back, Session { responses: s.responses.clone(), ..Session::default() }, "a fresh start");
        assert_eq!(back.apply(Action::Back).apply(Action::Begin).apply(Action::Forward).screen, Screen::Page(0));
        // Anything else done after Back ends what Forward can redo.
        let changed = back.apply(Action::Answer(Finding::ChestPain, Answer::NotSure));
        assert_eq!(changed.screen, Screen::Page(1));
        let back_again = changed.apply(Action::Back).apply(Action::SetFactor(Factor::Stress, true));
        assert_eq!(back_again.apply(Action::Forward).screen, Screen::Page(0));
        // Nothing to go forward to: nothing happens.
        assert_eq!(s.apply(Action::Forward), s);
    }

    #[test]
    fn changing_an_answer_from_the_review_changes_the_result() {
        let s = self_care_walk().apply(Action::OpenReview);
        let fever = page_of(Field::Finding(Finding::Fever));
        let s = s.apply(Action::Edit(fever));
        assert_eq!(s.screen, Screen::Page(fever));
        let s = s.apply(Action::Answer(Finding::Fever, Answer::Yes));
        // Fever could still meet infection risk (an emergency), asked on a later page: the edit
        // goes on only if that page is unanswered; here it was answered, so the result shows at
        // once (urgent: no review needed).
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::Urgent);
        assert_eq!(s.apply(Action::Back).screen, Screen::Page(fever));
    }

    #[test]
    fn an_edit_that_opens_a_new_question_asks_it() {
        let s = self_care_walk().apply(Action::OpenReview);
        let gate = page_of(Field::Finding(Finding::Pregnant));
        let s = s.apply(Action::Edit(gate)).apply(Action::Answer(Finding::Pregnant, Answer::Yes));
        assert_eq!(s.page().and_then(|(_, p)| p.single()), Some(Field::Finding(Finding::PregnancyWarning)));
        let s = s.apply(Action::Answer(Finding::PregnancyWarning, Answer::No));
        assert_eq!(s.screen, Screen::Review, "the rest was answered");
        let result = s.apply(Action::SeeResult);
        assert_eq!((result.screen, result.outcome().level), (Screen::Result, Level::Soon));
    }

    #[test]
    fn an_emergency_yes_while_editing_still_ends_at_once() {
        let s = self_care_walk().apply(Action::OpenReview).apply(Action::Edit(0)).apply(Action::Answer(Finding::ChestPain, Answer::Yes));
        assert_eq!(s.screen, Screen::Result);
        assert_eq!(s.outcome().level, Level::CallEmergency);
    }

    #[test]
    fn articles_open_from_a_result_and_back_returns_to_it() {
        let s = self_care_walk().apply(Action::OpenArticle(0));
        assert_eq!(s.screen, Screen::Article(0));
        let s = s.apply(Action::OpenArticle(1)).apply(Action::Back);
        assert_eq!(s.screen, Screen::Article(0));
        assert_eq!(s.apply(Action::Back).screen, Screen::Result);
        // An index past the library is ignored, not a panic.
        assert_eq!(s.apply(Action::OpenArticle(usize::MAX)).screen, Screen::Article(0));
    }

    #[test]
    fn the_coach_opens_only_after_a_home_care_or_booked_visit_result() {
        let home = self_care_walk();
        assert_eq!(home.apply(Action::OpenCoach).screen, Screen::Coach);
        // Not before a result, and never after an urgent or emergency one.
        assert_eq!(home.apply(Action::OpenReview).apply(Action::OpenCoach).screen, Screen::Review);
        let unsure = Session::default().apply(Action::Begin).apply(Action::Answer(Finding::ChestPain, Answer::NotSure));
        let result = answer_rest(unsure);
        assert_eq!(result.screen, Screen::Result);
        assert_eq!(result.outcome().level, Level::EmergencyDepartment);
        assert_eq!(result.apply(Action::OpenCoach).screen, Screen::Result);
    }

    #[test]
    fn a_saved_session_restores_its_place_and_answers() {
        let mid = Session::default()
            .apply(Action::Begin)
            .apply(Action::Answer(Finding::ChestPain, Answer::NotSure))
            .apply(Action::Answer(Finding::OneSideNumbness, Answer::No));
        let restored = Session::restore(&mid.save()).unwrap();
        assert_eq!(restored.screen, Screen::Page(2));
        assert_eq!(restored.responses, mid.responses);
        assert_eq!(restored.apply(Action::Back).screen, Screen::Page(1));
        let done = self_care_walk().apply(Action::OpenCoach);
        let restored = Session::restore(&done.save()).unwrap();
        assert_eq!(restored.screen, Screen::Result);
        assert_eq!(restored.outcome(), done.outcome());
        assert_eq!(restored.apply(Action::Back).screen, Screen::Page(pages().len() - 1), "the last question");
        assert_eq!(restored.duration_answered_at(), Some(AT), "when \"how long\" was answered");
        let review = self_care_walk().apply(Action::OpenReview);
        assert_eq!(Session::restore(&review.save()).unwrap().screen, Screen::Review);
        for bad in ["", "r1;s;", "r3;p99;-;", "r3;p1;-;garbage", "r3;q;-;", "r3;x", "r3;s;soon;", "r2;q;-;"] {
            assert!(Session::restore(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn an_older_versions_saved_session_keeps_its_answers() {
        // Version r2 numbered fewer pages (the about-you questions on one page): its page number
        // means another page now, so the walk finds the place: the first page left unanswered.
        let mid = no_until(Session::default().apply(Action::Begin), PageTitle::AboutYou).apply(Action::SetAge(AgeBand::From51To64));
        let old = format!("r2;p15;-;{}", mid.responses.encode());
        let restored = Session::restore(&old).unwrap();
        assert_eq!(restored.responses, mid.responses);
        assert_eq!(restored.screen, mid.screen);
        assert_eq!(restored.page().unwrap().1.single(), Some(Field::Context(Context::NewOrDifferent)));
        // Every page answered: the review; the old result and review as they were.
        let done = self_care_walk();
        let answers = done.responses.encode();
        assert_eq!(Session::restore(&format!("r2;p20;{AT};{answers}")).unwrap().screen, Screen::Review);
        assert_eq!(Session::restore(&format!("r2;x;{AT};{answers}")).unwrap(), Session::restore(&done.save()).unwrap());
        assert_eq!(Session::restore(&format!("r2;r;-;{answers}")).unwrap().screen, Screen::Review);
    }

    #[test]
    fn a_reload_on_a_page_gone_back_to_keeps_that_page() {
        // Found by tests/stored_fuzz.rs: a yes on the second question shows the result; Back, then
        // a reload, must come back to that question, not to the result its kept answer gives.
        let s = Session::default()
            .apply(Action::Begin)
            .apply(Action::Answer(Finding::ChestPain, Answer::No))
            .apply(Action::Answer(Finding::OneSideNumbness, Answer::Yes))
            .apply(Action::Back);
        assert_eq!(s.screen, Screen::Page(1));
        let restored = Session::restore(&s.save()).unwrap();
        assert_eq!(restored.screen, Screen::Page(1));
        assert_eq!(restored.apply(Action::Back).screen, Screen::Page(0));
    }

    #[test]
    fn clearing_the_answers_asks_first_and_anything_else_keeps_them() {
        let s = self_care_walk();
        let asking = s.apply(Action::AskStartOver);
        assert!(asking.asking);
        assert_eq!((&asking.screen, &asking.responses), (&s.screen, &s.responses), "nothing cleared yet");
        // "No, keep them" (or any other tap) takes the question away.
        assert_eq!(asking.apply(Action::KeepAnswers), s);
        assert!(!asking.apply(Action::SetFactor(Factor::Stress, false)).asking);
        assert_eq!(asking.apply(Action::OpenReview).screen, Screen::Review);
        assert_eq!(asking.apply(Action::StartOver), Session::default());
    }

    #[test]
    fn start_over_clears_everything() {
        let s = self_care_walk().apply(Action::StartOver);
        assert_eq!(s, Session::default());
        assert!(s.history.is_empty(), "Back has somewhere to go");
    }
}
