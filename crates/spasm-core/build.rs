//! Parses and validates the articles at build time (no markdown parser in the wasm):
//! content/articles/*.md (English) and content/articles-es/*.md (Spanish, the same file names). A
//! broken article, or a missing translation, fails the build with its file and line.
//!
//! Writes, in $OUT_DIR:
//! - articles.rs: the index built into the widget (slugs, related ids, titles) and the names of the
//!   data files, which carry a hash of their content;
//! - articles-en.txt and articles-es.txt: each language's articles as one data file
//!   (`content::encode`), which native tests read.
//!
//! and copies the data files, under their hashed names, to `<target>/<profile>/spasm-triage-articles/`,
//! where Trunk's post-build hook (scripts/post-build.sh) picks them up for dist/.

use spasm_content as content;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rustc-env=SPASM_BUILD_DATE={}", build_date());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let english = library("content/articles");
    let spanish = library("content/articles-es");
    content::check_translation(&english, &spanish, "content/articles-es").unwrap_or_else(|e| fail(&e.to_string()));
    let out = out_dir;
    // In `Lang` order.
    let data = [("en", content::encode(&english)), ("es", content::encode(&spanish))];
    let names = data.each_ref().map(|(lang, text)| format!("articles-{lang}-{:016x}.txt", fnv1a(text.as_bytes())));
    // The folder the post-build hook reads: $OUT_DIR is <target>/<profile>/build/<package>-<hash>/out.
    let shipped = out.ancestors().nth(3).expect("OUT_DIR has a profile folder").join("spasm-triage-articles");
    let _ = std::fs::remove_dir_all(&shipped);
    std::fs::create_dir_all(&shipped).expect("create the data file folder");
    for ((lang, text), name) in data.iter().zip(&names) {
        std::fs::write(out.join(format!("articles-{lang}.txt")), text).expect("write a data file");
        std::fs::write(shipped.join(name), text).expect("write a data file");
    }
    let mut source = String::from("pub static INDEX: &[ArticleMeta] = &[\n");
    for (a, b) in english.iter().zip(&spanish) {
        let related: Vec<String> = a.related.iter().map(|id| format!("{id:?}")).collect();
        source += &format!(
            "    ArticleMeta {{ slug: {:?}, related: &[{}], titles: [{:?}, {:?}] }},\n",
            a.slug,
            related.join(", "),
            a.title,
            b.title
        );
    }
    source += &format!("];\npub static DATA_FILES: [&str; 2] = [{:?}, {:?}];\n", names[0], names[1]);
    std::fs::write(out.join("articles.rs"), source).expect("write articles.rs");
}

/// The build's date (UTC), `YYYY-MM-DD`, shown with the rules version on every result and summary:
/// from `SOURCE_DATE_EPOCH` when set (reproducible builds), else today.
fn build_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    // Days since 1970 to a civil date (Howard Hinnant's algorithm).
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A 64-bit FNV-1a hash: enough to give each version of a data file its own name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// Every article in `dir` (relative to the repository's root, and so named in errors), parsed and
/// checked, in slug order.
fn library(dir: &str) -> Vec<content::Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = Path::new(dir);
    println!("cargo:rerun-if-changed={}", root.join(dir).display());
    let mut files = Vec::new();
    let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| fail(&format!("{}: cannot read: {e}", dir.display())));
    for entry in entries {
        let path = dir.join(entry.expect("a directory entry").file_name());
        if path.extension().is_some_and(|x| x == "md") {
            println!("cargo:rerun-if-changed={}", root.join(&path).display());
            let text = std::fs::read_to_string(root.join(&path)).unwrap_or_else(|e| fail(&format!("{}: cannot read: {e}", path.display())));
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
