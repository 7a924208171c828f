//! From aligned, word-diffed versions to the changes the revision rules name.
//!
//! Each detector reads [`Versions`] and one rule's compiled parameters. Detectors that
//! need an analysis read it through the document (`doc.attributions(ctx)`,
//! `doc.temporal(ctx)`); while an analysis finds nothing, they fall back to the rule's
//! own word list so the rule still works on the text layer.

use std::collections::BTreeMap;

use super::words::Hunk;
use super::{Change, Edit, RevisionFinding, Side, Versions, run_span};
use crate::analysis::attribution::Attribution;
use crate::analysis::entities::strip_possessive;
use crate::document::Document;
use crate::report::normalise;
use crate::rules::checks::revision::{ChangeKind, Revision};
use crate::rules::matcher::CompiledMatcher;
use crate::text::Span;
use crate::text::token::{TokenKind, tokens};

/// Run the detector of `rev.change`.
pub fn detect(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    match rev.change {
        ChangeKind::QuoteAltered => quote_altered(v, out),
        ChangeKind::SpeakerChanged => speaker_changed(v, rev, out),
        ChangeKind::AttributionRemoved => attribution_removed(v, rev, out),
        ChangeKind::ResponseRemoved => response_removed(v, rev, out),
        ChangeKind::NumberChanged => number_changed(v, rev, out),
        ChangeKind::DateChanged => date_changed(v, out),
        ChangeKind::HedgeChanged => hedge_changed(v, rev, out),
        ChangeKind::UnattributedClaimAdded => unattributed_claim_added(v, rev, out),
        ChangeKind::HeadlineChanged => headline_changed(v, out),
        ChangeKind::Moved => moved(v, out),
        // Needs the other findings: see `correction_note`.
        ChangeKind::NeedsCorrectionNote => {}
    }
}

/// Shorten long text for a message.
fn clip(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= 80 {
        return s;
    }
    let cut: String = s.chars().take(77).collect();
    format!("{}...", cut.trim_end())
}

fn quoted(s: &str) -> String {
    format!("`{}`", clip(s))
}

/// A change inside an edited pair, pointing at the new side when it has words there.
/// A sentence kept word for word but found elsewhere: shown on the new side, with both
/// places as context and no changed words to mark.
fn relocated(kind: ChangeKind, v: &Versions<'_>, os: Span, ns: Span, what: String, new: String) -> Change {
    Change {
        kind,
        side: Side::New,
        span: ns,
        what,
        old: v.old.slice(os).to_string(),
        new,
        old_context: Some(os),
        new_context: Some(ns),
        old_marks: vec![],
        new_marks: vec![],
        anchor: ns,
    }
}

fn edit_change(kind: ChangeKind, e: &Edit, old: Span, new: Span, what: String, o: &str, n: &str) -> Change {
    let (side, span) = if new.is_empty() && !old.is_empty() { (Side::Old, old) } else { (Side::New, new) };
    Change {
        kind,
        side,
        span,
        what,
        old: o.to_string(),
        new: n.to_string(),
        old_context: Some(e.old_span),
        new_context: Some(e.new_span),
        old_marks: if old.is_empty() { vec![] } else { vec![old] },
        new_marks: if new.is_empty() { vec![] } else { vec![new] },
        anchor: if new.is_empty() { Span::new(new.start, new.start) } else { new },
    }
}

fn hunk_spans(e: &Edit, h: &Hunk) -> (Span, Span) {
    (e.token_span(Side::Old, &h.old), e.token_span(Side::New, &h.new))
}

fn quote_at(doc: &Document, span: Span) -> Option<usize> {
    if span.is_empty() {
        return None;
    }
    let upto = doc.quotes.partition_point(|q| q.content.start <= span.start);
    (0..upto).rev().take(16).find(|&i| doc.quotes[i].content.overlaps(span))
}

