//! Parties: who a mention stands for (aliases, names, pronouns), their sides and offices.

use super::*;

/// A party named in the text: an alias of an entity, a proper name, or a resolved pronoun.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub(super) span: Span,
    pub(super) key: u32,
    /// The entity a name belongs to ("Russian President Vladimir Putin" -> Russia).
    pub(super) side: Option<u32>,
    /// The first word of a longer name ("Acme" of "Acme Corp", "Hillary" of "Hillary Clinton").
    pub(super) alt: Option<u32>,
    pub(super) entity: bool,
    /// Sentence index, and whether it is the first party of its sentence (its subject,
    /// usually), which pronouns prefer.
    pub(super) sentence: u32,
    pub(super) first: bool,
    /// Right after "in", "at", "from" ("the last debate in New Hampshire"): a place, which
    /// he / she never stand for.
    pub(super) place: bool,
    /// An office that speaks for a title holder ("the White House": the president).
    pub(super) office: Option<u32>,
}

impl Mention {
    /// A mention of an entity from the aliases lexicon (sentence and place are set later).
    fn entity(span: Span, key: u32, office: Option<u32>) -> Self {
        Mention { span, key, side: None, alt: None, entity: true, sentence: 0, first: false, place: false, office }
    }
}

#[derive(Default)]
pub(super) struct Parties {
    pub(super) keys: FastMap<String, u32>,
    pub(super) names: Vec<String>,
    /// Side of each key, learnt from its first mention with an entity word.
    pub(super) side: FastMap<u32, u32>,
    pub(super) mentions: Vec<Mention>,
    /// Keys introduced with a full name ("Donald Trump"): what he / she can stand for, with
    /// the gender of the given name when the first-names lexicon knows it (true = female).
    pub(super) people: FastMap<u32, Option<bool>>,
    /// Key of each entity class met, by class - entity base.
    pub(super) entity_keys: Vec<Option<u32>>,
    /// The office a name speaks from ("White House spokesman Mike McCurry": the White House).
    pub(super) office: FastMap<u32, u32>,
    /// Offices met: (office key, entity key, normalised office name).
    pub(super) offices: Vec<(u32, u32, String)>,
    /// Buffer for normalised keys.
    pub(super) buf: String,
}

/// Party keys compare without case, dots, possessives or a plural s.
pub(super) fn normalise_key(word: &str) -> String {
    let mut k = String::new();
    normalise_key_into(word, &mut k);
    k
}

/// An office's name compared without case, dots or a leading "the" ("the White House" ->
/// "white house").
pub(super) fn office_key(name: &str) -> String {
    let l: String = name.chars().filter(|&c| c != '.').flat_map(char::to_lowercase).collect();
    match l.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => l,
    }
}

pub(super) fn normalise_key_into(word: &str, k: &mut String) {
    k.clear();
    let w = word.trim_end_matches(['’', '\'']);
    let w = crate::analysis::entities::strip_possessive(w);
    if w.is_ascii() {
        // Most names: lower-case byte by byte, no char decoding.
        k.push_str(w);
        k.make_ascii_lowercase();
        if k.contains('.') {
            k.retain(|c| c != '.');
        }
    } else {
        k.extend(w.chars().filter(|&c| c != '.').flat_map(char::to_lowercase));
    }
    // Plural group names only ("Republicans", "Democrats", "Russians"), not "News" or "Sanders".
    if k.len() > 5 && (k.ends_with("ans") || k.ends_with("ats") || k.ends_with("ists")) {
        k.pop();
    }
}

impl Parties {
    pub(super) fn intern(&mut self, key: String, display: &str) -> u32 {
        if let Some(&k) = self.keys.get(&key) {
            return k;
        }
        // "UPS" after "United Parcel Service Inc", "OCC" after "Office of the Comptroller of
        // the Currency": an acronym of a name met before is that party.
        if let Some(k) = self.acronym_of(display) {
            self.keys.insert(key, k);
            return k;
        }
        let id = self.names.len() as u32;
        self.keys.insert(key, id);
        self.names.push(display.to_string());
        id
    }

