//! The widget's configuration, as a practice sets it with `data-*` attributes. Pure.
//!
//! [`Config::from_attributes`] never fails and never panics: a bad value is ignored with one
//! [`Warning`] naming the attribute, and the default is used, so the widget always works.
//!
//! ```
//! use spasm_core::config::{Config, Mode};
//! let (config, warnings) = Config::from_attributes([
//!     ("data-emergency-number", "112"),
//!     ("data-booking-url", "javascript:alert(1)"),
//!     ("data-mode", "launcher"),
//! ]);
//! assert_eq!(config.emergency_number, "112");
//! assert_eq!(config.booking_url, None);
//! assert_eq!(config.mode, Mode::Launcher);
//! assert_eq!(warnings.len(), 1);
//! assert!(warnings[0].to_string().contains("data-booking-url"));
//! ```

use std::fmt;

use crate::coach::Timing;
use crate::kiosk::IdlePolicy;

/// How the widget is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// In the page where the tag is.
    #[default]
    Inline,
    /// A small button that opens the widget in a panel, loading it only then.
    Launcher,
    /// A waiting-room tablet: idle reset, nothing stored.
    Kiosk,
}

pub use crate::i18n::Lang;

/// What a practice can configure. Every field has a safe default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The emergency number, shown and dialled on emergency results (default 911).
    pub emergency_number: String,
    pub practice_name: Option<String>,
    /// The practice's phone number as shown; [`Config::practice_tel`] gives the link.
    pub phone: Option<String>,
    /// The practice's after-hours line as shown, for `urgent` results when the practice is closed
    /// or cannot see the patient today (spec section 1); [`Config::after_hours_tel`] gives the link.
    pub after_hours_phone: Option<String>,
    /// Where to book a visit (https: or http: only).
    pub booking_url: Option<String>,
    /// The accent colour as `#rrggbb`, dark enough for white text on it (4.5:1).
    pub accent: Option<String>,
    /// The language the practice chose (`data-lang`); if none, the browser's language decides
    /// ([`Lang::negotiate`]).
    pub lang: Option<Lang>,
    pub mode: Mode,
    /// Ice and heat round length and rest gap. Tests shorten it; the product never does.
    pub timing: Timing,
    /// How long one stretch is held, in milliseconds.
    pub hold_ms: i64,
    /// Whether the widget keeps the patient's answers in the tab's sessionStorage, so a reload loses
    /// nothing: only when the practice asks (`data-remember="session"`; the standalone page does),
    /// never in kiosk mode. Off by default, since on a practice's site any script of the page
    /// (analytics, a tag manager) could read that storage (issue 22).
    pub persist: bool,
    /// Kiosk idle times.
    pub idle: IdlePolicy,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            emergency_number: "911".to_string(),
            practice_name: None,
            phone: None,
            after_hours_phone: None,
            booking_url: None,
            accent: None,
            lang: None,
            mode: Mode::Inline,
            timing: Timing::default(),
            hold_ms: 15_000,
            persist: false,
            idle: IdlePolicy::default(),
        }
    }
}

/// A `data-*` attribute whose value was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub attribute: String,
    pub problem: &'static str,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "spasm-triage: ignored {}: {}; using the default", self.attribute, self.problem)
    }
}

/// The attributes the widget reads.
pub const ATTRIBUTES: [&str; 11] = [
    "data-practice-name",
    "data-phone",
    "data-after-hours-phone",
    "data-booking-url",
    "data-emergency-number",
    "data-accent",
    "data-lang",
    "data-mode",
    "data-idle-seconds",
    "data-prompt-seconds",
    "data-remember",
];

/// The query parameters the standalone page reads (`?mode=kiosk`), and the attribute each stands
/// for: the loader copies each one given onto the page's `<spasm-triage>` element as that attribute
/// (the last value given, if several), before the first screen and the widget read them. The build
/// writes the list into the loader (`src/bin/spasm-prerender.rs`). Other parameters (a campaign
/// tag, say) are left alone.
pub const QUERY_PARAMETERS: [(&str, &str); 5] = [
    ("mode", "data-mode"),
    ("lang", "data-lang"),
    ("idle-seconds", "data-idle-seconds"),
    ("prompt-seconds", "data-prompt-seconds"),
    ("after-hours-phone", "data-after-hours-phone"),
];