fn quote_altered(v: &Versions<'_>, out: &mut Vec<Change>) {
    for e in &v.edits {
        // Group the substantive hunks by the quote they touch (new side first).
        let mut by_quote: BTreeMap<(Option<usize>, Option<usize>), Vec<&Hunk>> = BTreeMap::new();
        for h in e.substantive() {
            let (os, ns) = hunk_spans(e, h);
            let oq = quote_at(v.old, os);
            let nq = quote_at(v.new, ns);
            if oq.is_some() || nq.is_some() {
                by_quote.entry((nq, oq)).or_default().push(h);
            }
        }
        for ((nq, oq), hunks) in by_quote {
            let olds: Vec<Span> =
                hunks.iter().map(|h| e.token_span(Side::Old, &h.old)).filter(|s| !s.is_empty()).collect();
            let news: Vec<Span> =
                hunks.iter().map(|h| e.token_span(Side::New, &h.new)).filter(|s| !s.is_empty()).collect();
            let join = |doc: &Document, spans: &[Span]| {
                if spans.is_empty() {
                    "(nothing)".to_string()
                } else {
                    spans.iter().map(|s| doc.slice(*s)).collect::<Vec<_>>().join(" ... ")
                }
            };
            let o = join(v.old, &olds);
            let n = join(v.new, &news);
            let span = match (news.first(), news.last(), nq) {
                (Some(a), Some(b), _) => Span::new(a.start, b.end),
                (_, _, Some(q)) => v.new.quotes[q].content,
                _ => e.new_span,
            };
            let what = match (oq, nq) {
                (Some(_), None) if news.is_empty() => format!("{} deleted from the quote", quoted(&o)),
                (Some(_), None) => format!("quoted {} now reads {} outside quotation marks", quoted(&o), quoted(&n)),
                _ => format!("{} -> {}", quoted(&o), quoted(&n)),
            };
            let anchor = span;
            out.push(Change {
                kind: ChangeKind::QuoteAltered,
                side: Side::New,
                span,
                what,
                old: o,
                new: n,
                old_context: Some(e.old_span),
                new_context: Some(e.new_span),
                old_marks: olds,
                new_marks: news,
                anchor,
            });
        }
    }
}

/// Whether an analysis found attributions in either version (else use the fallback).
fn attributions_available(v: &Versions<'_>) -> bool {
    !v.old.attributions(v.ctx).items.is_empty() || !v.new.attributions(v.ctx).items.is_empty()
}

/// Who an attribution names: the resolved speaker, else the source as written.
fn speaker_of(doc: &Document, a: &Attribution) -> Option<String> {
    a.speaker.clone().or_else(|| a.source.map(|s| doc.slice(s).to_string())).map(|s| normalise(&s))
}

fn same_speaker(a: &str, b: &str) -> bool {
    let last =
        |s: &str| s.split_whitespace().last().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    a == b || (!last(a).is_empty() && last(a) == last(b))
}

fn attributions_in<'d>(doc: &'d Document, v: &Versions<'_>, span: Span) -> Vec<&'d Attribution> {
    doc.attributions(v.ctx)
        .items
        .iter()
        .filter(|a| {
            a.content
                .or(a.source)
                .or(a.cue)
                .is_some_and(|s| s.overlaps(span) || (s.is_empty() && span.contains(s.start)))
        })
        .collect()
}

fn bag(doc: &Document, s: Option<Span>) -> Vec<u64> {
    s.map(|s| super::align::word_bag(&doc.text, s)).unwrap_or_default()
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who"];

fn is_name_like(doc: &Document, s: Span) -> bool {
    tokens(&doc.text, s).any(|t| {
        let w = t.span.text(&doc.text);
        t.kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS.contains(&w.to_lowercase().as_str())
    })
}

/// Cue phrase matches of `m` within `span`.
fn cue_matches(m: Option<&CompiledMatcher>, doc: &Document, span: Span) -> Vec<Span> {
    m.map(|m| if span.is_empty() { vec![] } else { m.find_in(&doc.text, span) }).unwrap_or_default()
}

/// Bytes between two spans (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
}

/// Whether every substantive word change of `e` lies inside a date or time expression on both
/// sides: "said Monday" -> "said Thursday" is `date-changed`, not a new speaker (the analysis
/// can take a fronted weekday, "Friday, Clinton announced", into the source).
fn only_dates_changed(v: &Versions<'_>, e: &Edit) -> bool {
    let inside = |doc: &Document, s: Span| {
        // A possessive stays outside the expression: "Sunday’s Meet the Press".
        let s = Span::new(s.start, s.start + strip_possessive(doc.slice(s)).len());
        s.is_empty() || doc.temporal(v.ctx).iter().any(|x| x.span.start <= s.start && s.end <= x.span.end)
    };
    let mut any = false;
    for h in e.substantive() {
        let (os, ns) = hunk_spans(e, h);
        if !inside(v.old, os) || !inside(v.new, ns) {
            return false;
        }
        any = true;
    }
    any
}

