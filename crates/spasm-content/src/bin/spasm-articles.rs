//! Writes the articles' data files into a folder, under the names `spasm-core`'s `build.rs` builds
//! into the wasm (both come from `spasm_content::build_library`). Trunk's post-build hook
//! (scripts/post-build.sh) runs it on its staging folder, so the files reach `dist/`:
//!
//! ```text
//! cargo run --locked --quiet -p spasm-content --features parse --bin spasm-articles -- <folder>
//! ```
//!
//! A broken article fails it with its file and line, as it fails the build.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1) else {
        eprintln!("usage: spasm-articles <folder to write the data files into>");
        return ExitCode::from(2);
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let library = match spasm_content::build_library(&root) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("article error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for file in &library.data {
        let path = Path::new(&folder).join(&file.name);
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("spasm-articles: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
