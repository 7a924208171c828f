//! `counter-position`: every disputed assertion (accusation, contested claim) has the accused
//! party's response nearby. The analysis (`analysis::disputes`) finds assertions and every
//! response candidate once per document; this check only applies the rule's window.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{LexiconResolver, RunContext};
use crate::analysis::disputes::{Dispute, DisputeKind, Status, Window};
use crate::document::Document;
use crate::finding::{Finding, Label};

/// What a `counter-position` rule reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    /// No response within the window and none further on either.
    #[default]
    Missing,
    /// A response exists, but only further away than the window.
    Far,
}

/// `counter-position`: an accusation or contested claim needs the other side nearby.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CounterPositionParams {
    /// `missing`: report assertions with no response; `far`: report those answered only
    /// beyond the window.
    #[serde(default)]
    pub report: Report,
    /// Paragraphs after the assertion in which a response counts (0 = same paragraph only).
    #[serde(default = "two")]
    pub window_after: usize,
    /// Paragraphs before the assertion in which a response on the same topic counts.
    #[serde(default = "one")]
    pub window_before: usize,
    /// Responses outside the assertion's sentence must share a content word with it
    /// (inflections normalised: expand / expansion). Off by default: overlap only raises
    /// confidence.
    #[serde(default)]
    pub require_overlap: bool,
    /// Which assertions the rule looks at (default: all three).
    #[serde(default = "all_kinds")]
    pub kinds: Vec<DisputeKind>,
}

fn one() -> usize {
    1
}

fn two() -> usize {
    2
}

fn all_kinds() -> Vec<DisputeKind> {
    vec![DisputeKind::Accusation, DisputeKind::ContestedClaim, DisputeKind::MarkedDisputed]
}

#[derive(Debug)]
pub struct CounterPosition {
    report: Report,
    window: Window,
    kinds: Vec<DisputeKind>,
}

impl CounterPosition {
    pub fn compile(p: CounterPositionParams, _lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        if p.kinds.is_empty() {
            return Err("counter-position needs at least one entry in `kinds`".into());
        }
        let window = Window { before: p.window_before, after: p.window_after, require_overlap: p.require_overlap };
        Ok(Self { report: p.report, window, kinds: p.kinds })
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        for d in &doc.disputes(cx.analysis).items {
            // Background, planned or hypothetical charges, opinion pieces, unclear pronouns.
            if !self.kinds.contains(&d.kind) || d.not_live.is_some() {
                continue;
            }
            match (self.report, d.status(&self.window)) {
                (Report::Missing, Status::Missing) => out.push(self.finding(doc, cx, d, None)),
                (Report::Far, Status::Far(i)) => out.push(self.finding(doc, cx, d, Some(i))),
                _ => {}
            }
        }
    }

    fn finding(&self, doc: &Document, cx: &RunContext<'_>, d: &Dispute, far: Option<usize>) -> Finding {
        let kind = d.kind.as_str();
        let mut capitalised: String = kind.chars().take(1).flat_map(char::to_uppercase).collect();
        capitalised.push_str(&kind[kind.chars().next().map_or(0, char::len_utf8)..]);
        let far_response = far.and_then(|i| d.responses.get(i));
        let fill = |template: &str| {
            template
                .replace("{match}", doc.slice(d.cue))
                .replace("{Kind}", &capitalised)
                .replace("{kind}", kind)
                .replace("{target}", &d.target_name)
                .replace("{window}", &self.window.after.to_string())
                .replace("{distance}", &far_response.map_or(0, |r| r.distance).to_string())
        };
        let mut f = cx.rule.finding(d.assertion, fill(&cx.rule.message));
        f.help = cx.rule.help.as_deref().map(fill);
        let party = if d.kind == DisputeKind::Accusation { "accused party" } else { "party concerned" };
        f.labels.push(Label { span: d.cue, message: kind.to_string() });
        if d.target != d.cue {
            f.labels.push(Label { span: d.target, message: format!("{party}: {}", d.target_name) });
        }
        if let Some(r) = far_response {
            f.labels.push(Label { span: r.cue, message: format!("response, {} paragraphs later", r.distance) });
        }
        f
    }
}

/// A counter-position message or help template made readable without a finding (for
/// `factlint rules explain` and `rules list`): placeholders become generic words.
pub fn readable_template(template: &str) -> String {
    template
        .replace("{Kind}", "An accusation or contested claim")
        .replace("{kind}", "accusation or contested claim")
        .replace("{target}'s", "the accused party's")
        .replace("{target}", "the accused party")
        .replace("{window}", "`window_after`")
        .replace("{distance}", "N")
        .replace("{match}", "the cue")
}

#[cfg(test)]
mod tests {
    use super::readable_template;

    #[test]
    fn explain_templates_have_no_placeholders() {
        let msg = readable_template(
            "{Kind} against {target} has no response; give {target}'s side within {window} paragraphs",
        );
        assert!(!msg.contains('{'), "{msg}");
        assert!(msg.starts_with("An accusation or contested claim against the accused party"));
        assert!(msg.contains("the accused party's side"));
    }
}
