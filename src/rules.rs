//! The clinical rule data: every finding with its level, patient wording and source, the
//! combinations of spec section 3, the contributing factors of section 6, and the wording of each
//! level of care.
//!
//! This is data, not logic: [`crate::triage`] applies it, the questionnaire asks it, and
//! `docs/rules.md` is generated from it ([`rules_markdown`]) for clinicians to review. Patient
//! wording is written for about a grade 6 reading level.

use crate::ids::{CauseFamily, Factor, Finding, Level};

/// One finding of spec section 2, with the words a patient sees.
#[derive(Debug)]
pub struct FindingRule {
    pub finding: Finding,
    /// The level a "yes" gives on its own.
    pub level: Level,
    /// The question the interview asks.
    pub question: &'static str,
    /// A short "why we ask" under the question.
    pub why: &'static str,
    /// The sign in a few words, used in reasons and safety-net lists ("chest pain or trouble
    /// breathing"). Reads after "you have" / "you notice".
    pub sign: &'static str,
    /// Where the rule comes from: reference article prefixes and guidelines.
    pub source: &'static str,
}

/// A combination of spec section 3: all `findings` reported together reach `level`.
#[derive(Debug)]
pub struct Combination {
    pub findings: &'static [Finding],
    pub level: Level,
    /// Why the pair matters, in plain words, shown as part of the reason.
    pub why: &'static str,
    pub source: &'static str,
}

/// A contributing factor of spec section 6.
#[derive(Debug)]
pub struct FactorInfo {
    pub factor: Factor,
    pub family: CauseFamily,
    /// How the interview offers it ("I lifted something heavy or bent over a lot").
    pub label: &'static str,
    /// "May have contributed" wording on the result.
    pub contributed: &'static str,
    pub source: &'static str,
}

macro_rules! finding {
    ($f:ident, $level:ident, $q:literal, $why:literal, $sign:literal, $src:literal) => {
        FindingRule {
            finding: Finding::$f,
            level: Level::$level,
            question: $q,
            why: $why,
            sign: $sign,
            source: $src,
        }
    };
}

