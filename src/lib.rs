//! spasm-triage: a back-spasm triage widget that runs entirely in the browser.
//!
//! The pure core (no `yew`, `web_sys`, `gloo` or `js_sys`), tested natively with `cargo test`:
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
//! - [`css`]: the widget stylesheet's minifier, run at build time;
//! - [`coach`]: the self-care coach's timing policy (ice or heat, rounds, rest gaps);
//! - [`kiosk`]: the waiting-room idle policy;
//! - [`config`]: the practice's `data-*` configuration, parsed without panics.
//!
//! The views live in [`app`], which only renders state and sends actions.

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
pub mod css;
pub mod library;
pub mod qr;
pub mod sort;

pub mod app;
pub mod components;
pub mod hooks;
pub mod mount;
