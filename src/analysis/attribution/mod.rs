//! Attributions: source / cue / content, and who the source resolves to.
//!
//! One pass per document: the reporting-verb automaton runs once over the text, each cue
//! is read in its sentence's tokens ([`scan`]) for a source and a content, then every
//! quote left without a speaker takes the speaker of the quote chain or paragraph it
//! belongs to, and finally every source is resolved to a speaker ([`resolve`]).

mod credit;
mod resolve;
mod scan;

use crate::analysis::entities::{self, Entities};
use crate::analysis::quotes::Quote;
use crate::document::Document;
use crate::rules::Lexicons;
use crate::text::Span;
use crate::text::lexicon::{FirstRunUnion, PhraseMatch, PhraseMatcher};

/// Compiled word lists the attribution analysis needs (built once per rule set).
#[derive(Debug)]
pub struct Lexicon {
    /// rules/lexicons/reporting-verbs.json: speech / belief / contested / according / quote_only.
    pub verbs: PhraseMatcher,
    /// rules/lexicons/anonymous-sources.json: collective / unnamed / reason.
    pub anonymous: PhraseMatcher,
    /// rules/lexicons/document-sources.json: document.
    pub documents: PhraseMatcher,
    /// rules/lexicons/hedges.json: hedge.
    pub hedges: PhraseMatcher,
    /// rules/lexicons/chants-and-signs.json: words naming a crowd's cry or a sign before a
    /// quote, which then needs no speaker.
    pub chants_and_signs: PhraseMatcher,
    /// Names, titles, aliases, pronouns.
    pub entities: entities::Lexicon,
    /// First runs of titles, aliases, verbs and hedges: the whole-document passes share a walk.
    whole_document: FirstRunUnion,
    class_ids: [Option<u32>; 6],
    anon_collective: Option<u32>,
    anon_unnamed: Option<u32>,
    anon_reason: Option<u32>,
}

impl Lexicon {
    pub fn new(lexicons: &Lexicons) -> Self {
        let verbs = PhraseMatcher::new(lexicons.classes("reporting-verbs"));
        let anonymous = PhraseMatcher::new(lexicons.classes("anonymous-sources"));
        let entities = entities::Lexicon::new(lexicons);
        let hedges = PhraseMatcher::new(lexicons.classes("hedges"));
        let whole_document = PhraseMatcher::first_run_union(&[&entities.titles, &entities.aliases, &verbs, &hedges]);
        let class_ids = [
            verbs.class_id("speech"),
            verbs.class_id("belief"),
            verbs.class_id("contested"),
            verbs.class_id("according"),
            verbs.class_id("quote_only"),
            verbs.class_id("stance"),
        ];
        Self {
            class_ids,
            anon_collective: anonymous.class_id("collective"),
            anon_unnamed: anonymous.class_id("unnamed"),
            anon_reason: anonymous.class_id("reason"),
            verbs,
            anonymous,
            documents: PhraseMatcher::new(lexicons.classes("document-sources")),
            hedges,
            chants_and_signs: PhraseMatcher::new(lexicons.classes("chants-and-signs")),
            entities,
            whole_document,
        }
    }

    fn cue_class(&self, class: u32) -> CueClass {
        match self.class_ids.iter().position(|c| *c == Some(class)) {
            Some(0) => CueClass::Speech,
            Some(1) => CueClass::Belief,
            Some(2) => CueClass::Contested,
            Some(3) => CueClass::According,
            Some(4) => CueClass::QuoteOnly,
            Some(5) => CueClass::Stance,
            _ => CueClass::Speech,
        }
    }

    /// Whether `span` of `text` states why a source is not named ("on condition of anonymity").
    pub fn states_anonymity_reason(&self, text: &str, span: Span) -> bool {
        self.anonymous.find_in(text, span).any(|m| Some(m.class) == self.anon_reason)
    }
}

/// What kind of speaker a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Role,
    Pronoun,
    Anonymous,
    Document,
    None,
}