/// Every finding, in the order the interview asks them: `call_emergency` first, then
/// `emergency_department`, then the rest. Indexed like [`Finding::ALL`].
pub static FINDINGS: [FindingRule; 27] = [
    finding!(ChestPain, CallEmergency,
        "Do you have chest pain, chest tightness, or trouble breathing?",
        "Back pain with chest pain or hard breathing can come from the heart or lungs.",
        "chest pain, chest tightness, or trouble breathing", "001"),
    finding!(OneSideNumbness, CallEmergency,
        "Did numbness or weakness start suddenly on one side of your body or face?",
        "Sudden weakness on one side can be a sign of a stroke.",
        "sudden numbness or weakness on one side of your body or face", "002"),
    finding!(Confusion, CallEmergency,
        "Do you feel confused, or not sure where you are?",
        "New confusion can be a sign of a serious illness.",
        "new confusion, or trouble knowing where you are", "001"),
    finding!(BladderBowelLoss, EmergencyDepartment,
        "Have you lost control of your bladder or bowels, or are you unable to pee?",
        "Nerves at the base of the spine control the bladder and bowels. If they are pinched, you need care fast.",
        "loss of control of your bladder or bowels, or not being able to pee", "001, 002, 004; cauda equina (NICE CKS)"),
    finding!(SaddleNumbness, EmergencyDepartment,
        "Is any part of your groin, genitals, buttocks, or inner thighs numb?",
        "Numbness where you would sit on a saddle can mean the nerves at the base of the spine are pinched.",
        "numbness in your groin, genitals, buttocks, or inner thighs", "Cauda equina (NICE CKS)"),
    finding!(BothLegs, EmergencyDepartment,
        "Do you have pain, numbness, or tingling going down both legs?",
        "Symptoms in both legs can be an early warning that nerves in the spine are pinched.",
        "pain, numbness, or tingling going down both legs", "Cauda equina warning sign (NICE CKS)"),
    finding!(LimbWeakness, EmergencyDepartment,
        "Is a leg or arm newly weak? For example, your foot drags, your legs give way, or you drop things.",
        "New weakness can mean a nerve is being pressed on.",
        "a weak leg or arm, a dragging foot, legs that give way, or dropping things", "001, 002, 004"),
    finding!(LimbNumbness, EmergencyDepartment,
        "Has a leg or arm lost its feeling?",
        "Losing feeling in a limb can mean a nerve is hurt.",
        "a leg or arm that has lost its feeling", "002"),
    finding!(BalanceLoss, EmergencyDepartment,
        "Have you lost your balance, or do you have trouble walking?",
        "Trouble with balance or walking can come from the spine or the brain.",
        "loss of balance, or trouble walking", "001, 002"),
    finding!(MajorTrauma, EmergencyDepartment,
        "Did the pain start after a serious accident, like a car crash, a fall from a height, or a hard blow?",
        "A big accident can break a bone in the spine.",
        "pain that started after a serious accident", "001; fracture (NICE CKS)"),
    finding!(Fever, Urgent,
        "Do you have a fever, chills, or night sweats?",
        "Fever with back pain can mean an infection in the spine or kidneys.",
        "a fever, chills, or night sweats", "001; infection (NICE CKS)"),
    finding!(UrinarySymptoms, Urgent,
        "Does it burn or hurt when you pee, is there blood in your pee, or do you have pain in your side below the ribs?",
        "These can be signs of a kidney stone or an infection.",
        "burning when you pee, blood in your pee, or pain in your side below the ribs", "001, 002"),
    finding!(AbdominalPain, Urgent,
        "Do you have pain in your belly as well as your back?",
        "Belly pain with back pain can come from the gallbladder, kidneys, or a large blood vessel.",
        "pain in your belly", "001, 002"),
    finding!(LimbTingling, Urgent,
        "Do you have pins and needles or tingling in one leg or arm?",
        "Tingling can mean a nerve is being pressed on.",
        "pins and needles or tingling in one leg or arm", "004"),
    finding!(CancerHistory, Urgent,
        "Have you ever had cancer?",
        "Rarely, back pain in someone who has had cancer comes from the cancer.",
        "a past cancer", "001; Verhagen et al. 2016 (most endorsed red flag)"),
    finding!(WeightLoss, Urgent,
        "Have you lost weight without trying?",
        "Losing weight without trying can be a sign of an illness a doctor should check.",
        "weight loss without trying", "Verhagen et al. 2016 (most endorsed red flag)"),
    finding!(UnbearablePain, Urgent,
        "Is the pain so bad that you cannot move or get comfortable, even after rest or pain medicine?",
        "Pain this bad needs a doctor's help.",
        "pain so bad you cannot move or get comfortable, even with rest or pain medicine", "001, 004"),
    finding!(OverTwoWeeks, Soon,
        "Have the spasms gone on for more than two weeks?",
        "Most spasms get better in a week or two. Longer ones should be checked.",
        "spasms that have gone on for more than two weeks", "002"),
    finding!(NotImproving, Soon,
        "Is the pain still bad after a few days of care at home?",
        "Pain that does not get better with home care should be checked.",
        "bad pain that has not got better after a few days of home care", "004"),
    finding!(Recurring, Soon,
        "Do the spasms keep coming back, or get in the way of your daily life?",
        "Spasms that keep coming back may have a cause a doctor can treat.",
        "spasms that keep coming back or get in the way of daily life", "004, 001"),
    finding!(RadiatingPain, Soon,
        "Does the pain spread into your buttock, hip, one leg, or an arm?",
        "Pain that spreads can mean a nerve is irritated.",
        "pain that spreads into your buttock, hip, one leg, or an arm", "002, 004"),
    finding!(Injury, Soon,
        "Did the spasms start after an injury, like a sports knock or a fall?",
        "An injury can hurt more than the muscle.",
        "spasms that started after an injury", "002"),
    finding!(NightPain, Soon,
        "Is the pain worse at night or at rest, and does it stay when you change position?",
        "Pain that does not ease with rest or a new position should be checked.",
        "pain that is worse at night or at rest and does not ease when you move", "Night pain (NICE CKS)"),
    finding!(AgeOutside20To50, Soon,
        "Is this your first ever back pain, and are you younger than 20 or older than 50?",
        "A first bout of back pain at these ages is worth a check.",
        "a first ever bout of back pain before age 20 or after age 50", "Age (NICE CKS)"),
    finding!(MorningStiffness, Soon,
        "Is your back stiff for more than 30 minutes each morning, easing as you move, and did this start before age 40?",
        "Long morning stiffness can be a sign of a joint condition called ankylosing spondylitis.",
        "morning stiffness for more than 30 minutes that eases as you move", "001, 002"),
    finding!(BoneRisk, Soon,
        "Do you have thin bones (osteoporosis), or have you taken steroid medicine for months?",
        "Thin bones can break more easily, even after a small bump.",
        "thin bones, or months of steroid medicine", "Fracture risk (NICE CKS)"),
    finding!(InfectionRisk, Soon,
        "Is your body less able to fight germs, for example from chemotherapy or transplant medicine, or do you inject drugs?",
        "A weak immune system makes infections in the spine more likely.",
        "a weak immune system, or injecting drugs", "Infection risk (NICE CKS)"),
];

