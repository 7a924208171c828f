//! `.factlint.json`: a project's rule settings, found in the current directory or its
//! parents (or given with `--config`). Command-line flags win over it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::finding::Severity;
use crate::rules::RuleError;

pub const FILE_NAME: &str = ".factlint.json";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    schema: Option<String>,
    /// Replace the embedded rules with this directory (relative to the config file).
    #[serde(default)]
    pub rules: Option<PathBuf>,
    /// Add these rule directories.
    #[serde(default)]
    pub extend_rules: Vec<PathBuf>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule id or category, e.g. {"attribution/anonymous-source": "error"}.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Lowest severity that fails `check` (the --fail-on default).
    #[serde(default)]
    pub fail_on: Option<Severity>,
    /// Where it was read from.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// Read a config file; rule directories become relative to its folder.
    pub fn read(path: &Path) -> Result<Self, RuleError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RuleError {
            file: file.clone(),
            line: 1,
            column: 1,
            message: e.to_string(),
        })?;
        let mut cfg: Config = serde_json::from_str(&text).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m).to_string();
            RuleError { file, line: e.line(), column: e.column(), message: msg }
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        cfg.rules = cfg.rules.map(|r| base.join(r));
        cfg.extend_rules = cfg.extend_rules.into_iter().map(|r| base.join(r)).collect();
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// The nearest `.factlint.json` in `start` or its parents.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_resolves_dirs_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, r#"{"extend_rules": ["house"], "severity": {"style": "warning"}, "fail_on": "warning"}"#)
            .unwrap();
        let c = Config::read(&p).unwrap();
        assert_eq!(c.extend_rules, vec![dir.path().join("house")]);
        assert_eq!(c.severity["style"], Severity::Warning);
        assert_eq!(c.fail_on, Some(Severity::Warning));
        assert_eq!(Config::discover(&dir.path().join("sub/deeper")), Some(p));
    }

    #[test]
    fn unknown_key_is_an_error_with_position() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, "{\n  \"selct\": []\n}").unwrap();
        let e = Config::read(&p).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown field `selct`"));
    }
}
