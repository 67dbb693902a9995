//! Original line drawings for rest positions and stretches: simple figures, drawn for this widget.
//! Each is an `img` with a text alternative that says what the drawing shows.

use yew::prelude::*;

fn figure(label: &'static str, body: Html) -> Html {
    html! {
        <svg class="st-figure" viewBox="0 0 200 100" role="img" aria-label={label}
            fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
            <line x1="5" y1="92" x2="195" y2="92" stroke-width="2" />
            { body }
        </svg>
    }
}

/// Lying on the back, upper body raised on a pillow, a pillow under the knees.
pub fn rest_on_back(label: &'static str) -> Html {
    figure(
        label,
        html! { <>
            <path d="M20 88 h45 l-15 -18 h-30 z" stroke-width="2" />
            <rect x="105" y="74" width="32" height="14" rx="7" stroke-width="2" />
            <circle cx="38" cy="58" r="9" />
            <path d="M47 64 L95 80 L120 68 L160 86" />
            <path d="M70 70 L88 84" />
        </> },
    )
}

/// Half-lying in a recliner, legs supported, knees slightly bent.
pub fn rest_recliner(label: &'static str) -> Html {
    figure(
        label,
        html! { <>
            <path d="M25 30 L55 80 H120 L170 70 V80" stroke-width="2" />
            <path d="M60 80 V92 M150 74 V92" stroke-width="2" />
            <circle cx="38" cy="32" r="9" />
            <path d="M44 42 L62 72 L110 70 L160 62" />
            <path d="M52 56 L80 66" />
        </> },
    )
}

/// Sitting tall on a chair, upper body turned to one side.
pub fn seated_twist(label: &'static str) -> Html {
    figure(
        label,
        html! { <>
            <path d="M70 60 H120 V92 M70 60 V92" stroke-width="2" />
            <circle cx="95" cy="16" r="9" />
            <path d="M95 25 V60 L130 60 L130 92" />
            <path d="M95 36 L122 56 M95 36 L72 44" />
        </> },
    )
}

/// On hands and knees, back rounded up like a cat.
pub fn cat_cow(label: &'static str) -> Html {
    figure(
        label,
        html! { <>
            <circle cx="50" cy="58" r="9" />
            <path d="M60 52 Q100 26 140 50" />
            <path d="M62 54 L62 90 M140 50 L140 90 L170 90" />
        </> },
    )
}

/// Lying on the belly, chest lifted a little on the hands.
pub fn cobra(label: &'static str) -> Html {
    figure(
        label,
        html! { <>
            <circle cx="40" cy="46" r="9" />
            <path d="M48 54 Q70 70 100 86 L180 88" />
            <path d="M60 60 L62 90" />
        </> },
    )
}

/// Kneeling, sitting back on the heels, arms stretched forward on the floor.
pub fn childs_pose(label: &'static str) -> Html {
    figure(
        label,
        html! { <>
            <circle cx="70" cy="80" r="9" />
            <path d="M80 76 Q110 56 140 72 L150 90 L120 90" />
            <path d="M66 88 L20 90" />
        </> },
    )
}
