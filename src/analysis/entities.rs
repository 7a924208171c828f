//! Names, titles and aliases: who a mention stands for.
//!
//! One pass over the capitalised runs of each sentence registers people ("Russian
//! President Vladimir Putin": title "Russian President", name "Vladimir Putin", surname
//! "Putin"); later mentions by surname ("Putin", "Mr. Putin") link to the first full form.
//! Aliases ("Moscow", "the Kremlin", "Russian" for Russia) come from rules/lexicons/aliases.json,
//! so a speaker's party can be asked for with [`Lexicon::party_in`] / [`Entities::party_of`].

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::document::Document;
use crate::rules::Lexicons;
use crate::text::Span;
use crate::text::lexicon::{PhraseMatch, PhraseMatcher};
use crate::text::token::TokenKind;

/// Gender as far as titles, given names and earlier pronouns tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Compiled word lists for names: titles, aliases, given names, pronouns.
#[derive(Debug)]
pub struct Lexicon {
    /// Classes male / female / neutral / role.
    pub titles: PhraseMatcher,
    /// One class per entity ("Russia": Moscow, the Kremlin, Russian ...).
    pub aliases: PhraseMatcher,
    /// Classes male / female.
    pub first_names: PhraseMatcher,
    /// Classes male / female / plural / neuter / first / relative.
    pub pronouns: PhraseMatcher,
    title_male: Option<u32>,
    title_female: Option<u32>,
    title_role: Option<u32>,
    name_male: Option<u32>,
    name_female: Option<u32>,
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounClass {
    Male,
    Female,
    Plural,
    Neuter,
    First,
    Relative,
}

impl Lexicon {
    pub fn new(lexicons: &Lexicons) -> Self {
        let titles = PhraseMatcher::new(lexicons.classes("titles"));
        let aliases = PhraseMatcher::new(lexicons.classes("aliases"));
        let first_names = PhraseMatcher::new(lexicons.classes("first-names"));
        let pronouns = PhraseMatcher::new(lexicons.classes("pronouns"));
        Self {
            title_male: titles.class_id("male"),
            title_female: titles.class_id("female"),
            title_role: titles.class_id("role"),
            name_male: first_names.class_id("male"),
            name_female: first_names.class_id("female"),
            titles,
            aliases,
            first_names,
            pronouns,
        }
    }

    /// The class of a pronoun word ("He" -> Male), if it is one.
    pub fn pronoun(&self, word: &str) -> Option<PronounClass> {
        // "US" and "IT" are names, not pronouns.
        if word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let c = self.pronouns.lookup(word)?;
        Some(match self.pronouns.class_name(c) {
            "male" => PronounClass::Male,
            "female" => PronounClass::Female,
            "plural" => PronounClass::Plural,
            "neuter" => PronounClass::Neuter,
            "first" => PronounClass::First,
            _ => PronounClass::Relative,
        })
    }

    /// The entity a whole phrase is an alias of ("the Kremlin" -> "Russia").
    pub fn alias(&self, phrase: &str) -> Option<&str> {
        self.aliases.lookup(phrase.trim()).map(|c| self.aliases.class_name(c))
    }

    /// The first entity named anywhere in `text` ("Russian President Vladimir Putin" ->
    /// "Russia", "a spokeswoman for the State Department" -> "United States").
    pub fn party_in(&self, text: &str) -> Option<&str> {
        self.aliases.find_in(text, Span::new(0, text.len())).next().map(|m| self.aliases.class_name(m.class))
    }

    /// Gender a title gives ("spokeswoman", "Mr.").
    pub fn title_gender(&self, title: &str) -> Gender {
        let mut g = Gender::Unknown;
        for m in self.titles.find_in(title, Span::new(0, title.len())) {
            if Some(m.class) == self.title_male {
                g = Gender::Male;
            } else if Some(m.class) == self.title_female {
                g = Gender::Female;
            }
        }
        g
    }

