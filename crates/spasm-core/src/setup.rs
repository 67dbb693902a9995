//! The practice's set-up page (`src/bin/spasm-setup.rs`), its pure parts: the form's fields, each
//! checked by the widget's own parser with its own message; the tag to paste; the standalone and
//! kiosk links; sample sessions that reach each level of care from real answers; and the waiting
//! room poster's words. Only the set-up page's binary calls this module; the widget's never does,
//! so the linker leaves it out of what a patient downloads (`scripts/check-budgets.sh`).

use crate::config::{Config, QUERY_PARAMETERS};
use crate::ids::{AgeBand, Factor, Finding, Level};
use crate::questionnaire::{Duration, Field as Question};
use crate::session::{Action, Session};

/// How a field is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Tel,
    Url,
    Colour,
    Number,
    /// One of these values, each with its label (the first, "", is "not set").
    Choice(&'static [(&'static str, &'static str)]),
}

/// One field of the set-up form: the attribute it sets, its label, and a hint with its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub attribute: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub kind: Kind,
}

/// Every attribute a practice sets, the web person's two choices for the page last.
pub const FIELDS: [Field; 13] = [
    Field {
        attribute: "data-practice-name",
        label: "Practice name",
        hint: "Shown on the call button. Default: \"your doctor's office\".",
        kind: Kind::Text,
    },
    Field {
        attribute: "data-phone",
        label: "Practice phone",
        hint: "Shown and dialled on \"book a visit\" and \"doctor today\" results.",
        kind: Kind::Tel,
    },
    Field {
        attribute: "data-after-hours-phone",
        label: "After-hours phone",
        hint: "Shown on \"doctor today\" results for when the practice is closed.",
        kind: Kind::Tel,
    },
    Field {
        attribute: "data-booking-url",
        label: "Booking page address",
        hint: "Linked on \"book a visit\" results. https: or http: only.",
        kind: Kind::Url,
    },
    Field { attribute: "data-emergency-number", label: "Emergency number", hint: "2 to 6 digits. Default: 911.", kind: Kind::Tel },
    Field {
        attribute: "data-accent",
        label: "Accent colour",
        hint: "#rgb or #rrggbb, dark enough for white text on it (4.5:1). Default: #0b5d55.",
        kind: Kind::Colour,
    },
    Field {
        attribute: "data-lang",
        label: "Language",
        hint: "Without it, the patient's browser language (English or Spanish).",
        kind: Kind::Choice(&[("", "The browser's language"), ("en", "English"), ("es", "Spanish")]),
    },
    Field {
        attribute: "data-mode",
        label: "How it shows",
        hint: "Launcher: a floating button opens it in a panel. Kiosk: a waiting-room tablet.",
        kind: Kind::Choice(&[
            ("", "In the page (inline)"),
            ("launcher", "Floating button (launcher)"),
            ("kiosk", "Waiting-room tablet (kiosk)"),
        ]),
    },
    Field {
        attribute: "data-launcher-label",
        label: "Launcher button text",
        hint: "For the floating button only. Default: \"Check my back spasm\".",
        kind: Kind::Text,
    },
    Field {
        attribute: "data-idle-seconds",
        label: "Kiosk: seconds before \"Still there?\"",
        hint: "30 to 3600. Default: 90.",
        kind: Kind::Number,
    },
    Field { attribute: "data-prompt-seconds", label: "Kiosk: countdown seconds", hint: "10 to 3600. Default: 20.", kind: Kind::Number },
    Field {
        attribute: "data-remember",
        label: "Keep answers through a reload",
        hint: "In this browser tab only (sessionStorage). Never at a kiosk.",
        kind: Kind::Choice(&[("", "No: in memory only (default)"), ("session", "Yes: keep them in the tab")]),
    },
    Field {
        attribute: "data-isolation",
        label: "Keep the site's own scripts out",
        hint: "For sites with analytics, session replay or a tag manager: the check runs in a frame of its own. \
               Host the files on another origin (a CDN or a subdomain).",
        kind: Kind::Choice(&[("", "No (default)"), ("frame", "Yes: run it in a frame of its own")]),
    },
];

/// `data-isolation` is the loader's (`loader/modes.js`), never the widget's: the widget is not even
/// mounted on a page that sets it.
const ISOLATION: &str = "data-isolation";

