//! The pure core of spasm-triage: everything that decides, remembers or words something, with no
//! `yew`, `web_sys`, `gloo` or `js_sys` in its dependency tree (the compiler keeps it so: this crate
//! cannot name them). Tested natively with `cargo test -p spasm-core`.
//!
//! - [`ids`]: the stable ids of levels, findings, factors and answers;
//! - [`rules`]: the clinical rule data;
//! - [`i18n`]: every word the widget shows, in English and Spanish;
//! - [`triage`]: the engine, the only place that decides a level of care;
//! - [`questionnaire`]: the pages of the interview and how choices become answers;
//! - [`session`]: one patient's session and its reducer;
//! - [`content`], [`library`]: articles checked at build time and fetched as data when the library
//!   opens; their index, search and "read more";
//! - [`sort`]: a small stable sort for short lists;
//! - [`qr`]: the QR codes of the result and summary screens;
//! - [`coach`]: the self-care coach's timing policy (ice or heat, rounds, rest gaps);
//! - [`kiosk`]: the waiting-room idle policy;
//! - [`config`]: the practice's `data-*` configuration, parsed without panics;
//! - [`handoff`]: the summary and its hand-off link;
//! - [`followup`], [`checkin_log`], [`chart`], [`ics`]: the follow-up check-ins of spec section 12
//!   (issue 23): the follow-up interview and its level, the log kept on the device, the pain chart
//!   and its summary, the calendar reminder (cargo feature `followup`);
//! - [`setup`]: the practice's set-up page: its fields, the tag to paste, the preview's samples
//!   from real answers, the poster's words (only the set-up page's binary uses it).

/// The date this release was built (`YYYY-MM-DD`), shown with the rules version on every result
/// and summary.
pub const BUILD_DATE: &str = env!("SPASM_BUILD_DATE");

pub mod handoff;
pub mod i18n;
pub mod ids;
pub mod kiosk;
pub mod questionnaire;
pub mod rules;
pub mod session;
pub mod triage;

pub mod coach;
pub mod config;
pub mod content;
pub mod library;
pub mod qr;
#[cfg(any(test, feature = "setup"))]
pub mod setup;
pub mod sort;

// Follow-up check-ins (issue 23), behind the `followup` feature until the web layer uses them.
#[cfg(feature = "followup")]
pub mod chart;
#[cfg(feature = "followup")]
pub mod checkin_log;
#[cfg(feature = "followup")]
mod civil;
#[cfg(feature = "followup")]
pub mod followup;
#[cfg(feature = "followup")]
pub mod ics;
