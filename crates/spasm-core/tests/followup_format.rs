//! The follow-up fixture reader rejects broken files, and a fixture that does not fit the
//! follow-up interview, with a message naming the file, the line and the bad value; the runner
//! reports mismatches and fails.

#[allow(dead_code)]
#[path = "support/followup.rs"]
mod followup;

use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad-followups")
}

fn error_for(name: &str) -> String {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    match followup::parse(&path, &text).and_then(|fx| followup::run(&fx)) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn each_broken_fixture_names_its_file_line_and_bad_value() {
    let cases = [
        ("unknown-id.toml", 13, "unknown id \"fevr\""),
        ("not-asked-again.toml", 13, "\"bone_risk\" was not asked at this follow-up"),
        ("unknown-trend.toml", 15, "unknown trend \"worser\""),
        ("pain-out-of-range.toml", 16, "\"pain\" must be a whole number from 0 to 10, found 11"),
        ("missing-trend.toml", 11, "the interview asks better/same/worse: give \"trend\""),
        ("trend-after-early-exit.toml", 15, "\"trend\" given, but the interview ended before it"),
        ("unknown-key.toml", 17, "unknown key \"mood\""),
        ("malformed.toml", 9, "not valid TOML"),
        ("unknown-reason.toml", 3, "unknown reason \"worser\""),
        ("first-above-soon.toml", 5, "a first check at urgent offers no log"),
    ];
    for (name, line, needle) in cases {
        let message = error_for(name);
        assert!(message.contains(&format!("{name}:{line}: ")), "{message} does not name {name} and line {line}");
        assert!(message.contains(needle), "{message} does not contain {needle}");
    }
    assert_eq!(std::fs::read_dir(fixtures()).unwrap().count(), cases.len(), "every fixture is in the table above");
}

#[test]
fn the_runner_reports_mismatches_and_bad_files_and_fails() {
    let dir = std::env::temp_dir().join(format!("spasm-followups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wrong = "title = \"Worse\"\nexpect = \"self_care\"\nreasons = []\n\n[first]\nyes = []\nunsure = []\npain = 4\nlevel = \"self_care\"\n\n[[followup]]\nday = 1\nyes = []\nunsure = []\ntrend = \"worse\"\npain = 4\n";
    std::fs::write(dir.join("a.toml"), wrong).unwrap();
    std::fs::copy(fixtures().join("unknown-id.toml"), dir.join("b.toml")).unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--test", "followups"])
        .env("TRIAGE_FOLLOWUPS", &dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "runner passed with failures:\n{stdout}");
    assert!(stdout.contains("FAIL a.toml:2: \"Worse\": expected self_care [], got soon [worse]"), "{stdout}");
    assert!(stdout.contains("b.toml:13: unknown id \"fevr\""), "{stdout}");
    assert!(stdout.lines().last().unwrap_or("").ends_with(" passed, 2 failed"), "{stdout}");
}

#[test]
fn the_fixtures_cover_every_rule_of_section_12() {
    use spasm_core::followup::FollowupRule;
    use spasm_core::ids::{Finding, Level};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/followups");
    let all: Vec<_> = followup::load_dir(&dir).unwrap().into_iter().map(|f| f.unwrap()).collect();
    assert!(all.len() >= 12, "only {} fixtures", all.len());
    for rule in FollowupRule::ALL {
        assert!(all.iter().any(|f| f.reasons == [rule] && f.expect == Level::Soon), "no fixture where {rule} alone gives soon");
    }
    // An emergency finding at a follow-up, ending it early (no trend given).
    assert!(all.iter().any(|f| f.expect.is_emergency() && f.followups.last().is_some_and(|c| c.trend.is_none())));
    // pregnancy_warning asked again because pregnant carried over.
    assert!(all.iter().any(|f| f.followups.iter().any(|c| c.answers.iter().any(|(g, _, _)| *g == Finding::PregnancyWarning))));
    // A first-check answer the follow-up does not ask (an age band, cancer_history) counting.
    assert!(all.iter().any(|f| f.first.answers.age != Default::default()));
    assert!(all.iter().any(|f| f.first.answers.get(Finding::CancerHistory) != Default::default()));
}
