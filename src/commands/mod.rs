//! One function per subcommand; each returns the process exit code.

mod check;
mod dates;
mod diff;
mod inspect;
pub mod rules;
mod sources;

use std::io::Write;

use crate::cli::{Cli, Command, InputArgs, RuleArgs};
use crate::config::Config;
use crate::input::InputOptions;
use crate::rules::{RuleSet, RuleSource, load};

/// Exit codes: nothing at or above --fail-on / findings / usage, input or rule error.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Sources(args) => sources::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Schema => rules::schema(),
        Command::Inspect(args) => inspect::run(args),
    }
}

/// Print `factlint: error: ...` on stderr.
pub(crate) fn error(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "factlint: error: {message}");
}

/// The config in force: `--config FILE`, else the nearest .factlint.json (unless
/// `--no-config`).
pub(crate) fn load_config(args: &RuleArgs) -> Result<Config, u8> {
    let path = match (&args.config, args.no_config) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => std::env::current_dir().ok().and_then(|d| Config::discover(&d)),
    };
    match path {
        Some(p) => Config::read(&p).map_err(|e| {
            error(e);
            EXIT_ERROR
        }),
        None => Ok(Config::default()),
    }
}

/// Load the rules the flags and the config ask for (flags win), or print why not.
pub(crate) fn load_rules(args: &RuleArgs) -> Result<RuleSet, u8> {
    let cfg = load_config(args)?;
    load_rules_with(args, &cfg)
}

pub(crate) fn load_rules_with(args: &RuleArgs, cfg: &Config) -> Result<RuleSet, u8> {
    let fail = |e: String| {
        error(e);
        EXIT_ERROR
    };
    let mut sources = vec![match args.rules.as_ref().or(cfg.rules.as_ref()) {
        Some(dir) => RuleSource::Dir(dir.clone()),
        None => RuleSource::Embedded,
    }];
    sources.extend(cfg.extend_rules.iter().chain(&args.extend_rules).cloned().map(RuleSource::Dir));
    let mut set = load::load(&sources).map_err(|e| fail(e.to_string()))?;
    for (id, sev) in &cfg.severity {
        set.set_severity(id, *sev).map_err(|e| {
            fail(format!("{}: severity: {e}", cfg.path.as_ref().map_or(String::new(), |p| p.display().to_string())))
        })?;
    }
    let select = if args.select.is_empty() { &cfg.select } else { &args.select };
    let ignore: Vec<String> = cfg.ignore.iter().chain(&args.ignore).cloned().collect();
    set.filter(select, &ignore).map_err(fail)?;
    Ok(set)
}

pub(crate) fn input_options(args: &InputArgs) -> Result<InputOptions, u8> {
    let date = match &args.date {
        Some(d) => Some(crate::input::parse_date(d).map_err(|e| {
            error(format!("--date: {e}"));
            EXIT_ERROR
        })?),
        None => None,
    };
    Ok(InputOptions { date, max_bytes: args.max_file_size })
}

/// The rules and the one article that `sources` and `dates` analyse.
pub(crate) fn rules_and_article(args: &crate::cli::AnalysisArgs) -> Result<(RuleSet, crate::Document), u8> {
    let opts = input_options(&args.input)?;
    let rules = load_rules(&args.rule_args)?;
    Ok((rules, read_one(&args.path, &opts)?))
}

/// Read one article for `sources` / `dates`.
pub(crate) fn read_one(path: &str, opts: &InputOptions) -> Result<crate::Document, u8> {
    crate::input::read_path(path, opts).map_err(|e| {
        error(format!("{path}: {e}"));
        EXIT_ERROR
    })
}

/// `{"start", "end", "text"}` of a span in the original file.
pub(crate) fn span_json(doc: &crate::Document, span: crate::text::Span) -> serde_json::Value {
    let s = doc.map.span_to_source(span);
    serde_json::json!({"start": s.start, "end": s.end, "text": &doc.source[s.start..s.end]})
}

/// Write to stdout, treating a closed pipe (`| head`) as success.
pub(crate) fn write_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => EXIT_CLEAN,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            error(format!("writing output: {e}"));
            EXIT_ERROR
        }
    }
}
