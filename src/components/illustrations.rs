//! Original line drawings for rest positions, stretches and the kiosk's attract screen, drawn for
//! this widget in one style: stroke-only figures in `currentColor` (the widget's accent), the body 4
//! units wide with round caps, props (chairs, pillows) and the floor 2 wide, every head a circle of
//! radius 9. A stretch shows its start and end poses side by side (400 x 120, each pose in a
//! 200-wide half with its word below it) with an arrow between them; a rest position is one pose
//! (200 wide), which the stylesheet draws half as wide as a stretch: one scale everywhere. Nothing moves, so reduced
//! motion is respected by construction. Each is an `img` whose text alternative says what the
//! drawing shows, for a stretch the movement from start to end.

use spasm_core::coach::{RestPosition, Stretch};
use yew::prelude::*;

/// One pose in a 200-wide box, on the floor (y = 94): the head's centre, the body's
/// lines (back, arms, legs through their joints) and the props' lines (none: "").
struct Pose {
    head: [&'static str; 2],
    body: &'static str,
    props: &'static str,
}

const fn pose(x: &'static str, y: &'static str, body: &'static str, props: &'static str) -> Pose {
    Pose { head: [x, y], body, props }
}

/// Each stretch's start and end poses, in the order of `Texts::stretches`: seen from the side
/// facing left, but the twist from the front.
const STRETCHES: [[Pose; 2]; Stretch::COUNT] = [
    // Seated twist: sitting tall on a chair, hands on the thighs; then the upper body turned to
    // the person's left (the head and shoulders turned), the right hand across on the left knee,
    // the left hand back on the seat.
    [
        pose("100", "12", "M100 21v35M84 26h32M84 26l-4 18 4 14M116 26l4 18-4 14M92 56h16M92 56l-8 6v30h-6M108 56l8 6v30h6", CHAIR),
        pose(
            "104",
            "12",
            "M100 21v35M90 26h22M90 26l10 18 14 16M112 26l12 14 4 16M92 56h16M92 56l-8 6v30h-6M108 56l8 6v30h6M113 12l6 2",
            CHAIR,
        ),
    ],
    // Cat-cow on hands and knees: the back rounded up, head down (cat); the back dipped, head up
    // (cow).
    [pose("54", "70", "M61 63l9-11Q92 14 114 52v38h34M70 52v38", ""), pose("52", "32", "M59 39l11 13Q92 80 114 52v38h34M70 52v38", "")],
    // Cobra: lying face down, hands under the shoulders; then the chest pressed up on the hands,
    // the hips and legs on the floor.
    [pose("32", "82", "M41 87l8 3h120l-4-8M48 89l18-19-4 20", ""), pose("48", "40", "M53 48l7 8Q68 84 96 90h73l-4-8M60 56l4 18-6 16", "")],
    // Child's pose: kneeling, sitting back on the heels, upright; then folded forward over the
    // knees, the head down and the arms stretched out on the floor.
    [
        pose("92", "25", "M92 34l2 46-34 10h44M92 42l-8 18-14 18", ""),
        pose("34", "80", "M43 80l13-4Q70 48 94 80l-34 10h44M56 76L44 90H10", ""),
    ],
];

/// The chair of the twist, from the front: seat and legs.
const CHAIR: &str = "M66 58h68M70 58v34m60 0V58";

/// The rest positions, in the order of `coach::RestPosition::ALL`.
const RESTS: [Pose; RestPosition::COUNT] = [
    // On the back: head and shoulders raised on two pillows, a pillow under the knees.
    pose(
        "28",
        "50",
        "M36 58l52 30 30-20 30 20 4-8M44 62l12 16 18-2",
        "M21 76h42a7 7 0 0 1 0 14H21a7 7 0 0 1 0-14zm0-14h16a7 7 0 0 1 0 14H21a7 7 0 0 1 0-14zm92 10h12a9 9 0 0 1 0 18h-12a9 9 0 0 1 0-18z",
    ),
    // In a recliner: the back tilted, the legs up on the footrest, the knees a little bent.
    pose("30", "26", "M34 35l20 33 36-10 34 4 4-8M38 42l8 18h20", "M16 22l26 50h54l38-4M56 72v20h36V72"),
];

/// The kiosk's attract screen: someone with a hand on their sore lower back (short lines show the
/// ache) reaching for a tablet on a stand, the check.
const WELCOME: Pose = pose(
    "100",
    "14",
    "M106 22q8 16 6 34l-6 38h-8M112 56l8 38h-8M107 29l-14 12-16-2M107 29l12 11-5 12",
    "M126 44l7-4M128 51h8M126 58l7 4M50 26h22v28H50zm5 15 4 4 8-9M61 54v40M49 94h24",
);

/// One pose in its 200-wide box, the floor under it and, for a stretch, its word below.
fn draw(p: &Pose, word: Option<&'static str>) -> Html {
    html! { <>
        <path d={p.props} stroke-width="2" />
        <path d="M6 94h188" stroke-width="2" />
        <circle cx={p.head[0]} cy={p.head[1]} r="9" />
        <path d={p.body} />
        if let Some(word) = word {
            <text x="100" y="116" font-size="22" text-anchor="middle" fill="currentColor" stroke="none">{ word }</text>
        }
    </> }
}

fn figure(label: &'static str, view_box: &'static str, body: Html) -> Html {
    html! {
        <svg class="st-figure" viewBox={view_box} role="img" aria-label={label}
            fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
            { body }
        </svg>
    }
}

/// Stretch `i` (indexed like `Texts::stretches`): its start and end poses, labelled with `words`,
/// and an arrow from one to the other.
pub fn stretch(i: usize, label: &'static str, [start, end]: [&'static str; 2]) -> Html {
    let [a, b] = &STRETCHES[i];
    figure(
        label,
        "0 0 400 120",
        html! { <>
            { draw(a, Some(start)) }
            <g transform="translate(200)">{ draw(b, Some(end)) }</g>
            <path d="M184 50h32m-9-8 9 8-9 8" stroke-width="3" />
        </> },
    )
}

/// Rest position `i` (indexed like `coach::RestPosition::ALL`): one pose, for there is no movement.
pub fn rest(i: usize, label: &'static str) -> Html {
    figure(label, "0 10 200 90", draw(&RESTS[i], None))
}

/// The kiosk's attract screen's drawing, for the next patient at the tablet.
pub fn welcome(label: &'static str) -> Html {
    figure(label, "0 0 200 100", draw(&WELCOME, None))
}
