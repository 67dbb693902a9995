//! Prerenders the widget's first screen, so it paints from HTML before any WebAssembly arrives
//! (issue 19), and writes it into the built loader with the widget's stylesheet, and the kiosk's
//! attract screens into the module of the modes only some pages need.
//!
//!     cargo run -p spasm-triage --features prerender --bin spasm-prerender -- dist/spasm-triage.js dist/modes.js
//!
//! The screens are the live widget's own: [`App`] rendered by Yew's server renderer with the same
//! props the widget mounts with, so the two cannot drift (an end-to-end test also compares them in
//! the browser). One screen per language and per kiosk or not, each with the placeholder
//! [`NUMBER`] where the emergency number goes; the loader puts in the number the practice set.
//! Marked as loading (`aria-busy="true"` on the widget's root) until the widget replaces it.
//!
//! In the loader, the string `"__FIRST_SCREENS__"` becomes a JSON object of the screens, keyed by
//! language code (`en`, `es`), `"__WIDGET_CSS__"` the minified stylesheet, and
//! `"__QUERY_PARAMETERS__"` the standalone page's query parameters (the loader sets each given as
//! its attribute, `data-` and its name), all as ASCII-only JSON (the loader is a classic script,
//! which a host page may decode as Latin-1). In modes.js, `"__KIOSK_SCREENS__"` becomes the kiosk's
//! screens, keyed the same way: only a kiosk needs them (the loader imports modes.js to paint one),
//! so every other page's loader is about 500 bytes lighter, and the kiosk's drawing costs it none.

use std::process::ExitCode;

use spasm_core::config::{Config, Mode, QUERY_PARAMETERS};
use spasm_core::i18n::Lang;
use spasm_triage::app::{App, AppProps, WIDGET_CSS};

/// What stands for the emergency number in a prerendered screen: not a number a practice can set
/// (those are 2 to 6 digits), so it cannot be mistaken for one.
const NUMBER: &str = "{number}";

/// The first screen for `lang` and `mode`, as the live widget renders it, marked as loading.
fn first_screen(lang: Lang, mode: Mode) -> String {
    let config = Config { emergency_number: NUMBER.into(), lang: Some(lang), mode, persist: mode != Mode::Kiosk, ..Config::default() };
    let props = AppProps { config, ..AppProps::default() };
    let html = futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).hydratable(false).render());
    let root = "<div class=\"st-root";
    assert!(html.starts_with(root), "the widget's root comes first: {html}");
    format!("<div aria-busy=\"true\"{}", &html[4..])
}

/// `text` as a JSON string literal of ASCII characters only.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

/// The screens for `mode` as a JSON object, keyed by language code.
fn screens(mode: Mode) -> String {
    let entries: Vec<String> =
        Lang::ALL.iter().map(|&lang| format!("{}:{}", json_string(lang.code()), json_string(&first_screen(lang, mode)))).collect();
    format!("{{{}}}", entries.join(","))
}

/// Replaces the one `placeholder` in the file at `path` by its value, for each pair.
fn fill(path: &str, pairs: &[(&str, String)]) -> Result<(), String> {
    let mut out = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    for (placeholder, value) in pairs {
        if out.matches(placeholder).count() != 1 {
            return Err(format!("{path}: {placeholder} must appear exactly once"));
        }
        out = out.replace(placeholder, value);
    }
    std::fs::write(path, out).map_err(|e| format!("{path}: cannot write: {e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [loader, modes] = args.as_slice() else {
        eprintln!("usage: spasm-prerender <the built loader, e.g. dist/spasm-triage.js> <its modes module, e.g. dist/modes.js>");
        return ExitCode::FAILURE;
    };
    let query = QUERY_PARAMETERS.iter().map(|(key, _)| json_string(key)).collect::<Vec<_>>().join(",");
    let written = fill(
        loader,
        &[
            ("\"__FIRST_SCREENS__\"", screens(Mode::Inline)),
            ("\"__WIDGET_CSS__\"", json_string(WIDGET_CSS)),
            ("\"__QUERY_PARAMETERS__\"", format!("[{query}]")),
        ],
    )
    .and_then(|()| fill(modes, &[("\"__KIOSK_SCREENS__\"", screens(Mode::Kiosk))]));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("spasm-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_is_the_start_screen_with_the_number_to_fill_in() {
        for lang in Lang::ALL {
            let t = lang.texts();
            let screen = first_screen(lang, Mode::Inline);
            assert!(screen.starts_with("<div aria-busy=\"true\" class=\"st-root\""), "{screen}");
            assert!(screen.contains(&format!("lang=\"{}\"", lang.code())), "{screen}");
            assert!(screen.contains("href=\"tel:{number}\""), "{screen}");
            assert!(screen.contains(t.start_button), "{screen}");
            let kiosk = first_screen(lang, Mode::Kiosk);
            assert!(kiosk.contains("st-kiosk") && kiosk.contains("st-attract"), "{kiosk}");
            // The attract screen's drawing, with its words.
            assert!(kiosk.contains(&format!("viewBox=\"0 0 200 100\" role=\"img\" aria-label=\"{}\"", t.kiosk_art)), "{kiosk}");
        }
    }

    #[test]
    fn each_query_parameter_stands_for_the_attribute_of_its_name() {
        // The loader sets the attribute "data-" + the parameter's name.
        for (key, attribute) in QUERY_PARAMETERS {
            assert_eq!(attribute, format!("data-{key}"));
        }
    }

    #[test]
    fn json_strings_are_ascii_and_escaped() {
        assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(json_string("ó\n</"), r#""\u00f3\u000a</""#);
        assert_eq!(json_string("😀"), r#""\ud83d\ude00""#);
    }
}