/// Maps the standalone page's query parameters to attributes for [`Config::from_attributes`], as
/// the loader does for the standalone page.
#[cfg(test)]
fn query_attributes<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(&'static str, &'a str)> {
    params.into_iter().filter_map(|(key, value)| QUERY_PARAMETERS.iter().find(|(k, _)| *k == key).map(|(_, attr)| (*attr, value))).collect()
}

/// The shortest kiosk idle time and prompt a practice may set: a shorter one cleared a "Call 911
/// now" result 2.3 seconds after it appeared (issue 22). A time below is refused with a warning, and
/// the default (90 and 20 seconds) applies, as for any other bad value.
const MIN_IDLE_SECONDS: i64 = 30;
const MIN_PROMPT_SECONDS: i64 = 10;

impl Config {
    /// Reads a configuration from attribute names and values. Unknown `data-*` attributes are
    /// warned about too (a typo should not fail silently); other attributes are ignored.
    pub fn from_attributes<'a, I>(attributes: I) -> (Config, Vec<Warning>)
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut config = Config::default();
        let mut warnings = Vec::new();
        for (name, value) in attributes {
            let mut warn = |problem| warnings.push(Warning { attribute: name.to_string(), problem });
            let value = value.trim();
            match name {
                "data-practice-name" => match clean_text(value, 80) {
                    Some(v) => config.practice_name = Some(v),
                    None => warn("a name of 1 to 80 characters without control characters is expected"),
                },
                "data-phone" | "data-after-hours-phone" => match parse_phone(value) {
                    Some(v) if name == "data-phone" => config.phone = Some(v),
                    Some(v) => config.after_hours_phone = Some(v),
                    None => warn("a phone number of 3 to 20 digits is expected (spaces, +, -, ., brackets allowed)"),
                },
                "data-booking-url" => match parse_url(value) {
                    Some(v) => config.booking_url = Some(v),
                    None => warn("an https: or http: address is expected"),
                },
                "data-emergency-number" => {
                    if (2..=6).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
                        config.emergency_number = value.to_string();
                    } else {
                        warn("2 to 6 digits are expected, such as 911, 112 or 999");
                    }
                }
                "data-accent" => match parse_accent(value) {
                    Ok(v) => config.accent = Some(v),
                    Err(problem) => warn(problem),
                },
                "data-lang" => match Lang::from_tag(value) {
                    Some(lang) => config.lang = Some(lang),
                    None => warn("a language tag starting \"en\" or \"es\" is expected (\"es-MX\" is fine)"),
                },
                "data-mode" => match value {
                    "inline" => config.mode = Mode::Inline,
                    "launcher" => config.mode = Mode::Launcher,
                    "kiosk" => config.mode = Mode::Kiosk,
                    _ => warn("\"inline\", \"launcher\" or \"kiosk\" is expected"),
                },
                "data-idle-seconds" => match value.parse::<i64>() {
                    Ok(secs) if (MIN_IDLE_SECONDS..=3600).contains(&secs) => config.idle.idle_ms = secs * 1000,
                    _ => warn("a whole number of seconds from 30 to 3600 is expected (less would clear a result before it is read)"),
                },
                "data-prompt-seconds" => match value.parse::<i64>() {
                    Ok(secs) if (MIN_PROMPT_SECONDS..=3600).contains(&secs) => config.idle.prompt_ms = secs * 1000,
                    _ => warn("a whole number of seconds from 10 to 3600 is expected (less leaves no time to answer)"),
                },
                "data-remember" => match value {
                    "session" => config.persist = true,
                    "none" => config.persist = false,
                    _ => warn("\"session\" or \"none\" is expected"),
                },
                "data-launcher-label" => {}
                other if other.starts_with("data-") => warn("not an attribute the widget reads"),
                _ => {}
            }
        }
        if config.mode == Mode::Kiosk {
            config.persist = false;
        }
        (config, warnings)
    }

    /// Replaces `{number}` in a text with the emergency number.
    pub fn fill(&self, text: &str) -> String {
        crate::i18n::fill(text, &[("number", &self.emergency_number)])
    }

    /// A `tel:` link for the emergency number.
    pub fn emergency_tel(&self) -> String {
        format!("tel:{}", self.emergency_number)
    }

    /// A `tel:` link for the practice's phone: digits and a leading + only.
    pub fn practice_tel(&self) -> Option<String> {
        self.phone.as_ref().map(|p| format!("tel:{}", tel_digits(p)))
    }

    /// A `tel:` link for the practice's after-hours line: digits and a leading + only.
    pub fn after_hours_tel(&self) -> Option<String> {
        self.after_hours_phone.as_ref().map(|p| format!("tel:{}", tel_digits(p)))
    }
}

