//! From a source as written to a speaker: names to their full form, pronouns to the most
//! recent compatible person, aliases to organisations, lexicon heads to anonymous,
//! document and role speakers.

use super::{Attribution, CueClass, Lexicon, Raw, SpeakerKind};
use crate::analysis::entities::{Entities, Gender, PronounClass, strip_possessive};
use crate::document::Document;
use crate::text::Span;

/// How far back (in sentences) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 40;

const ORG_HEADS: &[&str] = &[
    "company",
    "campaign",
    "government",
    "administration",
    "ministry",
    "committee",
    "party",
    "agency",
    "group",
    "department",
    "office",
    "court",
    "firm",
    "organization",
    "organisation",
    "council",
    "commission",
    "embassy",
    "network",
    "newspaper",
    "magazine",
    "station",
    "channel",
    "union",
    "board",
    "team",
    "bank",
    "university",
    "school",
    "coalition",
    "alliance",
    "regime",
    "kremlin",
    "white",
    "house",
    "senate",
    "congress",
    "pentagon",
    "club",
    "foundation",
    "institute",
    "center",
    "centre",
    "association",
    "federation",
    "corporation",
];

struct Resolved {
    kind: SpeakerKind,
    speaker: Option<String>,
    party: Option<String>,
    person: Option<usize>,
    pronoun: bool,
    collective: bool,
    bare: bool,
}

impl Resolved {
    /// Speak as an earlier attribution's speaker (a pronoun or anaphor resolved to it).
    fn take_speaker(&mut self, a: &Attribution) {
        self.kind = a.speaker_kind;
        self.speaker = a.speaker.clone();
        self.party = a.party.clone();
        self.collective = a.collective;
    }

    fn none() -> Self {
        Self {
            kind: SpeakerKind::None,
            speaker: None,
            party: None,
            person: None,
            pronoun: false,
            collective: false,
            bare: false,
        }
    }
}

fn normalise(s: &str) -> String {
    // The head phrase, without an appositive ("a senior official, who spoke ...").
    let s = s.split(", ").next().unwrap_or(s).trim_end_matches(',');
    let s = strip_possessive(s.trim());
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i == 0 && matches!(w, "The" | "A" | "An") {
            out.push_str(&w.to_ascii_lowercase());
        } else {
            out.push_str(w);
        }
    }
    out
}

fn pos(r: &Raw) -> usize {
    r.content.or(r.cue).map_or(0, |s| s.start)
}

pub(super) fn resolve(doc: &Document, lex: &Lexicon, entities: &mut Entities, raws: &[Raw]) -> Vec<Attribution> {
    let mut items: Vec<Attribution> = Vec::with_capacity(raws.len());
    for r in raws {
        let res = match (r.source, r.class) {
            (Some(src), _) => classify(doc, lex, entities, &items, r, src),
            _ => Resolved::none(),
        };
        items.push(Attribution {
            source: r.source,
            cue: r.cue,
            content: r.content,
            speaker: res.speaker,
            speaker_kind: res.kind,
            direct: r.direct,
            cue_class: r.class,
            party: res.party,
            person: res.person,
            pronoun: res.pronoun,
            collective: res.collective,
            bare_first_mention: res.bare,
            continues: None,
            inferred: r.inferred,
        });
    }
    // Quotes without a cue take their owner's speaker; owners come first or later in
    // the paragraph, so this runs after every cued attribution is resolved. Chains of
    // chains (a quote continuing a continued quote) resolve in text order.
    // The first two attributions at each position (the first may be the quote itself).
    let mut at_pos: std::collections::HashMap<usize, (usize, Option<usize>)> = std::collections::HashMap::new();
    for (j, r) in raws.iter().enumerate() {
        at_pos.entry(pos(r)).and_modify(|e| _ = e.1.get_or_insert(j)).or_insert((j, None));
    }
    for i in 0..raws.len() {
        if raws[i].class != CueClass::None {
            continue;
        }
        let Some(at) = raws[i].continues else { continue };
        let Some(owner) = at_pos.get(&at).and_then(|&(a, b)| if a != i { Some(a) } else { b }) else { continue };
        let o = items[owner].clone();
        let it = &mut items[i];
        it.continues = Some(owner);
        // The mention that attributes the chain attributes this quote too.
        it.source = o.source;
        it.speaker = o.speaker;
        it.speaker_kind = o.speaker_kind;
        it.party = o.party;
        it.person = o.person;
        it.collective = o.collective;
    }
    items
}