fn speaker_changed(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    // Edits the attribution analysis already explained; the text heuristic covers the rest
    // (names the analysis does not attribute, or no analysis at all).
    let mut explained = vec![false; v.edits.len()];
    if attributions_available(v) {
        for (k, e) in v.edits.iter().enumerate().filter(|(_, e)| e.is_substantive()) {
            if only_dates_changed(v, e) {
                explained[k] = true;
                continue;
            }
            let olds = attributions_in(v.old, v, e.old_span);
            let news = attributions_in(v.new, v, e.new_span);
            for oa in &olds {
                let Some(os) = speaker_of(v.old, oa) else { continue };
                let ob = bag(v.old, oa.content);
                let best = news
                    .iter()
                    .map(|na| (super::align::dice(&ob, &bag(v.new, na.content)), na))
                    .filter(|(s, _)| *s >= 0.5)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let Some((_, na)) = best else { continue };
                let Some(ns) = speaker_of(v.new, na) else { continue };
                if same_speaker(&os, &ns)
                    || oa.speaker_kind == crate::analysis::attribution::SpeakerKind::Pronoun && oa.speaker.is_none()
                {
                    continue;
                }
                let old_span = oa.source.unwrap_or(e.old_span);
                let new_span = na.source.unwrap_or(e.new_span);
                let o = v.old.slice(old_span).to_string();
                let n = v.new.slice(new_span).to_string();
                let what = format!("{} -> {}", quoted(&o), quoted(&n));
                out.push(edit_change(ChangeKind::SpeakerChanged, e, old_span, new_span, what, &o, &n));
                explained[k] = true;
            }
        }
    }
    // Fallback: a name replaced next to an attribution cue ("Putin said" -> "Lavrov said").
    let cues = if rev.words.is_empty() { v.cues } else { Some(&rev.words) };
    for (_, e) in v.edits.iter().enumerate().filter(|(k, _)| !explained[*k]) {
        if only_dates_changed(v, e) {
            continue;
        }
        let new_cues = cue_matches(cues, v.new, e.new_span);
        for h in e.substantive() {
            let (os, ns) = hunk_spans(e, h);
            if os.is_empty() || ns.is_empty() || !is_name_like(v.old, os) || !is_name_like(v.new, ns) {
                continue;
            }
            if h.old.len() > 6 || h.new.len() > 6 {
                continue;
            }
            // The cue next to the name, or close by in the same clause ("Trump, the
            // front-runner, said"), and the name is not inside the quote.
            if quote_at(v.new, ns).is_some() {
                continue;
            }
            let near = |c: &&Span| {
                let g = gap(**c, ns);
                let between = if c.start >= ns.end { Span::new(ns.end, c.start) } else { Span::new(c.end, ns.start) };
                g <= 2 || (g <= 48 && !v.new.slice(between).contains(['.', ';', '“', '”', '"']))
            };
            let Some(cue) = new_cues.iter().find(near) else { continue };
            let o = v.old.slice(os).to_string();
            let n = v.new.slice(ns).to_string();
            let cue_text = v.new.slice(*cue);
            let what = if gap(*cue, ns) > 2 {
                format!("{} -> {} (source of `{cue_text}`)", quoted(&o), quoted(&n))
            } else if cue.start >= ns.end {
                format!("`{} {cue_text}` -> `{} {cue_text}`", clip(&o), clip(&n))
            } else {
                format!("`{cue_text} {}` -> `{cue_text} {}`", clip(&o), clip(&n))
            };
            out.push(edit_change(ChangeKind::SpeakerChanged, e, os, ns, what, &o, &n));
        }
    }
}

fn attribution_removed(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    let cues = if rev.words.is_empty() { v.cues } else { Some(&rev.words) };
    let with_analysis = attributions_available(v);
    for e in v.edits.iter().filter(|e| e.is_substantive()) {
        let before = out.len();
        if with_analysis {
            let olds: Vec<_> =
                attributions_in(v.old, v, e.old_span).into_iter().filter(|a| a.source.is_some()).collect();
            let news: Vec<_> =
                attributions_in(v.new, v, e.new_span).into_iter().filter(|a| a.source.is_some()).collect();
            if news.len() < olds.len() {
                for oa in olds {
                    let Some(os) = speaker_of(v.old, oa) else { continue };
                    if news.iter().any(|na| speaker_of(v.new, na).is_some_and(|ns| same_speaker(&os, &ns))) {
                        continue;
                    }
                    let span = oa.source.unwrap_or(e.old_span);
                    let o = v.old.slice(span).to_string();
                    let what = format!("{} removed", quoted(&o));
                    let mut c = edit_change(ChangeKind::AttributionRemoved, e, span, Span::new(0, 0), what, &o, "");
                    c.anchor = Span::new(e.new_span.start, e.new_span.start);
                    out.push(c);
                }
            }
        }
        // A reporting cue deleted from the sentence ("..., Espinoza said." cut to "...").
        // The analysis may still give the quote a speaker inferred from the paragraph
        // before, but the article no longer says who said it here.
        if out.len() == before {
            cue_removed(v, cues, e, out);
        }
    }
}

