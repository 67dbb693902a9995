use crate::qr::QrCode as Code;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds: a `tel:` or `https:` address.
    pub data: AttrValue,
    /// What scanning it does, shown under the code and read to screen readers.
    pub label: AttrValue,
}

/// A QR code drawn as one SVG path (a rectangle per run of dark modules in a row; no SVG string, no
/// raw HTML), for a patient to scan with their own phone where a kiosk must not leave the page.
#[function_component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let Some(code) = Code::encode(props.data.as_bytes()) else {
        return html! { <p>{ props.label.clone() }{ ": " }{ props.data.clone() }</p> };
    };
    let n = code.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            let start = x;
            while x < n && code.dark(x, y) {
                x += 1;
            }
            if x > start {
                // 4 modules of quiet zone on every side.
                path += &format!("M{} {}h{}v1H{}z", start + 4, y + 4, x - start, start + 4);
            }
            x += 1;
        }
    }
    let size = (n + 8).to_string();
    html! {
        <figure class="st-qr" data-link={props.data.clone()}>
            <svg viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()} shape-rendering="crispEdges">
                <rect width={size.clone()} height={size} fill="#ffffff" />
                <path d={path} fill="#000000" />
            </svg>
            <figcaption>{ props.label.clone() }</figcaption>
        </figure>
    }
}
