//! Minifies the widget's stylesheet at build time (`build.rs` includes this file). The styles are
//! compiled into the wasm and adopted into the widget's shadow root, so their comments and layout
//! would cost every patient bytes on the first load. Pure; a small, cautious minifier for our own
//! stylesheet, not a general one.

/// `css` without comments and needless spaces. Strings keep their spaces; a space that may be a
/// descendant combinator (as in `.a :focus` or `.a *`) or an operator's that needs it (as in
/// `calc(1 + 2)`) is kept: only spaces around `{ } ; , >`, after `:`, before `!`, and around `*`
/// and `/` inside parentheses (`calc(2 * var(--u))`, `rgb(0 0 0 / .5)`) go, with the last `;` of a
/// block.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    let mut space = false;
    let mut depth = 0usize; // parentheses open
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>') || (depth > 0 && matches!(c, '*' | '/'));
        if space && !out.is_empty() && !tight(c) && c != '!' && !out.ends_with(tight) && !out.ends_with(':') {
            out.push(' ');
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        // `0.5` is `.5`: a zero before the point, where no digit or name comes before it.
        if c == '.'
            && out.ends_with('0')
            && !out[..out.len() - 1].ends_with(|p: char| p.is_ascii_alphanumeric() || p == '.' || p == '-' || p == '_')
        {
            out.pop();
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_and_needless_spaces_only() {
        let css = "/* a comment */\n.a :focus-visible,\n.b > .c, .d * {\n  font: 400 calc(1.1 * var(--u))/1.5 \"Segoe  UI\", sans-serif;\n  margin: 0 0.5em calc(10.5em - 2px) !important;\n  color: rgb(0 0 0 / 0.5);\n}\n@media (max-width: 20em) { .a { padding: 0 } }\n";
        assert_eq!(
            minify(css),
            ".a :focus-visible,.b>.c,.d *{font:400 calc(1.1*var(--u))/1.5 \"Segoe  UI\",sans-serif;margin:0 .5em calc(10.5em - 2px)!important;color:rgb(0 0 0/.5)}@media (max-width:20em){.a{padding:0}}"
        );
    }

    #[test]
    fn the_widget_stylesheet_keeps_every_rule() {
        let css = include_str!("../../../styles/widget.css");
        let small = minify(css);
        assert!(small.len() * 10 < css.len() * 9, "{} of {} bytes", small.len(), css.len());
        let count = |s: &str, c: char| s.chars().filter(|x| *x == c).count();
        assert_eq!(count(&small, '{'), count(css, '{') - count_in_comments(css, '{'));
        assert!(!small.contains("/*"));
    }

    fn count_in_comments(css: &str, c: char) -> usize {
        css.split("/*").skip(1).map(|part| part.split("*/").next().unwrap_or("").chars().filter(|x| *x == c).count()).sum()
    }
}