/// A cue that was in a changed run of the old sentence has no counterpart now.
fn cue_removed(v: &Versions<'_>, cues: Option<&CompiledMatcher>, e: &Edit, out: &mut Vec<Change>) {
    let old_cues = cue_matches(cues, v.old, e.old_span);
    let new_cues = cue_matches(cues, v.new, e.new_span);
    if new_cues.len() >= old_cues.len() {
        return;
    }
    for h in e.substantive() {
        let (os, _) = hunk_spans(e, h);
        if let Some(cue) = old_cues.iter().find(|c| c.overlaps(os)) {
            let span = Span::new(os.start.min(cue.start), os.end.max(cue.end));
            let o = v.old.slice(span).to_string();
            let what = format!("{} removed", quoted(&o));
            let mut c = edit_change(ChangeKind::AttributionRemoved, e, span, Span::new(0, 0), what, &o, "");
            c.anchor = Span::new(e.new_span.start, e.new_span.start);
            c.new_marks.clear();
            out.push(c);
            return;
        }
    }
}

/// The new-version span aligned with old sentence `i`, if it survived.
fn aligned_new(v: &Versions<'_>, i: usize) -> Option<Span> {
    v.alignment.pairs.iter().find(|p| p.old.contains(&i)).map(|p| run_span(v.new, &p.new))
}

/// With the disputes analysis: an accusation answered in the old version that is still
/// there but no longer answered inside its window. As in `check`, only a live charge needs its
/// answer: a dispute that is not flagged (an opinion piece, background, planned or
/// hypothetical, an unclear pronoun; `not_live`) in the new version loses nothing. Returns the
/// old response sentences that answered only such disputes, which the phrase-based fallback
/// must not report either.
fn response_removed_disputes(v: &Versions<'_>, out: &mut Vec<Change>) -> Vec<Span> {
    use crate::analysis::disputes::{Status, Window};
    let w = Window::default();
    let news = &v.new.disputes(v.ctx).items;
    let mut live_answers: Vec<Span> = Vec::new();
    let mut quiet_answers: Vec<Span> = Vec::new();
    for d in &v.old.disputes(v.ctx).items {
        let Status::Answered(k) = d.status(&w) else { continue };
        let Some(r) = d.responses.get(k) else { continue };
        if r.same_sentence {
            continue;
        }
        let Some(i) = v.old.sentence_at(d.assertion.start) else { continue };
        let aligned = aligned_new(v, i);
        let target = normalise(&d.target_name);
        let nd = aligned
            .and_then(|ns| news.iter().find(|n| n.assertion.overlaps(ns) && normalise(&n.target_name) == target));
        // Not live in the new version, or not live in the old one and gone (or not live) now.
        let quiet = match nd {
            Some(n) => n.not_live.is_some(),
            None => d.not_live.is_some(),
        };
        if quiet {
            quiet_answers.push(r.sentence);
            continue;
        }
        live_answers.push(r.sentence);
        let Some(nd) = nd else { continue };
        let status = nd.status(&w);
        if matches!(status, Status::Answered(_)) {
            continue;
        }
        // One finding per response, however many claims it answered.
        if out.iter().any(|c| c.kind == ChangeKind::ResponseRemoved && c.span == r.sentence) {
            continue;
        }
        let o = v.old.slice(r.sentence).to_string();
        let claim = v.old.slice(d.assertion).to_string();
        let what = match status {
            Status::Far(_) => format!("{} moved out of reach of the claim it answers ({})", quoted(&o), quoted(&claim)),
            _ => format!("{} no longer answers {}", quoted(&o), quoted(&claim)),
        };
        out.push(Change {
            kind: ChangeKind::ResponseRemoved,
            side: Side::Old,
            span: r.sentence,
            what,
            old: o,
            new: String::new(),
            old_context: Some(r.sentence),
            new_context: Some(nd.assertion),
            old_marks: vec![r.cue],
            new_marks: vec![nd.cue],
            anchor: nd.assertion,
        });
    }
    quiet_answers.retain(|q| !live_answers.contains(q));
    quiet_answers
}

