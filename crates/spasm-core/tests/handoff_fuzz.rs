//! The hand-off decoder never panics on arbitrary input, and every summary round-trips.

use proptest::prelude::*;

use spasm_core::handoff::Summary;
use spasm_core::ids::{AgeBand, Answer, Context, Factor, Finding, Level};
use spasm_core::questionnaire::{Duration, Responses};
use spasm_core::triage::triage;

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(input in "\\PC{0,80}") {
        let _ = Summary::decode(&input);
    }

    #[test]
    fn near_misses_never_panic(tail in "[a-z0-9_.,#-]{0,60}") {
        let _ = Summary::decode(&format!("s1.{tail}"));
        let _ = Summary::decode(&format!("s2.{tail}"));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Summary::decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn every_summary_round_trips(
        findings in proptest::collection::vec(0u8..4, Finding::ALL.len()),
        context in proptest::collection::vec(0u8..4, Context::ALL.len()),
        factors in proptest::collection::vec(any::<bool>(), Factor::ALL.len()),
        age in 0..=AgeBand::ALL.len(),
        duration in 0..=Duration::ALL.len(),
        now in 0i64..4_102_444_800_000,
    ) {
        let answer = |n: u8| [Answer::No, Answer::NotSure, Answer::Yes].get(n as usize).copied();
        let mut r = Responses::default();
        for (f, n) in Finding::ALL.iter().zip(&findings) { if let Some(a) = answer(*n) { r.set_finding(*f, a) } }
        for (c, n) in Context::ALL.iter().zip(&context) { if let Some(a) = answer(*n) { r.set_context(*c, a) } }
        for (f, chosen) in Factor::ALL.iter().zip(&factors) { r.set_factor(*f, *chosen); }
        r.age = AgeBand::ALL.get(age).copied();
        r.duration = Duration::ALL.get(duration).copied();
        let level = triage(&r.answers()).level;
        let summary = Summary::new(r, level, now);
        let fragment = summary.encode();
        prop_assert!(fragment.len() < 300, "{} bytes", fragment.len());
        prop_assert_eq!(Summary::decode(&fragment), Ok(summary));
        prop_assert!(Level::ALL.contains(&level));
    }
}
