//! spasm-triage: the widget's web layer (views, mounting), over the pure core in
//! [`spasm_core`], which decides everything; the views only render its state and send actions.

pub mod app;
mod components;
mod hooks;
pub mod mount;
#[cfg(feature = "setup")]
pub mod preview;
mod state;