    /// The key of an earlier name of two or more words whose capitalised words' initials
    /// (company suffixes left out) spell `display`, an acronym of two to six capitals.
    pub(super) fn acronym_of(&self, display: &str) -> Option<u32> {
        let acronym = display.trim_end_matches(['\'', '’', 's']);
        if !(2..=6).contains(&acronym.len()) || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        // Every name is read for every new key that looks like an acronym: initials are
        // compared as they come, without collecting the words.
        self.names
            .iter()
            .position(|name| {
                let mut initials = name
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && !is_company_suffix(w.trim_end_matches(['.', ',']))
                    })
                    .map(|w| w.as_bytes()[0]);
                // The acronym has two to six letters, so a full match has two words or more.
                acronym.bytes().all(|b| initials.next() == Some(b)) && initials.next().is_none()
            })
            .map(|i| i as u32)
    }

    /// The key of `word` normalised, allocating only for a new key.
    pub(super) fn intern_word(&mut self, word: &str, display: &str) -> u32 {
        let mut buf = std::mem::take(&mut self.buf);
        normalise_key_into(word, &mut buf);
        let id = match self.keys.get(buf.as_str()) {
            Some(&k) => k,
            None => self.intern(buf.clone(), display),
        };
        self.buf = buf;
        id
    }

    /// The keys a mention stands for: itself, its side and the office it speaks from.
    pub(super) fn set(&self, m: &Mention) -> [Option<u32>; 4] {
        [
            Some(m.key),
            m.side.or_else(|| self.side.get(&m.key).copied()),
            m.alt,
            m.office.or_else(|| self.office.get(&m.key).copied()),
        ]
    }

    pub(super) fn mentions_in(&self, span: Span) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.span.start < span.start);
        let hi = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[lo..hi.max(lo)]
    }

    /// The most recent mention ending before `offset` that is not one of `exclude`;
    /// `person` skips entity aliases (he / she stand for people).
    pub(super) fn antecedent(&self, offset: usize, pronoun: Pronoun, exclude: &[u32]) -> Option<&Mention> {
        let hi = self.mentions.partition_point(|m| m.span.end <= offset);
        let compatible = |m: &Mention| match (pronoun, self.people.get(&m.key)) {
            (Pronoun::Other, _) => true,
            // "it" is a company, a country, a newspaper: never a known person.
            (Pronoun::Neuter, person) => person.is_none() && m.alt.is_none(),
            (_, None) => false,
            (_, _) if m.place => false,
            (_, Some(None)) => !m.entity,
            (Pronoun::Male, Some(Some(female))) => !m.entity && !female,
            (Pronoun::Female, Some(Some(female))) => !m.entity && *female,
        };
        let allowed = |m: &&Mention| {
            compatible(m) && !exclude.contains(&m.key) && !self.set(m).iter().flatten().any(|k| exclude.contains(k))
        };
        let recent = &self.mentions[..hi];
        // The subject of this sentence or the previous one first ("Mr. Lewandowski's troubles
        // began ... for Mr. Bannon ... He was charged": Lewandowski), then the latest party.
        let here = recent.last().map_or(0, |m| m.sentence);
        recent
            .iter()
            .rev()
            .take(40)
            .take_while(|m| m.sentence + 1 >= here)
            .filter(|m| m.first)
            .find(allowed)
            .or_else(|| recent.iter().rev().take(40).find(allowed))
    }
}

/// The part of `sentence` before `offset` that holds its last words: from a space at most 240
/// bytes back (callers look at the last six tokens at most), so a long sentence is not
/// tokenised from its start for every cue in it.
pub(super) fn tail(text: &str, sentence: Span, offset: usize) -> Span {
    const TAIL: usize = 240;
    let offset = offset.max(sentence.start);
    if offset <= sentence.start + TAIL {
        return Span::new(sentence.start, offset);
    }
    let mut from = offset - TAIL;
    while from < offset && !text.is_char_boundary(from) {
        from += 1;
    }
    match text.get(from..offset).and_then(|t| t.find(char::is_whitespace)) {
        Some(i) => Span::new(from + i, offset),
        None => Span::new(sentence.start, offset),
    }
}

/// Where a dateline ("NEW YORK (AFP) – ") at `start` ends, looking no further than 60 bytes
/// and `limit`.
pub(super) fn dateline_end(text: &str, start: usize, limit: usize) -> Option<usize> {
    let mut end = limit.min(start + 60).min(text.len());
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(start..end)?;
    [") –", ") —", ") -"].iter().filter_map(|d| head.find(d).map(|i| start + i + d.len())).min()
}

/// A span from `start` to `end`, empty when they cross (spans found in different passes may
/// overlap a sentence end).
pub(super) fn span(start: usize, end: usize) -> Span {
    Span::new(start.min(end), end)
}

/// A word without a possessive or contraction ending ("It’s" -> "It", "Putin's" -> "Putin").
pub(super) fn bare(word: &str) -> &str {
    word.split(['’', '\'']).next().unwrap_or(word)
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    Male,
    Female,
    /// they: any party.
    Other,
    /// it: a party that is not a person.
    Neuter,
}
pub(super) const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"];

pub(super) fn pronoun_kind(word: &str) -> Option<Pronoun> {
    match &*lower(word) {
        "he" | "him" | "his" => Some(Pronoun::Male),
        "she" | "her" => Some(Pronoun::Female),
        "they" | "them" | "their" => Some(Pronoun::Other),
        "it" | "its" => Some(Pronoun::Neuter),
        _ => None,
    }
}

