//! The hand-off decoder never panics on arbitrary input, and every summary round-trips.

use proptest::prelude::*;

use spasm_triage::handoff::Summary;
use spasm_triage::ids::{Answer, Factor, Finding};
use spasm_triage::triage::Answers;

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(input in "\\PC{0,80}") {
        let _ = Summary::decode(&input);
    }

    #[test]
    fn near_misses_never_panic(tail in "[a-z0-9_.,#-]{0,60}") {
        let _ = Summary::decode(&format!("s1.{tail}"));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Summary::decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn every_summary_round_trips(
        findings in proptest::collection::vec(0u8..3, Finding::ALL.len()),
        factors in proptest::collection::vec(0u8..3, Factor::ALL.len()),
        now in 0i64..4_102_444_800_000,
    ) {
        let answer = |n: u8| [Answer::No, Answer::NotSure, Answer::Yes][n as usize];
        let mut answers = Answers::default();
        for (f, n) in Finding::ALL.iter().zip(&findings) { answers.set(*f, answer(*n)); }
        for (f, n) in Factor::ALL.iter().zip(&factors) { answers.set_factor(*f, answer(*n)); }
        let summary = Summary::new(answers, now);
        let fragment = summary.encode();
        prop_assert!(fragment.len() < 1_000, "{} bytes", fragment.len());
        prop_assert_eq!(Summary::decode(&fragment), Ok(summary));
    }
}
