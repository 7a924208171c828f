//! `factlint diff OLD NEW` and `factlint diff V1 V2 V3 ...`: what changed in substance
//! between versions of an article, with exit codes like `check`.

use std::io::Write;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, input_options, load_rules};
use crate::cli::{ColorChoice, DiffArgs};
use crate::diff::{DiffOptions, diff};
use crate::finding::Severity;
use crate::render::diff as out;
use crate::render::{self, Format, RenderOptions};

pub fn run(args: DiffArgs) -> u8 {
    if args.paths.len() < 2 {
        error("diff needs at least two versions (OLD NEW)");
        return EXIT_ERROR;
    }
    let rules = match load_rules(&args.rule_args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let opts = match input_options(&args.input) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut docs = Vec::with_capacity(args.paths.len());
    let mut failed = false;
    for path in &args.paths {
        match crate::input::read_path(path, &opts) {
            Ok(d) => docs.push(d),
            Err(e) => {
                error(format!("{path}: {e}"));
                failed = true;
            }
        }
    }
    if failed {
        return EXIT_ERROR;
    }
    let dopts = DiffOptions::default();
    let diffs: Vec<_> = docs.windows(2).map(|w| diff(&rules, &w[0], &w[1], &dopts)).collect();

    let mut buf = Vec::new();
    let written = match args.format {
        Format::Human => out::human(&diffs, true, args.verbose, &mut buf),
        Format::Json => out::json_report(&diffs, &mut buf),
        Format::Jsonl => out::json_lines(&diffs, &mut buf),
        Format::Concise => out::concise(&diffs, &mut buf),
        Format::Sarif | Format::Github => {
            let reports = out::new_file_reports(&diffs);
            let ropts = RenderOptions { color: false, rules: &rules, statistics: false };
            render::render(args.format, &reports, &ropts, &mut buf)
        }
    };
    let stats_ok = if args.statistics && matches!(args.format, Format::Human | Format::Concise) {
        render::statistics(&out::new_file_reports(&diffs), &mut buf)
    } else {
        Ok(())
    };
    if let Err(e) = written.and(stats_ok) {
        error(format!("rendering: {e}"));
        return EXIT_ERROR;
    }
    let color = match args.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    let mut stdout = anstream::AutoStream::new(std::io::stdout().lock(), color);
    match stdout.write_all(&buf).and_then(|()| stdout.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            error(format!("writing output: {e}"));
            return EXIT_ERROR;
        }
    }
    let summary = out::DiffSummary::of(&diffs);
    if !args.exit_zero && summary.fails(&diffs, Severity::from(args.fail_on)) { EXIT_FINDINGS } else { EXIT_CLEAN }
}