/// The latest of the last `take` attributions before `src`, at most `paragraphs` paragraphs
/// back, that `fits`: the speaker a pronoun or a "the official" points back to.
fn recent_speaker<'a>(
    doc: &Document,
    items: &'a [Attribution],
    sentence: usize,
    src: Span,
    (take, paragraphs): (usize, usize),
    fits: impl Fn(&Attribution) -> bool,
) -> Option<&'a Attribution> {
    let cur_para = doc.sentences.get(sentence).map_or(0, |s| s.paragraph);
    items.iter().rev().take(take).find(|a| {
        a.anchor().start < src.start
            && doc.paragraph_at(a.anchor().start).is_some_and(|pp| pp + paragraphs >= cur_para)
            && fits(a)
    })
}

fn classify(
    doc: &Document,
    lex: &Lexicon,
    entities: &mut Entities,
    items: &[Attribution],
    r: &Raw,
    src: Span,
) -> Resolved {
    let text = &doc.text;
    let elex = &lex.entities;
    let written = src.text(text);
    let mut res = Resolved::none();
    if let Some(p) = elex.pronoun(written) {
        res.pronoun = true;
        res.kind = SpeakerKind::Pronoun;
        match p {
            PronounClass::Male | PronounClass::Female => {
                let g = if p == PronounClass::Male { Gender::Male } else { Gender::Female };
                if let Some(pi) = antecedent(entities, r.sentence, src.start, g) {
                    if entities.persons[pi].gender == Gender::Unknown {
                        entities.persons[pi].gender = g;
                    }
                    return person(entities, elex, pi, res, false);
                }
                // With no person named before it, "He added" continues the anonymous
                // official who spoke just before: that source, whose anonymity
                // `anonymous-source` judges. A role ("the Russian leader") stays unresolved:
                // the reader still needs the name.
                let one_anonymous = |a: &Attribution| {
                    a.speaker_kind == SpeakerKind::Anonymous
                        && a.speaker.as_deref().is_some_and(|sp| !sp.ends_with('s'))
                };
                if let Some(a) = recent_speaker(doc, items, r.sentence, src, (3, 1), one_anonymous) {
                    res.take_speaker(a);
                }
            }
            PronounClass::Plural | PronounClass::Neuter => {
                // "it" stands for one organisation or document; anonymous sources and
                // roles are people ("the sources ... it intended" is the company's plan).
                let ok = |k: SpeakerKind| {
                    matches!(k, SpeakerKind::Organisation | SpeakerKind::Document)
                        || (p == PronounClass::Plural && matches!(k, SpeakerKind::Anonymous | SpeakerKind::Role))
                };
                if let Some(a) =
                    recent_speaker(doc, items, r.sentence, src, (6, 2), |a| ok(a.speaker_kind) && a.speaker.is_some())
                {
                    res.take_speaker(a);
                }
            }
            PronounClass::Relative => {
                if let Some(ante) = r.antecedent {
                    let sub = Raw { source: Some(ante), ..r.clone() };
                    let mut inner = classify(doc, lex, entities, items, &sub, ante);
                    inner.pronoun = true;
                    return inner;
                }
            }
            PronounClass::First => {}
        }
        return res;
    }
    // A person mentioned inside the source ("Russian President Vladimir Putin", "Putin").
    // Mentions are in sentence order: look only at the sentences the source spans.
    let in_source = match (doc.sentence_at(src.start), doc.sentence_at(src.end.saturating_sub(1))) {
        (Some(s0), Some(s1)) => {
            let from = entities.mentions.partition_point(|m| m.sentence < s0.saturating_sub(1));
            let to = entities.mentions.partition_point(|m| m.sentence <= s1).max(from);
            entities.mentions[from..to].iter().find(|m| m.span.overlaps(src))
        }
        _ => entities.mentions.iter().find(|m| m.span.overlaps(src)),
    };
    if let Some(m) = in_source {
        let pi = m.person;
        let bare = entities.persons[pi].first.start >= src.end;
        return person(entities, elex, pi, res, bare);
    }
    let words: Vec<&str> = written.split_whitespace().collect();
    let head = words.last().map(|w| strip_possessive(w)).unwrap_or("");
    let head_cap = head.chars().next().is_some_and(char::is_uppercase);
    let no_the = written.strip_prefix("the ").or_else(|| written.strip_prefix("The ")).unwrap_or(written);
    if head_cap {
        if let Some(party) = elex.alias(written).or_else(|| elex.alias(no_the)) {
            res.kind = SpeakerKind::Organisation;
            res.speaker = Some(normalise(written));
            res.party = Some(party.to_string());
            return res;
        }
        let name_words: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                !elex.is_title(w.trim_end_matches('.')) && !elex.is_title(w) && !matches!(*w, "the" | "The" | ".")
            })
            .collect();
        if words.len() == 1 && lex.anonymous.lookup(head).is_some() {
            // "Sources said", "Officials say" opening a sentence.
            res.kind = SpeakerKind::Anonymous;
            res.speaker = Some(normalise(written));
            res.collective = !head.eq_ignore_ascii_case("sources");
            return res;
        }
        if name_words.len() == 1 {
            let surname = strip_possessive(name_words[0]);
            if let Some(pi) = entities.person_by_surname(surname) {
                let bare = entities.persons[pi].first.start >= src.end;
                return person(entities, elex, pi, res, bare);
            }
            let upper = surname.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            let orgish = is_org(surname) || upper || lex.documents.lookup(surname).is_some();
            if orgish {
                res.kind = SpeakerKind::Organisation;
                res.speaker = Some(normalise(written));
                res.party = elex.party_in(written).map(String::from);
                return res;
            }
            // An unknown bare name: a person (or a name too well known to need more) whose
            // full name the article never gives; not reported as surname-first, which is
            // about a full name that comes only later.
            let pi = entities.add_person(normalise(written), surname, src, r.sentence, elex);
            return person(entities, elex, pi, res, false);
        }
        if words.iter().any(|w| is_org(strip_possessive(w))) || lex.documents.lookup(head).is_some() {
            res.kind = SpeakerKind::Organisation;
            res.speaker = Some(normalise(written));
            res.party = elex.party_in(written).map(String::from);
            return res;
        }
        if name_words.len() >= 2 && elex.name_gender(name_words[0]) != Gender::Unknown {
            let pi = entities.add_person(
                normalise(written),
                strip_possessive(name_words[name_words.len() - 1]),
                src,
                r.sentence,
                elex,
            );
            return person(entities, elex, pi, res, false);
        }
        res.kind = SpeakerKind::Organisation;
        res.speaker = Some(normalise(written));
        res.party = elex.party_in(written).map(String::from);
        return res;
    }
    // A lower-case head: anonymous, document, role or organisation.
    res.speaker = Some(normalise(written));
    res.party = elex.party_in(written).map(String::from);
    let head_l = head.to_ascii_lowercase();
    let anon = lex.anonymous.find_in(text, src).filter(|m| Some(m.class) != lex.anon_reason).last();
    // Title look-ups ignore ASCII case.
    let role_in = words.iter().any(|w| elex.is_role_noun(w));
    let first_noun = words
        .iter()
        .find(|w| !["the", "a", "an", "its", "his", "her", "their"].iter().any(|d| w.eq_ignore_ascii_case(d)))
        .copied()
        .unwrap_or("");
    // "An official from the organization said ... The official said": a definite phrase
    // with the head of an anonymous source just before is that source again.
    let anaphor = words.len() == 2 && words[0].eq_ignore_ascii_case("the");
    let same_head = |a: &Attribution| {
        a.speaker_kind == SpeakerKind::Anonymous
            && a.source.is_some_and(|s| {
                let mut ws = s.text(text).split_whitespace().map(strip_possessive);
                ws.next().is_some_and(|d| d.eq_ignore_ascii_case("a") || d.eq_ignore_ascii_case("an"))
                    && ws.any(|w| w.eq_ignore_ascii_case(head))
            })
    };
    if let Some(a) = anaphor.then(|| recent_speaker(doc, items, r.sentence, src, (6, 2), same_head)).flatten() {
        res.take_speaker(a);
        // Like a pronoun, the phrase points back: rules judge the source it stands for.
        res.pronoun = true;
        return res;
    }
    if let Some((alias_words, party)) =
        (1..words.len()).rev().find_map(|n| elex.alias(&words[..n].join(" ")).map(|p| (n, p)))
        && words.get(alias_words).is_some_and(|w| matches!(*w, "and" | "or"))
    {
        // "the US and its allies": the organisation named first.
        res.kind = SpeakerKind::Organisation;
        res.party = Some(party.to_string());
    } else if lex.documents.lookup(first_noun).is_some() && words.iter().any(|w| matches!(*w, "from" | "by" | "of")) {
        // "a statement from the agency".
        res.kind = SpeakerKind::Document;
    } else if elex.is_role_noun(&head_l) && !head_l.ends_with('s')
        || role_in && words.iter().any(|w| matches!(*w, "for" | "of")) && !head_l.ends_with('s')
    {
        res.kind = SpeakerKind::Role;
    } else if let Some(m) = anon {
        res.kind = SpeakerKind::Anonymous;
        res.collective =
            Some(m.class) == lex.anon_collective && !words.iter().any(|w| w.eq_ignore_ascii_case("sources"));
        let _ = lex.anon_unnamed;
    } else if lex.documents.lookup(&head_l).is_some() {
        res.kind = SpeakerKind::Document;
    } else if is_org(&head_l) {
        res.kind = SpeakerKind::Organisation;
    } else if head_l.ends_with('s') && words.len() <= 3 {
        res.kind = SpeakerKind::Anonymous;
        res.collective = true;
    } else {
        res.kind = SpeakerKind::Role;
    }
    res
}

fn is_org(w: &str) -> bool {
    ORG_HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

fn person(
    entities: &Entities,
    elex: &crate::analysis::entities::Lexicon,
    pi: usize,
    mut res: Resolved,
    bare: bool,
) -> Resolved {
    let p = &entities.persons[pi];
    res.kind = SpeakerKind::Person;
    res.speaker = Some(p.full.clone());
    res.party = p.party.clone().or_else(|| elex.party_in(&p.full).map(String::from));
    res.person = Some(pi);
    res.bare = bare;
    res
}

/// The most recent person of a compatible gender mentioned before `before`: the
/// first such mention of the nearest sentence that has one (subjects come first).
fn antecedent(entities: &Entities, si: usize, before: usize, g: Gender) -> Option<usize> {
    let lo = si.saturating_sub(PRONOUN_WINDOW);
    for s in (lo..=si).rev() {
        let found = entities.mentions_in(s).filter(|m| m.span.end <= before).find(|m| {
            matches!(entities.persons[m.person].gender, Gender::Unknown) || entities.persons[m.person].gender == g
        });
        if let Some(m) = found {
            return Some(m.person);
        }
    }
    None
}
