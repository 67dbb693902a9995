//! docs/rules.md is generated from the engine's own data; this test fails when the checked-in copy
//! is out of date. Regenerate with `UPDATE_RULES=1 cargo test -p spasm-core --test rules_doc`.

use std::path::PathBuf;

use spasm_core::ids::{Factor, Finding};
use spasm_core::rules::rules_markdown;

#[test]
fn checked_in_rules_table_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let generated = rules_markdown();
    if std::env::var_os("UPDATE_RULES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is out of date with crates/spasm-core/src/rules.rs: run `UPDATE_RULES=1 cargo test -p spasm-core --test rules_doc` and review the diff"
    );
}

#[test]
fn the_table_lists_every_finding_and_factor_with_a_source() {
    let doc = rules_markdown();
    for finding in Finding::ALL {
        let row = doc.lines().find(|l| l.starts_with(&format!("| `{}` |", finding.id())));
        let row = row.unwrap_or_else(|| panic!("{finding} missing from the rules table"));
        assert!(row.contains(&format!("| `{}` |", finding.level().id())), "{row}");
        assert!(!spasm_core::rules::sources::finding(finding).is_empty());
    }
    for factor in Factor::ALL {
        assert!(doc.contains(&format!("| `{}` |", factor.id())), "{factor} missing");
    }
}