    pub fn name_gender(&self, given: &str) -> Gender {
        match self.first_names.lookup(given) {
            Some(c) if Some(c) == self.name_male => Gender::Male,
            Some(c) if Some(c) == self.name_female => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    pub fn is_role_noun(&self, word: &str) -> bool {
        self.titles.lookup(word).is_some_and(|c| Some(c) == self.title_role)
    }

    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.lookup(phrase).is_some()
    }
}

/// Title and alias matches of the whole text, in text order.
struct Found {
    titles: Vec<PhraseMatch>,
    aliases: Vec<PhraseMatch>,
    /// The first title and alias match not before the last run read: runs come in text
    /// order, so each list is walked once instead of searched per run.
    next_title: usize,
    next_alias: usize,
}

/// The matches that lie inside `span`, from `*next` on; `*next` moves past the matches that
/// begin before `span` (spans must come in text order).
fn within<'m>(matches: &'m [PhraseMatch], next: &mut usize, span: Span) -> impl Iterator<Item = &'m PhraseMatch> {
    while matches.get(*next).is_some_and(|m| m.span.start < span.start) {
        *next += 1;
    }
    let rest = matches.get(*next..).unwrap_or_default();
    rest.iter().take_while(move |m| m.span.start < span.end).filter(move |m| m.span.end <= span.end)
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The full form at first mention, with titles ("Russian President Vladimir Putin").
    pub full: String,
    /// The name without titles ("Vladimir Putin").
    pub name: String,
    /// Last word of the name ("Putin").
    pub surname: String,
    pub gender: Gender,
    /// Where the full form first appears.
    pub first: Span,
    /// The entity the title names ("Russia" for "Russian President ..."), if any.
    pub party: Option<String>,
}

/// A mention of a person in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub person: usize,
    pub sentence: usize,
}

/// The people of one article and where they are mentioned, in text order.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub persons: Vec<Person>,
    pub mentions: Vec<Mention>,
    by_surname: HashMap<String, usize, std::hash::BuildHasherDefault<Fnv>>,
}

/// Capitalised words that start sentences or name things, never people.
pub static NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "although",
    "though",
    "however",
    "after",
    "before",
    "since",
    "as",
    "for",
    "with",
    "without",
    "by",
    "from",
    "to",
    "of",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "there",
    "here",
    "so",
    "yet",
    "still",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "according",
    "asked",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "not",
    "no",
    "yes",
    "many",
    "some",
    "all",
    "both",
    "each",
    "every",
    "one",
    "two",
    "three",
    "last",
    "next",
    "first",
    "instead",
    "meanwhile",
    "indeed",
    "even",
    "only",
    "just",
    "despite",
    "because",
    "during",
    "under",
    "over",
    "into",
    "about",
    "against",
    "between",
    "through",
    "among",
    "until",
    "unlike",
    "like",
    "amid",
    "following",
    "inside",
    "outside",
    "earlier",
    "later",
    "then",
    "once",
    "do",
    "does",
    "did",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "let",
    "please",
    "thank",
    "thanks",
    "oh",
    "well",
    "rather",
    "whether",
    "perhaps",
    "maybe",
    "nor",
    "either",
    "neither",
    "more",
    "most",
    "less",
    "other",
    "another",
    "such",
    "every",
    "any",
    "few",
    "several",
];

/// Words that make a capitalised run an organisation or a place, not a person.
static ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "party",
    "committee",
    "campaign",
    "commission",
    "council",
    "agency",
    "inc",
    "corp",
    "company",
    "university",
    "college",
    "school",
    "times",
    "news",
    "post",
    "journal",
    "press",
    "association",
    "institute",
    "foundation",
    "union",
    "court",
    "congress",
    "senate",
    "house",
    "office",
    "bureau",
    "service",
    "services",
    "group",
    "bank",
    "fund",
    "network",
    "center",
    "centre",
    "organization",
    "organisation",
    "federation",
    "republic",
    "state",
    "states",
    "kingdom",
    "city",
    "county",
    "street",
    "avenue",
    "square",
    "church",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "administration",
    "government",
    "network",
    "tv",
    "radio",
    "magazine",
    "herald",
    "tribune",
    "gazette",
    "reuters",
    "bloomberg",
    "club",
    "coalition",
    "alliance",
    "board",
    "authority",
    "corporation",
    // Business news: company forms and the words that end company names.
    "llc",
    "plc",
    "s.a",
    "gmbh",
    "holdings",
    "partners",
    "acquisition",
    "industries",
    "institut",
    "securities",
    "airlines",
    "technologies",
    "communications",
    "enterprises",
    "project",
    "center",
    "hospital",
    "airport",
    "river",
    "island",
    "islands",
    "mountains",
    "sea",
    "ocean",
    "valley",
    "east",
    "west",
    "north",
    "south",
    "world",
    "international",
    "national",
    "federal",
    "daily",
    "weekly",
    "review",
    "monitor",
    "institution",
    "watch",
    "media",
    "network",
    "channel",
    "assembly",
    "parliament",
    "cabinet",
    "pentagon",
    "kremlin",
    "democrats",
    "republicans",
    "caucus",
    "pac",
    "llc",
    "ltd",
    "co",
    "group",
    "partners",
    "capital",
    "holdings",
    "industries",
    "systems",
    "technologies",
    "labs",
    "motors",
    "airlines",
];

