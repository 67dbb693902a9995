use yew::prelude::*;

/// A question's answers, for [`choice_group`].
pub struct ChoiceGroupProps {
    /// Unique within the widget: names the radio group and prefixes element ids.
    pub name: AttrValue,
    pub legend: AttrValue,
    pub hint: Option<AttrValue>,
    /// Each option's label and whether it is chosen.
    pub options: Vec<(AttrValue, bool)>,
    /// Called with the index of the option chosen.
    pub onchoose: Callback<usize>,
    /// Checkboxes (choose any) instead of radio buttons (choose one).
    pub multiple: bool,
}

/// A question with its answers as a fieldset: the legend is the question, each answer a labelled
/// radio button (or checkbox), so screen readers read the question with every answer. A plain
/// function, not a component: it has no state, and each component costs the wasm about 1 kB.
pub fn choice_group(props: ChoiceGroupProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    let options = props.options.iter().enumerate().map(|(i, (label, checked))| {
        let id = format!("{}-{}", props.name, i);
        let onchoose = props.onchoose.clone();
        let onchange = Callback::from(move |_: Event| onchoose.emit(i));
        html! {
            <label class="st-option" for={id.clone()}>
                <input type={if props.multiple { "checkbox" } else { "radio" }} {id} name={props.name.clone()}
                    checked={*checked} {onchange} />
                <span>{ label.clone() }</span>
            </label>
        }
    });
    html! {
        <fieldset class="st-fieldset" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ props.legend.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p class="st-why" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <div class="st-options">{ for options }</div>
        </fieldset>
    }
}
