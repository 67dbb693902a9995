use qrcode::{Color, EcLevel, QrCode as Matrix};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds: a `tel:` or `https:` address.
    pub data: AttrValue,
    /// What scanning it does, shown under the code and read to screen readers.
    pub label: AttrValue,
}

/// A QR code drawn as one SVG path from the code's modules (no SVG string, no raw HTML), for a
/// patient to scan with their own phone where a kiosk must not leave the page.
#[function_component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let Ok(code) = Matrix::with_error_correction_level(props.data.as_bytes(), EcLevel::M) else {
        return html! { <p>{ props.label.clone() }{ ": " }{ props.data.clone() }</p> };
    };
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
        }
    }
    let size = width + 8;
    html! {
        <figure class="st-qr" data-link={props.data.clone()}>
            <svg viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()} shape-rendering="crispEdges">
                <rect width={size.to_string()} height={size.to_string()} fill="#ffffff" />
                <path d={path} fill="#000000" />
            </svg>
            <figcaption>{ props.label.clone() }</figcaption>
        </figure>
    }
}