/// Which class of reporting verb the cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueClass {
    /// say, tell, add, warn ...
    Speech,
    /// think, believe, want ...
    Belief,
    /// accuse, allege, claim, deny, criticise ...
    Contested,
    /// according to X.
    According,
    /// continued, recalled ...: only next to a direct quote.
    QuoteOnly,
    /// Evidence and stance: a poll found, she endorsed, he declined (PolNeAR counts them).
    Stance,
    /// No cue: a quote attributed through its paragraph or quote chain.
    None,
}

/// One attribution: who (source), the verb or phrase (cue), and what (content).
#[derive(Debug, Clone)]
pub struct Attribution {
    /// The mention as written ("he", "Putin", "Western officials"), if any.
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Option<Span>,
    /// The resolved speaker ("Russian President Vladimir Putin"), if any.
    pub speaker: Option<String>,
    /// The kind of the resolved speaker (a resolved "he" is a person; an unresolved one a pronoun).
    pub speaker_kind: SpeakerKind,
    /// The content is a direct quote.
    pub direct: bool,
    /// The reporting verb's class.
    pub cue_class: CueClass,
    /// The entity / party the speaker belongs to ("Russia" for Putin or the Kremlin,
    /// "United States" for Washington or a State Department spokeswoman), from aliases.json.
    pub party: Option<String>,
    /// Index into [`Attributions::entities`]`.persons` when the speaker is a known person.
    pub person: Option<usize>,
    /// The source is a pronoun (resolved or not).
    pub pronoun: bool,
    /// An anonymous source that is a group speaking in general ("Western officials", "analysts").
    pub collective: bool,
    /// The speaker's first mention is a bare surname (or the full name comes only later).
    pub bare_first_mention: bool,
    /// For a quote without its own cue: the attribution whose speaker it takes.
    pub continues: Option<usize>,
    /// That speaker is only inferred: the quote paragraph follows a paragraph whose last
    /// sentence reports the speaker (not a colon, not a quote that runs on).
    pub inferred: bool,
}

impl Attribution {
    /// Where the attribution is, for ordering and reporting.
    pub fn anchor(&self) -> Span {
        self.source.or(self.cue).or(self.content).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Attributions {
    pub items: Vec<Attribution>,
    /// The people named in the article (speakers point into it).
    pub entities: Entities,
    /// Hedges ("it is believed", "reportedly") in the whole text, in text order: found in
    /// the analysis's walk over the word index, for the hearsay rule.
    pub hedges: Vec<PhraseMatch>,
}

impl Attributions {
    /// The party (entity) a speaker belongs to: "Russia" for "the Kremlin" or for
    /// "Russian President Vladimir Putin"; None when nothing in aliases.json names it.
    pub fn party_of<'a>(&'a self, speaker: &'a str, ctx: &'a super::Context) -> Option<&'a str> {
        self.entities.party_of(speaker, &ctx.attribution.entities)
    }
}

/// A found cue with its source and content, before the speaker is resolved.
#[derive(Debug, Clone)]
struct Raw {
    source: Option<Span>,
    cue: Option<Span>,
    content: Option<Span>,
    direct: bool,
    class: CueClass,
    /// For "who": the noun phrase it refers to.
    antecedent: Option<Span>,
    sentence: usize,
    continues: Option<usize>,
    /// The speaker is only inferred from the previous paragraph's last sentence.
    inferred: bool,
}

impl Raw {
    /// A direct quote with no cue of its own, credited to `source` (if any).
    fn quote(source: Option<Span>, content: Span, sentence: usize) -> Self {
        Raw {
            source,
            cue: None,
            content: Some(content),
            direct: true,
            class: CueClass::None,
            antecedent: None,
            sentence,
            continues: None,
            inferred: false,
        }
    }
}