fn clean_text(value: &str, max: usize) -> Option<String> {
    let ok = !value.is_empty() && value.chars().count() <= max && !value.chars().any(char::is_control);
    ok.then(|| value.to_string())
}

fn tel_digits(phone: &str) -> String {
    let plus = if phone.starts_with('+') { "+" } else { "" };
    format!("{plus}{}", phone.chars().filter(char::is_ascii_digit).collect::<String>())
}

fn parse_phone(value: &str) -> Option<String> {
    let allowed = value.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let plus_ok = value.chars().skip(1).all(|c| c != '+');
    (allowed && plus_ok && (3..=20).contains(&digits) && value.len() <= 30).then(|| value.to_string())
}

fn parse_url(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty() && !host.contains('@') && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    let ok = host_ok && value.len() <= 2000 && !value.chars().any(|c| c.is_control() || c.is_whitespace() || "<>\"'`".contains(c));
    ok.then(|| value.to_string())
}

/// `x` to the power 2.4, for `x` in (0, 1]: the fifth root of `x`^12, by Newton's method from `x`^2
/// (above the root, so it falls to it without overshooting). `f64::powf` costs the wasm about
/// 1.4 kB of libm; this matches it to 1e-12 over every channel value (a test checks).
fn pow_2_4(x: f64) -> f64 {
    let x4 = x * x * x * x;
    let target = x4 * x4 * x4;
    let mut y = x * x;
    for _ in 0..40 {
        y = (4.0 * y + target / (y * y * y * y)) / 5.0;
    }
    y
}

/// `#rgb` or `#rrggbb`, normalised to `#rrggbb`, and dark enough for white text (4.5:1).
fn parse_accent(value: &str) -> Result<String, &'static str> {
    const BAD: &str = "a colour like #0b5d55 is expected";
    let hex = value.strip_prefix('#').ok_or(BAD)?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(BAD);
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 => hex.to_string(),
        _ => return Err(BAD),
    }
    .to_ascii_lowercase();
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).map(f64::from).unwrap_or(0.0) / 255.0;
    // WCAG 2's ratio, which the set-up page shows too (`contrast_with_white`): a macro at the end of
    // this file, so sharing it left the widget's code as it was (a function changed its wasm).
    let contrast_with_white = white_contrast!(channel);
    if contrast_with_white < 4.5 {
        return Err("the colour is too light for white text on it (needs 4.5:1 contrast)");
    }
    Ok(format!("#{full}"))
}

/// The contrast ratio of white text on a colour whose `$channel(0)`, `$channel(2)` and
/// `$channel(4)` are its red, green and blue from 0 to 1, by WCAG 2's formula: `data-accent` is
/// taken at 4.5:1 or more ([`Config::from_attributes`]), and the set-up page shows it
/// ([`contrast_with_white`]).
macro_rules! white_contrast {
    ($channel:ident) => {{
        let linear = |c: f64| if c <= 0.039_28 { c / 12.92 } else { pow_2_4((c + 0.055) / 1.055) };
        let luminance = 0.2126 * linear($channel(0)) + 0.7152 * linear($channel(2)) + 0.0722 * linear($channel(4));
        1.05 / (luminance + 0.05)
    }};
}
use white_contrast;