fn response_removed(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    // Responses the disputes analysis ties to an accusation first; then any deleted,
    // cut or far-moved sentence with a response phrase that it did not report.
    let before = out.len();
    let mut quiet = Vec::new();
    if !v.old.disputes(v.ctx).items.is_empty() || !v.new.disputes(v.ctx).items.is_empty() {
        quiet = response_removed_disputes(v, out);
    }
    // Reported above, or the answer of a charge that needs none (not flagged by `check`).
    let reported: Vec<Span> = out[before..].iter().map(|c| c.span).chain(quiet.iter().copied()).collect();
    let seen = |s: Span| reported.iter().any(|r| r.overlaps(s));
    // Whole sentences with a response that are gone.
    for &i in &v.alignment.deleted {
        let s = v.old.sentences[i].span;
        if seen(s) {
            continue;
        }
        let Some(m) = rev.words.find_in(&v.old.text, s).into_iter().next() else { continue };
        let o = v.old.slice(s).to_string();
        out.push(Change {
            kind: ChangeKind::ResponseRemoved,
            side: Side::Old,
            span: s,
            what: format!("{} deleted (it contains `{}`)", quoted(&o), v.old.slice(m)),
            old: o,
            new: String::new(),
            old_context: Some(s),
            new_context: None,
            old_marks: vec![m],
            new_marks: vec![],
            anchor: v.anchor_for_old(i),
        });
    }
    // A response phrase cut out of an edited sentence.
    for e in v.edits.iter().filter(|e| e.is_substantive()) {
        let olds = rev.words.find_in(&v.old.text, e.old_span);
        let news = rev.words.find_in(&v.new.text, e.new_span);
        if news.len() >= olds.len() {
            continue;
        }
        for h in e.substantive() {
            let (os, _) = hunk_spans(e, h);
            if let Some(m) = olds.iter().find(|m| m.overlaps(os) && !quiet.iter().any(|q| q.covers(**m))) {
                let o = v.old.slice(*m).to_string();
                let what = format!("{} removed", quoted(&o));
                let mut c = edit_change(ChangeKind::ResponseRemoved, e, *m, Span::new(0, 0), what, &o, "");
                c.anchor = Span::new(e.new_span.start, e.new_span.start);
                c.new_marks.clear();
                out.push(c);
                break;
            }
        }
    }
    // A response moved far (two paragraphs or more) from where it stood.
    for p in v.alignment.pairs.iter().filter(|p| p.moved) {
        let os = run_span(v.old, &p.old);
        if seen(os) || rev.words.find_in(&v.old.text, os).is_empty() {
            continue;
        }
        let (Some(op), Some(np)) = (v.old.paragraph_at(os.start), v.new.paragraph_at(run_span(v.new, &p.new).start))
        else {
            continue;
        };
        // Compare against the paragraph its old predecessor now sits in.
        let prev = v.alignment.pairs.iter().filter(|q| !q.moved && q.old.end <= p.old.start).max_by_key(|q| q.old.end);
        let expected = prev.and_then(|q| v.new.paragraph_at(run_span(v.new, &q.new).start)).map_or(op as isize, |x| {
            x as isize
                + (op as isize
                    - prev.and_then(|q| v.old.paragraph_at(run_span(v.old, &q.old).start)).unwrap_or(op) as isize)
        });
        if (np as isize - expected).abs() < 2 {
            continue;
        }
        let ns = run_span(v.new, &p.new);
        let n = v.new.slice(ns).to_string();
        let what =
            format!("{} moved {} paragraphs away from where it answered", quoted(&n), (np as isize - expected).abs());
        out.push(relocated(ChangeKind::ResponseRemoved, v, os, ns, what, n));
    }
}

/// A number's value for comparison: digits and the decimal point.
fn number_value(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect()
}

/// Number tokens (and number words) of a token run, minus those inside date expressions.
fn numbers_in(
    doc: &Document,
    e: &Edit,
    side: Side,
    r: &std::ops::Range<usize>,
    words: &CompiledMatcher,
    dates: &[(Span, String)],
) -> Vec<(Span, String)> {
    let toks = match side {
        Side::Old => &e.words.old[r.clone()],
        Side::New => &e.words.new[r.clone()],
    };
    toks.iter()
        .filter(|t| !dates.iter().any(|(d, _)| d.overlaps(t.span)))
        .filter_map(|t| {
            let w = t.span.text(&doc.text);
            if t.kind == TokenKind::Number {
                Some((t.span, number_value(w)))
            } else if t.kind == TokenKind::Word && words.phrases.as_ref().is_some_and(|p| p.lookup(w).is_some()) {
                Some((t.span, w.to_lowercase()))
            } else {
                None
            }
        })
        .collect()
}

/// The changed run plus the word after it when it ends with a number ("130,000 troops").
fn with_unit(doc: &Document, e: &Edit, side: Side, r: &std::ops::Range<usize>) -> Span {
    let toks = match side {
        Side::Old => &e.words.old,
        Side::New => &e.words.new,
    };
    let mut span = e.token_span(side, r);
    if r.end > r.start
        && toks[r.end - 1].kind == TokenKind::Number
        && let Some(next) = toks.get(r.end)
        && next.kind == TokenKind::Word
    {
        span.end = next.span.end;
    }
    let _ = doc;
    span
}