/// Indirect readings that cross a quote's closing mark:
/// - one nested inside the quote ("“We hope so,” he said": We / hope / so) ends with the
///   quote: its content cannot run on into the narration;
/// - one whose content starts inside the quote and ends in a noun phrase after it ("“Nobody
///   asked us,” the mayor's spokesman, Tom Reyes, wrote" read as Tom Reyes saying "Nobody
///   asked us,” the mayor's spokesman") has the quote boundary wrong: it is dropped, and the
///   quote pass reads the credit after the quote.
fn fit_readings_to_quotes(doc: &Document, raws: &mut Vec<Raw>) {
    for r in raws.iter_mut().filter(|r| !r.direct) {
        let (Some(cue), Some(c)) = (r.cue, r.content) else { continue };
        if let Some(q) = closed_quotes_around(doc, cue.start)
            .find(|q| q.content.start <= cue.start && cue.end <= q.content.end && c.start < q.content.end)
            && c.end > q.content.end
        {
            let end = q.content.end;
            let trimmed = doc.text.get(c.start..end).map_or(end, |t| {
                c.start + t.trim_end_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ';' | ':')).len()
            });
            r.content = Some(Span::new(c.start, trimmed.max(c.start)));
        }
    }
    raws.retain(|r| {
        let Some(c) = r.content.filter(|_| !r.direct) else { return true };
        !closed_quotes_around(doc, c.start).any(|q| {
            q.span.start < c.start && c.start <= q.content.end && q.span.end < c.end && {
                // After the closing mark the content holds only the start of a noun phrase
                // ("the mayor's spokesman"): the speaker's own description. A clause there
                // ("would be appropriate", "if she didn't win") is real indirect content.
                let rest: Vec<&str> = doc.text.get(q.span.end..c.end).map_or(Vec::new(), |t| {
                    t.split(|ch: char| ch.is_whitespace() || ch == ',').filter(|w| !w.is_empty()).collect()
                });
                (1..=4).contains(&rest.len())
                    && matches!(
                        rest[0].to_ascii_lowercase().as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my"
                    )
            }
        })
    });
}

/// Closed quotes that may contain `offset`: those of its paragraph opening at or before it
/// (quotes are sorted by start), so each reading looks at a few quotes, not all of them.
fn closed_quotes_around(doc: &Document, offset: usize) -> impl Iterator<Item = &crate::analysis::quotes::Quote> {
    let upto = doc.quotes.partition_point(|q| q.span.start <= offset);
    let para = doc.paragraph_at(offset);
    doc.quotes[..upto].iter().rev().take_while(move |q| Some(q.paragraph) == para).filter(|q| q.closed)
}

pub fn find_attributions(doc: &Document, ctx: &super::Context) -> Attributions {
    let lex = &ctx.attribution;
    // Tokens before the word index: tokenising the document builds the index in the same
    // pass (`Document::sentence_tokens`); then one walk over it finds titles, aliases,
    // reporting verbs and hedges.
    doc.sentence_tokens(0);
    let [titles, aliases, verbs, hedges] = PhraseMatcher::find_each(
        [&lex.entities.titles, &lex.entities.aliases, &lex.verbs, &lex.hedges],
        &lex.whole_document,
        &doc.text,
        doc.word_starts(),
        Span::new(0, doc.text.len()),
    );
    let mut entities = Entities::find_with(doc, &lex.entities, titles, aliases);
    let mut raws = scan::find_cued(doc, lex, verbs);
    fit_readings_to_quotes(doc, &mut raws);
    chain_quotes(doc, lex, &entities, &mut raws);
    raws.sort_by_key(|r| {
        let a = r.source.or(r.cue).or(r.content).unwrap_or_default();
        (a.start, r.cue.map_or(0, |c| c.start))
    });
    // Continuations were recorded as positions; re-point them after sorting.
    let items = resolve::resolve(doc, lex, &mut entities, &raws);
    Attributions { items, entities, hedges }
}

