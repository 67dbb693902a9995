// Included (`include!`) by the vignette and follow-up fixture loaders, which read folders the same
// way.

/// Every `*.toml` file of a folder, sorted by name, each with its text or why it could not be read.
pub fn toml_files(dir: &Path) -> Result<Vec<(PathBuf, std::io::Result<String>)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read folder: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    paths.sort();
    Ok(paths.into_iter().map(|path| (path.clone(), std::fs::read_to_string(&path))).collect())
}
