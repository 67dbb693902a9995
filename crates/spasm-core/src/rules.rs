//! The clinical rule data (spec version 2): every finding with its levels and source, the age
//! conditions, the combinations and the cluster of section 5, and the contributing factors of
//! section 7.
//!
//! This is data, not logic: [`crate::triage`] applies it, the questionnaire asks it, and
//! `docs/rules.md` is generated from it ([`rules_markdown`]) for clinicians to review, with the
//! patient wording of both languages ([`crate::i18n`]).

use crate::i18n::{EN, ES};
use crate::ids::{dense_enum, AgeBand, Answer, CauseFamily, Context, Factor, Finding, Level};

/// The version of the clinical rules this engine implements; every result and summary names it.
pub const RULES_VERSION: u32 = 2;

/// One finding of spec section 3.
#[derive(Debug)]
pub struct FindingRule {
    pub finding: Finding,
    /// The level a "yes" gives on its own.
    pub level: Level,
    /// The level a "not sure" gives on its own; `None` for the `soon` findings, whose "not sure"
    /// adds a safety-net line and leaves the level alone.
    pub unsure: Option<Level>,
}

dense_enum! {
    /// An age condition of spec section 4: yes or no from a known age band; "not sure" for
    /// `unknown`, except [`AgeCondition::Over50OrUnknown`].
    pub enum AgeCondition {
        Under16,
        Under20OrOver50,
        Over50,
        /// Over 50, with `unknown` counting as yes: the one exception of section 4, for abdominal
        /// pain (a possible aortic aneurysm).
        Over50OrUnknown,
        From65,
    }
}

impl AgeCondition {
    /// The answer an age band gives this condition.
    pub fn answer(self, band: AgeBand) -> Answer {
        use AgeBand::*;
        let yes = match (self, band) {
            (AgeCondition::Over50OrUnknown, Unknown) => true,
            (_, Unknown) => return Answer::NotSure,
            (AgeCondition::Under16, b) => b == Under16,
            (AgeCondition::Under20OrOver50, b) => matches!(b, Under16 | From16To19 | From51To64 | From65),
            (AgeCondition::Over50 | AgeCondition::Over50OrUnknown, b) => matches!(b, From51To64 | From65),
            (AgeCondition::From65, b) => b == From65,
        };
        if yes {
            Answer::Yes
        } else {
            Answer::No
        }
    }
}

/// One member of a combination or of the cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    Finding(Finding),
    Context(Context),
    Age(AgeCondition),
    /// The cluster's age flag: `age_outside_20_50` or `child`, whichever is answered more strongly
    /// (they count as one flag).
    AgeFlag,
}

/// A combination of spec section 5: all `terms` reported together reach `level`.
#[derive(Debug)]
pub struct Combination {
    pub terms: &'static [Term],
    pub level: Level,
}

/// The cluster of spec section 5: `at_least` of `flags` reported together reach `level`.
#[derive(Debug)]
pub struct Cluster {
    pub flags: &'static [Term],
    pub at_least: usize,
    pub level: Level,
}

/// A contributing factor of spec section 7.
#[derive(Debug)]
pub struct FactorInfo {
    pub factor: Factor,
    pub family: CauseFamily,
}

macro_rules! finding {
    ($f:ident, $level:ident, $unsure:ident) => {
        FindingRule { finding: Finding::$f, level: Level::$level, unsure: Some(Level::$unsure) }
    };
    ($f:ident, $level:ident) => {
        FindingRule { finding: Finding::$f, level: Level::$level, unsure: None }
    };
}

/// Every finding with its levels, indexed like [`Finding::ALL`] (the interview's order is
/// [`crate::questionnaire::pages`]).
pub static FINDINGS: [FindingRule; Finding::COUNT] = [
    finding!(ChestPain, CallEmergency, EmergencyDepartment),
    finding!(OneSideNumbness, CallEmergency, EmergencyDepartment),
    finding!(Confusion, CallEmergency, EmergencyDepartment),
    finding!(BladderBowelLoss, EmergencyDepartment, EmergencyDepartment),
    finding!(SaddleNumbness, EmergencyDepartment, EmergencyDepartment),
    finding!(BothLegs, EmergencyDepartment, Urgent),
    finding!(LimbWeakness, EmergencyDepartment, Urgent),
    finding!(LimbNumbness, EmergencyDepartment, Urgent),
    finding!(BalanceLoss, EmergencyDepartment, Urgent),
    finding!(MajorTrauma, EmergencyDepartment, Urgent),
    finding!(Fever, Urgent, Soon),
    finding!(UrinarySymptoms, Urgent, Soon),
    finding!(AbdominalPain, Urgent, Soon),
    finding!(LimbTingling, Urgent, Soon),
    finding!(CancerHistory, Urgent, Soon),
    finding!(WeightLoss, Urgent, Soon),
    finding!(UnbearablePain, Urgent, Soon),
    finding!(OverTwoWeeks, Soon),
    finding!(NotImproving, Soon),
    finding!(Recurring, Soon),
    finding!(RadiatingPain, Soon),
    finding!(Injury, Soon),
    finding!(NightPain, Soon),
    finding!(AgeOutside20To50, Soon),
    finding!(MorningStiffness, Soon),
    finding!(BoneRisk, Soon),
    finding!(InfectionRisk, Soon),
    finding!(TearingPain, CallEmergency, EmergencyDepartment),
    finding!(Collapse, CallEmergency, EmergencyDepartment),
    finding!(SexualFunction, EmergencyDepartment, Urgent),
    finding!(PregnancyWarning, EmergencyDepartment, Urgent),
    finding!(ThoracicPain, Soon),
    finding!(Child, Soon),
    finding!(Pregnant, Soon),
];