/// The combinations of spec section 3.
pub static COMBINATIONS: [Combination; 5] = [
    Combination {
        findings: &[Finding::Fever, Finding::InfectionRisk],
        level: Level::EmergencyDepartment,
        why: "A fever with a weak immune system can mean an infection near the spine.",
        source: "Spinal infection / epidural abscess (NICE CKS)",
    },
    Combination {
        findings: &[Finding::BoneRisk, Finding::Injury],
        level: Level::Urgent,
        why: "With thin bones, even a small injury can break a bone.",
        source: "Fracture after minor trauma (NICE CKS)",
    },
    Combination {
        findings: &[Finding::BoneRisk, Finding::MajorTrauma],
        level: Level::EmergencyDepartment,
        why: "With thin bones, a serious accident can break a bone in the spine.",
        source: "Fracture (NICE CKS); listed for completeness",
    },
    Combination {
        findings: &[Finding::CancerHistory, Finding::NightPain],
        level: Level::Urgent,
        why: "Night pain in someone who has had cancer should be checked soon.",
        source: "Tumour (001; NICE CKS)",
    },
    Combination {
        findings: &[Finding::CancerHistory, Finding::WeightLoss],
        level: Level::Urgent,
        why: "Weight loss in someone who has had cancer should be checked soon.",
        source: "Tumour (001; Verhagen et al. 2016)",
    },
];

macro_rules! factor {
    ($f:ident, $family:ident, $label:literal, $contributed:literal, $src:literal) => {
        FactorInfo {
            factor: Factor::$f,
            family: CauseFamily::$family,
            label: $label,
            contributed: $contributed,
            source: $src,
        }
    };
}

/// Every contributing factor, indexed like [`Factor::ALL`].
pub static FACTORS: [FactorInfo; 11] = [
    factor!(HeavyLifting, Protective, "I lifted something heavy or bent over a lot",
        "Lifting or bending may have strained your back muscles.", "003"),
    factor!(TwistingSport, Protective, "I twisted suddenly, or played a sport like golf, football, or weight lifting",
        "A sudden twist or a sport may have strained your back.", "001, 003"),
    factor!(LongSitting, Protective, "I sit for a long time, at a desk or in a car",
        "Sitting for a long time may have tired your back muscles.", "003"),
    factor!(PoorPosture, Protective, "I often slouch, or stand or sleep in an awkward way",
        "The way you sit, stand, or sleep may have put strain on your back.", "001, 003, 004"),
    factor!(Inactive, Protective, "I do not move or exercise much",
        "Weak muscles from not moving much may have played a part.", "001, 003, 004"),
    factor!(Dehydration, DehydrationFatigue, "I have not been drinking much water",
        "Not drinking enough water may have made your muscles cramp.", "000, 002, 004"),
    factor!(OveruseFatigue, DehydrationFatigue, "My back muscles were worked hard or tired",
        "Tired, overworked muscles can tighten up.", "000"),
    factor!(Stress, DehydrationFatigue, "I have been under a lot of stress",
        "Stress can make muscles tense.", "001"),
    factor!(LowMinerals, DehydrationFatigue, "I may not get enough calcium, potassium, or magnesium",
        "Low calcium, potassium, or magnesium may have made your muscles cramp.", "001, 004"),
    factor!(Overweight, Protective, "I carry extra body weight",
        "Extra weight puts more load on your back.", "004"),
    factor!(KnownSpineCondition, Anatomical,
        "A doctor has told me I have a spine problem, like a slipped disc, stenosis, arthritis, or scoliosis",
        "A problem in your spine may make the muscles around it tighten.", "000, 003, 004"),
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

impl CauseFamily {
    /// A heading for the family, in plain words.
    pub fn title(self) -> &'static str {
        match self {
            CauseFamily::Anatomical => "A problem in the spine itself",
            CauseFamily::Protective => "Muscles guarding a strain or injury",
            CauseFamily::DehydrationFatigue => "Tired or dried-out muscles",
        }
    }
}

