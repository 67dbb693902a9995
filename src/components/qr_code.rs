use spasm_core::qr::QrCode as Code;
use yew::prelude::*;

/// A QR code drawn as one SVG path (a rectangle per run of dark modules in a row; no SVG string, no
/// raw HTML), for a patient to scan with their own phone where a kiosk must not leave the page.
/// `data` is what the code holds (a `tel:` or `https:` address); `label` says what scanning it does,
/// shown under the code and read to screen readers. A plain function: it has no state.
pub fn qr_code(data: AttrValue, label: AttrValue) -> Html {
    let Some(code) = Code::encode(data.as_bytes()) else {
        return html! { <p>{ label }{ ": " }{ data }</p> };
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
        <figure class="st-qr" data-link={data}>
            <svg viewBox={format!("0 0 {size} {size}")} role="img" aria-label={label.clone()} shape-rendering="crispEdges">
                <rect width={size.clone()} height={size} fill="#ffffff" />
                <path d={path} fill="#000000" />
            </svg>
            <figcaption>{ label }</figcaption>
        </figure>
    }
}