use Term::{Age, Context as Ctx, Finding as F};

/// How many combinations spec section 5 has: the length of [`COMBINATIONS`] and of every table
/// indexed like it (their sources, their "why together" words in each language).
pub const COMBINATION_COUNT: usize = 11;

/// The combinations of spec section 5, most urgent first.
pub static COMBINATIONS: [Combination; COMBINATION_COUNT] = [
    Combination { terms: &[F(Finding::Fever), F(Finding::InfectionRisk)], level: Level::EmergencyDepartment },
    Combination { terms: &[F(Finding::InfectionRisk), F(Finding::UnbearablePain)], level: Level::EmergencyDepartment },
    Combination { terms: &[F(Finding::AbdominalPain), Age(AgeCondition::Over50OrUnknown)], level: Level::EmergencyDepartment },
    Combination { terms: &[F(Finding::BoneRisk), F(Finding::MajorTrauma)], level: Level::EmergencyDepartment },
    Combination { terms: &[Ctx(Context::BloodThinner), F(Finding::UnbearablePain)], level: Level::EmergencyDepartment },
    Combination { terms: &[F(Finding::BoneRisk), F(Finding::Injury)], level: Level::Urgent },
    Combination { terms: &[F(Finding::Injury), Age(AgeCondition::From65)], level: Level::Urgent },
    Combination { terms: &[F(Finding::Injury), Ctx(Context::BloodThinner)], level: Level::Urgent },
    Combination { terms: &[F(Finding::InfectionRisk), F(Finding::NightPain)], level: Level::Urgent },
    Combination { terms: &[F(Finding::CancerHistory), F(Finding::NightPain)], level: Level::Urgent },
    Combination { terms: &[F(Finding::CancerHistory), F(Finding::WeightLoss)], level: Level::Urgent },
];

/// The red-flag cluster of spec section 5.
pub static CLUSTER: Cluster = Cluster {
    flags: &[Term::AgeFlag, F(Finding::NightPain), F(Finding::BoneRisk), F(Finding::InfectionRisk), F(Finding::ThoracicPain)],
    at_least: 2,
    level: Level::Urgent,
};

macro_rules! factor {
    ($f:ident, $family:ident) => {
        FactorInfo { factor: Factor::$f, family: CauseFamily::$family }
    };
}

/// Every contributing factor, indexed like [`Factor::ALL`].
static FACTORS: [FactorInfo; Factor::COUNT] = [
    factor!(HeavyLifting, Protective),
    factor!(TwistingSport, Protective),
    factor!(LongSitting, Protective),
    factor!(PoorPosture, Protective),
    factor!(Inactive, Protective),
    factor!(Dehydration, DehydrationFatigue),
    factor!(OveruseFatigue, DehydrationFatigue),
    factor!(Stress, DehydrationFatigue),
    factor!(LowMinerals, DehydrationFatigue),
    factor!(Overweight, Protective),
    factor!(KnownSpineCondition, Anatomical),
];

// The rule tables list their ids in the ids' order, so indexing by `index()` finds the right
// rule: checked when the crate builds, not when a patient answers.
const _: () = {
    let mut i = 0;
    while i < Finding::COUNT {
        assert!(FINDINGS[i].finding.index() == i, "rules::FINDINGS is not in the order of Finding::ALL");
        i += 1;
    }
    let mut i = 0;
    while i < Factor::COUNT {
        assert!(FACTORS[i].factor.index() == i, "rules::FACTORS is not in the order of Factor::ALL");
        i += 1;
    }
};

/// Where each rule comes from (reference article prefixes and guidelines), for the rules table
/// (`docs/rules.md`) only: kept apart from the rule data, so the widget does not carry it.
pub mod sources {
    use crate::ids::{Factor, Finding};

