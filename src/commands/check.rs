//! `factlint check`: lint articles, render findings, exit 0 / 1 / 2.

use rayon::prelude::*;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, input_options, load_config, load_rules_with};
use crate::cli::{CheckArgs, ColorChoice};
use crate::finding::Severity;
use crate::render::{self, RenderOptions};
use crate::report::{FileReport, Summary};

pub fn run(args: CheckArgs) -> u8 {
    let cfg = match load_config(&args.rule_args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let rules = match load_rules_with(&args.rule_args, &cfg) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let fail_on = args.fail_on.map(Severity::from).or(cfg.fail_on).unwrap_or(Severity::Error);
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
    let color = match args.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    let ropts = RenderOptions { color: true, rules: &rules, statistics: args.statistics };
    // Only the reports for people carry colour; machine formats skip the stream that strips
    // escape codes from piped output byte by byte.
    let human = matches!(args.format, render::Format::Human | render::Format::Concise);
    let sink: Box<dyn std::io::Write> = if human {
        Box::new(anstream::AutoStream::new(std::io::stdout().lock(), color))
    } else {
        Box::new(std::io::stdout().lock())
    };
    let mut out = std::io::BufWriter::new(sink);
    match stream(&paths, &opts, &rules, args.format, &ropts, &mut out) {
        Ok((summary, input_failed)) => {
            if input_failed {
                EXIT_ERROR
            } else if !args.exit_zero && summary.fails(fail_on) {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            }
        }
        // `factlint check ... | head` closing the pipe is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            error(format!("writing output: {e}"));
            EXIT_ERROR
        }
    }
}

/// Files are checked in parallel a chunk at a time and emitted in input order, so the
/// output is the same for any number of threads and memory holds one chunk of articles.
fn stream(
    paths: &[String],
    opts: &crate::input::InputOptions,
    rules: &crate::rules::RuleSet,
    format: render::Format,
    ropts: &RenderOptions<'_>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<(Summary, bool)> {
    let chunk = 4 * rayon::current_num_threads().max(1);
    let mut emitter = render::Emitter::new(format, ropts);
    emitter.begin(out)?;
    let mut input_failed = false;
    for group in paths.chunks(chunk) {
        let results: Vec<Result<FileReport, String>> = group
            .par_iter()
            .map(|path| {
                let doc = crate::input::read_path(path, opts).map_err(|e| format!("{path}: {e}"))?;
                let findings = rules.check(&doc);
                Ok(FileReport::new(&doc, findings))
            })
            .collect();
        for r in results {
            match r {
                Ok(rep) => emitter.file(&rep, out)?,
                Err(e) => {
                    error(e);
                    input_failed = true;
                }
            }
        }
    }
    let summary = emitter.end(out)?;
    out.flush()?;
    Ok((summary, input_failed))
}