/// A set of short lower-case words, looked up without allocating (ASCII case-insensitive).
///
/// Words of up to 16 bytes are packed into two integers and kept in an open-addressing
/// table: a look-up is one lower-casing pack, one multiply and (nearly always) one compare.
/// The closed-class lists are asked about nearly every word of every sentence.
#[derive(Debug)]
pub struct WordSet {
    /// Words of up to 16 bytes, packed as written (see `pack_word`).
    short: crate::text::PackedMap<()>,
    /// Words of 17 to 32 bytes.
    long: HashSet<&'static [u8], std::hash::BuildHasherDefault<Fnv>>,
    /// Per word length (1..=32), a bit per first letter (low five bits) of the words of that
    /// length: most words looked up are not in the set and fail here without hashing.
    seen: [u32; 33],
}

/// FNV-1a: the words are short and trusted (built-in lists), so SipHash's protection
/// against crafted keys buys nothing and costs a lot per lookup.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        let mut seen = [0u32; 33];
        for w in words {
            if let (Some(slot), Some(&first)) = (seen.get_mut(w.len()), w.as_bytes().first()) {
                *slot |= 1 << (first & 31);
            }
        }
        let mut short = Vec::with_capacity(words.len());
        let mut long = HashSet::default();
        for w in words {
            // Stored as written: a list word with a capital never matches, as before.
            match crate::text::pack_word(w.as_bytes(), false) {
                Some(key) => short.push((key, ())),
                None => {
                    long.insert(w.as_bytes());
                }
            }
        }
        Self { short: crate::text::PackedMap::new(short), long, seen }
    }

    pub fn contains(&self, word: &str) -> bool {
        // `& 31` maps upper and lower case of a letter to the same bit.
        match (self.seen.get(word.len()), word.as_bytes().first()) {
            (Some(bits), Some(&first)) if bits & (1 << (first & 31)) != 0 => {}
            _ => return false,
        }
        if let Some(key) = crate::text::pack_word(word.as_bytes(), true) {
            return self.short.get(key).is_some();
        }
        let mut buf = [0u8; 32];
        let Some(dst) = buf.get_mut(..word.len()) else { return false };
        for (d, b) in dst.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        self.long.contains(&*dst)
    }
}

static NOT_NAME: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_NAME_WORDS));
static ORG: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_WORDS));

