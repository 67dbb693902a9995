//! The clinical rule data: every finding with its level and source, the combinations of spec
//! section 3 and the contributing factors of section 6.
//!
//! This is data, not logic: [`crate::triage`] applies it, the questionnaire asks it, and
//! `docs/rules.md` is generated from it ([`rules_markdown`]) for clinicians to review, with the
//! patient wording of both languages ([`crate::i18n`]).

use crate::i18n::{EN, ES};
use crate::ids::{CauseFamily, Factor, Finding, Level};

/// One finding of spec section 2.
#[derive(Debug)]
pub struct FindingRule {
    pub finding: Finding,
    /// The level a "yes" gives on its own.
    pub level: Level,
    /// Where the rule comes from: reference article prefixes and guidelines.
    pub source: &'static str,
}

/// A combination of spec section 3: all `findings` reported together reach `level`.
#[derive(Debug)]
pub struct Combination {
    pub findings: &'static [Finding],
    pub level: Level,
    pub source: &'static str,
}

/// A contributing factor of spec section 6.
#[derive(Debug)]
pub struct FactorInfo {
    pub factor: Factor,
    pub family: CauseFamily,
    pub source: &'static str,
}

macro_rules! finding {
    ($f:ident, $level:ident, $src:literal) => {
        FindingRule { finding: Finding::$f, level: Level::$level, source: $src }
    };
}

/// Every finding, in the order the interview asks them: `call_emergency` first, then
/// `emergency_department`, then the rest. Indexed like [`Finding::ALL`].
pub static FINDINGS: [FindingRule; 27] = [
    finding!(ChestPain, CallEmergency, "001"),
    finding!(OneSideNumbness, CallEmergency, "002"),
    finding!(Confusion, CallEmergency, "001"),
    finding!(BladderBowelLoss, EmergencyDepartment, "001, 002, 004; cauda equina (NICE CKS)"),
    finding!(SaddleNumbness, EmergencyDepartment, "Cauda equina (NICE CKS)"),
    finding!(BothLegs, EmergencyDepartment, "Cauda equina warning sign (NICE CKS)"),
    finding!(LimbWeakness, EmergencyDepartment, "001, 002, 004"),
    finding!(LimbNumbness, EmergencyDepartment, "002"),
    finding!(BalanceLoss, EmergencyDepartment, "001, 002"),
    finding!(MajorTrauma, EmergencyDepartment, "001; fracture (NICE CKS)"),
    finding!(Fever, Urgent, "001; infection (NICE CKS)"),
    finding!(UrinarySymptoms, Urgent, "001, 002"),
    finding!(AbdominalPain, Urgent, "001, 002"),
    finding!(LimbTingling, Urgent, "004"),
    finding!(CancerHistory, Urgent, "001; Verhagen et al. 2016 (most endorsed red flag)"),
    finding!(WeightLoss, Urgent, "Verhagen et al. 2016 (most endorsed red flag)"),
    finding!(UnbearablePain, Urgent, "001, 004"),
    finding!(OverTwoWeeks, Soon, "002"),
    finding!(NotImproving, Soon, "004"),
    finding!(Recurring, Soon, "004, 001"),
    finding!(RadiatingPain, Soon, "002, 004"),
    finding!(Injury, Soon, "002"),
    finding!(NightPain, Soon, "Night pain (NICE CKS)"),
    finding!(AgeOutside20To50, Soon, "Age (NICE CKS)"),
    finding!(MorningStiffness, Soon, "001, 002"),
    finding!(BoneRisk, Soon, "Fracture risk (NICE CKS)"),
    finding!(InfectionRisk, Soon, "Infection risk (NICE CKS)"),
];

/// The combinations of spec section 3.
pub static COMBINATIONS: [Combination; 5] = [
    Combination {
        findings: &[Finding::Fever, Finding::InfectionRisk],
        level: Level::EmergencyDepartment,
        source: "Spinal infection / epidural abscess (NICE CKS)",
    },
    Combination {
        findings: &[Finding::BoneRisk, Finding::Injury],
        level: Level::Urgent,
        source: "Fracture after minor trauma (NICE CKS)",
    },
    Combination {
        findings: &[Finding::BoneRisk, Finding::MajorTrauma],
        level: Level::EmergencyDepartment,
        source: "Fracture (NICE CKS); listed for completeness",
    },
    Combination {
        findings: &[Finding::CancerHistory, Finding::NightPain],
        level: Level::Urgent,
        source: "Tumour (001; NICE CKS)",
    },
    Combination {
        findings: &[Finding::CancerHistory, Finding::WeightLoss],
        level: Level::Urgent,
        source: "Tumour (001; Verhagen et al. 2016)",
    },
];

