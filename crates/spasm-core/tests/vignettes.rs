//! Runs every vignette in tests/vignettes/ and in the folder named by TRIAGE_VIGNETTES through the
//! engine the widget uses. Names each mismatch (title, expected, actual) and each broken file, and
//! ends with the line `N passed, M failed`. Exits non-zero if anything failed.
//!
//!     cargo test --test vignettes
//!     TRIAGE_VIGNETTES=/path/to/more cargo test --test vignettes

#[path = "support/vignette.rs"]
mod vignette;

use std::path::PathBuf;

use spasm_core::triage::triage;

fn main() {
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vignettes")];
    if let Some(extra) = std::env::var_os("TRIAGE_VIGNETTES").filter(|v| !v.is_empty()) {
        dirs.push(PathBuf::from(extra));
    }
    let (mut passed, mut failed) = (0usize, 0usize);
    for dir in &dirs {
        let files = match vignette::load_dir(dir) {
            Ok(files) => files,
            Err(message) => {
                println!("FAIL {message}");
                failed += 1;
                continue;
            }
        };
        println!("vignettes in {}: {} files", dir.display(), files.len());
        for file in files {
            match file {
                Ok(v) => {
                    let actual = triage(&v.answers).level;
                    if actual == v.expect {
                        passed += 1;
                    } else {
                        failed += 1;
                        let name = v.path.file_name().unwrap_or_default().to_string_lossy();
                        println!("FAIL {name}: \"{}\": expected {}, got {}", v.title, v.expect, actual);
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
