//! Minifies the widget's stylesheet (styles/widget.css) into `$OUT_DIR/widget.min.css`, which the
//! widget compiles in and adopts into each shadow root.

fn main() {
    println!("cargo:rerun-if-changed=styles/widget.css");
    let css = std::fs::read_to_string("styles/widget.css").unwrap_or_else(|e| {
        println!("cargo:warning=styles/widget.css: cannot read: {e}");
        std::process::exit(1)
    });
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("widget.min.css");
    std::fs::write(out, spasm_content::css::minify(&css)).expect("write widget.min.css");
}