/// What the patient is told to do, per level (spec section 1).
#[derive(Debug)]
pub struct LevelText {
    /// The headline, large on the result. `{number}` stands for the emergency number.
    pub headline: &'static str,
    /// When to act. `{number}` stands for the emergency number.
    pub time_frame: &'static str,
    /// What to do now, step by step.
    pub do_now: &'static [&'static str],
}

impl Level {
    /// The patient wording of this level.
    pub fn text(self) -> &'static LevelText {
        match self {
            Level::CallEmergency => &LevelText {
                headline: "Call {number} now",
                time_frame: "Right now. Do not wait.",
                do_now: &[
                    "Call {number} now and say you have back pain with the signs below.",
                    "Do not drive yourself.",
                    "If you can, unlock the door and keep your phone with you.",
                ],
            },
            Level::EmergencyDepartment => &LevelText {
                headline: "Go to an emergency department now",
                time_frame: "Now, within the next hour.",
                do_now: &[
                    "Go to the nearest emergency department now.",
                    "Ask someone to drive you. Do not drive yourself.",
                    "If you cannot get there safely, call {number}.",
                ],
            },
            Level::Urgent => &LevelText {
                headline: "Speak to a doctor today",
                time_frame: "Today, within the next few hours.",
                do_now: &[
                    "Call your doctor's office today and ask for a same-day visit.",
                    "If they cannot see you today, go to an urgent care clinic.",
                    "Tell them what you told us here.",
                ],
            },
            Level::Soon => &LevelText {
                headline: "Book a visit with a doctor",
                time_frame: "In the next few days.",
                do_now: &[
                    "Book a visit with your doctor or a spine specialist in the next few days.",
                    "Until then, care for your back at home.",
                ],
            },
            Level::SelfCare => &LevelText {
                headline: "Care for your back at home",
                time_frame: "Most back spasms get better within a week or two.",
                do_now: &[
                    "Rest in a comfortable position, but keep gently moving.",
                    "Use ice for the first two days, then heat.",
                    "Drink plenty of water.",
                ],
            },
        }
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
        "<!-- Generated from src/rules.rs by `UPDATE_RULES=1 cargo test --test rules_doc`. Do not edit by hand. -->\n\n",
    );
    out.push_str("The widget's engine applies these rules; this table is generated from its data. ");
    out.push_str("The result is the most urgent level any rule reaches.\n\n");
    out.push_str("## Levels of care, most urgent first\n\n");
    out.push_str("| level | headline | time frame |\n| --- | --- | --- |\n");
    for level in Level::ALL.iter().rev() {
        let text = level.text();
        out.push_str(&format!("| `{}` | {} | {} |\n", level.id(), text.headline, text.time_frame));
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
            "| `{}` | `{}` | {} | {} | {} |\n",
            rule.finding.id(),
            rule.level.id(),
            unsure,
            rule.question,
            rule.source
        ));
    }
    out.push_str("\n## Combinations\n\n");
    out.push_str("Each finding yes gives the level; each yes or not sure with at least one not sure counts as one ");
    out.push_str("\"not sure\" finding at that level.\n\n");
    out.push_str("| findings together | level | why (patient wording) | source |\n| --- | --- | --- | --- |\n");
    for combo in &COMBINATIONS {
        let ids: Vec<String> = combo.findings.iter().map(|f| format!("`{}`", f.id())).collect();
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            ids.join(" + "),
            combo.level.id(),
            combo.why,
            combo.source
        ));
    }
    out.push_str("\n## Contributing factors (never change the level)\n\n");
    out.push_str("| id | cause family | how the patient chooses it | source |\n| --- | --- | --- | --- |\n");
    for info in &FACTORS {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            info.factor.id(),
            info.family.title(),
            info.label,
            info.source
        ));
    }
    out
}