    pub fn finding(finding: Finding) -> &'static str {
        match finding {
            Finding::ChestPain => "001",
            Finding::OneSideNumbness => "002; stroke signs (FAST)",
            Finding::Confusion => "001",
            Finding::BladderBowelLoss => "001, 002, 004; cauda equina cards (NHS / GIRFT)",
            Finding::SaddleNumbness => "Cauda equina cards (NHS / GIRFT)",
            Finding::BothLegs => "Cauda equina (NICE CKS)",
            Finding::LimbWeakness => "001, 002, 004",
            Finding::LimbNumbness => "002",
            Finding::BalanceLoss => "001, 002",
            Finding::MajorTrauma => "001; fracture (NICE CKS)",
            Finding::Fever => "001; infection (NICE CKS)",
            Finding::UrinarySymptoms => "001, 002",
            Finding::AbdominalPain => "001, 002",
            Finding::LimbTingling => "004",
            Finding::CancerHistory => "001; Verhagen et al. 2016 (most endorsed red flag)",
            Finding::WeightLoss => "Verhagen et al. 2016 (most endorsed red flag)",
            Finding::UnbearablePain => "001, 004",
            Finding::OverTwoWeeks => "002",
            Finding::NotImproving => "004",
            Finding::Recurring => "004, 001",
            Finding::RadiatingPain => "002, 004",
            Finding::Injury => "002",
            Finding::NightPain => "Night pain (NICE CKS)",
            Finding::AgeOutside20To50 => "Age (NICE CKS; CSAG / RCGP)",
            Finding::MorningStiffness => "001, 002",
            Finding::BoneRisk => "Fracture risk (NICE CKS)",
            Finding::InfectionRisk => "Infection risk (NICE CKS)",
            Finding::TearingPain => "Aortic dissection / AAA (NHS)",
            Finding::Collapse => "AAA rupture, sepsis (NHS)",
            Finding::SexualFunction => "Cauda equina cards (NHS / GIRFT)",
            Finding::PregnancyWarning => "Maternity warning signs",
            Finding::ThoracicPain => "Thoracic pain (CSAG / RCGP red flag)",
            Finding::Child => "Age under 16 (CSAG / RCGP)",
            Finding::Pregnant => "Pregnancy (maternity care)",
        }
    }

    /// Indexed like [`super::COMBINATIONS`].
    pub const COMBINATIONS: [&str; super::COMBINATION_COUNT] = [
        "Spinal infection, epidural abscess (NICE CKS)",
        "Epidural abscess, often without fever at first",
        "Abdominal aortic aneurysm (NHS)",
        "Fracture (NICE CKS); listed for completeness",
        "Bleeding around the spinal cord on a blood thinner",
        "Fracture after minor trauma (NICE CKS)",
        "Fracture after minor trauma in older people (NICE CKS)",
        "Bleeding and fracture after a fall on a blood thinner",
        "Spinal infection (NICE CKS)",
        "Tumour (001; NICE CKS)",
        "Tumour (001; Verhagen et al. 2016)",
    ];

    pub const CLUSTER: &str = "Red flags are weak alone and much stronger together (Verhagen et al. 2016)";

    pub fn factor(factor: Factor) -> &'static str {
        match factor {
            Factor::HeavyLifting => "003",
            Factor::TwistingSport => "001, 003",
            Factor::LongSitting => "003",
            Factor::PoorPosture => "001, 003, 004",
            Factor::Inactive => "001, 003, 004",
            Factor::Dehydration => "000, 002, 004",
            Factor::OveruseFatigue => "000",
            Factor::Stress => "001",
            Factor::LowMinerals => "001, 004",
            Factor::Overweight => "004",
            Factor::KnownSpineCondition => "000, 003, 004",
        }
    }
}

impl Finding {
    /// This finding's rule.
    pub fn rule(self) -> &'static FindingRule {
        &FINDINGS[self.index()]
    }

    /// The level a "yes" gives on its own.
    pub fn level(self) -> Level {
        self.rule().level
    }

    /// The level a "not sure" gives on its own, if any.
    pub fn unsure_level(self) -> Option<Level> {
        self.rule().unsure
    }
}

impl Factor {
    /// This factor's description.
    pub fn info(self) -> &'static FactorInfo {
        &FACTORS[self.index()]
    }
}

impl Term {
    /// How the rules table names this term.
    fn describe(self) -> String {
        match self {
            Term::Finding(f) => format!("`{}`", f.id()),
            Term::Context(c) => format!("`{}`", c.id()),
            Term::Age(AgeCondition::Under16) => "age under 16".into(),
            Term::Age(AgeCondition::Under20OrOver50) => "age under 20 or over 50".into(),
            Term::Age(AgeCondition::Over50) => "age over 50".into(),
            Term::Age(AgeCondition::Over50OrUnknown) => "age over 50 (`unknown` counts as yes)".into(),
            Term::Age(AgeCondition::From65) => "age 65 or over".into(),
            Term::AgeFlag => "age (`age_outside_20_50` or `child`, one flag)".into(),
        }
    }
}

