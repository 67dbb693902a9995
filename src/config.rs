//! The widget's configuration, as the practice sets it. Pure.

/// What a practice can configure. Every field has a safe default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The emergency number, shown and dialled on emergency results (default 911).
    pub emergency_number: String,
}

impl Default for Config {
    fn default() -> Self {
        Config { emergency_number: "911".to_string() }
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
