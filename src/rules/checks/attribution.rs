//! `attribution`: reads the document's attributions (found once, shared by every rule)
//! and reports one kind of defect, chosen by the `find` parameter.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{LexiconResolver, RunContext};
use crate::analysis::attribution::{Attribution, SpeakerKind, is_scare_or_title};
use crate::analysis::entities::PronounClass;
use crate::document::Document;
use crate::finding::Finding;
use crate::rules::matcher::{fill, in_quote};
use crate::text::lexicon::PhraseMatch;

/// Which defect an `attribution` rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionDefect {
    /// A direct quote with no speaker in its sentence, its paragraph or the quote chain it continues.
    QuoteNeedsSpeaker,
    /// "he" / "she" as a speaker with no named person before it.
    UnresolvedPronoun,
    /// An anonymous source with no stated reason for anonymity.
    AnonymousSource,
    /// A speaker's first mention is a bare surname.
    SurnameFirst,
    /// A hedge ("reportedly", "is believed to") in a sentence that names no source.
    Hearsay,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributionParams {
    /// What to report.
    pub find: AttributionDefect,
    /// anonymous-source: also report groups speaking in general ("Western officials say",
    /// "analysts said"), not only unnamed individuals and "sources". Default false.
    #[serde(default)]
    pub collective: bool,
    /// quote-needs-speaker: quotes of at most this many words are scare quotes or titles
    /// and need no speaker. Default 3.
    #[serde(default = "three")]
    pub max_scare_words: usize,
    /// quote-needs-speaker: accept a speaker inferred from the previous paragraph's last
    /// sentence ("Valastro praised Christie. ¶ “We need ...”"). Default true; false
    /// requires the speaker in the quote's sentence, paragraph or quote chain.
    #[serde(default = "crate::rules::spec::yes")]
    pub previous_paragraph: bool,
}

fn three() -> usize {
    3
}

#[derive(Debug)]
pub struct AttributionCheck {
    p: AttributionParams,
}

impl AttributionCheck {
    pub fn compile(p: AttributionParams, _lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        Ok(Self { p })
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        let atts = doc.attributions(cx.analysis);
        let items = &atts.items;
        let msg = |text: &str| fill(&cx.rule.message, text);
        match self.p.find {
            AttributionDefect::QuoteNeedsSpeaker => {
                let strict = !self.p.previous_paragraph;
                for a in items
                    .iter()
                    .filter(|a| a.direct && (a.speaker.is_none() && a.source.is_none() || strict && a.inferred))
                {
                    let Some(c) = a.content else { continue };
                    let words = doc.slice(c).split_whitespace().count();
                    if words <= self.p.max_scare_words || is_scare_or_title(doc.slice(c)) {
                        continue;
                    }
                    // Single marks outside any double quote are headline style ('Carnage on the road').
                    if doc.quotes.iter().any(|q| q.content == c && q.single && !q.nested) {
                        continue;
                    }
                    out.push(cx.rule.finding(c, msg(short(doc.slice(c)))));
                }
                // A quote whose comma announces an attribution that is not there
                // ("“We will win,”."): cut, even when the paragraph suggests a speaker.
                for q in &doc.quotes {
                    let Some(para) = doc.paragraphs.get(q.paragraph) else { continue };
                    if !q.dangling_comma(&doc.text, para.end) {
                        continue;
                    }
                    let c = q.content;
                    let t = doc.slice(c);
                    if t.split_whitespace().count() <= self.p.max_scare_words || is_scare_or_title(t) {
                        continue;
                    }
                    let cued = items.iter().any(|a| a.cue.is_some() && a.content.is_some_and(|x| x.overlaps(c)));
                    if cued || out.iter().any(|f| f.rule == cx.rule.id && f.span == c) {
                        continue;
                    }
                    let mut f = cx.rule.finding(c, msg(short(t)));
                    f.message.push_str(" (it ends with a comma, but no attribution follows)");
                    out.push(f);
                }
            }
            AttributionDefect::UnresolvedPronoun => {
                let elex = &cx.analysis.attribution.entities;
                for a in items.iter().filter(|a| a.pronoun && a.speaker.is_none()) {
                    let Some(s) = a.source else { continue };
                    if matches!(elex.pronoun(doc.slice(s)), Some(PronounClass::Male | PronounClass::Female)) {
                        out.push(cx.rule.finding(s, msg(doc.slice(s))));
                    }
                }
            }
            AttributionDefect::AnonymousSource => {
                let lex = &cx.analysis.attribution;
                let mut last = None;
                // A pronoun that points back to an anonymous source ("They say") is reported
                // at the source it stands for, not again.
                let anonymous = |a: &&Attribution| a.speaker_kind == SpeakerKind::Anonymous && !a.pronoun;
                for a in items.iter().filter(anonymous).filter(|a| a.continues.is_none()) {
                    let Some(s) = a.source else { continue };
                    if last == Some(s) || (a.collective && !self.p.collective) {
                        continue;
                    }
                    last = Some(s);
                    // A reason anywhere in the paragraph counts ("..., who spoke on condition
                    // of anonymity because the talks are private").
                    let Some(pi) = doc.paragraph_at(s.start) else { continue };
                    if lex.states_anonymity_reason(&doc.text, doc.paragraphs[pi]) {
                        continue;
                    }
                    out.push(cx.rule.finding(s, msg(doc.slice(s))));
                }
            }
            AttributionDefect::SurnameFirst => {
                let mut seen = Vec::new();
                for a in items.iter().filter(|a| a.bare_first_mention && a.speaker_kind == SpeakerKind::Person) {
                    let (Some(s), Some(p)) = (a.source, a.person) else { continue };
                    if seen.contains(&p) || a.continues.is_some() || in_headline(doc, s) {
                        continue;
                    }
                    seen.push(p);
                    let mut f = cx.rule.finding(s, msg(doc.slice(s)));
                    let person = &atts.entities.persons[p];
                    if person.first.start > s.start {
                        f.message.push_str(&format!(" (the full name, {}, comes later)", person.full));
                    }
                    out.push(f);
                }
            }
            AttributionDefect::Hearsay => {
                // The analysis found the hedges of the whole text; each sentence takes the
                // hits inside it (a hedge never spans two sentences: its phrases are words).
                let all = &atts.hedges;
                let mut next = 0;
                for sentence in &doc.sentences {
                    if next == all.len() {
                        break;
                    }
                    let from = next + all[next..].partition_point(|h| h.span.start < sentence.span.start);
                    next = from + all[from..].partition_point(|h| h.span.start < sentence.span.end);
                    let hits: Vec<_> =
                        all[from..next].iter().filter(|h| h.span.end <= sentence.span.end).copied().collect();
                    if hits.is_empty() || sourced(items, sentence.span, &hits) {
                        continue;
                    }
                    for h in hits {
                        if !in_quote(doc, h.span) {
                            out.push(cx.rule.finding(h.span, msg(doc.slice(h.span))));
                        }
                    }
                }
            }
        }
    }
}

