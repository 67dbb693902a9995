//! Parsing the configuration never panics, whatever the host page puts in its attributes, and
//! whatever it accepts is safe to put in a link.

use proptest::prelude::*;

use spasm_core::config::{Config, ATTRIBUTES};

fn attribute_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(ATTRIBUTES.to_vec()).prop_map(str::to_string),
        1 => "data-[a-z-]{0,12}",
        1 => "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_accepts_only_safe_values(
        attrs in proptest::collection::vec((attribute_name(), "\\PC{0,40}|[\\x00-\\x7f]{0,40}"), 0..8)
    ) {
        let pairs: Vec<(&str, &str)> = attrs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (config, warnings) = Config::from_attributes(pairs.iter().copied());
        // At most one warning per attribute given.
        prop_assert!(warnings.len() <= pairs.len());
        for w in &warnings {
            prop_assert!(w.to_string().contains(&w.attribute));
        }
        prop_assert!(config.emergency_number.bytes().all(|b| b.is_ascii_digit()));
        if let Some(url) = &config.booking_url {
            let lower = url.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"), "{}", url);
            prop_assert!(!url.contains(['<', '>', '"', '\'', ' ']));
        }
        if let Some(tel) = config.practice_tel() {
            prop_assert!(tel[4..].trim_start_matches('+').bytes().all(|b| b.is_ascii_digit()), "{}", tel);
        }
        if let Some(accent) = &config.accent {
            prop_assert!(accent.len() == 7 && accent.starts_with('#'));
        }
    }
}
