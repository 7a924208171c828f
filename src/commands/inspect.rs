//! `factlint inspect` (hidden): the text layer as factlint sees it, for rule authors.

use std::fmt::Write as _;

use super::{input_options, read_one, write_stdout};
use crate::cli::AnalysisArgs;

pub fn run(args: AnalysisArgs) -> u8 {
    let opts = match input_options(&args.input) {
        Ok(o) => o,
        Err(c) => return c,
    };
    let doc = match read_one(&args.path, &opts) {
        Ok(d) => d,
        Err(c) => return c,
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "format {:?}, dateline {:?}, headline {:?}, outlet {:?}",
        doc.format, doc.meta.dateline, doc.meta.headline, doc.meta.outlet
    );
    for (pi, range) in doc.paragraph_sentences.iter().enumerate() {
        let _ = writeln!(s, "¶{pi}");
        for sent in &doc.sentences[range.clone()] {
            let _ = writeln!(s, "  [{}..{}] {}", sent.span.start, sent.span.end, doc.slice(sent.span));
        }
        for q in doc.quotes.iter().filter(|q| q.paragraph == pi) {
            let _ = writeln!(
                s,
                "  quote{}{}{}{} {:?}",
                if q.single { " single" } else { "" },
                if q.nested { " nested" } else { "" },
                if q.continues.is_some() { " continues" } else { "" },
                if q.unbalanced {
                    " UNBALANCED"
                } else if !q.closed {
                    " open"
                } else {
                    ""
                },
                doc.slice(q.content)
            );
        }
    }
    write_stdout(s.as_bytes())
}
