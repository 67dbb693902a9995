//! Runs every follow-up fixture (spec section 12) in tests/followups/ and in the folder named by
//! TRIAGE_FOLLOWUPS through the follow-up interview, the log and the engine the widget uses. Names
//! each mismatch (title, expected and actual level and reasons) and each broken file (with its
//! line), and ends with the line `N passed, M failed`. Exits non-zero if anything failed.
//!
//!     cargo test --test followups
//!     TRIAGE_FOLLOWUPS=/path/to/more cargo test --test followups

#[path = "support/followup.rs"]
mod followup;

use std::path::PathBuf;

fn main() {
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/followups")];
    if let Some(extra) = std::env::var_os("TRIAGE_FOLLOWUPS").filter(|v| !v.is_empty()) {
        dirs.push(PathBuf::from(extra));
    }
    let (mut passed, mut failed) = (0usize, 0usize);
    for dir in &dirs {
        let files = match followup::load_dir(dir) {
            Ok(files) => files,
            Err(message) => {
                println!("FAIL {message}");
                failed += 1;
                continue;
            }
        };
        println!("follow-up fixtures in {}: {} files", dir.display(), files.len());
        for file in files {
            let outcome = file.and_then(|fx| followup::run(&fx).map(|run| (fx, run)));
            match outcome {
                Ok((fx, run)) => {
                    let (level, rules) = (run.last.level, run.last.rules);
                    // The log the run kept reads back as it was written.
                    let stored = spasm_core::checkin_log::CheckinLog::decode(&run.log.encode());
                    if stored.as_ref() != Ok(&run.log) || run.log.entries().len() != fx.followups.len() + 1 {
                        failed += 1;
                        println!("FAIL {}: the log did not keep every check-in or read back: {stored:?}", fx.path.display());
                    } else if level == fx.expect && rules == fx.reasons {
                        passed += 1;
                    } else {
                        failed += 1;
                        let name = fx.path.file_name().unwrap_or_default().to_string_lossy();
                        let ids = |r: &[spasm_core::followup::FollowupRule]| r.iter().map(|r| r.id()).collect::<Vec<_>>().join(", ");
                        println!(
                            "FAIL {name}:{}: \"{}\": expected {} [{}], got {level} [{}]",
                            fx.expect_line,
                            fx.title,
                            fx.expect,
                            ids(&fx.reasons),
                            ids(&rules)
                        );
                    }
                }
                Err(e) => {
                    failed += 1;
                    println!("FAIL {e}");
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}
