use yew::prelude::*;

use super::{action_button, choice_group, emergency_line, ChoiceGroupProps, ANSWER_ORDER};
use crate::state::WidgetContext;
use crate::state::{use_texts, use_widget};
use spasm_core::i18n::Texts;
use spasm_core::ids::{AgeBand, Answer, Factor};
use spasm_core::questionnaire::{Duration, Field};
use spasm_core::session::{Action, Session};

/// A page of a few questions, each a [`choice_group`], with Next and Back.
#[function_component]
pub fn QuestionPage() -> Html {
    let state = use_widget();
    let t = use_texts();
    let tried = use_state(|| false);
    {
        // A new page starts without the "please answer" note. Called on every render, before any
        // early return, as hooks must be.
        let tried = tried.clone();
        use_effect_with(state.session.page().map(|(index, _)| index), move |_| tried.set(false));
    }
    let Some((_, page)) = state.session.page() else { return html! {} };
    let fields = page.fields.iter().filter(|f| state.session.responses.applies(**f)).map(|field| field_view(t, &state, *field));
    let onsubmit = {
        let state = state.clone();
        let tried = tried.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if state.session.can_continue() {
                state.dispatch(Action::Continue.into());
            } else {
                tried.set(true);
            }
        })
    };
    let missing = *tried && !state.session.can_continue();
    html! {
        <section class="st-screen">
            <h2 data-focus-heading="" tabindex="-1">{ t.page_titles[page.title.index()] }</h2>
            <form {onsubmit} novalidate=true>
                { for fields }
                if missing {
                    <p class="st-alert" role="alert">{ t.answer_all }</p>
                }
                <div class="st-nav">
                    <button type="submit" class="st-primary">{ t.next }</button>
                    { action_button(&state, "st-secondary", t.back, Action::Back) }
                </div>
            </form>
            { emergency_line(&state.config, t) }
        </section>
    }
}

fn field_view(t: &'static Texts, state: &WidgetContext, field: Field) -> Html {
    let hint = |why: &str| Some(AttrValue::from(format!("{} {why}", t.why_we_ask)));
    let s: &Session = &state.session;
    let dispatch = |make: fn(usize) -> Action| {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(make(i).into()))
    };
    let yes_no = |current: Option<Answer>| -> Vec<(AttrValue, bool)> {
        ANSWER_ORDER.iter().map(|a| (AttrValue::from(t.answer(*a)), current == Some(*a))).collect()
    };
    match field {
        Field::Finding(finding) => {
            let words = t.finding(finding);
            let state = state.clone();
            let onchoose = Callback::from(move |i: usize| state.dispatch(Action::Answer(finding, ANSWER_ORDER[i]).into()));
            choice_group(ChoiceGroupProps {
                name: format!("q-{}", finding.id()).into(),
                legend: words.question.into(),
                hint: hint(words.why),
                options: yes_no(s.responses.finding(finding)),
                onchoose,
                multiple: false,
            })
        }
        Field::Duration => {
            let options = Duration::ALL
                .iter()
                .map(|d| (AttrValue::from(t.durations[d.index()]), s.responses.duration == Some(*d)))
                .collect::<Vec<_>>();
            choice_group(ChoiceGroupProps {
                name: "q-duration".into(),
                legend: t.duration_question.into(),
                hint: None,
                options,
                onchoose: dispatch(|i| Action::SetDuration(Duration::ALL[i], crate::hooks::now_ms())),
                multiple: false,
            })
        }
        Field::Context(context) => {
            let (question, why) = t.context_question(context);
            let state = state.clone();
            let onchoose = Callback::from(move |i: usize| state.dispatch(Action::SetContext(context, ANSWER_ORDER[i]).into()));
            choice_group(ChoiceGroupProps {
                name: format!("q-{}", context.id()).into(),
                legend: question.into(),
                hint: hint(why),
                options: yes_no(s.responses.context(context)),
                onchoose,
                multiple: false,
            })
        }
        Field::Age => {
            let options =
                AgeBand::ALL.iter().map(|a| (AttrValue::from(t.age_bands[a.index()]), s.responses.age == Some(*a))).collect::<Vec<_>>();
            choice_group(ChoiceGroupProps {
                name: "q-age".into(),
                legend: t.age_question.into(),
                hint: hint(t.age_why),
                options,
                onchoose: dispatch(|i| Action::SetAge(AgeBand::ALL[i])),
                multiple: false,
            })
        }
        Field::Factors => {
            let options = Factor::ALL.iter().map(|f| (AttrValue::from(t.factor(*f).label), s.responses.factor(*f))).collect::<Vec<_>>();
            let state = state.clone();
            let onchoose = Callback::from(move |i: usize| {
                let factor = Factor::ALL[i];
                state.dispatch(Action::SetFactor(factor, !state.session.responses.factor(factor)).into());
            });
            choice_group(ChoiceGroupProps {
                name: "q-factors".into(),
                legend: t.factors_question.into(),
                hint: Some(t.factors_hint.into()),
                options,
                onchoose,
                multiple: true,
            })
        }
    }
}
