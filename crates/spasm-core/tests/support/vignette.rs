//! Reading vignette files (spec section 7), shared by the vignette runner and its own tests.
//!
//! A vignette names findings, context answers and factors by id, and may give an age band;
//! anything it does not list is "no", and no age is `20_50`. Every problem
//! (TOML syntax, a missing or unknown key, an unknown id or level) is an error naming the file and
//! the bad value: never a silent "no".

use std::fmt;
use std::path::{Path, PathBuf};

use spasm_core::ids::{AgeBand, Answer, Item, Level};
use spasm_core::triage::Answers;

pub struct Vignette {
    pub path: PathBuf,
    pub title: String,
    pub answers: Answers,
    pub expect: Level,
}

#[derive(Debug)]
pub struct VignetteError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for VignetteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

const KEYS: [&str; 6] = ["title", "age", "yes", "unsure", "expect", "note"];

/// Parses one vignette file's text.
pub fn parse(path: &Path, text: &str) -> Result<Vignette, VignetteError> {
    let err = |message: String| VignetteError { path: path.to_path_buf(), message };
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map(|s| text[..s.start].lines().count().max(1));
        let at = line.map(|l| format!(" at line {l}")).unwrap_or_default();
        err(format!("not valid TOML{at}: {}", e.message()))
    })?;
    if let Some(key) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(err(format!("unknown key \"{key}\" (allowed: {})", KEYS.join(", "))));
    }
    let string = |key: &str| -> Result<String, VignetteError> {
        match table.get(key) {
            Some(toml::Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(err(format!("\"{key}\" must be a string, found {other}"))),
            None => Err(err(format!("missing \"{key}\""))),
        }
    };
    let title = string("title")?;
    let expect_id = string("expect")?;
    let expect = Level::from_id(&expect_id).ok_or_else(|| {
        let known: Vec<&str> = Level::ALL.iter().map(|l| l.id()).collect();
        err(format!("unknown level \"{expect_id}\" in \"expect\" (known: {})", known.join(", ")))
    })?;
    let mut answers = Answers::default();
    // Spec section 11: no age is an adult of 20 to 50, so version 1 files keep their meaning.
    if table.contains_key("age") {
        let band = string("age")?;
        answers.age = AgeBand::from_id(&band).ok_or_else(|| {
            let known: Vec<&str> = AgeBand::ALL.iter().map(|b| b.id()).collect();
            err(format!("unknown age band \"{band}\" in \"age\" (known: {})", known.join(", ")))
        })?;
    }
    for (key, answer) in [("yes", Answer::Yes), ("unsure", Answer::NotSure)] {
        let list = match table.get(key) {
            Some(toml::Value::Array(list)) => list,
            Some(other) => return Err(err(format!("\"{key}\" must be a list of ids, found {other}"))),
            None => return Err(err(format!("missing \"{key}\" (use {key} = [] for none)"))),
        };
        for value in list {
            let id = value.as_str().ok_or_else(|| err(format!("\"{key}\" holds {value}, which is not an id string")))?;
            let item = Item::from_id(id).ok_or_else(|| err(format!("unknown id \"{id}\" in \"{key}\"")))?;
            if answers.item(item) != Answer::No {
                return Err(err(format!("id \"{id}\" is listed twice")));
            }
            answers.set_item(item, answer);
        }
    }
    Ok(Vignette { path: path.to_path_buf(), title, answers, expect })
}

include!("toml_files.rs");

/// Reads every `*.toml` file of a folder, sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Result<Vignette, VignetteError>>, String> {
    Ok(toml_files(dir)?
        .into_iter()
        .map(|(path, text)| match text {
            Ok(text) => parse(&path, &text),
            Err(e) => Err(VignetteError { path, message: format!("cannot read: {e}") }),
        })
        .collect())
}