#[cfg(any(test, feature = "setup"))]
/// The contrast ratio of white text on `value` (`#rgb` or `#rrggbb`), as `data-accent` is judged
/// (at least 4.5:1 is taken), or `None` when `value` is not such a colour. For the set-up page,
/// which shows it; the widget itself only asks [`Config::from_attributes`].
pub fn contrast_with_white(value: &str) -> Option<f64> {
    let hex = value.trim().strip_prefix('#')?;
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).map(f64::from).unwrap_or(0.0) / 255.0;
    full.bytes().all(|b| b.is_ascii_hexdigit()).then(|| white_contrast!(channel))
}

#[cfg(any(test, feature = "setup"))]
/// Whether `value` is an `https:` or `http:` address the widget would link to (the check
/// `data-booking-url` gets), for the set-up page's hosting address.
pub fn is_web_address(value: &str) -> bool {
    parse_url(value.trim()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_2_4_matches_powf_for_every_channel_value() {
        for v in 11..=255 {
            let x = (f64::from(v) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - std).abs() < 1e-12, "{v}: {ours} vs {std}");
        }
    }

    fn one(name: &str, value: &str) -> (Config, Vec<Warning>) {
        Config::from_attributes([(name, value)])
    }

    #[test]
    fn a_bad_after_hours_phone_is_warned_about_and_left_out() {
        let (c, w) = one("data-after-hours-phone", "call us");
        assert_eq!(c.after_hours_phone, None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].attribute, "data-after-hours-phone");
        // The standalone page reads it from the query string too.
        let (c, w) = Config::from_attributes(query_attributes([("after-hours-phone", "0800 555 0199")]));
        assert!(w.is_empty());
        assert_eq!(c.after_hours_tel().as_deref(), Some("tel:08005550199"));
    }

    #[test]
    fn good_values_are_taken() {
        let (c, w) = Config::from_attributes([
            ("data-practice-name", " Riverside Family Practice "),
            ("data-phone", "+1 (555) 010-2000"),
            ("data-after-hours-phone", "+1 555 010 2999"),
            ("data-booking-url", "https://riverside.example/book?x=1"),
            ("data-emergency-number", "112"),
            ("data-accent", "#036"),
            ("data-lang", "ES"),
            ("data-mode", "kiosk"),
            ("data-remember", "session"),
            ("class", "anything"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.practice_name.as_deref(), Some("Riverside Family Practice"));
        assert_eq!(c.practice_tel().as_deref(), Some("tel:+15550102000"));
        assert_eq!(c.after_hours_phone.as_deref(), Some("+1 555 010 2999"));
        assert_eq!(c.after_hours_tel().as_deref(), Some("tel:+15550102999"));
        assert_eq!(c.booking_url.as_deref(), Some("https://riverside.example/book?x=1"));
        assert_eq!(c.emergency_tel(), "tel:112");
        assert_eq!(c.accent.as_deref(), Some("#003366"));
        assert_eq!(c.lang, Some(Lang::Es));
        assert_eq!(c.mode, Mode::Kiosk);
        assert!(!c.persist, "kiosk mode never stores, even when asked to remember");
    }

    #[test]
    fn bad_values_are_ignored_with_one_warning_naming_the_attribute() {
        let cases = [
            ("data-booking-url", "javascript:alert(1)"),
            ("data-booking-url", "data:text/html,<script>"),
            ("data-booking-url", "JAVASCRIPT://x.org/%0aalert(1)"),
            ("data-booking-url", "https://user@evil.example/"),
            ("data-booking-url", "https://ok.example/\"onmouseover=x"),
            ("data-phone", "call us"),
            ("data-phone", "12"),
            ("data-phone", "1-800-FLOWERS"),
            ("data-emergency-number", "9-1-1"),
            ("data-emergency-number", "tel:911"),
            ("data-accent", "magenta"),
            ("data-accent", "#ffff00"),
            ("data-accent", "#12345"),
            ("data-lang", "klingon"),
            ("data-mode", "popup"),
            ("data-practice-name", ""),
            ("data-practice-name", "a\u{0}b"),
            ("data-colour", "#000000"),
        ];
        for (name, value) in cases {
            let (c, w) = one(name, value);
            assert_eq!(w.len(), 1, "{name}={value:?}");
            assert!(w[0].to_string().contains(name), "{}", w[0]);
            assert_eq!(Config { persist: c.persist, ..Config::default() }, c, "{name}={value:?} changed the config");
        }
    }

    #[test]
    fn answers_are_kept_across_a_reload_only_when_the_practice_asks() {
        // On a practice's site, any script of the page could read sessionStorage (issue 22).
        assert!(!Config::default().persist);
        assert!(!Config::from_attributes([]).0.persist);
        let (c, w) = Config::from_attributes([("data-remember", " session ")]);
        assert!(c.persist && w.is_empty());
        assert!(!Config::from_attributes([("data-remember", "none")]).0.persist);
        let (c, w) = Config::from_attributes([("data-remember", "local")]);
        assert!(!c.persist);
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().contains("data-remember"), "{}", w[0]);
    }

    #[test]
    fn kiosk_times_and_query_parameters() {
        let (c, w) = Config::from_attributes(query_attributes([("mode", "kiosk"), ("idle-seconds", "45"), ("utm_source", "x")]));
        assert!(w.is_empty());
        assert_eq!(c.mode, Mode::Kiosk);
        assert_eq!(c.idle.idle_ms, 45_000);
        assert_eq!(c.idle.prompt_ms, 20_000);
        // The shortest times a practice may set (issue 22: 1 and 1 cleared a "Call 911 now" result
        // 2.3 seconds after it appeared); below them, the defaults, with a warning each.
        let (c, w) = Config::from_attributes(query_attributes([("idle-seconds", "30"), ("prompt-seconds", "10")]));
        assert!(w.is_empty());
        assert_eq!(c.idle, IdlePolicy { idle_ms: 30_000, prompt_ms: 10_000 });
        let (c, w) = Config::from_attributes(query_attributes([("idle-seconds", "29"), ("prompt-seconds", "9")]));
        assert_eq!(w.iter().map(|w| w.attribute.as_str()).collect::<Vec<_>>(), ["data-idle-seconds", "data-prompt-seconds"]);
        assert_eq!(c.idle, IdlePolicy::default());
        // A tampered URL: warned about and ignored.
        let (c, w) = Config::from_attributes(query_attributes([("mode", "<script>"), ("prompt-seconds", "-1"), ("idle-seconds", "9e99")]));
        assert_eq!(w.len(), 3);
        assert_eq!(c.mode, Mode::Inline);
        assert_eq!(c.idle, IdlePolicy::default());
    }

    #[test]
    fn accent_needs_contrast_with_white_text() {
        assert!(parse_accent("#0b5d55").is_ok());
        assert!(parse_accent("#767676").is_ok(), "4.54:1 passes");
        assert!(parse_accent("#777777").is_err(), "4.48:1 fails");
    }

    #[test]
    fn contrast_with_white_is_the_ratio_the_accent_is_judged_by() {
        let ratio = |v| contrast_with_white(v).unwrap();
        assert!((ratio("#000") - 21.0).abs() < 1e-9);
        assert!((ratio("#FFFFFF") - 1.0).abs() < 1e-9);
        assert!((ratio("#767676") - 4.54).abs() < 0.01);
        assert!((ratio("#777777") - 4.48).abs() < 0.01);
        assert!((ratio(" #0b5d55 ") - 7.75).abs() < 0.01, "{}", ratio("#0b5d55"));
        for bad in ["0b5d55", "#12345", "#ggg", "red", ""] {
            assert_eq!(contrast_with_white(bad), None, "{bad}");
        }
        // The same judgement as the widget's: taken exactly when the ratio is 4.5 or more.
        for v in ["#767676", "#777777", "#0b5d55", "#ffff00", "#036", "#5a5a5a", "#808080"] {
            let taken = Config::from_attributes([("data-accent", v)]).1.is_empty();
            assert_eq!(taken, ratio(v) >= 4.5, "{v}");
        }
    }

    #[test]
    fn web_addresses_are_checked_like_the_booking_link() {
        assert!(is_web_address("https://clinic.example/back-check/"));
        assert!(is_web_address(" http://127.0.0.1:8080/ "));
        for bad in ["clinic.example", "javascript:alert(1)", "https://", "https://a b/", "ftp://x.org/"] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
