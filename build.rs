//! Parses and validates content/articles/*.md at build time (no markdown parser in the wasm) and
//! writes them as static data to $OUT_DIR/articles.rs. A broken article fails the build with its
//! file and line.

#[allow(dead_code)]
#[path = "src/content.rs"]
mod content;

use std::path::Path;

fn main() {
    let dir = Path::new("content/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/content.rs");
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| fail(&format!("{}: cannot read: {e}", dir.display())));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|x| x == "md") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: cannot read: {e}", path.display())));
            files.push((path.display().to_string(), text));
        }
    }
    files.sort();
    let articles = content::parse_library(&files).unwrap_or_else(|e| fail(&e.to_string()));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("articles.rs");
    std::fs::write(&out, content::to_rust_source(&articles)).expect("write articles.rs");
}

fn fail(message: &str) -> ! {
    // `cargo:warning` shows the message even when cargo hides build-script output.
    println!("cargo:warning=article error: {message}");
    eprintln!("article error: {message}");
    std::process::exit(1);
}