fn is_in(list: &[&'static str], word: &str) -> bool {
    if std::ptr::eq(list, NOT_NAME_WORDS) {
        NOT_NAME.contains(word)
    } else if std::ptr::eq(list, ORG_WORDS) {
        ORG.contains(word)
    } else {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// Whether a word never names a person ("The", "However", "Tuesday").
pub fn not_name(word: &str) -> bool {
    NOT_NAME.contains(word)
}

/// "Putin’s" -> "Putin".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl Entities {
    /// Register every person named in the document, in text order.
    pub fn find(doc: &Document, lex: &Lexicon) -> Self {
        let all = Span::new(0, doc.text.len());
        Self::find_with(doc, lex, doc.find(&lex.titles, all).collect(), doc.find(&lex.aliases, all).collect())
    }

    /// [`Self::find`] given the title and alias matches of the whole text, in text order
    /// (the attribution analysis finds them in one walk with its reporting verbs). Each
    /// capitalised run reads the matches inside it.
    pub fn find_with(doc: &Document, lex: &Lexicon, titles: Vec<PhraseMatch>, aliases: Vec<PhraseMatch>) -> Self {
        let mut e = Entities::default();
        let text = &doc.text;
        let mut found = Found { titles, aliases, next_title: 0, next_alias: 0 };
        let mut run: Vec<Span> = Vec::with_capacity(8);
        for si in 0..doc.sentences.len() {
            run.clear();
            let mut toks = doc.sentence_tokens(si).iter().copied().peekable();
            while let Some(t) = toks.next() {
                let w = t.span.text(text);
                let cap = t.kind == TokenKind::Word && is_capitalised(w);
                // A run never starts with a word that is no name ("The", "However"); at a
                // sentence start the run is empty too, so one look-up covers both.
                if cap && !(run.is_empty() && is_in(NOT_NAME_WORDS, w)) {
                    run.push(t.span);
                    if w.ends_with("’s") || w.ends_with("'s") {
                        e.register_run(doc, lex, &run, si, &mut found);
                        run.clear();
                    }
                    continue;
                }
                // "Minister of Foreign Affairs", "Secretary of State": keep "of" inside a run
                // when a capitalised word follows.
                if !run.is_empty()
                    && matches!(w, "of" | "for")
                    && toks.peek().is_some_and(|n| is_capitalised(n.span.text(text)) && n.kind == TokenKind::Word)
                {
                    run.push(t.span);
                    continue;
                }
                // Initials and abbreviations: "Sen." "U.S." keep the run going.
                if !run.is_empty() && w == "." && t.span.start == run[run.len() - 1].end {
                    let prev = run[run.len() - 1].text(text);
                    if prev.len() <= 4 {
                        let last = run.len() - 1;
                        run[last].end = t.span.end;
                        continue;
                    }
                }
                if !run.is_empty() {
                    e.register_run(doc, lex, &run, si, &mut found);
                    run.clear();
                }
            }
            if !run.is_empty() {
                e.register_run(doc, lex, &run, si, &mut found);
                run.clear();
            }
        }
        e
    }

    /// A capitalised run: a person with an optional title, a surname mention, or neither.
    fn register_run(&mut self, doc: &Document, lex: &Lexicon, run: &[Span], sentence: usize, found: &mut Found) {
        let text = &doc.text;
        // Drop a trailing "of"/"for" that never got its capitalised word.
        let mut run = run;
        while let Some(last) = run.last() {
            if matches!(last.text(text), "of" | "for") {
                run = &run[..run.len() - 1];
            } else {
                break;
            }
        }
        if run.is_empty() {
            return;
        }
        // Where the title ends: the last token covered by a title or alias (demonym) match.
        let whole = Span::new(run[0].start, run[run.len() - 1].end);
        let mut title_end_tok = 0; // number of tokens that belong to the title
        let mut gender = Gender::Unknown;
        for m in within(&found.titles, &mut found.next_title, whole) {
            let covered = run.iter().take_while(|t| t.start < m.span.end).count();
            if covered > title_end_tok && covered < run.len() + 1 {
                title_end_tok = covered;
            }
            if Some(m.class) == lex.title_male {
                gender = Gender::Male;
            } else if Some(m.class) == lex.title_female {
                gender = Gender::Female;
            }
        }
        for m in within(&found.aliases, &mut found.next_alias, whole) {
            let covered = run.iter().take_while(|t| t.start < m.span.end).count();
            // A demonym or country before a title ("Russian President") belongs to the title.
            if covered <= title_end_tok {
                continue;
            }
            if covered < run.len() && title_end_tok == 0 && run.len() - covered >= 1 {
                // "US Secretary ..." with the title found later: leave it to the title scan.
                continue;
            }
            if covered >= run.len() {
                // The whole rest is an alias: an organisation or place, not a person.
                return;
            }
        }
        let name = &run[title_end_tok.min(run.len())..];
        if name.is_empty() {
            return;
        }
        let name_word = |s: &Span| strip_possessive(s.text(text));
        // "New York-based LIN": a hyphen before a lower-case part makes an adjective
        // ("-based", "-led", "-born"), never part of a name ("Jean-Pierre").
        // (Two memchr searches: a pattern of two chars walks the word char by char.)
        let adjective = |w: &str| {
            let at = [w.find('-'), w.find('‑')].into_iter().flatten().min();
            at.is_some_and(|i| w[i..].chars().nth(1).is_some_and(char::is_lowercase))
        };
        if name.iter().map(name_word).any(|w| is_in(ORG_WORDS, w) || is_in(NOT_NAME_WORDS, w) || adjective(w)) {
            return;
        }
        let Some(last) = name.last().map(name_word) else { return };
        let surname = last.trim_end_matches('.');
        if name.len() == 1 {
            // A bare surname: link it to an earlier person.
            if let Some(&p) = self.by_surname.get(surname) {
                self.mentions.push(Mention { span: name[0], person: p, sentence });
            }
            return;
        }
        // A lowercase title right before the run ("spokeswoman Haley Morris"). Read only for
        // a full name: a bare surname takes neither gender nor title from it.
        let before = text[..whole.start].trim_end();
        let prev_word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
        let mut full_start = whole.start;
        if !prev_word.is_empty() && lex.titles.lookup(prev_word).is_some() {
            let g = lex.title_gender(prev_word);
            if g != Gender::Unknown {
                gender = g;
            }
            if title_end_tok == 0 {
                full_start = before.len() - prev_word.len();
            }
        }
        let given = name_word(&name[0]);
        if gender == Gender::Unknown {
            gender = lex.name_gender(given);
        }
        let titled = title_end_tok > 0 || full_start < whole.start;
        let looks_like_name = titled
            || lex.name_gender(given) != Gender::Unknown
            || (name.len() <= 3
                && lex.aliases.lookup(given).is_none()
                && name.iter().all(|s| name_word(s).len() > 1)
                // "RJR Nabisco", "DD Acquisition": an acronym opens a company name, not a
                // person's (initials carry full stops: "J.R. Smith").
                && !(given.len() > 1 && given.bytes().all(|b| b.is_ascii_uppercase())));
        if !looks_like_name || name.len() > 4 {
            return;
        }
        let name_span = Span::new(name[0].start, name[name.len() - 1].end);
        let name_str = strip_possessive(name_span.text(text));
        if let Some(&p) = self.by_surname.get(surname)
            && (self.persons[p].name == name_str || !titled)
        {
            if self.persons[p].gender == Gender::Unknown {
                self.persons[p].gender = gender;
            }
            self.mentions.push(Mention { span: name_span, person: p, sentence });
            return;
        }
        let full_span = Span::new(full_start, name_span.end);
        let full = strip_possessive(full_span.text(text)).split_whitespace().collect::<Vec<_>>().join(" ");
        let title_text = Span::new(full_start, name_span.start).text(text);
        let party = lex.party_in(title_text).map(String::from);
        let idx = self.persons.len();
        self.persons.push(Person {
            full,
            name: name_str.to_string(),
            surname: surname.to_string(),
            gender,
            first: full_span,
            party,
        });
        self.by_surname.insert(surname.to_string(), idx);
        self.mentions.push(Mention { span: name_span, person: idx, sentence });
    }

    /// Register a person first met as a speaker without a full name ("Trump said").
    pub fn add_person(&mut self, full: String, surname: &str, span: Span, sentence: usize, lex: &Lexicon) -> usize {
        let idx = self.persons.len();
        let gender = lex.title_gender(&full);
        let party = lex.party_in(&full).map(String::from);
        let name = strip_possessive(surname).to_string();
        self.persons.push(Person { full, name: name.clone(), surname: name.clone(), gender, first: span, party });
        self.by_surname.entry(name).or_insert(idx);
        let at = self.mentions.partition_point(|m| (m.sentence, m.span.start) <= (sentence, span.start));
        self.mentions.insert(at, Mention { span, person: idx, sentence });
        idx
    }

    /// The person a (possibly surname-only) name refers to, as known at `offset`.
    pub fn person_named(&self, name: &str, offset: usize) -> Option<usize> {
        let name = strip_possessive(name.trim());
        let last = name.rsplit(char::is_whitespace).next()?.trim_end_matches('.');
        let p = *self.by_surname.get(last)?;
        // Only introductions before the mention count; a later full name is surname-first.
        (self.persons[p].first.start <= offset).then_some(p)
    }

    /// The person whose full name is introduced anywhere with this surname (even later).
    pub fn person_by_surname(&self, surname: &str) -> Option<usize> {
        self.by_surname.get(strip_possessive(surname).trim_end_matches('.')).copied()
    }

    /// The party (entity) a speaker belongs to: an alias in its words ("the Kremlin" ->
    /// Russia), or the party of the person it names ("Putin" -> Russia by his title).
    pub fn party_of<'a>(&'a self, speaker: &'a str, lex: &'a Lexicon) -> Option<&'a str> {
        if let Some(p) = self.persons.iter().find(|p| p.full == speaker || p.name == speaker) {
            return p.party.as_deref().or_else(|| lex.party_in(&p.full));
        }
        lex.party_in(speaker)
    }

    /// Persons mentioned in sentence `si`, in text order.
    pub fn mentions_in(&self, si: usize) -> impl Iterator<Item = &Mention> {
        let start = self.mentions.partition_point(|m| m.sentence < si);
        self.mentions[start..].iter().take_while(move |m| m.sentence == si)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Context;
    use crate::input::{InputOptions, parse_bytes};

    fn setup(text: &str) -> (Document, Context) {
        let rules = crate::rules::RuleSet::embedded().expect("embedded rules load");
        let doc = parse_bytes("t.txt", text.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
        (doc, Context::new(&rules.lexicons))
    }

    #[test]
    fn titles_names_and_surnames_link() {
        let (doc, cx) = setup(
            "Russian President Vladimir Putin spoke with Hungarian Prime Minister Viktor Orban. Putin smiled.\n\nMs. Jane Smith, a spokeswoman, left.",
        );
        let e = Entities::find(&doc, &cx.attribution.entities);
        let names: Vec<&str> = e.persons.iter().map(|p| p.full.as_str()).collect();
        assert_eq!(
            names,
            vec!["Russian President Vladimir Putin", "Hungarian Prime Minister Viktor Orban", "Ms. Jane Smith"]
        );
        assert_eq!(e.persons[0].party.as_deref(), Some("Russia"));
        assert_eq!(e.persons[0].gender, Gender::Male);
        assert_eq!(e.persons[2].gender, Gender::Female);
        assert_eq!(e.person_named("Putin", 90), Some(0));
        assert_eq!(e.mentions.iter().filter(|m| m.person == 0).count(), 2);
    }

    #[test]
    fn companies_and_hyphenated_adjectives_are_no_persons() {
        let (doc, cx) = setup(
            "DD Acquisition bid for the firm. Institut Merieux raised its offer. The New York-based LIN rose. RJR Nabisco fell. Jean-Pierre Raffarin spoke.",
        );
        let e = Entities::find(&doc, &cx.attribution.entities);
        let names: Vec<&str> = e.persons.iter().map(|p| p.full.as_str()).collect();
        assert_eq!(names, vec!["Jean-Pierre Raffarin"]);
    }

    #[test]
    fn word_sets_ignore_ascii_case_and_reject_other_words() {
        let set = WordSet::new(&["the", "however", "2020s", "the", "counterintelligence", "sixteen-characte"]);
        assert!(set.contains("The") && set.contains("HOWEVER") && set.contains("2020s"));
        assert!(set.contains("Counterintelligence") && set.contains("sixteen-characte"));
        assert!(!set.contains("counterintelligences") && !set.contains("sixteen-character"));
        assert!(!set.contains("they") && !set.contains("th") && !set.contains("") && !set.contains("qhe"));
        assert!(!set.contains(&"x".repeat(40)));
    }

    #[test]
    fn aliases_give_parties() {
        let (_, cx) = setup("x");
        let lex = &cx.attribution.entities;
        assert_eq!(lex.alias("the Kremlin"), Some("Russia"));
        assert_eq!(lex.alias("Washington"), Some("United States"));
        assert_eq!(lex.party_in("a spokeswoman for the State Department"), Some("United States"));
        assert_eq!(lex.alias("Vladimir"), None);
    }
}
