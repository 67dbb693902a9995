//! The widget's configuration, as the practice sets it. Pure.

use crate::coach::Timing;

/// What a practice can configure. Every field has a safe default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The emergency number, shown and dialled on emergency results (default 911).
    pub emergency_number: String,
    /// Ice and heat round length and rest gap. Tests shorten it; the product never does.
    pub timing: Timing,
    /// How long one stretch is held, in milliseconds.
    pub hold_ms: i64,
    /// Whether the coach may keep its round in sessionStorage across a reload (never in kiosk mode).
    pub persist: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { emergency_number: "911".to_string(), timing: Timing::default(), hold_ms: 15_000, persist: true }
    }
}

impl Config {
    /// Replaces `{number}` in a text with the emergency number.
    pub fn fill(&self, text: &str) -> String {
        text.replace("{number}", &self.emergency_number)
    }

    /// A `tel:` link for the emergency number.
    pub fn emergency_tel(&self) -> String {
        format!("tel:{}", self.emergency_number)
    }
}
