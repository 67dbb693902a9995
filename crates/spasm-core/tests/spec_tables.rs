//! The rule data against the clinical spec's tables (version 2, sections 3, 4 and 5), transcribed
//! here by hand. The property tests read each level from the rule data they test, so a wrong level
//! in `src/rules.rs` would pass them; this table would not.

use spasm_core::ids::{AgeBand, Answer, Context, Finding, Level};
use spasm_core::rules::{AgeCondition, Term, CLUSTER, COMBINATIONS, COMBINATION_COUNT};

use Level::{CallEmergency as Call, EmergencyDepartment as Ed, SelfCare, Soon, Urgent};

/// Section 3: each finding, its level for yes and for "not sure" (`SelfCare`: a safety-net line).
/// One row per finding (the length is the compiler's check), in the spec's order.
const SECTION_3: [(&str, Level, Level); Finding::COUNT] = [
    ("chest_pain", Call, Ed),
    ("one_side_numbness", Call, Ed),
    ("confusion", Call, Ed),
    ("tearing_pain", Call, Ed),
    ("collapse", Call, Ed),
    ("bladder_bowel_loss", Ed, Ed),
    ("saddle_numbness", Ed, Ed),
    ("sexual_function", Ed, Urgent),
    ("both_legs", Ed, Urgent),
    ("limb_weakness", Ed, Urgent),
    ("limb_numbness", Ed, Urgent),
    ("balance_loss", Ed, Urgent),
    ("major_trauma", Ed, Urgent),
    ("pregnancy_warning", Ed, Urgent),
    ("fever", Urgent, Soon),
    ("urinary_symptoms", Urgent, Soon),
    ("abdominal_pain", Urgent, Soon),
    ("limb_tingling", Urgent, Soon),
    ("cancer_history", Urgent, Soon),
    ("weight_loss", Urgent, Soon),
    ("unbearable_pain", Urgent, Soon),
    ("over_two_weeks", Soon, SelfCare),
    ("not_improving", Soon, SelfCare),
    ("recurring", Soon, SelfCare),
    ("radiating_pain", Soon, SelfCare),
    ("injury", Soon, SelfCare),
    ("night_pain", Soon, SelfCare),
    ("age_outside_20_50", Soon, SelfCare),
    ("morning_stiffness", Soon, SelfCare),
    ("bone_risk", Soon, SelfCare),
    ("infection_risk", Soon, SelfCare),
    ("thoracic_pain", Soon, SelfCare),
    ("child", Soon, SelfCare),
    ("pregnant", Soon, SelfCare),
];

#[test]
fn every_finding_has_the_levels_of_section_3() {
    let mut seen = Vec::new();
    for (id, yes, unsure) in SECTION_3 {
        let finding = Finding::from_id(id).unwrap_or_else(|| panic!("{id} is not a finding"));
        assert!(!seen.contains(&finding), "{id} twice");
        seen.push(finding);
        assert_eq!(finding.level(), yes, "{id} yes");
        assert_eq!(finding.unsure_level().unwrap_or(SelfCare), unsure, "{id} not sure");
    }
}

#[test]
fn the_age_conditions_are_those_of_section_4() {
    use AgeBand::*;
    use Answer::{No as N, NotSure as U, Yes as Y};
    // under 16, under 20 or over 50, over 50, over 50 with unknown as yes, 65 and over.
    let table = [
        (Under16, [Y, Y, N, N, N]),
        (From16To19, [N, Y, N, N, N]),
        (From20To50, [N, N, N, N, N]),
        (From51To64, [N, Y, Y, Y, N]),
        (From65, [N, Y, Y, Y, Y]),
        (Unknown, [U, U, U, Y, U]),
    ];
    for (band, expected) in table {
        let got: Vec<Answer> = AgeCondition::ALL.iter().map(|c| c.answer(band)).collect();
        assert_eq!(got, expected, "{band}");
    }
}

#[test]
fn the_combinations_and_the_cluster_are_those_of_section_5() {
    use AgeCondition::{From65, Over50OrUnknown};
    use Term::{Age, Context as C, Finding as F};
    let expected: [(&[Term], Level); COMBINATION_COUNT] = [
        (&[F(Finding::Fever), F(Finding::InfectionRisk)], Ed),
        (&[F(Finding::InfectionRisk), F(Finding::UnbearablePain)], Ed),
        (&[F(Finding::AbdominalPain), Age(Over50OrUnknown)], Ed),
        (&[F(Finding::BoneRisk), F(Finding::MajorTrauma)], Ed),
        (&[C(Context::BloodThinner), F(Finding::UnbearablePain)], Ed),
        (&[F(Finding::BoneRisk), F(Finding::Injury)], Urgent),
        (&[F(Finding::Injury), Age(From65)], Urgent),
        (&[F(Finding::Injury), C(Context::BloodThinner)], Urgent),
        (&[F(Finding::InfectionRisk), F(Finding::NightPain)], Urgent),
        (&[F(Finding::CancerHistory), F(Finding::NightPain)], Urgent),
        (&[F(Finding::CancerHistory), F(Finding::WeightLoss)], Urgent),
    ];
    for (combo, (terms, level)) in COMBINATIONS.iter().zip(expected) {
        assert_eq!((combo.terms, combo.level), (terms, level));
    }
    let flags = [Term::AgeFlag, F(Finding::NightPain), F(Finding::BoneRisk), F(Finding::InfectionRisk), F(Finding::ThoracicPain)];
    assert_eq!((CLUSTER.flags, CLUSTER.at_least, CLUSTER.level), (flags.as_slice(), 2, Urgent));
}
