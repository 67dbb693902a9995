//! The vignette reader rejects broken files with a message naming the file and the bad value.

// The runner reads every field; these tests read only the answers and the expected level.
#[allow(dead_code)]
#[path = "support/vignette.rs"]
mod vignette;

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad-vignettes")
}

fn error_for(name: &str) -> String {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    match vignette::parse(&path, &text) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn each_broken_fixture_names_its_file_and_bad_value() {
    let cases = [
        ("unknown-id.toml", "unknown id \"bladder_loss\""),
        ("unknown-level.toml", "unknown level \"emergency\""),
        ("malformed.toml", "not valid TOML at line 1"),
        ("missing-expect.toml", "missing \"expect\""),
        ("unknown-key.toml", "unknown key \"expected\""),
        ("listed-twice.toml", "id \"fever\" is listed twice"),
        ("level-as-id.toml", "unknown id \"urgent\""),
        ("unknown-age.toml", "unknown age band \"over_50\""),
    ];
    for (name, needle) in cases {
        let message = error_for(name);
        assert!(message.contains(name), "{message} does not name the file");
        assert!(message.contains(needle), "{message} does not contain {needle}");
    }
    // Every fixture in the folder is covered by the table above.
    assert_eq!(std::fs::read_dir(fixtures()).unwrap().count(), cases.len());
}

#[test]
fn a_good_vignette_parses_into_answers() {
    let text =
        "title = \"t\"\nyes = [\"fever\", \"heavy_lifting\", \"blood_thinner\"]\nunsure = [\"infection_risk\"]\nexpect = \"urgent\"\n";
    let v = vignette::parse(Path::new("good.toml"), text).unwrap();
    use spasm_core::ids::{AgeBand, Answer, Context, Factor, Finding, Level};
    assert_eq!(v.expect, Level::Urgent);
    assert_eq!(v.answers.age, AgeBand::From20To50, "no age: an adult of 20 to 50");
    assert_eq!(v.answers.context(Context::BloodThinner), Answer::Yes);
    let aged = vignette::parse(Path::new("aged.toml"), &format!("age = \"unknown\"\n{text}")).unwrap();
    assert_eq!(aged.answers.age, AgeBand::Unknown);
    assert_eq!(v.answers.get(Finding::Fever), Answer::Yes);
    assert_eq!(v.answers.get(Finding::InfectionRisk), Answer::NotSure);
    assert_eq!(v.answers.factor(Factor::HeavyLifting), Answer::Yes);
    assert_eq!(v.answers.get(Finding::ChestPain), Answer::No);
}

#[test]
fn the_runner_reports_mismatches_and_bad_files_and_fails() {
    // Run the real runner over a folder with one wrong expectation and one broken file.
    let dir = std::env::temp_dir().join(format!("spasm-vignettes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.toml"), "title = \"Chest pain\"\nyes = [\"chest_pain\"]\nunsure = []\nexpect = \"self_care\"\n").unwrap();
    std::fs::copy(fixtures().join("unknown-id.toml"), dir.join("b.toml")).unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--test", "vignettes"])
        .env("TRIAGE_VIGNETTES", &dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "runner passed with failures:\n{stdout}");
    assert!(stdout.contains("FAIL a.toml: \"Chest pain\": expected self_care, got call_emergency"), "{stdout}");
    assert!(stdout.contains("b.toml: unknown id \"bladder_loss\""), "{stdout}");
    assert!(stdout.lines().last().unwrap_or("").ends_with(" passed, 2 failed"), "{stdout}");
}

#[test]
fn the_vignettes_cover_every_finding_combination_age_band_and_not_sure_rule() {
    use spasm_core::ids::{AgeBand, Answer, Finding, Level};
    use spasm_core::rules::{Term, CLUSTER, COMBINATIONS};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vignettes");
    let vignettes: Vec<_> = vignette::load_dir(&dir).unwrap().into_iter().map(|v| v.unwrap()).collect();
    assert!(vignettes.len() >= 200, "only {} vignettes", vignettes.len());
    for finding in Finding::ALL {
        for answer in [Answer::Yes, Answer::NotSure] {
            assert!(vignettes.iter().any(|v| v.answers.finding(finding) == answer), "no vignette answers {finding} with {answer}");
        }
    }
    let covered = |terms: &[Term]| {
        let all_yes = vignettes.iter().any(|v| terms.iter().all(|t| v.answers.term(*t) == Answer::Yes));
        let some_unsure = vignettes
            .iter()
            .any(|v| terms.iter().all(|t| v.answers.term(*t) != Answer::No) && terms.iter().any(|t| v.answers.term(*t) == Answer::NotSure));
        all_yes && some_unsure
    };
    for combo in &COMBINATIONS {
        assert!(covered(combo.terms), "combination {:?} not covered both ways", combo.terms);
    }
    for (i, a) in CLUSTER.flags.iter().enumerate() {
        for b in &CLUSTER.flags[i + 1..] {
            assert!(
                vignettes.iter().any(|v| v.answers.term(*a) != Answer::No && v.answers.term(*b) != Answer::No),
                "no cluster vignette with {a:?} and {b:?}"
            );
        }
    }
    for band in AgeBand::ALL {
        assert!(vignettes.iter().any(|v| v.answers.age == band), "no vignette aged {band}");
    }
    for level in Level::ALL {
        assert!(vignettes.iter().any(|v| v.expect == level), "no vignette expects {level}");
    }
}