/// Renders the rules as markdown tables for clinical review (`docs/rules.md`).
///
/// Generated from the same static data the engine uses, so the document cannot drift from the
/// code; a test fails when the checked-in copy is out of date.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    out.push_str(&format!("# Triage rules, version {RULES_VERSION}\n\n"));
    out.push_str(
        "<!-- Generated from crates/spasm-core/src/rules.rs and crates/spasm-core/src/i18n/ by `UPDATE_RULES=1 cargo test -p spasm-core --test rules_doc`. Do not edit by hand. -->\n\n",
    );
    out.push_str("The widget's engine applies these rules (spec `triage-spec.md`, version 2); these tables are generated from its data. ");
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
    out.push_str("\n## Findings, most urgent first\n\n");
    out.push_str("\"Not sure\" gives the level in the third column; on a `soon` finding it adds a safety-net line and changes no level. ");
    out.push_str(
        "`over_two_weeks` comes from how long, `age_outside_20_50` and `child` from the age band (section 4); they are not asked.\n\n",
    );
    out.push_str("| id | level if yes | if not sure | question the patient sees | source |\n");
    out.push_str("| --- | --- | --- | --- | --- |\n");
    let mut rules: Vec<&FindingRule> = FINDINGS.iter().collect();
    crate::sort::sort_small(&mut rules, |a, b| a.level > b.level);
    for rule in rules {
        let unsure = rule.unsure.map_or("safety-net line".to_string(), |l| format!("`{}`", l.id()));
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {}<br>*es:* {} | {} |\n",
            rule.finding.id(),
            rule.level.id(),
            unsure,
            EN.finding(rule.finding).question,
            ES.finding(rule.finding).question,
            sources::finding(rule.finding)
        ));
    }
    out.push_str("\n## Context answers (no level of their own)\n\n| id | question the patient sees |\n| --- | --- |\n");
    for c in Context::ALL {
        out.push_str(&format!("| `{}` | {}<br>*es:* {} |\n", c.id(), EN.context_question(c).0, ES.context_question(c).0));
    }
    out.push_str(
        "\n## Age bands and conditions\n\n| band | under 16 | under 20 or over 50 | over 50 | over 50, `unknown` as yes | 65 or over |\n",
    );
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for band in AgeBand::ALL {
        let cells: Vec<&str> = AgeCondition::ALL.iter().map(|c| c.answer(band).id()).collect();
        out.push_str(&format!("| `{}` ({}) | {} |\n", band.id(), EN.age_bands[band.index()], cells.join(" | ")));
    }
    out.push_str("\n`age_outside_20_50` is \"under 20 or over 50\" with `new_or_different`, the weaker answer of the two; `child` is \"under 16\".\n");
    out.push_str("\n## Combinations and the cluster\n\n");
    out.push_str("All parts yes give the level; each yes or not sure with at least one not sure gives one level less.\n\n");
    out.push_str("| parts together | level | why (patient wording) | source |\n| --- | --- | --- | --- |\n");
    for (i, combo) in COMBINATIONS.iter().enumerate() {
        let parts: Vec<String> = combo.terms.iter().map(|t| t.describe()).collect();
        out.push_str(&format!(
            "| {} | `{}` | {}<br>*es:* {} | {} |\n",
            parts.join(" + "),
            combo.level.id(),
            EN.combinations[i],
            ES.combinations[i],
            sources::COMBINATIONS[i]
        ));
    }
    let flags: Vec<String> = CLUSTER.flags.iter().map(|t| t.describe()).collect();
    out.push_str(&format!(
        "| {} or more of: {} | `{}` | {}<br>*es:* {} | {} |\n",
        CLUSTER.at_least,
        flags.join(", "),
        CLUSTER.level.id(),
        EN.cluster,
        ES.cluster,
        sources::CLUSTER
    ));
    out.push_str("\n## Contributing factors (never change the level)\n\n");
    out.push_str("| id | cause family | how the patient chooses it | source |\n| --- | --- | --- | --- |\n");
    for info in &FACTORS {
        out.push_str(&format!(
            "| `{}` | {} | {}<br>*es:* {} | {} |\n",
            info.factor.id(),
            EN.family(info.family),
            EN.factor(info.factor).label,
            ES.factor(info.factor).label,
            sources::factor(info.factor)
        ));
    }
    // Follow-up check-ins (issue 23).
    #[cfg(feature = "followup")]
    out.push_str(&crate::followup::rules_markdown());
    out
}