/// What the widget says about `value` for `attribute`: its own warning, or `None` when it takes the
/// value (or the field is empty, which means the default). The same parser as the widget's
/// ([`Config::from_attributes`]), so the set-up page never accepts what the widget would refuse.
pub fn problem(attribute: &str, value: &str) -> Option<&'static str> {
    if value.trim().is_empty() {
        return None;
    }
    if attribute == ISOLATION {
        return (value.trim() != "frame").then_some("\"frame\" is expected");
    }
    Config::from_attributes([(attribute, value)]).1.first().map(|w| w.problem)
}

/// The attributes to put on the tag: each field that is set and that the widget takes, trimmed,
/// in the order of [`FIELDS`]. `values` are the form's entries, by attribute.
pub fn attributes<'a>(values: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    FIELDS
        .iter()
        .filter_map(|field| values.iter().find(|(a, _)| *a == field.attribute))
        .map(|(a, v)| (*a, v.trim()))
        .filter(|(a, v)| !v.is_empty() && problem(a, v).is_none())
        .collect()
}

/// The configuration the widget makes of `attributes`.
pub fn config(attributes: &[(&'static str, &str)]) -> Config {
    Config::from_attributes(attributes.iter().copied().filter(|(a, _)| *a != ISOLATION)).0
}

/// `address` as a folder: with a `/` at its end.
pub fn folder(address: &str) -> String {
    let address = address.trim();
    if address.ends_with('/') {
        address.to_string()
    } else {
        format!("{address}/")
    }
}

/// Escapes text for an HTML attribute value in double quotes, or for text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The tag to paste where the widget should appear: the loader from `base` (where the practice
/// hosts the files) with its Subresource Integrity hash `integrity` (none in a debug build), the
/// `attributes`, and the text that shows only if the loader never runs, with the emergency number.
pub fn embed_tag(base: &str, integrity: Option<&str>, attributes: &[(&'static str, &str)]) -> String {
    let number = config(attributes).emergency_number;
    let check = integrity.map_or(String::new(), |sri| format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape(sri)));
    let attrs: String = attributes.iter().map(|(a, v)| format!(" {a}=\"{}\"", escape(v))).collect();
    format!(
        "<script src=\"{}spasm-triage.js\"{check} defer></script>\n<spasm-triage{attrs}>\n  If this box stays empty and it is an emergency, call {number}.\n</spasm-triage>\n",
        escape(&folder(base))
    )
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The standalone page at `base` with the settings its address may carry
/// ([`QUERY_PARAMETERS`]): for the kiosk (`kiosk`), `mode=kiosk`, the language and the kiosk
/// times; for a patient's own phone (the poster), only the after-hours line (the phone's language
/// decides, and the page is never a kiosk there). Settings the address cannot carry (the practice's
/// name, phone, emergency number) live in the hosted `index.html` (README: kiosk mode).
pub fn page_link(base: &str, attributes: &[(&'static str, &str)], kiosk: bool) -> String {
    let mut query = Vec::new();
    if kiosk {
        query.push("mode=kiosk".to_string());
    }
    for (param, attribute) in QUERY_PARAMETERS {
        let carried = match param {
            "mode" => false,
            "after-hours-phone" => true,
            _ => kiosk,
        };
        if let Some((_, value)) = attributes.iter().find(|(a, _)| *a == attribute).filter(|_| carried) {
            query.push(format!("{param}={}", encode_query(value)));
        }
    }
    let base = folder(base);
    if query.is_empty() {
        base
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

/// The preview's choices: each level of care, then the self-care guide.
pub const SAMPLES: [Sample; 6] = [
    Sample::Level(Level::CallEmergency),
    Sample::Level(Level::EmergencyDepartment),
    Sample::Level(Level::Urgent),
    Sample::Level(Level::Soon),
    Sample::Level(Level::SelfCare),
    Sample::Guide,
];

/// One of the preview's samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sample {
    Level(Level),
    Guide,
}

impl Sample {
    /// The staff's name for it on the set-up page.
    pub fn label(self) -> &'static str {
        match self {
            Sample::Level(Level::CallEmergency) => "Emergency services",
            Sample::Level(Level::EmergencyDepartment) => "Emergency department",
            Sample::Level(Level::Urgent) => "Doctor today",
            Sample::Level(Level::Soon) => "Book soon",
            Sample::Level(Level::SelfCare) => "Self care",
            Sample::Guide => "Self-care guide",
        }
    }

    /// The one "yes" that gives this level by the rules (everything else "no", an adult of 20 to
    /// 50, spasms under a day old, heavy lifting as the cause): chest pain calls emergency
    /// services, losing bladder or bowel control sends to an emergency department, a fever means
    /// a doctor today, spasms that keep coming back a visit soon, and none of these care at home.
    pub fn yes(self) -> Option<Finding> {
        match self {
            Sample::Level(Level::CallEmergency) => Some(Finding::ChestPain),
            Sample::Level(Level::EmergencyDepartment) => Some(Finding::BladderBowelLoss),
            Sample::Level(Level::Urgent) => Some(Finding::Fever),
            Sample::Level(Level::Soon) => Some(Finding::Recurring),
            Sample::Level(Level::SelfCare) | Sample::Guide => None,
        }
    }

    /// A session that reached this sample as a patient would: the interview answered through the
    /// widget's own reducer, page by page, with [`Sample::yes`] the only "yes" (then the guide
    /// opened, for [`Sample::Guide`]). `at` is when "how long" was answered (milliseconds).
    pub fn session(self, at: i64) -> Session {
        let yes = self.yes();
        let mut s = Session::default().apply(Action::Begin);
        for _ in 0..80 {
            let Some((_, page)) = s.page() else { break };
            let fields = page.fields;
            let on_page = |f: Finding| fields.contains(&Question::Finding(f));
            let action = match page.single() {
                Some(Question::Finding(f)) => {
                    Action::Answer(f, if Some(f) == yes { crate::ids::Answer::Yes } else { crate::ids::Answer::No })
                }
                Some(Question::Context(c)) => Action::SetContext(c, crate::ids::Answer::No),
                Some(Question::Age) => Action::SetAge(AgeBand::From20To50),
                Some(Question::Duration) => Action::SetDuration(Duration::UnderOneDay, at),
                Some(Question::Factors) => Action::SetFactor(Factor::HeavyLifting, true),
                None if yes.is_some_and(on_page) => {
                    let f = yes.unwrap_or(Finding::ChestPain);
                    for field in fields {
                        if let Question::Finding(other) = field {
                            let answer = if *other == f { crate::ids::Answer::Yes } else { crate::ids::Answer::No };
                            s = s.apply(Action::Answer(*other, answer));
                        }
                    }
                    Action::Continue
                }
                None if page.grouped() => Action::NoneOfThese,
                None => {
                    if fields.contains(&Question::Factors) {
                        s = s.apply(Action::SetFactor(Factor::HeavyLifting, true));
                    }
                    Action::Continue
                }
            };
            let before = s.clone();
            s = s.apply(action);
            if s == before {
                // A page of one answered question that waits for Continue.
                s = s.apply(Action::Continue);
            }
        }
        if self == Sample::Guide {
            s = s.apply(Action::OpenCoach);
        }
        s
    }
}

/// The waiting-room poster's words, in one language. Patients read them: each sentence is short
/// and plain (`tests/readability.rs` checks the grade).
#[derive(Debug)]
pub struct PosterWords {
    pub lang: &'static str,
    pub title: &'static str,
    pub scan: &'static str,
    pub private: &'static str,
    pub what: &'static str,
    /// With `{number}`, the emergency number.
    pub emergency: &'static str,
}

/// The poster's words in English and in Spanish.
pub const POSTER: [PosterWords; 2] = [
    PosterWords {
        lang: "en",
        title: "Back spasms?",
        scan: "Scan to check on your own phone.",
        private: "Nothing you enter leaves your phone.",
        what: "A few quick questions tell you what kind of care you need, and how soon.",
        emergency: "If you think it is an emergency, call {number} now.",
    },
    PosterWords {
        lang: "es",
        title: "¿Espasmos de espalda?",
        scan: "Escanee para revisarlos en su propio teléfono.",
        private: "Nada de lo que escriba sale de su teléfono.",
        what: "Unas preguntas cortas le dicen qué tipo de ayuda necesita, y cuándo.",
        emergency: "Si cree que es una emergencia, llame al {number} ahora.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Screen;

    #[test]
    fn each_sample_reaches_its_level_from_real_answers() {
        for sample in SAMPLES {
            let s = sample.session(1_800_000_000_000);
            let level = s.outcome().level;
            match sample {
                Sample::Level(expected) => {
                    assert_eq!(s.screen, Screen::Result, "{sample:?}");
                    assert_eq!(level, expected, "{sample:?}");
                }
                Sample::Guide => {
                    assert_eq!(s.screen, Screen::Coach);
                    assert_eq!(level, Level::SelfCare);
                }
            }
            // The one yes is the only one: the preview shows what a patient with that answer sees.
            let yes: Vec<_> = Finding::ALL.iter().filter(|f| s.responses.finding(**f) == Some(crate::ids::Answer::Yes)).collect();
            assert_eq!(yes, sample.yes().iter().collect::<Vec<_>>(), "{sample:?}");
        }
    }

    #[test]
    fn problems_are_the_widgets_own_messages() {
        assert_eq!(problem("data-booking-url", "javascript:alert(1)"), Some("an https: or http: address is expected"));
        assert_eq!(problem("data-booking-url", "https://clinic.example/book"), None);
        assert_eq!(problem("data-phone", "   "), None, "empty is the default");
        assert_eq!(problem("data-accent", "#ffff00"), Some("the colour is too light for white text on it (needs 4.5:1 contrast)"));
        assert_eq!(problem("data-launcher-label", "Back pain? Check here"), None);
        assert_eq!(problem("data-isolation", "frame"), None);
        assert_eq!(problem("data-isolation", "iframe"), Some("\"frame\" is expected"));
        assert_eq!(problem("data-remember", "session"), None);
        // Every field's attribute is one the widget reads (or the loader's launcher label and
        // isolation mode).
        for field in FIELDS {
            assert!(
                crate::config::ATTRIBUTES.contains(&field.attribute) || ["data-launcher-label", ISOLATION].contains(&field.attribute),
                "{}",
                field.attribute
            );
        }
    }

    #[test]
    fn the_tag_carries_only_the_taken_settings_escaped_with_the_fallback_number() {
        let values = vec![
            ("data-practice-name", " Smith & \"Sons\" <Clinic> ".to_string()),
            ("data-phone", "+1 555 010 2000".to_string()),
            ("data-booking-url", "javascript:alert(1)".to_string()),
            ("data-emergency-number", "112".to_string()),
            ("data-accent", "".to_string()),
        ];
        let attrs = attributes(&values);
        assert_eq!(
            attrs,
            vec![("data-practice-name", "Smith & \"Sons\" <Clinic>"), ("data-phone", "+1 555 010 2000"), ("data-emergency-number", "112")]
        );
        let tag = embed_tag("https://cdn.example/spasm", Some("sha384-abc"), &attrs);
        assert_eq!(
            tag,
            "<script src=\"https://cdn.example/spasm/spasm-triage.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\" defer></script>\n\
             <spasm-triage data-practice-name=\"Smith &amp; &quot;Sons&quot; &lt;Clinic&gt;\" data-phone=\"+1 555 010 2000\" data-emergency-number=\"112\">\n  \
             If this box stays empty and it is an emergency, call 112.\n</spasm-triage>\n"
        );
        let bare = embed_tag("https://x.example/", None, &[]);
        assert!(bare.starts_with("<script src=\"https://x.example/spasm-triage.js\" defer>"), "{bare}");
        assert!(bare.contains("call 911."), "{bare}");
    }

    #[test]
    fn links_carry_what_the_standalone_page_reads() {
        let values = vec![
            ("data-lang", "es".to_string()),
            ("data-after-hours-phone", "+1 555 010 2999".to_string()),
            ("data-idle-seconds", "45".to_string()),
            ("data-mode", "launcher".to_string()),
            ("data-phone", "+1 555 010 2000".to_string()),
        ];
        let attrs = attributes(&values);
        assert_eq!(
            page_link("https://clinic.example/back", &attrs, true),
            "https://clinic.example/back/?mode=kiosk&lang=es&idle-seconds=45&after-hours-phone=%2B1%20555%20010%202999"
        );
        assert_eq!(
            page_link("https://clinic.example/back/", &attrs, false),
            "https://clinic.example/back/?after-hours-phone=%2B1%20555%20010%202999"
        );
        assert_eq!(page_link("https://clinic.example/", &[], false), "https://clinic.example/");
        // What the page makes of the kiosk link's query is what was entered.
        let link = page_link("https://c.example/", &attrs, true);
        let query = link.split_once('?').unwrap().1;
        let decoded: Vec<(String, String)> = query
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                let bytes: Vec<u8> = v
                    .split('%')
                    .enumerate()
                    .flat_map(|(i, part)| {
                        if i == 0 {
                            part.as_bytes().to_vec()
                        } else {
                            let mut out = vec![u8::from_str_radix(&part[..2], 16).unwrap()];
                            out.extend_from_slice(&part.as_bytes()[2..]);
                            out
                        }
                    })
                    .collect();
                (k.to_string(), String::from_utf8(bytes).unwrap())
            })
            .collect();
        assert!(decoded.contains(&("after-hours-phone".into(), "+1 555 010 2999".into())));
    }

    #[test]
    fn the_poster_keeps_its_number_placeholder_in_both_languages() {
        for words in &POSTER {
            assert_eq!(crate::i18n::fill(words.emergency, &[("number", "112")]).matches("112").count(), 1, "{}", words.lang);
        }
    }
}