macro_rules! factor {
    ($f:ident, $family:ident, $src:literal) => {
        FactorInfo { factor: Factor::$f, family: CauseFamily::$family, source: $src }
    };
}

/// Every contributing factor, indexed like [`Factor::ALL`].
pub static FACTORS: [FactorInfo; 11] = [
    factor!(HeavyLifting, Protective, "003"),
    factor!(TwistingSport, Protective, "001, 003"),
    factor!(LongSitting, Protective, "003"),
    factor!(PoorPosture, Protective, "001, 003, 004"),
    factor!(Inactive, Protective, "001, 003, 004"),
    factor!(Dehydration, DehydrationFatigue, "000, 002, 004"),
    factor!(OveruseFatigue, DehydrationFatigue, "000"),
    factor!(Stress, DehydrationFatigue, "001"),
    factor!(LowMinerals, DehydrationFatigue, "001, 004"),
    factor!(Overweight, Protective, "004"),
    factor!(KnownSpineCondition, Anatomical, "000, 003, 004"),
];

impl Finding {
    /// This finding's rule.
    pub fn rule(self) -> &'static FindingRule {
        let rule = &FINDINGS[self.index()];
        debug_assert_eq!(rule.finding, self);
        rule
    }

    /// The level a "yes" gives on its own.
    pub fn level(self) -> Level {
        self.rule().level
    }
}

impl Factor {
    /// This factor's description.
    pub fn info(self) -> &'static FactorInfo {
        let info = &FACTORS[self.index()];
        debug_assert_eq!(info.factor, self);
        info
    }
}

/// Renders the rules as a markdown table for clinical review (`docs/rules.md`).
///
/// Generated from the same static data the engine uses, so the document cannot drift from the
/// code; a test fails when the checked-in copy is out of date.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    out.push_str("# Triage rules\n\n");
    out.push_str(
        "<!-- Generated from src/rules.rs and src/i18n/ by `UPDATE_RULES=1 cargo test --test rules_doc`. Do not edit by hand. -->\n\n",
    );
    out.push_str("The widget's engine applies these rules; this table is generated from its data. ");
    out.push_str("The result is the most urgent level any rule reaches. ");
    out.push_str("Each patient wording is given in English, then in Spanish (*es*).\n\n");
    out.push_str("## Levels of care, most urgent first\n\n");
    out.push_str("| level | headline | time frame |\n| --- | --- | --- |\n");
    for level in Level::ALL.iter().rev() {
        let (en, es) = (EN.level(*level), ES.level(*level));
        out.push_str(&format!(
            "| `{}` | {}<br>*es:* {} | {}<br>*es:* {} |\n",
            level.id(),
            en.headline,
            es.headline,
            en.time_frame,
            es.time_frame
        ));
    }
    out.push_str("\n`{number}` is the emergency number the practice configures (default 911).\n");
    out.push_str("\n## Findings\n\n");
    out.push_str("A \"not sure\" answer to an emergency finding gives `urgent`; to an `urgent` finding, `soon`; ");
    out.push_str("to a `soon` finding, a safety-net line and no change of level.\n\n");
    out.push_str("| id | level if yes | if not sure | question the patient sees | source |\n");
    out.push_str("| --- | --- | --- | --- | --- |\n");
    for rule in &FINDINGS {
        let unsure = rule.level.when_unsure().map_or("safety-net line".to_string(), |l| format!("`{}`", l.id()));
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {}<br>*es:* {} | {} |\n",
            rule.finding.id(),
            rule.level.id(),
            unsure,
            EN.finding(rule.finding).question,
            ES.finding(rule.finding).question,
            rule.source
        ));
    }
    out.push_str("\n## Combinations\n\n");
    out.push_str("Each finding yes gives the level; each yes or not sure with at least one not sure counts as one ");
    out.push_str("\"not sure\" finding at that level.\n\n");
    out.push_str("| findings together | level | why (patient wording) | source |\n| --- | --- | --- | --- |\n");
    for (i, combo) in COMBINATIONS.iter().enumerate() {
        let ids: Vec<String> = combo.findings.iter().map(|f| format!("`{}`", f.id())).collect();
        out.push_str(&format!(
            "| {} | `{}` | {}<br>*es:* {} | {} |\n",
            ids.join(" + "),
            combo.level.id(),
            EN.combinations[i],
            ES.combinations[i],
            combo.source
        ));
    }
    out.push_str("\n## Contributing factors (never change the level)\n\n");
    out.push_str("| id | cause family | how the patient chooses it | source |\n| --- | --- | --- | --- |\n");
    for info in &FACTORS {
        out.push_str(&format!(
            "| `{}` | {} | {}<br>*es:* {} | {} |\n",
            info.factor.id(),
            EN.family(info.family),
            EN.factor(info.factor).label,
            ES.factor(info.factor).label,
            info.source
        ));
    }
    out
}
