//! Parses and validates the articles at build time (no markdown parser in the wasm), with
//! `spasm_content::build_library`: content/articles/*.md (English) and content/articles-es/*.md
//! (Spanish, the same file names). A broken article, or a missing translation, fails the build with
//! its file and line.
//!
//! Writes, in $OUT_DIR only:
//! - articles.rs: the index built into the widget (slugs, related ids, titles) and the names of the
//!   data files, which carry a hash of their content;
//! - articles-en.txt and articles-es.txt: each language's articles as one data file
//!   (`content::encode`), which native tests read.
//!
//! The data files reach dist/ through Trunk's post-build hook (scripts/post-build.sh), which runs
//! the `spasm-articles` tool of `spasm-content`: it writes them under the same names, from the same
//! function.

use spasm_content as content;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rustc-env=SPASM_BUILD_DATE={}", build_date());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (_, dir) in content::LANGS {
        // The folders, so that an added or removed article reruns this script too.
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
    }
    let library = content::build_library(&root).unwrap_or_else(|e| fail(&e.to_string()));
    for path in &library.read {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    for file in &library.data {
        std::fs::write(out.join(format!("articles-{}.txt", file.lang)), &file.text).expect("write a data file");
    }
    let [english, spanish] = &library.articles;
    let mut source = String::from("pub static INDEX: &[ArticleMeta] = &[\n");
    for (a, b) in english.iter().zip(spanish) {
        let related: Vec<String> = a.related.iter().map(|id| format!("{id:?}")).collect();
        source += &format!(
            "    ArticleMeta {{ slug: {:?}, related: &[{}], titles: [{:?}, {:?}] }},\n",
            a.slug,
            related.join(", "),
            a.title,
            b.title
        );
    }
    let [en, es] = &library.data;
    source += &format!("];\npub static DATA_FILES: [&str; 2] = [{:?}, {:?}];\n", en.name, es.name);
    source += &format!("pub static DATA_INTEGRITY: [&str; 2] = [{:?}, {:?}];\n", en.integrity(), es.integrity());
    std::fs::write(out.join("articles.rs"), source).expect("write articles.rs");
}

// The civil-date algorithm the crate's reminder file uses, written once (src/civil.rs).
#[path = "src/civil.rs"]
mod civil;

/// The build's date (UTC), `YYYY-MM-DD`, shown with the rules version on every result and summary:
/// from `SOURCE_DATE_EPOCH` when set (reproducible builds), else today.
fn build_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    let (year, month, day) = civil::from_days(seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

fn fail(message: &str) -> ! {
    // `cargo:warning` shows the message even when cargo hides build-script output.
    println!("cargo:warning=article error: {message}");
    eprintln!("article error: {message}");
    std::process::exit(1);
}