fn number_changed(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    let od = date_exprs(v.old, v);
    let nd = date_exprs(v.new, v);
    for e in &v.edits {
        for h in e.substantive() {
            let mut on: Vec<String> =
                numbers_in(v.old, e, Side::Old, &h.old, &rev.words, &od).into_iter().map(|x| x.1).collect();
            let mut nn: Vec<String> =
                numbers_in(v.new, e, Side::New, &h.new, &rev.words, &nd).into_iter().map(|x| x.1).collect();
            if on.is_empty() && nn.is_empty() {
                continue;
            }
            on.sort();
            nn.sort();
            if on == nn {
                continue;
            }
            let os = with_unit(v.old, e, Side::Old, &h.old);
            let ns = with_unit(v.new, e, Side::New, &h.new);
            let o = v.old.slice(os).to_string();
            let n = v.new.slice(ns).to_string();
            let what = match (o.is_empty(), n.is_empty()) {
                (false, true) => format!("{} removed", quoted(&o)),
                (true, false) => format!("{} added", quoted(&n)),
                _ => format!("{} -> {}", quoted(&o), quoted(&n)),
            };
            out.push(edit_change(ChangeKind::NumberChanged, e, os, ns, what, &o, &n));
        }
    }
}

/// Date expressions of a document with a comparable value.
///
/// This is the one place that decides what a date is: the temporal analysis's resolved
/// TIMEX3 values of dates and times when it finds anything (so a weekday swapped is a
/// changed date), else
/// the date words of the `date-changed` rule compared as normalised text, with years.
pub fn date_exprs(doc: &Document, v: &Versions<'_>) -> Vec<(Span, String)> {
    let words = v.dates;
    let resolved = doc.temporal(v.ctx);
    if !resolved.is_empty() {
        // Points in time only: a duration ("15 years") or a set ("every week") is a
        // quantity, reported by number-changed.
        use crate::analysis::temporal::TimexType;
        return resolved
            .iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .map(|t| (t.span, t.value.clone()))
            .collect();
    }
    let mut out: Vec<(Span, String)> = Vec::new();
    for s in &doc.sentences {
        if let Some(m) = words {
            for span in m.find_in(&doc.text, s.span) {
                // "Feb. 3" / "March 2022": take a following day or year number along.
                let mut span = span;
                if let Some(t) = tokens(&doc.text, Span::new(span.end, s.span.end))
                    .find(|t| t.kind != TokenKind::Punct || t.span.text(&doc.text) != ".")
                    && t.kind == TokenKind::Number
                    && t.span.start - span.end <= 2
                {
                    span.end = t.span.end;
                }
                out.push((span, normalise(doc.slice(span))));
            }
        }
        for t in tokens(&doc.text, s.span) {
            let w = t.span.text(&doc.text);
            if t.kind == TokenKind::Number
                && w.len() == 4
                && w.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y))
                && !out.iter().any(|(d, _)| d.overlaps(t.span))
            {
                out.push((t.span, w.to_string()));
            }
        }
    }
    out.sort_by_key(|x| x.0);
    out
}

