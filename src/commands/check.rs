//! `factlint check`: lint articles, render findings, exit 0 / 1 / 2.

use rayon::prelude::*;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, input_options, load_rules};
use crate::cli::{CheckArgs, ColorChoice};
use crate::finding::Severity;
use crate::render::{self, RenderOptions};
use crate::report::{FileReport, Summary};

pub fn run(args: CheckArgs) -> u8 {
    let rules = match load_rules(&args.rule_args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let opts = match input_options(&args.input) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let paths = match crate::input::expand_paths(&args.paths) {
        Ok(p) => p,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    // Files in parallel; collect keeps input order, so output is the same for any
    // number of threads.
    let results: Vec<Result<FileReport, String>> = paths
        .par_iter()
        .map(|path| {
            let doc = crate::input::read_path(path, &opts).map_err(|e| format!("{path}: {e}"))?;
            let findings = rules.check(&doc);
            Ok(FileReport::new(&doc, findings))
        })
        .collect();
    let mut reports = Vec::with_capacity(results.len());
    let mut input_failed = false;
    for r in results {
        match r {
            Ok(rep) => reports.push(rep),
            Err(e) => {
                error(e);
                input_failed = true;
            }
        }
    }
    let color = match args.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    let ropts = RenderOptions { color: true, rules: &rules, statistics: args.statistics };
    let mut buf = Vec::new();
    if let Err(e) = render::render(args.format, &reports, &ropts, &mut buf) {
        error(format!("rendering: {e}"));
        return EXIT_ERROR;
    }
    let mut out = anstream::AutoStream::new(std::io::stdout().lock(), color);
    use std::io::Write;
    match out.write_all(&buf).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            error(format!("writing output: {e}"));
            return EXIT_ERROR;
        }
    }
    let summary = Summary::of(&reports);
    if input_failed {
        EXIT_ERROR
    } else if !args.exit_zero && summary.fails(Severity::from(args.fail_on)) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}
