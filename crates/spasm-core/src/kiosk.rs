//! The kiosk idle policy: after a quiet spell, ask "Still there?" with a countdown, then reset for
//! the next patient. Pure: a function of the last activity and the current time (milliseconds), so
//! it is tested natively and a throttled tab or a clock jump cannot keep a patient's answers on
//! screen.

/// How long a kiosk waits. Configurable, but never below 30 seconds of quiet and a 10-second
/// prompt (`config`); component tests set shorter times directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdlePolicy {
    /// Quiet time before the "Still there?" prompt.
    pub idle_ms: i64,
    /// How long the prompt counts down before everything resets.
    pub prompt_ms: i64,
}

impl Default for IdlePolicy {
    fn default() -> Self {
        IdlePolicy { idle_ms: 90_000, prompt_ms: 20_000 }
    }
}

/// What the kiosk should show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Someone is using it.
    Active,
    /// "Still there?", with the time left before the reset.
    Prompt { remaining_ms: i64 },
    /// Time is up: clear everything and show the attract screen.
    Reset,
}

impl IdlePolicy {
    /// Where the kiosk stands at `now`, given the last touch, key, pointer or scroll. A clock that
    /// went back (now before the last activity) counts as activity; one that jumped forward resets,
    /// which errs on the side of privacy.
    pub fn state(&self, last_activity: i64, now: i64) -> Idle {
        let quiet = now.saturating_sub(last_activity).max(0);
        if quiet < self.idle_ms {
            Idle::Active
        } else if quiet < self.idle_ms.saturating_add(self.prompt_ms) {
            Idle::Prompt { remaining_ms: self.idle_ms + self.prompt_ms - quiet }
        } else {
            Idle::Reset
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_790_000_000_000;

    #[test]
    fn quiet_then_prompt_then_reset() {
        let p = IdlePolicy::default();
        assert_eq!(p.state(T, T), Idle::Active);
        assert_eq!(p.state(T, T + 89_999), Idle::Active);
        assert_eq!(p.state(T, T + 90_000), Idle::Prompt { remaining_ms: 20_000 });
        assert_eq!(p.state(T, T + 109_999), Idle::Prompt { remaining_ms: 1 });
        assert_eq!(p.state(T, T + 110_000), Idle::Reset);
    }

    #[test]
    fn activity_starts_the_wait_again() {
        let p = IdlePolicy::default();
        let touched = T + 100_000;
        assert_eq!(p.state(touched, T + 100_001), Idle::Active);
    }

    #[test]
    fn clock_jumps_err_on_the_side_of_privacy() {
        let p = IdlePolicy::default();
        assert_eq!(p.state(T, T - 60_000), Idle::Active, "clock went back");
        assert_eq!(p.state(T, T + 86_400_000), Idle::Reset, "clock jumped a day");
        assert_eq!(p.state(i64::MIN, i64::MAX), Idle::Reset, "no overflow");
    }

    #[test]
    fn short_times_for_tests() {
        let p = IdlePolicy { idle_ms: 1_000, prompt_ms: 1_000 };
        assert_eq!(p.state(T, T + 1_500), Idle::Prompt { remaining_ms: 500 });
    }
}