fn date_changed(v: &Versions<'_>, out: &mut Vec<Change>) {
    let od = date_exprs(v.old, v);
    let nd = date_exprs(v.new, v);
    for e in &v.edits {
        for h in e.substantive() {
            let (hs_old, hs_new) = hunk_spans(e, h);
            let touch = |d: &[(Span, String)], s: Span, whole: Span| -> Vec<(Span, String)> {
                d.iter().filter(|(x, _)| whole.covers(*x) && !s.is_empty() && x.overlaps(s)).cloned().collect()
            };
            let o = touch(&od, hs_old, e.old_span);
            let n = touch(&nd, hs_new, e.new_span);
            let mut ov: Vec<&str> = o.iter().map(|x| x.1.as_str()).collect();
            let mut nv: Vec<&str> = n.iter().map(|x| x.1.as_str()).collect();
            ov.sort();
            nv.sort();
            if ov == nv {
                // Same resolved values (or none found): a weekday or month word swapped
                // inside the change still changes what the article says ("Monday, May 2"
                // -> "Friday, May 2", "Tuesday's debate" -> "Thursday's debate").
                let words = |doc: &Document, span: Span| -> Vec<(Span, String)> {
                    match v.dates {
                        Some(m) if !span.is_empty() => {
                            m.find_in(&doc.text, span).into_iter().map(|x| (x, doc.slice(x).to_lowercase())).collect()
                        }
                        _ => Vec::new(),
                    }
                };
                let (ow, nw) = (words(v.old, hs_old), words(v.new, hs_new));
                let (mut a, mut b): (Vec<&str>, Vec<&str>) =
                    (ow.iter().map(|x| x.1.as_str()).collect(), nw.iter().map(|x| x.1.as_str()).collect());
                a.sort_unstable();
                b.sort_unstable();
                if a == b || ow.is_empty() || nw.is_empty() {
                    continue;
                }
                let join = |xs: &[(Span, String)]| xs.iter().map(|x| x.0).reduce(|a, b| Span::new(a.start, b.end));
                let (Some(os), Some(ns)) = (join(&ow), join(&nw)) else { continue };
                let (ot, nt) = (v.old.slice(os).to_string(), v.new.slice(ns).to_string());
                let what = format!("{} -> {}", quoted(&ot), quoted(&nt));
                out.push(edit_change(ChangeKind::DateChanged, e, os, ns, what, &ot, &nt));
                continue;
            }
            let join = |xs: &[(Span, String)]| xs.iter().map(|x| x.0).reduce(|a, b| Span::new(a.start, b.end));
            let os = join(&o).unwrap_or(Span::new(hs_old.start, hs_old.start));
            let ns = join(&n).unwrap_or(Span::new(hs_new.start, hs_new.start));
            let ot = v.old.slice(os).to_string();
            let nt = v.new.slice(ns).to_string();
            let values = |xs: &[(Span, String)], doc: &Document| {
                xs.iter()
                    .filter(|(s, val)| normalise(doc.slice(*s)) != *val)
                    .map(|x| x.1.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (ovs, nvs) = (values(&o, v.old), values(&n, v.new));
            let mut what = match (ot.is_empty(), nt.is_empty()) {
                (false, true) => format!("{} removed", quoted(&ot)),
                (true, false) => format!("{} added", quoted(&nt)),
                _ => format!("{} -> {}", quoted(&ot), quoted(&nt)),
            };
            if !ovs.is_empty() || !nvs.is_empty() {
                what.push_str(&format!(
                    " ({} -> {})",
                    if ovs.is_empty() { "-" } else { &ovs },
                    if nvs.is_empty() { "-" } else { &nvs }
                ));
            }
            out.push(edit_change(ChangeKind::DateChanged, e, os, ns, what, &ot, &nt));
        }
    }
}

/// Hedge phrases of a span, skipping capitalised forms inside a sentence ("in May").
fn hedges(doc: &Document, m: &CompiledMatcher, span: Span) -> Vec<(Span, String)> {
    m.find_in(&doc.text, span)
        .into_iter()
        .filter(|s| {
            let w = doc.slice(*s);
            let sentence_start = doc.sentence_at(s.start).is_some_and(|i| doc.sentences[i].span.start == s.start);
            sentence_start || !w.chars().next().is_some_and(char::is_uppercase)
        })
        .map(|s| (s, doc.slice(s).to_lowercase()))
        .collect()
}

fn hedge_changed(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    for e in v.edits.iter().filter(|e| e.is_substantive()) {
        let mut olds = hedges(v.old, &rev.words, e.old_span);
        let mut news = hedges(v.new, &rev.words, e.new_span);
        // Cancel the hedges present on both sides, one for one.
        let mut k = 0;
        while k < olds.len() {
            if let Some(j) = news.iter().position(|n| n.1 == olds[k].1) {
                news.remove(j);
                olds.remove(k);
            } else {
                k += 1;
            }
        }
        for (s, w) in olds {
            let what = format!("`{w}` removed");
            let mut c = edit_change(ChangeKind::HedgeChanged, e, s, Span::new(0, 0), what, &w, "");
            c.anchor = Span::new(e.new_span.start, e.new_span.start);
            c.new_marks.clear();
            out.push(c);
        }
        for (s, w) in news {
            let what = format!("`{w}` added");
            out.push(edit_change(ChangeKind::HedgeChanged, e, Span::new(0, 0), s, what, "", &w));
        }
    }
}

fn unattributed_claim_added(v: &Versions<'_>, rev: &Revision, out: &mut Vec<Change>) {
    let real = attributions_available(v);
    let cues = if rev.words.is_empty() { v.cues } else { Some(&rev.words) };
    for &j in &v.alignment.inserted {
        let s = v.new.sentences[j];
        let text = v.new.slice(s.span);
        let words = tokens(&v.new.text, s.span).filter(|t| t.kind != TokenKind::Punct).count();
        if words < rev.min_words || text.trim_end().ends_with('?') {
            continue;
        }
        // Quotes carry their own attribution rules; notes are not claims.
        if v.new.quotes.iter().any(|q| q.span.overlaps(s.span)) {
            continue;
        }
        if v.notes.is_some_and(|m| m.is_match_in(&v.new.text, s.span)) {
            continue;
        }
        let para = v.new.paragraphs.get(s.paragraph).copied().unwrap_or(s.span);
        // Sourced: an attribution in the paragraph with a source, other than a belief
        // ("he thinks ..." reports a mind, not evidence); else a cue word of the rule.
        if real {
            use crate::analysis::attribution::CueClass;
            if attributions_in(v.new, v, para).iter().any(|a| a.source.is_some() && a.cue_class != CueClass::Belief) {
                continue;
            }
        } else if !cue_matches(cues, v.new, para).is_empty() {
            continue;
        }
        let n = text.to_string();
        out.push(Change {
            kind: ChangeKind::UnattributedClaimAdded,
            side: Side::New,
            span: s.span,
            what: quoted(&n),
            old: String::new(),
            new: n,
            old_context: None,
            new_context: Some(s.span),
            old_marks: vec![],
            new_marks: vec![],
            anchor: s.span,
        });
    }
}

/// Where the headline is in the text, when the reader kept it there (seed format).
fn headline_span(doc: &Document) -> Option<Span> {
    let h = doc.meta.headline.as_deref()?;
    let from = doc.meta.dateline_span.map_or(0, |s| s.end);
    let at = doc.text.get(from..)?.find(h)? + from;
    Some(Span::new(at, at + h.len()))
}

fn headline_changed(v: &Versions<'_>, out: &mut Vec<Change>) {
    let (Some(o), Some(n)) = (v.old.meta.headline.as_deref(), v.new.meta.headline.as_deref()) else { return };
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    if letters(o) == letters(n) {
        return;
    }
    let span = headline_span(v.new).unwrap_or(Span::new(0, 0));
    out.push(Change {
        kind: ChangeKind::HeadlineChanged,
        side: Side::New,
        span,
        what: format!("{} -> {}", quoted(o), quoted(n)),
        old: o.to_string(),
        new: n.to_string(),
        old_context: headline_span(v.old),
        new_context: headline_span(v.new),
        old_marks: headline_span(v.old).into_iter().collect(),
        new_marks: vec![span],
        anchor: span,
    });
}

fn moved(v: &Versions<'_>, out: &mut Vec<Change>) {
    let pairs = &v.alignment.pairs;
    let mut k = 0;
    while k < pairs.len() {
        if !pairs[k].moved {
            k += 1;
            continue;
        }
        // A run of moved pairs that stay together in both versions is one move.
        let mut end = k + 1;
        while end < pairs.len()
            && pairs[end].moved
            && pairs[end].old.start == pairs[end - 1].old.end
            && pairs[end].new.start == pairs[end - 1].new.end
        {
            end += 1;
        }
        let os = Span::new(run_span(v.old, &pairs[k].old).start, run_span(v.old, &pairs[end - 1].old).end);
        let ns = Span::new(run_span(v.new, &pairs[k].new).start, run_span(v.new, &pairs[end - 1].new).end);
        let from = v.old.lines.line_col(&v.old.source, v.old.map.to_source(os.start)).line;
        let n = v.new.slice(ns).to_string();
        let what = format!("{} moved from line {from}", quoted(&n));
        out.push(relocated(ChangeKind::Moved, v, os, ns, what, n));
        k = end;
    }
}

/// Substantive changes without a correction or update note added to the new version.
pub fn correction_note(v: &Versions<'_>, rev: &Revision, substantive: &[&RevisionFinding]) -> Option<Change> {
    if substantive.is_empty() {
        return None;
    }
    // A note counts when a sentence holding a note phrase is new or was edited.
    let unchanged: Vec<bool> = {
        let mut u = vec![false; v.new.sentences.len()];
        for p in v.alignment.pairs.iter().filter(|p| p.exact) {
            for j in p.new.clone() {
                u[j] = true;
            }
        }
        u
    };
    let added_note =
        v.new.sentences.iter().enumerate().any(|(j, s)| !unchanged[j] && rev.words.is_match_in(&v.new.text, s.span))
            || v.new.meta.headline.as_deref().is_some_and(|h| {
                let hs = Span::new(0, h.len());
                rev.words.is_match_in(h, hs) && v.old.meta.headline.as_deref().is_none_or(|o| o != h)
            });
    if added_note {
        return None;
    }
    let first = substantive.iter().min_by_key(|f| f.change.anchor.start)?;
    let mut kinds: Vec<&str> = substantive.iter().map(|f| f.change.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let n = substantive.len();
    let what = format!("{n} substantive change{} ({})", if n == 1 { "" } else { "s" }, kinds.join(", "));
    let span = first.change.anchor;
    Some(Change {
        kind: ChangeKind::NeedsCorrectionNote,
        side: Side::New,
        span,
        what,
        old: String::new(),
        new: String::new(),
        old_context: None,
        new_context: None,
        old_marks: vec![],
        new_marks: vec![],
        anchor: span,
    })
}
