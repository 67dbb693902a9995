//! Every format the widget keeps in sessionStorage (the session, the coach's round, the reading
//! choices) reads back what was written, and no stored text, however damaged, makes a reader panic:
//! a bad text is refused and the widget starts fresh. (The hand-off link has its own, in
//! tests/handoff_fuzz.rs.)

use proptest::prelude::*;

use spasm_core::coach::{CoachState, Round, Therapy, MINUTE_MS};
use spasm_core::i18n::{Lang, Reading};
use spasm_core::ids::{AgeBand, Answer, Context, Factor, Finding};
use spasm_core::questionnaire::{Duration, Field, Responses};
use spasm_core::session::{Action, Screen, Session};

const ANSWERS: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

/// A patient's action, as the views send them (indices into the id lists).
fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Begin),
        Just(Action::Continue),
        Just(Action::Back),
        Just(Action::SeeResult),
        Just(Action::NoneOfThese),
        Just(Action::Forward),
        Just(Action::OpenReview),
        Just(Action::AskStartOver),
        Just(Action::KeepAnswers),
        Just(Action::OpenCoach),
        Just(Action::OpenSummary),
        (0..Finding::ALL.len(), 0..3usize).prop_map(|(f, a)| Action::Answer(Finding::ALL[f], ANSWERS[a])),
        (0..Context::ALL.len(), 0..3usize).prop_map(|(c, a)| Action::SetContext(Context::ALL[c], ANSWERS[a])),
        (0..Duration::ALL.len(), 0i64..4_102_444_800_000).prop_map(|(d, at)| Action::SetDuration(Duration::ALL[d], at)),
        (0..AgeBand::ALL.len()).prop_map(|a| Action::SetAge(AgeBand::ALL[a])),
        (0..Factor::ALL.len(), any::<bool>()).prop_map(|(f, on)| Action::SetFactor(Factor::ALL[f], on)),
        (0..25usize).prop_map(Action::Edit),
    ]
}

/// What the interview would answer on the page on screen: its first unanswered field, mildly.
fn answer_page(s: &Session, pick: usize) -> Session {
    let Some((_, page)) = s.page() else { return s.clone() };
    let mut next = s.clone();
    for field in page.fields {
        next = match field {
            Field::Finding(f) => next.apply(Action::Answer(*f, ANSWERS[pick % 3])),
            Field::Context(c) => next.apply(Action::SetContext(*c, ANSWERS[pick % 3])),
            Field::Age => next.apply(Action::SetAge(AgeBand::ALL[pick % AgeBand::ALL.len()])),
            Field::Duration => next.apply(Action::SetDuration(Duration::ALL[pick % Duration::ALL.len()], 1_790_000_000_000)),
            Field::Factors => next,
        };
    }
    // A page of one question moved on when answered.
    if next.screen == s.screen {
        next.apply(Action::Continue)
    } else {
        next
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_stored_texts_never_panic(text in "\\PC{0,120}") {
        let _ = Session::restore(&text);
        let _ = CoachState::decode(&text);
        let _ = Reading::decode(&text);
        let _ = Responses::decode(&text);
        let _ = Session::restore(&format!("r2;{text}"));
        let _ = Session::restore(&format!("r3;{text}"));
        let _ = CoachState::decode(&format!("c1;{text}"));
    }

    #[test]
    fn a_session_reads_back_its_answers_and_place(picks in proptest::collection::vec(0usize..100, 0..30),
                                                   extra in proptest::collection::vec(action(), 0..12)) {
        // A walk through the interview with varied answers, then any actions at all.
        let mut s = Session::default().apply(Action::Begin);
        for pick in picks {
            s = answer_page(&s, pick);
        }
        for a in extra {
            s = s.apply(a);
        }
        let restored = Session::restore(&s.save()).expect("a saved session reads back");
        prop_assert_eq!(&restored.responses, &s.responses);
        prop_assert_eq!(restored.duration_answered_at(), s.duration_answered_at());
        // Back at the same screen, or (when that page cannot be reached by walking the answers, as
        // after Back and a changed answer) at an earlier page, never further on.
        match (s.screen, restored.screen) {
            (a, b) if a == b => {}
            (Screen::Page(a), Screen::Page(b)) => prop_assert!(b < a, "{:?} came back as {:?}", a, b),
            (Screen::Review | Screen::Result, Screen::Page(_)) => {}
            // The answers end the interview at once (above `soon`): the result, not the review.
            (Screen::Review, Screen::Result) => prop_assert!(restored.outcome().level > spasm_core::ids::Level::Soon),
            (Screen::Library | Screen::Article(_) | Screen::Coach | Screen::Summary, _) => {}
            (a, b) => prop_assert!(false, "{:?} came back as {:?}", a, b),
        }
        // And saving again gives the same text: nothing drifts across reloads.
        if restored.screen == s.screen {
            prop_assert_eq!(Session::restore(&restored.save()).map(|r| r.save()), Some(restored.save()));
        }
    }

    #[test]
    fn a_coach_state_reads_back(opened in proptest::option::of(0i64..4_102_444_800_000),
                                round in proptest::option::of((any::<bool>(), 0i64..4_102_444_800_000, 0..=20 * MINUTE_MS, 0i64..86_400_000, proptest::option::of(0i64..4_102_444_800_000))),
                                last in proptest::option::of(0i64..4_102_444_800_000)) {
        let round = round.map(|(ice, started_at, length_ms, paused_ms, paused_at)| Round {
            therapy: if ice { Therapy::Ice } else { Therapy::Heat },
            started_at,
            length_ms,
            paused_ms,
            paused_at,
        });
        let state = CoachState { opened_at: opened, round, last_ended_at: last };
        prop_assert_eq!(CoachState::decode(&state.encode()), Some(state));
    }

    #[test]
    fn reading_choices_read_back(es in any::<bool>(), large in any::<bool>()) {
        let r = Reading { lang: if es { Lang::Es } else { Lang::En }, large };
        prop_assert_eq!(Reading::decode(&r.encode()), Some(r));
    }
}