/// Proper names (runs of capitalised words, "of" allowed inside) and entity aliases.
pub(super) fn find_parties(doc: &Document, lex: &Lexicon, aliases: &[PhraseMatch]) -> Parties {
    let text = &doc.text;
    let mut p = Parties::default();
    let entity_key = |p: &mut Parties, class: u32| {
        let slot = class.saturating_sub(lex.entity_base) as usize;
        if let Some(Some(k)) = p.entity_keys.get(slot) {
            return *k;
        }
        let name = lex.cues.class_name(class);
        let k = p.intern(format!("#{}", name.to_ascii_lowercase()), name);
        if p.entity_keys.len() <= slot {
            p.entity_keys.resize(slot + 1, None);
        }
        p.entity_keys[slot] = Some(k);
        k
    };
    // An alias that is an office speaking for a title holder gets an office key.
    let office_of = |p: &mut Parties, alias: Span, entity: u32| -> Option<u32> {
        if lex.offices.is_empty() {
            return None;
        }
        let name = office_key(alias.text(text));
        lex.offices.get(&name)?;
        if let Some(&(k, _, _)) = p.offices.iter().find(|(_, _, n)| *n == name) {
            return Some(k);
        }
        let k = p.intern(format!("@{name}"), alias.text(text));
        p.offices.push((k, entity, name));
        Some(k)
    };
    let mut ai = 0;
    for si in 0..doc.sentences.len() {
        let toks = doc.sentence_tokens(si);
        let mut i = 0;
        while i < toks.len() {
            let word = toks[i].span.text(text);
            if toks[i].kind != TokenKind::Word || !is_capitalised(word) {
                i += 1;
                continue;
            }
            // A run of capitalised words, "of" allowed between two of them.
            let start = i;
            let mut end = i + 1;
            while end < toks.len() {
                let w = toks[end].span.text(text);
                if toks[end].kind == TokenKind::Word && is_capitalised(w) && !lex.not_names.contains(bare(w)) {
                    end += 1;
                } else if (w == "of" || w == "de" || w == "al")
                    && end + 1 < toks.len()
                    && is_capitalised(toks[end + 1].span.text(text))
                {
                    end += 2;
                } else if w == "."
                    && toks[end - 1].span.len() == 1
                    && toks[end - 1].span.end == toks[end].span.start
                    && end + 1 < toks.len()
                    && toks[end + 1].kind == TokenKind::Word
                    && is_capitalised(toks[end + 1].span.text(text))
                {
                    // A middle initial: "David H. Petraeus", "George W. Bush".
                    end += 2;
                } else {
                    break;
                }
            }
            i = end;
            let mut first = start;
            while first < end && lex.not_names.contains(bare(toks[first].span.text(text))) {
                first += 1;
            }
            if first >= end {
                continue;
            }
            // "“Charges by the Union alleging ...”": a cue word capitalised only because it
            // opens the sentence or a quotation is no name.
            if end - first == 1 && lex.cue_words(toks[first].span.text(text)) {
                let opens = first == 0
                    || toks[first - 1].kind == TokenKind::Punct
                        && matches!(toks[first - 1].span.text(text), "\"" | "“" | "'" | "‘" | "(");
                if opens {
                    continue;
                }
            }
            let run = Span::new(toks[first].span.start, toks[end - 1].span.end);
            // Aliases inside the run: the whole run is the entity, or the entity is a side.
            while ai < aliases.len() && aliases[ai].span.end <= run.start {
                ai += 1;
            }
            let mut side = None;
            let mut whole = None;
            let last_word = toks[end - 1].span.text(text);
            let bare_end = run.end - (last_word.len() - last_word.trim_end_matches("’s").trim_end_matches("'s").len());
            for a in aliases[ai..].iter().take_while(|a| a.span.start < run.end) {
                if a.span.end >= bare_end && a.span.start <= run.start + 4 {
                    whole = Some((a.class, a.span));
                } else if a.span.end < bare_end {
                    side = Some(a.class);
                }
            }
            if let Some((class, alias)) = whole {
                let key = entity_key(&mut p, class);
                let office = office_of(&mut p, alias, key);
                let span = Span::new(run.start.min(alias.start), run.end);
                p.mentions.push(Mention::entity(span, key, office));
                continue;
            }
            let key_word = last_word;
            let key = p.intern_word(key_word, run.text(text));
            let side = side.map(|c| entity_key(&mut p, c));
            if let Some(s) = side {
                p.side.entry(key).or_insert(s);
            }
            let alt = (end - first > 1 && toks[first].kind == TokenKind::Word)
                .then(|| {
                    let w = toks[first].span.text(text);
                    let mut b = std::mem::take(&mut p.buf);
                    normalise_key_into(w, &mut b);
                    let long_enough = b.len() > 2;
                    p.buf = b;
                    long_enough.then(|| p.intern_word(w, run.text(text)))
                })
                .flatten();
            if alt.is_some() {
                let given = bare(toks[first].span.text(text));
                let female = if lex.female_names.contains(given) {
                    Some(true)
                } else if lex.male_names.contains(given) {
                    Some(false)
                } else {
                    None
                };
                let g = p.people.entry(key).or_insert(female);
                if g.is_none() {
                    *g = female;
                }
            } else if end - first == 1 && !p.people.contains_key(&key) {
                // A person known by a given name alone ("Bob", the CIA base chief).
                let given = bare(last_word);
                if lex.female_names.contains(given) {
                    p.people.insert(key, Some(true));
                } else if lex.male_names.contains(given) {
                    p.people.insert(key, Some(false));
                }
            }
            p.mentions.push(Mention {
                span: run,
                key,
                side,
                alt,
                entity: false,
                sentence: 0,
                first: false,
                place: false,
                office: None,
            });
        }
    }
    // Aliases outside capitalised runs ("the administration", lower-case demonyms).
    for a in aliases {
        let inside = p
            .mentions_in(Span::new(a.span.start.saturating_sub(8), a.span.end))
            .iter()
            .any(|m| m.span.overlaps(a.span));
        if !inside {
            let key = entity_key(&mut p, a.class);
            let office = office_of(&mut p, a.span, key);
            p.mentions.push(Mention::entity(a.span, key, office));
        }
    }
    p.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    // "“Publicly performed or displayed the Infringing Song, ...”": an adverb capitalised only
    // because it opens the sentence or a quotation, met nowhere else, is no name.
    let mut seen: FastMap<u32, u32> = FastMap::default();
    for m in &p.mentions {
        *seen.entry(m.key).or_default() += 1;
    }
    p.mentions.retain(|m| {
        let w = m.span.text(text);
        let opening = text[..m.span.start].trim_end().ends_with(['"', '“', '\'', '‘'])
            || doc.sentence_at(m.span.start).is_some_and(|si| doc.sentences[si].span.start == m.span.start);
        m.entity
            || !opening
            || !w.ends_with("ly")
            || w.contains(' ')
            || lex.male_names.contains(w)
            || lex.female_names.contains(w)
            || seen.get(&m.key).is_some_and(|&n| n > 1)
    });
    // A multi-word name is a person when its given name is known or its last word is used
    // alone elsewhere ("Donald Trump" ... "Trump"); "New Hampshire" is neither.
    let alone: FastSet<u32> = p
        .mentions
        .iter()
        // (An acronym standing for the name, "UPS", is no surname.)
        .filter(|m| {
            let w = m.span.text(text);
            !m.entity && m.alt.is_none() && !w.contains(' ') && !w.bytes().all(|b| b.is_ascii_uppercase())
        })
        .map(|m| m.key)
        .collect();
    p.people.retain(|k, gender| gender.is_some() || alone.contains(k));
    let mut last_sentence = usize::MAX;
    for m in &mut p.mentions {
        let si = doc.sentence_at(m.span.start).unwrap_or(0);
        m.sentence = si as u32;
        m.first = si != last_sentence;
        m.place = text[..m.span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| matches!(w, "in" | "at" | "from" | "across" | "throughout" | "near"));
        last_sentence = si;
    }
    // "Donald Trump campaign manager Corey Lewandowski": the described name is on the side of
    // the describing one.
    for i in 1..p.mentions.len() {
        let (m, next) = (p.mentions[i - 1], p.mentions[i]);
        if is_modifier(text, lex, m.span, next.span) && !next.entity {
            let side = if m.entity { m.key } else { p.side.get(&m.key).copied().unwrap_or(m.key) };
            p.side.entry(next.key).or_insert(side);
            // "White House spokesman Mike McCurry" speaks from the White House.
            if let Some(o) = m.office {
                p.office.entry(next.key).or_insert(o);
            }
        }
    }
    p
}

/// Whether only one to three lower-case content words stand between two names.
pub(super) fn is_modifier(text: &str, lex: &Lexicon, m: Span, next: Span) -> bool {
    let between = &text[m.end..next.start.max(m.end)];
    let mut n = 0;
    for w in between.split_whitespace() {
        n += 1;
        // Role nouns join names ("campaign manager"); verbs do not ("Bob Smith blamed CNN").
        // Titles join them too ("Michigan Gov. Rick Snyder").
        if lex.titles.contains(w.trim_end_matches('.')) {
            n += 1;
            continue;
        }
        // Cheap tests first; the cue lookup (two automaton walks) last.
        if n > 3
            || !w.chars().all(|c| c.is_lowercase() || c == '-')
            || w.ends_with("ed")
            || w.ends_with('s')
            || lex.function_words.contains(w)
            || lex.cue_words(w)
        {
            return false;
        }
    }
    n > 0
}