/// A quote is a scare quote or a title, not speech that needs a speaker: 1 to 3 words,
/// or every word capitalised ("“Gifted Hands”").
pub fn is_scare_or_title(text: &str) -> bool {
    const SMALL: &[&str] = &["a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with", "at", "by"];
    // At most three words, or at most twelve that are all capitalised, numbers or small
    // words; counted without collecting, since most quotes are long sentences.
    let mut words = 0;
    let mut title_case = true;
    for w in text.split_whitespace() {
        words += 1;
        if words > 12 {
            return false;
        }
        if title_case {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            title_case = w.is_empty()
                || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || SMALL.contains(&w);
        }
        // Past three words, one that is not title case settles it.
        if !title_case && words > 3 {
            return false;
        }
    }
    words <= 3 || title_case
}

/// Quotes that no cue covers take the speaker of the quote they continue, of their
/// sentence, or of their paragraph; a colon cue at the end of the previous paragraph
/// ("Putin said:") introduces the next paragraph's quote.
fn chain_quotes(doc: &Document, lex: &Lexicon, entities: &Entities, raws: &mut Vec<Raw>) {
    let text = &doc.text;
    let mut quote_owner: Vec<Option<usize>> = vec![None; doc.quotes.len()];
    // Attributions by the paragraph of their sentence, in index order: every look-up
    // below is about the quote's own or a neighbouring paragraph, so it never has to
    // walk every attribution of a long document.
    let para_of = |r: &Raw| doc.sentences.get(r.sentence).map_or(0, |s| s.paragraph);
    let mut by_para: Vec<Vec<usize>> = vec![Vec::new(); doc.paragraphs.len() + 1];
    for (i, r) in raws.iter().enumerate() {
        if let Some(v) = by_para.get_mut(para_of(r)) {
            v.push(i);
        }
    }
    // The first quote that continues each quote.
    let mut next_part: Vec<Option<usize>> = vec![None; doc.quotes.len()];
    for (n, q) in doc.quotes.iter().enumerate() {
        if let Some(p) = q.continues
            && let Some(slot) = next_part.get_mut(p)
            && slot.is_none()
            && n > p
        {
            *slot = Some(n);
        }
    }
    // Lowest-index attribution near paragraph `para` whose content overlaps `c`.
    let first_overlap = |raws: &[Raw], by_para: &[Vec<usize>], para: usize, c: Span, need_cue: bool| {
        by_para[para.saturating_sub(2)..(para + 3).min(by_para.len())]
            .iter()
            .flatten()
            .copied()
            .filter(|&i| {
                let r = &raws[i];
                (!need_cue || r.cue.is_some()) && r.content.is_some_and(|x| x.overlaps(c))
            })
            .min()
    };
    for (qi, q) in doc.quotes.iter().enumerate() {
        if q.nested || q.content.is_empty() {
            continue;
        }
        if let Some(ri) = first_overlap(raws, &by_para, q.paragraph, q.content, false) {
            quote_owner[qi] = Some(ri);
            // A cue read without its source ("Rep. Paul Ryan (R-WI) said “...”", "“...,“
            // said Jim Clyburn"): the speaker named after the quote, or the person named
            // nearest before the cue in its sentence.
            let r = &raws[ri];
            if r.source.is_none()
                && r.direct
                && let Some(cue) = r.cue
            {
                let found = credit::speaker_after(doc, lex, q, credit::opens_sentence(doc, q))
                    .or_else(|| credit::person_before(entities, r.sentence, cue.start));
                raws[ri].source = found;
            }
            continue;
        }
        // The credit line a pull quote runs on into ("Josh Bivens, Riders Union.”") is
        // no speech of its own.
        if let Some(p) = q.continues
            && let Some(prev) = doc.quotes.get(p)
            && credit::credit_line(doc, lex, prev).is_some_and(|c| q.content.contains(c.start))
        {
            continue;
        }
        let chained = q.continues.and_then(|p| quote_owner.get(p).copied().flatten()).or_else(|| {
            // A quote that runs on into the next paragraphs is attributed where it ends
            // ("“... ¶ “And we will win,” Ruiz wrote.").
            let mut cur = qi;
            for _ in 0..8 {
                let next = next_part[cur]?;
                let c = doc.quotes[next].content;
                if let Some(r) = first_overlap(raws, &by_para, doc.quotes[next].paragraph, c, true) {
                    return Some(r);
                }
                cur = next;
            }
            None
        });
        // Scare quotes and titles need no speaker, unless a name introduces them
        // ("Cecile Richards: ‘I’m Sick Of Men Telling Us What To Do’" is her quote).
        let headline_speaker = colon_speaker(doc, q.span.start);
        // ... or a clause after them: "“It's unusual,“ said Larry Noble." is speech.
        let after = credit::speaker_after(doc, lex, q, credit::opens_sentence(doc, q));
        if chained.is_none()
            && (is_scare_or_title(q.content.text(text)) && headline_speaker.is_none() && after.is_none()
                || credit::is_modifier(doc, lex, q)
                || credit::is_cited(doc, q)
                || credit::is_chant_or_sign(doc, lex, q))
        {
            continue;
        }
        let sentence = doc.sentence_at(q.content.start).unwrap_or(0);
        let para = q.paragraph;
        let near = |p: usize| by_para.get(p).map_or(&[][..], Vec::as_slice);
        let spara = doc.sentences.get(sentence).map_or(para, |s| s.paragraph);
        let same_sentence =
            chained.is_none().then(|| nearest(raws, near(spara), |r| r.sentence == sentence, q.span.start)).flatten();
        // A speaker named around the quote without a known cue: the clause after it, a
        // credit, a tweet's author, the next sentence ("That was the message from X").
        let credited = if chained.is_none() && same_sentence.is_none() {
            after
                .or_else(|| credit::tweet_author(doc, q))
                .or_else(|| credit::credit_line(doc, lex, q))
                .or_else(|| next_sentence_of(doc, q).and_then(|n| credit::named_next(doc, lex, n)))
        } else {
            None
        };
        if let Some(src) = credited {
            quote_owner[qi] = Some(raws.len());
            if let Some(v) = by_para.get_mut(spara) {
                v.push(raws.len());
            }
            raws.push(Raw::quote(Some(src), q.content, sentence));
            continue;
        }
        let same_para = chained.is_none().then(|| {
            same_sentence.or_else(|| {
                nearest(
                    raws,
                    near(para),
                    |r| doc.sentences.get(r.sentence).is_some_and(|s| s.paragraph == para),
                    q.span.start,
                )
            })
        });
        // "“A,” he said. “B.”": one attribution whose content runs over both quotes, as
        // annotated news counts it; the second quote has no cue of its own.
        // Only next to each other: no sentence of the article's own between the two (a
        // paragraph of single-spaced lines can hold many speakers).
        let adjacent = |c: Span| {
            let (a, b) = if c.end <= q.span.start { (c.end, q.content.start) } else { (q.content.end, c.start) };
            match (doc.sentence_at(a.saturating_sub(1)), doc.sentence_at(b)) {
                (Some(x), Some(y)) => y <= x + 1,
                _ => false,
            }
        };
        if let Some(Some(o)) = same_para
            && raws[o].direct
            && let Some(c) = raws[o].content
            && doc.paragraph_at(c.start) == Some(para)
            && adjacent(c)
        {
            raws[o].content = Some(Span::new(c.start.min(q.content.start), c.end.max(q.content.end)));
            quote_owner[qi] = Some(o);
            continue;
        }
        let mut inferred = false;
        // A quote paragraph after a quote paragraph continues its speaker.
        let chain_para = is_para_start(text, q.span.start);
        // The previous paragraph ends with that quote.
        let opens_para = |r: &Raw| {
            r.content.is_some_and(|c| {
                doc.paragraphs.get(doc.paragraph_at(c.start).unwrap_or(usize::MAX)).is_some_and(|p| {
                    text.get(c.end..p.end).is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
                })
            })
        };
        let owner = chained.or(same_para.flatten()).or_else(|| {
            // "Putin said:" closing the previous paragraph, or a quote paragraph that
            // goes on from a quoted speaker in the previous one (named there, or itself
            // continuing a quote chain). A partial quote inside a sentence of its own
            // belongs to that sentence instead.
            if !chain_para && !credit::opens_sentence(doc, q) {
                return None;
            }
            let prev = para.checked_sub(1)?;
            let ptext = doc.paragraphs.get(prev)?.text(text).trim_end();
            let last = near(prev)
                .iter()
                .map(|&i| (i, &raws[i]))
                .filter(|(_, r)| {
                    doc.sentences.get(r.sentence).is_some_and(|s| s.paragraph == prev)
                        && (r.source.is_some() || chain_para && r.direct && r.continues.is_some() && opens_para(r))
                })
                .max_by_key(|(_, r)| r.cue.or(r.content).map_or(0, |c| c.start))?;
            if !(ptext.ends_with(':') || last.1.direct) {
                return None;
            }
            inferred = last.1.source.is_none() && last.1.inferred;
            Some(last.0)
        });
        // Weaker: the quote paragraph follows a paragraph whose last sentence reports a
        // person's words or views ("Valastro praised Christie’s leadership. ¶ “We need ...”").
        let owner = owner.or_else(|| {
            if !is_para_start(text, q.span.start) {
                return None;
            }
            let prev = para.checked_sub(1)?;
            let last_sentence = doc.paragraph_sentences.get(prev)?.end.checked_sub(1)?;
            let r = near(prev).iter().rev().copied().find(|&i| {
                let r = &raws[i];
                r.sentence == last_sentence && r.source.is_some()
            })?;
            inferred = true;
            Some(r)
        });
        // A partial quote inside a sentence belongs to the sentence's subject; a quote
        // after "Name:" (headlines, transcripts) to that name; a quote paragraph after a
        // paragraph ending in a colon ("President Clinton released the following
        // statement:") to that paragraph's last subject.
        let subject = if owner.is_none() {
            headline_speaker
                .or_else(|| colon_paragraph_subject(doc, lex, para, q.span.start))
                .or_else(|| {
                    let sstart = doc.sentences.get(sentence).map_or(q.span.start, |s| s.span.start);
                    // The quote's opening mark can precede the sentence its words start in.
                    let words_before =
                        text.get(sstart.min(q.span.start)..q.span.start).map_or(0, |t| t.split_whitespace().count());
                    if words_before >= 2 {
                        credit::document_opener(doc, sentence, q.span.start)
                            .or_else(|| scan::sentence_subject(doc, lex, sentence, q.span.start))
                            .filter(|s| !matches!(s.text(text), "which" | "Which" | "that" | "That"))
                            .or_else(|| credit::person_in_sentence(entities, sentence, q))
                            .or_else(|| credit::clause_subject(doc, lex, sentence, q.span.start, false))
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    // Inferred: the sentence before reports a person speaking, with a verb
                    // the cue reader could not use ("Trump was quick to add that ...",
                    // "Sami recalled how ..."). The paragraph's last sentence before a quote
                    // paragraph; the previous sentence before a quote opening a sentence.
                    let before = if is_para_start(text, q.span.start) {
                        doc.paragraph_sentences.get(para.checked_sub(1)?)?.end.checked_sub(1)?
                    } else if credit::opens_sentence(doc, q) {
                        let b = doc.sentence_at(q.span.start)?.checked_sub(1)?;
                        (doc.sentences.get(b)?.paragraph == para).then_some(b)?
                    } else {
                        return None;
                    };
                    // "Trump's first tweet was a measured comment. “Really bad shooting.”":
                    // the document's owner, as good as a cue in the same paragraph.
                    if let Some(owner) = credit::document_owner(doc, entities, before) {
                        inferred = is_para_start(text, q.span.start);
                        return Some(owner);
                    }
                    let s = credit::reporting_subject(doc, lex, entities, before)?;
                    inferred = true;
                    Some(s)
                })
        } else {
            None
        };
        quote_owner[qi] = Some(raws.len());
        let sentence_para = doc.sentences.get(sentence).map_or(0, |s| s.paragraph);
        if let Some(v) = by_para.get_mut(sentence_para) {
            v.push(raws.len());
        }
        let continues = owner.map(|o| raws[o].content.or(raws[o].cue).map_or(0, |s| s.start));
        raws.push(Raw { continues, inferred, ..Raw::quote(subject, q.content, sentence) });
    }
}

/// "Kasich: ‘We are going all the way’": a short capitalised name right before a colon
/// that opens the quote.
fn colon_speaker(doc: &Document, quote_start: usize) -> Option<Span> {
    let text = &doc.text;
    let before = text[..quote_start].trim_end();
    let colon = before.strip_suffix(':')?;
    let para = doc.paragraphs.get(doc.paragraph_at(quote_start)?)?;
    let from = colon.rfind(['.', '!', '?', '\n', '“', '”', '"']).map_or(0, |i| i + 1).max(para.start);
    if from >= colon.len() {
        return None;
    }
    let span = Span::new(from, colon.len()).trim(text);
    let words = span.text(text).split_whitespace().count();
    let first_cap = span.text(text).chars().next().is_some_and(char::is_uppercase);
    ((1..=5).contains(&words) && first_cap && span.start >= para.start).then_some(span)
}

fn colon_paragraph_subject(doc: &Document, lex: &Lexicon, para: usize, quote_start: usize) -> Option<Span> {
    if !is_para_start(&doc.text, quote_start) {
        return None;
    }
    let prev = para.checked_sub(1)?;
    let last = doc.paragraph_sentences.get(prev)?.end.checked_sub(1)?;
    // "... released the following statement:" or "the DNC issued a statement
    // apologizing to Sanders." before a paragraph that is the statement.
    let end = doc.sentences.get(last)?.span.end;
    if doc.paragraphs.get(prev)?.text(&doc.text).trim_end().ends_with(':') {
        return scan::sentence_subject(doc, lex, last, end);
    }
    if !credit::issues_document(doc, last) {
        return None;
    }
    credit::clause_subject(doc, lex, last, end, true)
}

/// The sentence after the one a quote closes, when nothing but punctuation follows the
/// quote in its sentence; across a paragraph break only when the quote ends its paragraph.
fn next_sentence_of(doc: &Document, q: &Quote) -> Option<usize> {
    let last = doc.sentence_at(q.span.end.checked_sub(1)?)?;
    let s = doc.sentences.get(last)?;
    let rest = doc.text.get(q.span.end..s.span.end.max(q.span.end))?;
    if rest.chars().any(char::is_alphanumeric) {
        return None;
    }
    let next = doc.sentences.get(last + 1)?;
    (next.paragraph == s.paragraph
        || next.paragraph == s.paragraph + 1
            && doc.paragraphs.get(s.paragraph).is_some_and(|p| q.span.end + 2 >= p.end))
    .then_some(last + 1)
}

fn is_para_start(text: &str, offset: usize) -> bool {
    text[..offset].trim_end_matches([' ', '\t']).chars().next_back().is_none_or(|c| c == '\n')
}

/// The attribution matching `keep` nearest to `at`, preferring one before it.
/// `candidates` are indices into `raws` in increasing order.
fn nearest(raws: &[Raw], candidates: &[usize], keep: impl Fn(&Raw) -> bool, at: usize) -> Option<usize> {
    let pos = |r: &Raw| r.source.or(r.cue).or(r.content).map_or(0, |s| s.start);
    let cands = || candidates.iter().map(|&i| (i, &raws[i]));
    let before = cands().filter(|(_, r)| keep(r) && pos(r) <= at && r.source.is_some()).max_by_key(|(_, r)| pos(r));
    let after = cands().filter(|(_, r)| keep(r) && pos(r) > at && r.source.is_some()).min_by_key(|(_, r)| pos(r));
    before.or(after).map(|(i, _)| i)
}

#[cfg(test)]
mod tests;