/// Whether a sentence names who reports what it says: a cue with a speaker in it, other
/// than the hedge itself ("is believed to" makes "the general" no source).
fn sourced(items: &[Attribution], sentence: crate::text::Span, hedges: &[PhraseMatch]) -> bool {
    items.iter().any(|a| {
        a.cue.is_some_and(|c| sentence.covers(c) && !hedges.iter().any(|h| h.span.overlaps(c))) && a.speaker.is_some()
    })
}

/// Headlines use surnames. Plain text has no header, so its first paragraph counts as the
/// headline when it is one short sentence.
fn in_headline(doc: &Document, span: crate::text::Span) -> bool {
    if doc.format != crate::document::InputFormat::Plain || doc.paragraph_at(span.start) != Some(0) {
        return false;
    }
    let first = doc.paragraph_sentences.first().map_or(0, |r| r.len());
    first <= 1 && doc.paragraphs.first().is_some_and(|p| doc.slice(*p).split_whitespace().count() <= 25)
}

/// The first words of a long quote, for a message.
fn short(s: &str) -> &str {
    match s.char_indices().nth(60) {
        Some((i, _)) => s[..i].trim_end(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use crate::input::{InputOptions, parse_bytes};
    use crate::rules::RuleSet;

    fn findings(fixture: &str) -> Vec<(String, String)> {
        let path = format!("{}/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        findings_in(&path, std::fs::read(&path).expect("fixture exists"))
    }

    fn findings_in(path: &str, bytes: Vec<u8>) -> Vec<(String, String)> {
        let doc = parse_bytes(path, bytes, &InputOptions::default()).expect("parses");
        let mut rules = RuleSet::embedded().expect("rules load");
        rules.filter(&["attribution".to_string()], &[]).expect("category exists");
        rules.check(&doc).into_iter().map(|f| (f.rule.to_string(), doc.slice(f.span).to_string())).collect()
    }

    #[test]
    fn a_pronoun_for_an_anonymous_source_is_not_reported_again() {
        let text = "A senior official said the talks had collapsed. They said the talks had stalled.";
        let f = findings_in("a.txt", text.as_bytes().to_vec());
        let anonymous: Vec<&str> =
            f.iter().filter(|(r, _)| r == "attribution/anonymous-source").map(|(_, m)| m.as_str()).collect();
        assert_eq!(anonymous, vec!["A senior official"], "{f:?}");
    }

    #[test]
    fn seed_article_has_no_attribution_error() {
        let f = findings("seed-putin-2022-02-03.txt");
        assert!(f.iter().all(|(r, _)| r != "attribution/quote-needs-speaker"), "{f:?}");
        assert!(f.iter().all(|(r, _)| r != "attribution/unresolved-pronoun"), "{f:?}");
    }

    #[test]
    fn a_cut_attribution_is_an_error() {
        let f = findings("attribution/seed-quote-cut.txt");
        let errors: Vec<_> = f.iter().filter(|(r, _)| r == "attribution/quote-needs-speaker").collect();
        assert_eq!(errors.len(), 1, "{f:?}");
        assert!(errors[0].1.starts_with("We realize"));
    }

    #[test]
    fn pronoun_before_any_name_and_surname_first_are_reported() {
        let f = findings("attribution/seed-pronoun-first.txt");
        assert!(f.contains(&("attribution/unresolved-pronoun".to_string(), "he".to_string())), "{f:?}");
        assert!(f.iter().any(|(r, s)| r == "attribution/surname-first" && s == "Putin"), "{f:?}");
    }

    #[test]
    fn speakers_named_around_quotes_are_no_error() {
        let f = findings("attribution/quote-noise.txt");
        assert!(f.iter().all(|(r, _)| r != "attribution/quote-needs-speaker"), "{f:?}");
    }

    #[test]
    fn unattributed_snippet() {
        let f = findings("attribution/unattributed.txt");
        let rules: Vec<&str> = f.iter().map(|(r, _)| r.as_str()).collect();
        for r in ["quote-needs-speaker", "anonymous-source", "hearsay", "unresolved-pronoun"] {
            assert!(rules.contains(&format!("attribution/{r}").as_str()), "{r} missing in {f:?}");
        }
        assert!(findings("attribution/patterns.txt").is_empty());
    }
}
