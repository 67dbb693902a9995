//! Stable identifiers: levels of care, findings, contributing factors and answers.
//!
//! Every id is spelled exactly as in the clinical specification (`triage-spec.md`), and serialises
//! as that string. The engine, the questionnaire, the vignettes, the rules table and hand-off links
//! all refer to these ids, so they never change once released.

/// Declares a fieldless enum whose values index dense tables, with `COUNT`, `ALL` and `index()`.
///
/// `ALL` is an array of `COUNT` values, in declaration order, and `index()` is a value's position
/// in it. Every table indexed by such an enum is declared as `[T; Enum::COUNT]`, so adding a value
/// fails the build in each table that lacks its entry, instead of at run time. Variants take no
/// explicit discriminants (the macro accepts none), so `index()` and `ALL` cannot disagree.
macro_rules! dense_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// How many values there are: the length of every table indexed by this type.
            pub const COUNT: usize = [$($name::$variant,)+].len();

            /// Every value, in declaration order.
            pub const ALL: [$name; $name::COUNT] = [$($name::$variant,)+];

            /// Position in [`Self::ALL`], for dense tables indexed by value.
            pub const fn index(self) -> usize {
                self as usize
            }
        }
    };
}

pub(crate) use dense_enum;

/// Declares a [`dense_enum!`] whose variants each have one stable string id, with `id()`,
/// `from_id()`, `Display` and serde support through the id.
macro_rules! id_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal,)+ }) => {
        $crate::ids::dense_enum! { $(#[$meta])* pub enum $name { $($(#[$vmeta])* $variant,)+ } }

        impl $name {
            /// The stable id, exactly as the specification spells it.
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// Parses a stable id; `None` for anything else (ids are case-sensitive).
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " id"))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_id(v).ok_or_else(|| E::unknown_variant(v, &[$($id,)+]))
                    }
                }
                d.deserialize_str(Visitor)
            }
        }
    };
}

pub(crate) use id_enum;

id_enum! {
    /// A level of care. Ordered by urgency: `SelfCare < Soon < Urgent < EmergencyDepartment <
    /// CallEmergency`, so the result of a triage is the maximum of the levels its rules reach.
    pub enum Level {
        SelfCare = "self_care",
        Soon = "soon",
        Urgent = "urgent",
        EmergencyDepartment = "emergency_department",
        CallEmergency = "call_emergency",
    }
}

id_enum! {
    /// Something the patient reports that can raise the level of care (spec section 2).
    pub enum Finding {
        ChestPain = "chest_pain",
        OneSideNumbness = "one_side_numbness",
        Confusion = "confusion",
        BladderBowelLoss = "bladder_bowel_loss",
        SaddleNumbness = "saddle_numbness",
        BothLegs = "both_legs",
        LimbWeakness = "limb_weakness",
        LimbNumbness = "limb_numbness",
        BalanceLoss = "balance_loss",
        MajorTrauma = "major_trauma",
        Fever = "fever",
        UrinarySymptoms = "urinary_symptoms",
        AbdominalPain = "abdominal_pain",
        LimbTingling = "limb_tingling",
        CancerHistory = "cancer_history",
        WeightLoss = "weight_loss",
        UnbearablePain = "unbearable_pain",
        OverTwoWeeks = "over_two_weeks",
        NotImproving = "not_improving",
        Recurring = "recurring",
        RadiatingPain = "radiating_pain",
        Injury = "injury",
        NightPain = "night_pain",
        AgeOutside20To50 = "age_outside_20_50",
        MorningStiffness = "morning_stiffness",
        BoneRisk = "bone_risk",
        InfectionRisk = "infection_risk",
        // Version 2 of the rules. Appended, never inserted: hand-off links list the findings in
        // this order.
        TearingPain = "tearing_pain",
        Collapse = "collapse",
        SexualFunction = "sexual_function",
        PregnancyWarning = "pregnancy_warning",
        ThoracicPain = "thoracic_pain",
        Child = "child",
        Pregnant = "pregnant",
    }
}

id_enum! {
    /// Context answers (spec section 3): no level of their own; they raise the level only through
    /// the combinations and the age rule, and they change the self-care advice.
    pub enum Context {
        NewOrDifferent = "new_or_different",
        BloodThinner = "blood_thinner",
    }
}

id_enum! {
    /// The age band (spec section 4). `Unknown` is "I'd rather not say": every age condition is then
    /// "not sure". A vignette without an age is `20_50`, which meets no age condition.
    #[derive(Default)]
    pub enum AgeBand {
        Under16 = "under_16",
        From16To19 = "16_19",
        #[default]
        From20To50 = "20_50",
        From51To64 = "51_64",
        From65 = "65_plus",
        Unknown = "unknown",
    }
}

id_enum! {
    /// Background to the episode that may have contributed (spec section 6). Factors are for
    /// education only and never change the level of care.
    pub enum Factor {
        HeavyLifting = "heavy_lifting",
        TwistingSport = "twisting_sport",
        LongSitting = "long_sitting",
        PoorPosture = "poor_posture",
        Inactive = "inactive",
        Dehydration = "dehydration",
        OveruseFatigue = "overuse_fatigue",
        Stress = "stress",
        LowMinerals = "low_minerals",
        Overweight = "overweight",
        KnownSpineCondition = "known_spine_condition",
    }
}

id_enum! {
    /// A patient's answer to a yes-or-no question. Ordered `No < NotSure < Yes`; the monotonicity
    /// invariant says moving up this order never lowers the level of care. The default is "no": in
    /// [`Answers`](crate::triage::Answers), and in a vignette, anything not set is "no".
    #[derive(Default)]
    pub enum Answer {
        #[default]
        No = "no",
        NotSure = "not_sure",
        Yes = "yes",
    }
}

id_enum! {
    /// The three root-cause families that frame "may have contributed" (reference article 000).
    pub enum CauseFamily {
        Anatomical = "anatomical",
        Protective = "protective",
        DehydrationFatigue = "dehydration_fatigue",
    }
}

/// Any yes-or-no id a questionnaire, vignette or hand-off may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Finding(Finding),
    Context(Context),
    Factor(Factor),
}

impl Item {
    /// Parses a finding, context or factor id; `None` for anything else.
    pub fn from_id(id: &str) -> Option<Item> {
        Finding::from_id(id)
            .map(Item::Finding)
            .or_else(|| Context::from_id(id).map(Item::Context))
            .or_else(|| Factor::from_id(id).map(Item::Factor))
    }

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Item::Finding(f) => f.id(),
            Item::Context(c) => c.id(),
            Item::Factor(f) => f.id(),
        }
    }
}

impl Level {
    /// The next less urgent level: what a combination reached with a "not sure" among its
    /// findings gives (spec section 5). `self_care` stays.
    pub const fn step_down(self) -> Level {
        match self {
            Level::CallEmergency => Level::EmergencyDepartment,
            Level::EmergencyDepartment => Level::Urgent,
            Level::Urgent => Level::Soon,
            Level::Soon | Level::SelfCare => Level::SelfCare,
        }
    }

    /// True for the two levels that send the patient to emergency care now.
    pub const fn is_emergency(self) -> bool {
        matches!(self, Level::CallEmergency | Level::EmergencyDepartment)
    }
}
