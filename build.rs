//! Parses and validates the articles at build time (no markdown parser in the wasm) and writes them
//! as static data to $OUT_DIR/articles.rs: content/articles/*.md (English) and
//! content/articles-es/*.md (Spanish, the same file names). A broken article, or a missing
//! translation, fails the build with its file and line.

#[allow(dead_code)]
#[path = "src/content.rs"]
mod content;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/content.rs");
    let english = library("content/articles");
    let spanish = library("content/articles-es");
    content::check_translation(&english, &spanish, "content/articles-es").unwrap_or_else(|e| fail(&e.to_string()));
    let source = content::to_rust_source("ARTICLES_EN", &english) + &content::to_rust_source("ARTICLES_ES", &spanish);
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("articles.rs");
    std::fs::write(&out, source).expect("write articles.rs");
}

/// Every article in `dir`, parsed and checked, in slug order.
fn library(dir: &str) -> Vec<content::Article> {
    let dir = Path::new(dir);
    println!("cargo:rerun-if-changed={}", dir.display());
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
    content::parse_library(&files).unwrap_or_else(|e| fail(&e.to_string()))
}

fn fail(message: &str) -> ! {
    // `cargo:warning` shows the message even when cargo hides build-script output.
    println!("cargo:warning=article error: {message}");
    eprintln!("article error: {message}");
    std::process::exit(1);
}
