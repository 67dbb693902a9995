//! Prerenders the widget's first screen, so it paints from HTML before any WebAssembly arrives
//! (issue 19), and writes it into the built loader with the widget's stylesheet.
//!
//!     cargo run -p spasm-triage --features prerender --bin spasm-prerender -- dist/spasm-triage.js
//!
//! The screens are the live widget's own: [`App`] rendered by Yew's server renderer with the same
//! props the widget mounts with, so the two cannot drift (an end-to-end test also compares them in
//! the browser). One screen per language and per kiosk or not, each with the placeholder
//! [`NUMBER`] where the emergency number goes; the loader puts in the number the practice set.
//! Marked as loading (`aria-busy="true"` on the widget's root) until the widget replaces it.
//!
//! In the loader, the string `"__FIRST_SCREENS__"` becomes a JSON object of the screens, keyed
//! `en`, `es`, `en-kiosk`, `es-kiosk`, `"__WIDGET_CSS__"` the minified stylesheet, and
//! `"__QUERY_PARAMETERS__"` the standalone page's query parameters (the loader sets each given as
//! its attribute, `data-` and its name), all as ASCII-only JSON (the loader is a classic script,
//! which a host page may decode as Latin-1).

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

/// The screens as a JSON object, keyed by language code, with `-kiosk` for the kiosk's.
fn screens() -> String {
    let mut entries = Vec::new();
    for lang in Lang::ALL {
        for (mode, suffix) in [(Mode::Inline, ""), (Mode::Kiosk, "-kiosk")] {
            entries.push(format!("{}:{}", json_string(&format!("{}{suffix}", lang.code())), json_string(&first_screen(lang, mode))));
        }
    }
    format!("{{{}}}", entries.join(","))
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: spasm-prerender <the built loader, e.g. dist/spasm-triage.js>");
        return ExitCode::FAILURE;
    };
    let loader = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("spasm-prerender: {path}: cannot read: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = loader;
    let query = QUERY_PARAMETERS.iter().map(|(key, _)| json_string(key)).collect::<Vec<_>>().join(",");
    for (placeholder, value) in [
        ("\"__FIRST_SCREENS__\"", screens()),
        ("\"__WIDGET_CSS__\"", json_string(WIDGET_CSS)),
        ("\"__QUERY_PARAMETERS__\"", format!("[{query}]")),
    ] {
        if out.matches(placeholder).count() != 1 {
            eprintln!("spasm-prerender: {path}: {placeholder} must appear exactly once");
            return ExitCode::FAILURE;
        }
        out = out.replace(placeholder, &value);
    }
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("spasm-prerender: {path}: cannot write: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
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
