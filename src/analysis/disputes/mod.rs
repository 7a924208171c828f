//! Disputed assertions (accusations, contested claims, claims the article marks as disputed),
//! the party each one targets, and the responses the article carries.
//!
//! The analysis collects every response candidate with its distance and topic overlap; the
//! window a response must fall in is a rule parameter, so [`Dispute::status`] decides per rule.
//! Parties are keys: an alias from `rules/lexicons/aliases.json` stands for its entity ("the
//! Kremlin" for Russia), a name for its last word ("Hillary Clinton" -> clinton), and a name
//! introduced with an entity word ("Russian President Vladimir Putin") also belongs to that side.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use crate::analysis::entities::Fnv;

/// Maps and sets keyed by short words, spans and ids: FNV instead of SipHash (the keys are
/// not attacker-chosen in a way that matters for a per-document table).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// `word` in ASCII lower case, on the stack for words up to 40 bytes.
struct Lower {
    buf: [u8; 40],
    len: usize,
    long: Option<String>,
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.long {
            Some(s) => s,
            // ASCII lower-casing keeps UTF-8 valid.
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

fn lower(word: &str) -> Lower {
    let mut l = Lower { buf: [0; 40], len: word.len(), long: None };
    match l.buf.get_mut(..word.len()) {
        Some(dst) => {
            for (d, b) in dst.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
        }
        None => l.long = Some(word.to_ascii_lowercase()),
    }
    l
}

use serde::Serialize;

use crate::document::Document;
use crate::rules::Lexicons;
use crate::text::Span;
use crate::text::lexicon::{PhraseMatch, PhraseMatcher};
use crate::text::token::{Token, TokenKind, tokens};

/// What a cue phrase found by the dispute automaton does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// "accused X of", "charged X with".
    AccuseOf,
    /// "criticised X for", "slammed X as".
    BlameFor,
    /// "condemned X", "denounced X's ...".
    Condemn,
    /// "alleged that X ...".
    AllegeThat,
    /// "accusations that X ...", "allegations against X".
    AccusationNoun,
    /// "X lied", "X reneged on".
    Wrongdoing,
    Denial,
    /// An explicit answer ("responded", "fired back"): a response whoever gives it.
    Rebuttal,
    NoComment,
    /// The accused conceding ("pleaded guilty", "admitted", "apologized"): their side is given.
    Admission,
    Speech,
}

const CUE_CLASSES: &[(&str, Role)] = &[
    ("accuse-of", Role::AccuseOf),
    ("blame-for", Role::BlameFor),
    ("condemn", Role::Condemn),
    ("allege-that", Role::AllegeThat),
    ("accusation-noun", Role::AccusationNoun),
    ("wrongdoing", Role::Wrongdoing),
    ("denial", Role::Denial),
    ("rebuttal", Role::Rebuttal),
    ("no-comment", Role::NoComment),
    ("admission", Role::Admission),
    ("speech", Role::Speech),
];

/// Compiled word lists (built once per rule set, in `analysis::Context`).
#[derive(Debug)]
pub struct Lexicon {
    /// Cue phrases (classes below `entity_base`, roles in `cue_roles`) and entity aliases
    /// (classes from `entity_base`, one per entity).
    cues: PhraseMatcher,
    cue_roles: Vec<Role>,
    entity_base: u32,
    charges: PhraseMatcher,
    markers: PhraseMatcher,
    /// Rebuttal words, references back to a charge, spokespeople: a party's remarks holding
    /// one engage with an accusation even without a shared topic word.
    answer_words: PhraseMatcher,
    /// Lower-case role nouns ("senator", "governor"): after a place they name a person.
    role_nouns: FastSet<String>,
    /// Charge words that accuse whoever is behind a thing ("the contest had been rigged").
    unnamed_charges: FastSet<String>,
    /// "the system", "the economy": a rigged one names no one who could answer.
    generic_things: FastSet<String>,
    negation: FastSet<String>,
    function_words: FastSet<String>,
    /// "voters", "supporters": a party used as their modifier names a group, not a party.
    group_nouns: FastSet<String>,
    /// "campaign", "ad": a noun before "to condemn X" whose infinitive is the accusation made.
    purpose_nouns: FastSet<String>,
    /// "defense attorney", "her client": the speaker acts for the accused of a charge.
    defense: PhraseMatcher,
    /// "lawyer", "daughter", "campaign": after a possessive, someone who speaks for its
    /// party ("his lawyer", "her daughter"; the last word of a longer phrase).
    representatives: FastSet<String>,
    /// Offices that speak for the holder of a title ("White House" for "President Clinton"),
    /// from `links` in aliases.json: normalised office alias -> titles.
    offices: FastMap<String, Vec<String>>,
    /// "overseeing", "investigating": "charged with" one of these is a task, not a crime.
    task_gerunds: FastSet<String>,
    /// "bias", "violence": a wrong done to someone ("allegations of bias against Clinton":
    /// Clinton is the one wronged, not the accused).
    directed_wrongs: FastSet<String>,
    /// Parties that do not answer the press ("ISIS"): accusations against them need no response.
    silent: PhraseMatcher,
    /// Titles that may stand between a modifier and a name ("Michigan Gov. Rick Snyder").
    titles: FastSet<String>,
    /// "false", "baseless": after "is" / "was", an accusation noun declared untrue in its own
    /// sentence ("an accusation that ... is false").
    falsity: PhraseMatcher,
    /// "accused each other of", "traded accusations": a charge that states both sides.
    mutual_charges: PhraseMatcher,
    /// "unwarranted", "no evidence", "political persecution": the accused rejecting a charge
    /// outright, which answers it without a shared topic word.
    strong_rebuttals: PhraseMatcher,
    /// "officials", "government", "spokesman": after a country's adjective ("Russian") the
    /// nouns that keep the phrase the state's.
    state_nouns: FastSet<String>,
    /// "commission", "department": the last word of a public body's name, which "the
    /// company" does not stand for.
    public_bodies: FastSet<String>,
    /// "settle", "resolved": a charge settled is a decided matter.
    settling: FastSet<String>,
    /// "suspension", "ban": a sanction whose grounds, told after "after", are background.
    sanctions: FastSet<String>,
    /// "maker", "giant", "company": the head of a definite description that refers back to an
    /// organisation or a country named before ("the electric-vehicle maker").
    epithets: FastSet<String>,
    male_names: FastSet<String>,
    female_names: FastSet<String>,
    not_names: FastSet<String>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new(&Lexicons::default())
    }
}

impl Lexicon {
    /// Whether `word` is one of the cue phrases (a verb that should not join a name).
    fn cue_words(&self, word: &str) -> bool {
        self.cues.lookup(word).is_some_and(|c| c < self.entity_base) || self.charges.lookup(word).is_some()
    }

    pub fn new(lexicons: &Lexicons) -> Self {
        let mut classes: Vec<(&str, Vec<&str>)> = Vec::new();
        let mut cue_roles = Vec::new();
        for &(name, role) in CUE_CLASSES {
            let mut phrases = lexicons.phrases("disputes", Some(name));
            if role == Role::Speech {
                // The attribution lexicon's speech verbs, when present, answer for a party too.
                phrases.extend(lexicons.phrases("reporting-verbs", Some("speech")));
            }
            classes.push((name, phrases));
            cue_roles.push(role);
        }
        // Entity aliases share the automaton, so one pass finds cues and parties; their classes
        // follow the cue classes.
        let entity_base = classes.len() as u32;
        if let Some(lex) = lexicons.get("aliases") {
            classes.extend(lex.classes.iter().map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect())));
        }
        let cues = PhraseMatcher::new(classes);
        let charges = PhraseMatcher::new([("charge", lexicons.phrases("disputes", Some("charge-words")))]);
        let markers = PhraseMatcher::new([("marker", lexicons.phrases("disputes", Some("marker")))]);
        let set = |class: &str, lower: bool| -> FastSet<String> {
            lexicons
                .phrases("disputes", Some(class))
                .into_iter()
                .map(|w| if lower { w.to_ascii_lowercase() } else { w.to_string() })
                .collect()
        };
        Self {
            cues,
            cue_roles,
            entity_base,
            charges,
            markers,
            answer_words: PhraseMatcher::new([("answer", lexicons.phrases("disputes", Some("answer-words")))]),
            unnamed_charges: set("unnamed-charges", true),
            generic_things: set("generic-things", true),
            role_nouns: lexicons
                .phrases("titles", Some("role"))
                .into_iter()
                .chain(["senator", "congressman", "congresswoman", "lawmaker", "candidate", "nominee", "businessman"])
                .filter(|w| !w.contains(' ') && w.chars().all(|c| c.is_lowercase()))
                .map(String::from)
                .collect(),
            negation: set("negation", true),
            function_words: set("function-words", true),
            group_nouns: set("group-nouns", true),
            purpose_nouns: set("purpose-nouns", true),
            directed_wrongs: set("directed-wrongs", true),
            task_gerunds: set("task-gerunds", true),
            defense: PhraseMatcher::new([("defense", lexicons.phrases("disputes", Some("defense-words")))]),
            representatives: lexicons
                .phrases("disputes", Some("representatives"))
                .into_iter()
                .filter_map(|p| p.split_whitespace().last().map(str::to_lowercase))
                .collect(),
            offices: lexicons
                .get("aliases")
                .map(|l| l.links.iter().map(|(office, titles)| (office_key(office), titles.clone())).collect())
                .unwrap_or_default(),
            not_names: set("not-names", false),
            silent: PhraseMatcher::new([("silent", lexicons.phrases("disputes", Some("no-response-expected")))]),
            titles: ["male", "female", "neutral"]
                .iter()
                .flat_map(|c| lexicons.phrases("titles", Some(c)))
                .map(|t| t.trim_end_matches('.').to_string())
                .chain(["Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Dr", "Adm", "Sgt", "Mayor"].map(String::from))
                .collect(),
            falsity: PhraseMatcher::new([("falsity", lexicons.phrases("disputes", Some("falsity")))]),
            mutual_charges: PhraseMatcher::new([("mutual", lexicons.phrases("disputes", Some("mutual-charges")))]),
            strong_rebuttals: PhraseMatcher::new([(
                "strong-rebuttals",
                lexicons.phrases("disputes", Some("strong-rebuttals")),
            )]),
            epithets: set("epithets", true),
            state_nouns: set("state-nouns", true),
            public_bodies: set("public-bodies", true),
            settling: set("settling", true),
            sanctions: set("sanctions", true),
            male_names: lexicons.phrases("first-names", Some("male")).into_iter().map(String::from).collect(),
            female_names: lexicons.phrases("first-names", Some("female")).into_iter().map(String::from).collect(),
        }
    }
}

/// What kind of disputed assertion was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DisputeKind {
    /// An accusation verb or noun ("accused X of", "accusations that X", "X lied").
    Accusation,
    /// A claim by one party about another carrying a charge ("X is a threat", "X lied").
    ContestedClaim,
    /// A claim the article itself marks as disputed ("a claim the ministry disputes").
    MarkedDisputed,
}

impl DisputeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeKind::Accusation => "accusation",
            DisputeKind::ContestedClaim => "contested claim",
            DisputeKind::MarkedDisputed => "disputed claim",
        }
    }
}

/// What kind of response a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResponseKind {
    /// A denial, rejection or rebuttal phrase ("denied", "says no", "insists").
    Denial,
    /// "declined to comment", "did not respond to a request for comment", "could not be reached".
    NoComment,
    /// The target party (or its representative) speaking.
    TargetSpeech,
    /// The accused conceding: "pleaded guilty", "admitted the killing", "apologized".
    Admission,
}

/// How the target's side relates to the speaker of a response candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Responder {
    /// The target or its representative.
    Target,
    /// No speaker could be named ("a spokesman", an unresolved pronoun).
    Unknown,
    /// A named party that is neither the target nor the accuser.
    Other,
}

/// One place in the article that may answer a disputed assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The response phrase or speech cue.
    pub cue: Span,
    /// The sentence holding it.
    pub sentence: Span,
    pub kind: ResponseKind,
    pub responder: Responder,
    /// Paragraphs from the assertion: negative before, positive after, 0 the same paragraph.
    pub distance: isize,
    pub same_sentence: bool,
    /// Content words the response shares with the assertion (normalised stems).
    pub overlap: Vec<String>,
    /// The response's sentence negates or rebuts ("not", "false", "no").
    pub negated: bool,
    /// An explicit answer verb ("responded", "fired back"), which answers whoever says it.
    pub explicit: bool,
    /// The response's sentence engages with the charge without sharing a topic word: a
    /// rebuttal word ("false", "a distortion"), a reference back to it ("the claims", "that
    /// criticism"), a spokesperson or a statement, or the accuser named.
    pub engages: bool,
    /// The response's sentence names the accuser ("Vacco's campaign manager said Spitzer
    /// ..."): the accused answering back, even on other words than the charge's.
    pub names_accuser: bool,
    /// The response's sentence rejects a charge outright ("unwarranted slandering", "no
    /// evidence", "political persecution").
    pub rebuts: bool,
    /// The assertion is itself a reply to this earlier remark of the accused party ("In
    /// December, the prince called Trump 'a disgrace' ... Trump responded by calling him
    /// 'dopey' and accusing him of ..."): the accused side is given, before the charge.
    pub prompted: bool,
}

/// Which responses count as answering, and how far away (rule parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Paragraphs before the assertion in which a response on the same topic counts.
    pub before: usize,
    /// Paragraphs after the assertion in which a response counts.
    pub after: usize,
    /// Responses outside the assertion's sentence must share a content word with it.
    pub require_overlap: bool,
}

impl Default for Window {
    fn default() -> Self {
        Self { before: 1, after: 2, require_overlap: false }
    }
}

/// Whether an assertion is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Answered by `responses[i]` within the window.
    Answered(usize),
    /// The only response is `responses[i]`, further away than the window.
    Far(usize),
    Missing,
}

/// One disputed assertion.
#[derive(Debug, Clone)]
pub struct Dispute {
    pub kind: DisputeKind,
    /// The sentence making the assertion.
    pub assertion: Span,
    /// The accusation verb, noun, charge word or marker.
    pub cue: Span,
    /// Who makes it, as written, if found.
    pub accuser: Option<Span>,
    /// The accused party as written at the assertion ("the US", "NATO", "him").
    pub target: Span,
    /// The accused party's name: the mention, or for a pronoun the name it stands for.
    pub target_name: String,
    pub paragraph: usize,
    /// Response candidates, nearest first.
    pub responses: Vec<Response>,
    /// False when the accused party cannot be read ("as Democrats are alleging", "the lawsuit
    /// alleges a long list of violations"): only a stock response phrase answers then.
    pub target_named: bool,
    /// Why the assertion is no live charge that needs an answer in this article (not
    /// flagged), or None.
    pub not_live: Option<NotLive>,
}

/// Why a disputed assertion is not flagged although it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotLive {
    /// The piece is an op-ed, a column or a reader's letter: its charges are its argument.
    Opinion,
    /// Told with an earlier time ("in 2008", "during the 2012 election", "at the time").
    Background,
    /// Planned, expected or imagined ("will be charged", "is expected to criticize", "if").
    NotMade,
    /// A he / she whose antecedent the preceding sentences leave open.
    UnclearPronoun,
}

impl NotLive {
    pub fn as_str(self) -> &'static str {
        match self {
            NotLive::Opinion => "opinion piece",
            NotLive::Background => "background",
            NotLive::NotMade => "not made (planned, expected or hypothetical)",
            NotLive::UnclearPronoun => "unclear pronoun",
        }
    }
}

impl Dispute {
    /// Whether a candidate answers the assertion inside the window.
    pub fn answers(&self, r: &Response, w: &Window) -> bool {
        // Only the accused can concede a charge ("the newspaper admitted" answers nothing).
        if r.kind == ResponseKind::Admission && r.responder != Responder::Target {
            return false;
        }
        if r.same_sentence {
            return true;
        }
        let topical = !r.overlap.is_empty();
        if w.require_overlap && !topical && r.kind != ResponseKind::NoComment {
            return false;
        }
        if !self.target_named {
            // Nobody to speak for the accused: a stock response phrase from anyone but the
            // accuser, on the topic or engaging with the charge ("We disagree strongly with
            // those claims"), within the window.
            return r.kind != ResponseKind::TargetSpeech
                && (topical || r.engages)
                && (0..=w.after as isize).contains(&r.distance);
        }
        // A third party's denial answers only on the same topic ("The US says no binding
        // assurances ..." answers an accusation against NATO).
        // (An explicit "replied" by a third party is no exception: "replied Obama" about the
        // election does not answer a charge about Vietnam.) A third party's "did not respond"
        // answers nothing ("The Clinton campaign did not reply" after a charge against Trump)
        // unless it comes from a spokesperson or names the charge ("A Supreme Court spokeswoman
        // did not immediately respond ... on Trump's criticism": the justice's court).
        if r.responder == Responder::Other && (!topical || (r.kind == ResponseKind::NoComment && !r.engages)) {
            return false;
        }
        // The target merely speaking, or "replying" to something, answers only when its words
        // are on the topic or engage with the charge: remarks on another matter in the next
        // paragraph ("'We did try to convey the seriousness of ...,' he said") answer nothing.
        // (The accused conceding something engages with a charge by itself: "Ali admitted the
        // killing" after "charged with murder".)
        if (r.kind == ResponseKind::TargetSpeech || r.explicit) && r.distance >= 0 && !topical && !r.engages {
            return false;
        }
        if r.prompted {
            return true;
        }
        match r.distance {
            // The target speaking earlier in the paragraph answers only on the same topic
            // (a president's remarks on another matter before "Critics accused Washington").
            0 => {
                r.sentence.start > self.assertion.start
                    || r.kind != ResponseKind::TargetSpeech
                    || topical
                    || (r.rebuts && r.responder == Responder::Target)
            }
            d if d > 0 => {
                // (The target's own words passed the topic test above.)
                d as usize <= w.after
            }
            // A response placed before the assertion answers it only on the same topic, or when
            // the accused rejects a charge outright there ("China ... urged the United States to
            // stop 'unwarranted slandering and accusations'" before the paragraph reporting
            // Trump's allegation that China is interfering).
            d => d.unsigned_abs() <= w.before && (topical || (r.rebuts && r.responder == Responder::Target)),
        }
    }

    /// Whether a candidate beyond the window would answer the assertion.
    pub fn answers_far(&self, r: &Response, w: &Window) -> bool {
        r.distance > 0
            && r.distance as usize > w.after
            && (r.kind != ResponseKind::Admission || r.responder == Responder::Target)
            && (self.target_named || r.kind != ResponseKind::TargetSpeech)
            && (r.responder != Responder::Other
                || (!r.overlap.is_empty() && (r.kind != ResponseKind::NoComment || r.engages)))
            // On the topic, a no-comment, or the accused naming the accuser back not much
            // beyond the window (up to twice its width: "Vacco's campaign manager said ...
            // Spitzer had sunk to a new low" three paragraphs on; a remark naming the accuser
            // seven paragraphs later is about something else).
            && (!r.overlap.is_empty()
                || r.kind == ResponseKind::NoComment
                // ("Moscow denies that it is involved in the fighting" four paragraphs after
                // "Ukraine's military accused Russia of shelling its territory".)
                || (r.kind == ResponseKind::Denial
                    && r.responder == Responder::Target
                    && r.distance as usize <= 2 * w.after.max(1))
                || (r.names_accuser
                    && r.responder == Responder::Target
                    && r.distance as usize <= 2 * w.after.max(1)))
    }

    pub fn status(&self, w: &Window) -> Status {
        if let Some(i) = self.responses.iter().position(|r| self.answers(r, w)) {
            return Status::Answered(i);
        }
        match self.responses.iter().position(|r| self.answers_far(r, w)) {
            Some(i) => Status::Far(i),
            None => Status::Missing,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Disputes {
    pub items: Vec<Dispute>,
}

// ---------------------------------------------------------------------------------------
// Parties (parties.rs)

mod parties;
use parties::*;

// Charges that need no answer here (live.rs)
mod live;
use live::*;

// ---------------------------------------------------------------------------------------
// Topic words

fn stem(word: &str) -> String {
    let w = crate::analysis::entities::strip_possessive(word);
    let mut s: String = w.chars().flat_map(char::to_lowercase).collect();
    for suffix in [
        "ations", "ation", "ments", "ment", "ances", "ance", "ences", "ence", "ings", "ing", "ions", "ion", "ies",
        "es", "ed", "ly", "s",
    ] {
        if s.len() >= suffix.len() + 4 && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
    s
}

/// Two stems are the same word when equal, or when they share a five-letter prefix and
/// differ by at most one letter after it (expand / expansion, missile / missiles).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let p = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    p >= 5 && a.len().min(b.len()) - p <= 1
}

fn topic_words(doc: &Document, lex: &Lexicon, parties: &Parties, span: Span) -> Vec<String> {
    let text = &doc.text;
    let names = parties.mentions_in(span);
    let mut out: Vec<String> = Vec::new();
    for t in tokens(text, span) {
        if t.kind != TokenKind::Word || names.iter().any(|m| m.span.covers(t.span)) {
            continue;
        }
        let w = t.span.text(text);
        if w.len() < 3 || lex.function_words.contains(&*lower(w)) {
            continue;
        }
        let s = stem(w);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn overlap(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| b.iter().any(|y| same_word(x, y))).cloned().collect()
}

// ---------------------------------------------------------------------------------------
// Finding assertions and responses

struct Scan<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    parties: Parties,
}

/// A response candidate before it is related to an assertion.
struct Candidate {
    cue: Span,
    sentence: usize,
    kind: ResponseKind,
    explicit: bool,
    /// Keys of the party speaking (empty when unknown).
    speaker: Vec<u32>,
    /// Whether it negates: always for a denial; for speech, whether its content does (worked
    /// out only for the candidates kept as responses).
    negated: Negation,
}

#[derive(Clone, Copy)]
enum Negation {
    Yes,
    No,
    In(Span),
}

impl Scan<'_> {
    fn text(&self) -> &str {
        &self.doc.text
    }

    fn in_quote(&self, span: Span) -> bool {
        crate::rules::matcher::in_quote(self.doc, span)
    }

    /// Where the clause holding `offset` starts: after the last comma, semicolon, colon or
    /// dash before it in its sentence.
    fn clause_start(&self, sentence: Span, offset: usize) -> usize {
        let Some(before) = self.text().get(sentence.start..offset) else { return sentence.start };
        before.rfind([',', ';', ':', '—', '–']).map_or(sentence.start, |i| {
            let c = before[i..].chars().next().map_or(1, char::len_utf8);
            sentence.start + i + c
        })
    }

    /// Party keys of a mention.
    fn keys_of(&self, m: &Mention) -> Vec<u32> {
        self.parties.set(m).iter().flatten().copied().collect()
    }

    /// Keys of a speaker: its own, and the party it speaks for when an appositive says so
    /// ("Tad Devine, Sanders' senior media adviser, said"; "Jane Roe, a spokeswoman for Acme,").
    fn speaker_keys_of(&self, m: &Mention) -> Vec<u32> {
        let mut keys = self.keys_of(m);
        let text = self.text();
        let Some(rest) = text.get(m.span.end..) else { return keys };
        let Some(after) = rest.strip_prefix(", ") else { return keys };
        // "said Mary Jones, who represents Brown.": a relative appositive may end the sentence.
        // (A name must follow: "who represents a swing district" is a legislator.)
        let represents = ["who represents ", "who is representing ", "who speaks for ", "who represented "]
            .iter()
            .any(|p| after.strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())));
        let Some(len) = after
            .char_indices()
            .take(100)
            .find(|&(_, c)| c == ',' || (represents && matches!(c, '.' | ';')))
            .map(|(i, _)| i)
        else {
            return keys;
        };
        let start = m.span.end + 2;
        let apposition = Span::new(start, start + len);
        let has_role = represents || tokens(text, apposition).any(|t| self.lex.role_nouns.contains(t.span.text(text)));
        if has_role {
            for p in self.parties.mentions_in(apposition) {
                keys.extend(self.keys_of(p));
            }
        }
        keys
    }

    /// A pronoun in `span` resolved to the mention it stands for.
    fn pronoun_in(&self, span: Span, exclude: &[u32]) -> Option<(Span, Mention)> {
        self.pronoun_where(span, exclude, false)
    }

    /// A pronoun in `span` resolved; `subject_only` skips possessives and objects ("his
    /// critics denounced him": the subject is not "his").
    fn pronoun_where(&self, span: Span, exclude: &[u32], subject_only: bool) -> Option<(Span, Mention)> {
        for t in tokens(self.text(), span) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.span.text(self.text());
            if subject_only && !["he", "she", "they", "it"].contains(&&*lower(w)) {
                continue;
            }
            if let Some(kind) = pronoun_kind(w) {
                return self.parties.antecedent(t.span.start, kind, exclude).map(|m| (t.span, *m));
            }
        }
        None
    }

    /// Who speaks or acts before `offset`: the first party of its clause (a name used as a
    /// modifier gives way to the name it describes), a subject pronoun resolved, else the
    /// sentence's first party. After a relative pronoun ("voters who said") only the party
    /// right before it.
    fn subject(&self, sentence: Span, offset: usize) -> Option<(Span, Mention)> {
        let text = self.text();
        let cs = self.clause_start(sentence, offset);
        let clause = Span::new(cs, offset);
        let toks: Vec<Token> = tokens(text, clause).collect();
        // ("his daughter, Rosa, who said Gonzalez would prefer not to talk": a party after the
        // relative word is the subject of the verb.)
        if let Some(rel) =
            toks.iter().rev().take(3).find(|t| matches!(&*lower(t.span.text(text)), "who" | "which" | "that"))
            && self.parties.mentions_in(Span::new(rel.span.end, offset)).is_empty()
        {
            let before = Span::new(sentence.start, rel.span.start);
            let last = self.parties.mentions_in(before).last().filter(|m| {
                text[m.span.end..rel.span.start].trim_matches(|c: char| c.is_whitespace() || c == ',').is_empty()
            });
            return last.map(|m| (m.span, *m));
        }
        let outside_parens = |m: &&Mention| !text[..m.span.start].ends_with('(');
        // A participle phrase ("Biden hit the campaign trail, trashing Trump ... and accusing
        // him of ...") acts for the sentence's subject, not for a party inside the phrase.
        let participle = |t: Option<&Token>| t.is_some_and(|t| t.span.text(text).ends_with("ing"));
        if cs > sentence.start && participle(toks.first()) && text[..offset].trim_end().ends_with("and") {
            let whole = Span::new(sentence.start, cs);
            let dateline = dateline_end(text, sentence.start, cs);
            if let Some(m) = self
                .parties
                .mentions_in(whole)
                .iter()
                .filter(outside_parens)
                .find(|m| dateline.is_none_or(|d| m.span.start >= d))
            {
                let h = self.head_of(m);
                return Some((h.span, *h));
            }
        }
        let in_clause = self.parties.mentions_in(clause);
        // A party right before the verb is its subject ("..., while Sanders suggests");
        // otherwise the clause's first party ("Sen. Bernie Sanders (I-Vt.) called him ... and
        // accused").
        if let Some(m) = in_clause.iter().rev().find(outside_parens)
            && tokens(text, span(m.span.end, offset)).count() <= 3
        {
            return Some((m.span, *m));
        }
        if let Some(m) = in_clause.iter().find(outside_parens) {
            let h = self.head_of(m);
            return Some((h.span, *h));
        }
        if let Some(p) = self.pronoun_where(clause, &[], true) {
            return Some(p);
        }
        // A clause with a subject of its own ("his critics denounced") is not about the
        // sentence's first party; one with only auxiliaries and adverbs ("..., has said") is.
        let own_subject = toks.iter().any(|t| {
            let w = t.span.text(text);
            t.kind == TokenKind::Word && !w.ends_with("ly") && !self.lex.function_words.contains(&*lower(w))
        });
        if own_subject {
            return None;
        }
        // The sentence's subject: its first party or subject pronoun ("In South Carolina, he
        // prevailed ...; was denounced by ...": he).
        let whole = Span::new(sentence.start, offset);
        // Not a party in an introductory phrase ("In South Carolina, he prevailed ...").
        let after_preposition = |m: &&Mention| {
            self.previous_word(sentence, m.span.start)
                .is_some_and(|w| matches!(&*lower(w), "in" | "at" | "on" | "from" | "across" | "throughout" | "near"))
        };
        // Not the place of a dateline ("New York (AFP) – Vice President Joe Biden ...").
        let dateline = dateline_end(text, sentence.start, offset);
        let in_dateline = |m: &&Mention| dateline.is_some_and(|d| m.span.start < d);
        // "... started last week when Mrs. Clinton, in response to Mr. Trump's use ..., accused
        // him": the subject of the subordinate clause holding the verb, not the main clause's.
        let whole = toks_before_subordinator(text, sentence, offset)
            .map(|from| Span::new(from, offset))
            .filter(|sub| !self.parties.mentions_in(*sub).is_empty())
            .unwrap_or(whole);
        let first = self
            .parties
            .mentions_in(whole)
            .iter()
            .filter(outside_parens)
            .find(|m| !after_preposition(m) && !in_dateline(m));
        match (first, self.pronoun_where(whole, &[], true)) {
            (Some(m), Some((ps, pm))) if ps.start < m.span.start => Some((ps, pm)),
            (Some(m), _) => {
                let h = self.head_of(m);
                Some((h.span, *h))
            }
            (None, p) => p,
        }
    }

    /// A name used as a modifier ("Republican presidential candidate Donald Trump") gives way
    /// to the name it describes, when only lower-case words stand between them.
    fn head_of<'m>(&'m self, m: &'m Mention) -> &'m Mention {
        let i = self.parties.mentions.partition_point(|x| x.span.start < m.span.end);
        let Some(next) = self.parties.mentions.get(i) else { return m };
        if is_modifier(self.text(), self.lex, m.span, next.span) { next } else { m }
    }

    /// The first party in `span`, or a pronoun there resolved (skipping the `exclude` keys).
    fn first_party(&self, span: Span, exclude: &[u32]) -> Option<(Span, Mention)> {
        let named = self
            .parties
            .mentions_in(span)
            .iter()
            .find(|m| !self.keys_of(m).iter().any(|k| exclude.contains(k)))
            .map(|m| self.head_of(m));
        let pron = self.object_pronoun(span, exclude);
        match (named, pron) {
            (Some(m), Some((ps, pm))) if ps.start < m.span.start => Some((ps, pm)),
            (Some(m), _) => Some((m.span, *m)),
            (None, p) => p,
        }
    }

    /// An object pronoun in `span` resolved ("accused him of"); possessives ("his company",
    /// "her Republican rival") are determiners of another noun and are skipped.
    fn object_pronoun(&self, span: Span, exclude: &[u32]) -> Option<(Span, Mention)> {
        let text = self.text();
        let toks: Vec<Token> = tokens(text, span).collect();
        for (i, t) in toks.iter().enumerate() {
            let w = lower(t.span.text(text));
            let w = &*w;
            let possessive = matches!(w, "his" | "its" | "their")
                // "her company" (a determiner), not "calling her a ..." (an object).
                || (w == "her"
                    && toks.get(i + 1).is_some_and(|n| {
                        n.kind == TokenKind::Word && !self.lex.function_words.contains(&*lower(n.span.text(text)))
                    }));
            if possessive {
                continue;
            }
            // "accused them of": a group whose members the scan cannot tell apart.
            if matches!(w, "they" | "them") {
                return None;
            }
            if let Some(kind) = pronoun_kind(w) {
                return self.parties.antecedent(t.span.start, kind, exclude).map(|m| (t.span, *m));
            }
        }
        None
    }

    /// "the electric-vehicle maker", "the Asian giant", "the company": a definite description
    /// starting at `from` (its "the") whose head, within four words, is an epithet noun (not
    /// a name: "the Bank of England"). Returns the description.
    fn epithet_at(&self, sentence: Span, from: usize) -> Option<Span> {
        let text = self.text();
        let mut toks = tokens(text, span(from, sentence.end));
        let the = toks.next().filter(|t| t.span.start == from && t.span.text(text).eq_ignore_ascii_case("the"))?;
        for t in toks.take(6) {
            let w = t.span.text(text);
            if t.kind != TokenKind::Word {
                // ("electric-vehicle", "U.S.")
                if matches!(w, "-" | "‑" | ".") {
                    continue;
                }
                return None;
            }
            let l = lower(w);
            if self.lex.epithets.contains(&*l) && !is_capitalised(w) {
                return Some(Span::new(the.span.start, t.span.end));
            }
            if self.lex.function_words.contains(&*l) || self.lex.cue_words(w) {
                return None;
            }
        }
        None
    }

    /// The organisation or country a description refers back to: the latest party named
    /// before `at`, in its sentence or the four before, that is no person, place or one of
    /// `exclude` (the accuser).
    fn epithet_antecedent(&self, np: Span, si: usize, exclude: &[u32]) -> Option<Mention> {
        let at = np.start;
        // "the company", "the firm": a business, not a public body ("The agencies ... They
        // accused the company of lying": not the Federal Trade Commission named before) nor a
        // country ("the country", "the nation", "the Asian giant" may be one).
        let head = np.text(self.text()).rsplit(' ').next().map(lower);
        let business = head.is_some_and(|h| !matches!(&*h, "country" | "nation" | "giant"));
        // Not the subject of the description's own clause ("Some observers, including
        // professor Zeynep Tufekci, also criticized the organization"): in its sentence only
        // a party before a subordinator or a clause boundary ("China has urged ... Beijing
        // after President Donald Trump accused the Asian giant").
        let sentence = self.doc.sentences.get(si).map_or(Span::default(), |s| s.span);
        let text = self.text();
        let boundary = tokens(text, span(sentence.start.min(at), at))
            .filter(|t| {
                matches!(
                    &*lower(t.span.text(text)),
                    "after" | "before" | "when" | "while" | "as" | "because" | "since" | "but" | ";"
                )
            })
            .last()
            .map_or(sentence.start, |t| t.span.start);
        let at = if sentence.contains(at) { at.min(boundary.max(sentence.start)) } else { at };
        let hi = self.parties.mentions.partition_point(|m| m.span.end <= at);
        self.parties.mentions[..hi]
            .iter()
            .rev()
            .take(40)
            .take_while(|m| m.sentence as usize + 4 >= si)
            .find(|m| {
                m.key != UNNAMED
                    && !m.place
                    && !self.parties.people.contains_key(&m.key)
                    && pronoun_kind(m.span.text(self.text())).is_none()
                    && !self.keys_of(m).iter().any(|k| exclude.contains(k))
                    && !self.aside(m.span)
                    // ("Workers at Acme Motors ...": a capitalised first word, no name.)
                    && !self.lex.group_nouns.contains(&*lower(m.span.text(self.text())))
                    && !(business
                        && (m.entity
                            || m.span.text(self.text()).rsplit(' ').next().is_some_and(|w| {
                                self.lex.public_bodies.contains(&*lower(w.trim_end_matches(['\'', '’', 's'])))
                                    || self.lex.public_bodies.contains(&*lower(w))
                            })))
            })
            .copied()
    }

    /// A country's adjective modifying another noun ("a Russian doping-test company", "the
    /// Russian anti-doping agency", "Chinese hackers"): that thing, not the state, acts. Not
    /// before a state noun ("Russian officials") or a verb ("Iran denies", "Iran strongly").
    fn alias_modifier(&self, m: &Mention) -> bool {
        let text = self.text();
        let name = m.span.text(text);
        let adjective = ["an", "ese", "ish", "ch", "i"].iter().any(|e| name.ends_with(e));
        if !m.entity || m.office.is_some() || !adjective {
            return false;
        }
        let Some(t) = tokens(text, span(m.span.end, text.len())).next() else { return false };
        let w = t.span.text(text);
        let l = lower(w);
        t.kind == TokenKind::Word
            && t.span.start == m.span.end + 1
            && w.chars().next().is_some_and(char::is_lowercase)
            && !self.lex.function_words.contains(&*l)
            && !self.lex.state_nouns.contains(&*l)
            && !self.lex.cue_words(w)
            && self.lex.cues.lookup(w).is_none()
            && !l.ends_with("ly")
            && !l.ends_with("ed")
    }

    /// A mention no description refers back to: in parentheses ("Rivian Automotive (NASDAQ:
    /// RIVN)") or modifying a noun ("U.S. workplace safety regulators").
    fn aside(&self, m: Span) -> bool {
        let text = self.text();
        let line_start = text[..m.start].rfind(['\n', '.']).map_or(0, |i| i + 1);
        let before = &text[line_start..m.start];
        if before.rfind('(').is_some_and(|o| before.rfind(')').is_none_or(|c| c < o)) {
            return true;
        }
        // ("in Tucson, Arizona": the state of a place is a place.)
        let i = self.parties.mentions.partition_point(|x| x.span.end <= m.start);
        if i > 0 {
            let prev = &self.parties.mentions[i - 1];
            if prev.place && text[prev.span.end..m.start].trim() == "," {
                return true;
            }
        }
        // ("Rivian Automotive, Inc": the company suffix is part of the name before it.)
        if is_company_suffix(m.text(text).trim_end_matches('.')) {
            return true;
        }
        // ("U.S. workplace": the abbreviation's dot may follow the mention.)
        let end = if text[m.end..].starts_with('.') { m.end + 1 } else { m.end };
        let next = tokens(text, span(end, text.len())).next();
        next.is_some_and(|t| {
            let w = t.span.text(text);
            t.kind == TokenKind::Word
                && t.span.start == end + 1
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !self.lex.function_words.contains(w)
                && !w.ends_with("ed")
                && !w.ends_with('s')
        })
    }

    /// The accused as a description at `from` ("accused the electric-vehicle maker of"),
    /// resolved to the party it stands for.
    fn epithet_target(&self, sentence: Span, si: usize, from: usize, exclude: &[u32]) -> Option<(Span, Mention)> {
        let first = tokens(self.text(), span(from, sentence.end)).next()?;
        let np = self.epithet_at(sentence, first.span.start)?;
        Some((np, self.epithet_antecedent(np, si, exclude)?))
    }

    /// A named target that only modifies an epithet noun ("the Asian giant", "the U.S. bank")
    /// stands for the party named before it; `None` when it is no such modifier.
    fn redescribed(
        &self,
        sentence: Span,
        si: usize,
        target: (Span, Mention),
        exclude: &[u32],
    ) -> Option<(Span, Mention)> {
        let text = self.text();
        if target.1.key == UNNAMED || pronoun_kind(target.0.text(text)).is_some() || target.0 != target.1.span {
            return None;
        }
        // "the Asian giant", "the former Soviet republic": "the" and at most two lower-case
        // words before the mention.
        let before: Vec<Token> = tokens(text, tail(text, sentence, target.0.start)).collect();
        let the = before.iter().rev().take(3).position(|t| t.span.text(text).eq_ignore_ascii_case("the"))?;
        let the = &before[before.len() - 1 - the];
        let between_lower = tokens(text, span(the.span.end, target.0.start))
            .all(|t| t.kind == TokenKind::Word && t.span.text(text).chars().all(|c| c.is_lowercase()));
        if !between_lower {
            return None;
        }
        let np = self.epithet_at(sentence, the.span.start)?;
        if np.end <= target.0.end {
            return None;
        }
        let mut exclude = exclude.to_vec();
        exclude.extend(self.keys_of(&target.1));
        Some((np, self.epithet_antecedent(np, si, &exclude)?))
    }

    /// Offset of the first of `words` after `from` in the sentence, within `limit` tokens.
    fn find_word(&self, sentence: Span, from: usize, words: &[&str], limit: usize) -> Option<usize> {
        tokens(self.text(), span(from, sentence.end))
            .take(limit)
            .take_while(|t| t.span.text(self.text()) != ";")
            .find(|t| words.contains(&&*lower(t.span.text(self.text()))))
            .map(|t| t.span.start)
    }

    /// The span `n` tokens after `from` (or to the sentence end).
    fn tokens_after(&self, sentence: Span, from: usize, n: usize) -> Span {
        let end = tokens(self.text(), span(from, sentence.end)).take(n).last().map_or(from, |t| t.span.end);
        Span::new(from, end)
    }

    fn previous_word(&self, sentence: Span, offset: usize) -> Option<&str> {
        tokens(self.text(), tail(self.text(), sentence, offset)).last().map(|t| t.span.text(self.text()))
    }

    fn negated_before(&self, sentence: Span, offset: usize) -> bool {
        let toks: Vec<Token> = tokens(self.text(), tail(self.text(), sentence, offset)).collect();
        toks.iter().rev().take(3).any(|t| {
            let w = lower(t.span.text(self.text()));
            let w = &*w;
            w == "not" || w == "no" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        })
    }

    fn has_negation(&self, span: Span) -> bool {
        tokens(self.text(), span).any(|t| {
            let w = lower(t.span.text(self.text()));
            let w = &*w;
            self.lex.negation.contains(w) || w.ends_with("n't") || w.ends_with("n’t")
        })
    }

    /// The party a representative speaks for: "his lawyer", "her attorney, Jane Roe,", "its
    /// spokesman", "the senator's campaign" in `span` (a possessive within three words before
    /// the representative noun; a pronoun resolved to the nearest fitting party before it).
    fn represented(&self, span: Span) -> Option<Mention> {
        let text = self.text();
        let toks: Vec<Token> = tokens(text, span).filter(|t| t.kind == TokenKind::Word).take(12).collect();
        let rep = toks.iter().position(|t| self.lex.representatives.contains(&*lower(t.span.text(text))))?;
        for t in toks[rep.saturating_sub(3)..rep].iter().rev() {
            let w = t.span.text(text);
            // "their lawyers": a group the scan cannot tell apart.
            if matches!(&*lower(w), "his" | "her" | "its") {
                let kind = pronoun_kind(w)?;
                return self.parties.antecedent(t.span.start, kind, &[]).copied();
            }
            if let Some(m) = self.parties.mentions_in(t.span).first() {
                return Some(*m);
            }
        }
        None
    }

    /// Keys of the party a representative in `span` speaks for ("his daughter", "Vacco's
    /// campaign manager"), empty when none.
    fn represented_keys(&self, span: Span) -> Vec<u32> {
        self.represented(span).map(|m| self.keys_of(&m)).unwrap_or_default()
    }

    /// Keys of the party a representative at the head of `span` speaks for (its first four
    /// words: "his daughter, Rosa", "Vacco's campaign manager"), for a speaker already named:
    /// a longer stretch may run over an object ("Fields accused Donald Trump campaign manager
    /// ...").
    fn represented_head(&self, span: Span) -> Vec<u32> {
        let text = self.text();
        let end =
            tokens(text, span).filter(|t| t.kind == TokenKind::Word).take(4).last().map_or(span.start, |t| t.span.end);
        self.represented_keys(Span::new(span.start, end))
    }

    /// The offices that speak for a titled person ("President Clinton": the White House, when
    /// the article names it), unless the person is on another side ("Russian President ...")
    /// or holds another title ("Vice President", "former President").
    fn offices_for(&self, m: &Mention) -> Vec<u32> {
        let p = &self.parties;
        if p.offices.is_empty() || m.entity || m.key == UNNAMED {
            return Vec::new();
        }
        let text = self.text();
        let side = m.side.or_else(|| p.side.get(&m.key).copied());
        let mut out = Vec::new();
        for (okey, entity, name) in &p.offices {
            if side.is_some_and(|s| s != *entity) {
                continue;
            }
            let Some(titles) = self.lex.offices.get(name) else { continue };
            let titled = p.mentions.iter().filter(|x| x.key == m.key && !x.entity).any(|x| {
                let before = text[..x.span.start].trim_end();
                let own = x.span.text(text);
                titles.iter().any(|t| {
                    let leads = own.strip_prefix(t.as_str()).is_some_and(|r| r.starts_with(' '));
                    let precedes = before.strip_suffix(t.as_str()).is_some_and(|b| {
                        let prev = b.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
                        (b.is_empty() || b.ends_with(char::is_whitespace))
                            && !matches!(&*lower(prev), "vice" | "former" | "ex" | "late" | "deputy" | "then")
                            && !prev.ends_with('-')
                    });
                    leads || precedes
                })
            });
            if titled {
                out.push(*okey);
            }
        }
        out
    }

    /// The end of the assertion's clause: the sentence end, or before ", but" / ";".
    fn clause_end(&self, sentence: Span, from: usize) -> usize {
        let rest = &self.text()[from..sentence.end];
        // Every stop begins with ',' or ';': look only there (no substring search per stop).
        rest.match_indices([',', ';'])
            .map(|(i, _)| i)
            .find(|&i| {
                let r = &rest[i..];
                [", but ", "; ", ", something ", ", a claim ", ", which "].iter().any(|p| r.starts_with(p))
            })
            .map_or(sentence.end, |i| from + i)
    }
}

struct Found {
    kind: DisputeKind,
    sentence: usize,
    cue: Span,
    accuser: Option<(Span, Mention)>,
    target: (Span, Mention),
    /// Where the charge is stated (for topic words).
    content: Span,
    /// The response cue that is part of the assertion itself (speech cue of a claim).
    own_cue: Option<Span>,
    /// The accused party could not be read: `target` is the cue, its key [`UNNAMED`].
    unnamed: bool,
    not_live: Option<NotLive>,
    /// `target` is a description ("the Asian giant") of the party named earlier that its
    /// mention stands for.
    epithet: bool,
}

/// Party key of an accused party that the text does not name.
const UNNAMED: u32 = u32::MAX;

/// How far from an assertion response candidates are collected, in paragraphs (a window or a
/// far response beyond these is not a response to it).
const MAX_BEFORE: usize = 10;
const MAX_AFTER: usize = 40;

/// Find the disputed assertions of a document and the responses to each.
pub fn find_disputes(doc: &Document, ctx: &super::Context) -> Disputes {
    let lex = &ctx.disputes;
    let text = &doc.text;
    let mut hits: Vec<(PhraseMatch, Role)> = Vec::new();
    let mut aliases: Vec<PhraseMatch> = Vec::new();
    for &para in &doc.paragraphs {
        for m in doc.find(&lex.cues, para) {
            match lex.cue_roles.get(m.class as usize) {
                Some(&role) => hits.push((m, role)),
                None => aliases.push(m),
            }
        }
    }
    // Assertions first; response candidates are only collected when there is one. Most
    // articles carry speech verbs but no accusation, so a speech cue is only analysed when its
    // sentence holds a charge word (a contested claim needs one).
    let mut charged: Vec<bool> = Vec::new();
    let mut sentence_charged = |si: usize| -> bool {
        if charged.is_empty() {
            charged = vec![false; doc.sentences.len()];
            for c in doc.find(&lex.charges, Span::new(0, text.len())) {
                if let Some(i) = doc.sentence_at(c.span.start) {
                    charged[i] = true;
                }
            }
        }
        charged.get(si).copied().unwrap_or(false)
    };
    let mut relevant = false;
    for &(m, role) in &hits {
        relevant |= match role {
            Role::Rebuttal | Role::NoComment | Role::Admission => false,
            Role::Speech => doc.sentence_at(m.span.start).is_some_and(&mut sentence_charged),
            _ => true,
        };
        if relevant {
            break;
        }
    }
    if !relevant {
        return Disputes::default();
    }
    let scan = Scan { doc, lex, parties: find_parties(doc, lex, &aliases) };
    let mut found: Vec<Found> = Vec::new();
    for &(m, role) in &hits {
        let Some(si) = doc.sentence_at(m.span.start) else { continue };
        let sentence = doc.sentences[si].span;
        match role {
            Role::Rebuttal | Role::NoComment | Role::Admission => {}
            Role::Denial => marked_disputed(&scan, si, m.span, &mut found),
            Role::Speech => {
                if !sentence_charged(si) || speech_skipped(&scan, sentence, m.span) || mutual(text, lex, sentence) {
                    continue;
                }
                let (speaker, content) = speech_parts(&scan, sentence, m.span);
                contested_claim(&scan, si, m.span, speaker, content, &mut found);
            }
            _ => {
                // Title case mid-sentence is a headline or a title ("Bolton and Gorka Slam ...").
                let headline = m.span.start > sentence.start && is_capitalised(m.span.text(text));
                // Inside a quotation only a first-person accusation is the speaker's own ("I
                // blame Hillary Clinton personally", Smith said); other cues there are reported.
                let first_person = tokens(text, Span::new(sentence.start, m.span.start))
                    .any(|t| matches!(t.span.text(text), "I" | "We" | "we"));
                // "So is Trump lying about his signature issue?", "Isn't he accused of ...?"
                // ask; they charge nobody.
                let asks = is_yes_no_question(text, sentence);
                if headline || asks || (scan.in_quote(m.span) && !first_person) || mutual(text, lex, sentence) {
                    continue;
                }
                accusation(&scan, si, m.span, role, &mut found);
            }
        }
    }
    if found.is_empty() {
        return Disputes::default();
    }
    let mut accusation_cues: Vec<Span> = hits
        .iter()
        .filter(|(_, r)| {
            matches!(
                r,
                Role::AccuseOf
                    | Role::BlameFor
                    | Role::Condemn
                    | Role::AllegeThat
                    | Role::AccusationNoun
                    | Role::Wrongdoing
            )
        })
        .map(|(m, _)| m.span)
        .collect();
    accusation_cues.sort_by_key(|s| (s.start, s.end));
    let attributions = &doc.attributions(ctx).items;
    // Contents of cued attributions, by start: a cue inside another speaker's content is
    // reported by that speaker ("Cruz blasted Rubio ..., telling Ingraham that Rubio had
    // opposed ...": Cruz's words, not Rubio's).
    // An accusation verb's content runs on over a rejoinder ("Clinton accuses Sanders of ...
    // while Sanders suggests ..."), so only reporting cues count.
    let mut contents: Vec<(Span, Span)> = attributions
        .iter()
        .filter_map(|a| Some((a.content?, a.cue?)))
        .filter(|(c, cue)| {
            let ai = accusation_cues.partition_point(|s| s.end <= cue.start);
            !c.is_empty() && !accusation_cues.get(ai).is_some_and(|s| s.overlaps(*cue))
        })
        .collect();
    contents.sort_by_key(|(c, _)| c.start);
    let reported = |cue: Span| {
        let hi = contents.partition_point(|(c, _)| c.start <= cue.start);
        contents[..hi].iter().rev().take(8).any(|(c, own)| *own != cue && c.covers(cue))
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    for &(m, role) in &hits {
        let Some(si) = doc.sentence_at(m.span.start) else { continue };
        let sentence = doc.sentences[si].span;
        match role {
            Role::Denial | Role::Rebuttal | Role::NoComment | Role::Admission => {
                // ("A Russian doping-test company denies ...": not Russia.)
                let speaker = scan.subject(sentence, m.span.start).filter(|(_, sm)| !scan.alias_modifier(sm));
                let kind = match role {
                    Role::NoComment => ResponseKind::NoComment,
                    Role::Admission => ResponseKind::Admission,
                    _ => ResponseKind::Denial,
                };
                // "His lawyer denied the charges", "His daughter Rosa declined to comment": the
                // possessor's side too.
                let clause = Span::new(scan.clause_start(sentence, m.span.start), m.span.start);
                let speaker = match speaker {
                    Some((_, sm)) => {
                        let mut keys = scan.speaker_keys_of(&sm);
                        keys.extend(scan.represented_head(clause));
                        keys
                    }
                    None => scan.represented_keys(clause),
                };
                candidates.push(Candidate {
                    cue: m.span,
                    sentence: si,
                    kind,
                    explicit: role == Role::Rebuttal,
                    speaker,
                    negated: if role == Role::Admission { Negation::No } else { Negation::Yes },
                });
            }
            Role::Speech => {
                if speech_skipped(&scan, sentence, m.span) || reported(m.span) {
                    continue;
                }
                let (speaker, content) = speech_parts(&scan, sentence, m.span);
                // "according to ... six Tucson UPS workers": people related to a party, not it.
                let speaker = speaker.filter(|(_, mm)| {
                    !scan.alias_modifier(mm)
                        && !tokens(text, span(mm.span.end, text.len()))
                            .next()
                            .is_some_and(|t| lex.group_nouns.contains(&*lower(t.span.text(text))))
                });
                // "His lawyer said ...", "Her campaign said ...", "'...,' said his daughter,
                // Rosa": the possessor's side too.
                let clause = Span::new(scan.clause_start(sentence, m.span.start), m.span.start);
                let mut keys = match speaker {
                    Some((_, mm)) => {
                        let mut keys = scan.speaker_keys_of(&mm);
                        keys.extend(scan.represented_head(clause));
                        keys
                    }
                    None => scan.represented_keys(clause),
                };
                // (Only after a closing quote, or "..., said his daughter": "Fields, along with
                // Ben Terris, say Trump's campaign manager ..." reports, it does not name.)
                let before = text[..m.span.start].trim_end();
                let next = tokens(text, span(m.span.end, sentence.end)).next().map(|t| lower(t.span.text(text)));
                let inverted = before.ends_with(['"', '”', '\'', '’'])
                    || (before.ends_with(',') && next.is_some_and(|w| matches!(&*w, "his" | "her" | "its")));
                if inverted {
                    keys.extend(scan.represented_keys(scan.tokens_after(sentence, m.span.end, 4)));
                }
                if !keys.is_empty() {
                    candidates.push(Candidate {
                        cue: m.span,
                        sentence: si,
                        kind: ResponseKind::TargetSpeech,
                        explicit: false,
                        speaker: keys,
                        negated: Negation::In(content),
                    });
                }
            }
            _ => {}
        }
    }
    // Attributions from the attribution analysis: a resolved speaker answers for its party.
    // An accusation verb is no answer by its subject, and in the passive ("he was accused by
    // a reporter", "He was charged with assault") its subject is the accused.
    let own_speech: FastSet<Span> =
        candidates.iter().filter(|c| c.kind == ResponseKind::TargetSpeech).map(|c| c.cue).collect();
    for a in attributions {
        let (Some(cue), Some(name)) = (a.cue, a.speaker.as_deref()) else { continue };
        let ai = accusation_cues.partition_point(|s| s.end <= cue.start);
        if accusation_cues.get(ai).is_some_and(|s| s.overlaps(cue)) || reported(cue) {
            continue;
        }
        let Some(si) = doc.sentence_at(cue.start) else { continue };
        let mut keys = speaker_keys(&scan, name, a.source);
        // "his daughter, Rosa", "a spokesman for Acme": the side the speaker speaks for too.
        if let Some(src) = a.source {
            if keys.is_empty() {
                keys = scan.represented_keys(src);
            } else {
                keys.extend(scan.represented_head(src));
            }
        }
        if keys.is_empty() || own_speech.contains(&cue) || object_relative(&scan, doc.sentences[si].span, cue) {
            continue;
        }
        let negated = a.content.map_or(Negation::No, Negation::In);
        candidates.push(Candidate {
            cue,
            sentence: si,
            kind: ResponseKind::TargetSpeech,
            explicit: false,
            speaker: keys,
            negated,
        });
    }
    candidates.sort_by_key(|c| (c.sentence, c.cue.start));
    let mut negated_cache: Vec<Option<bool>> = vec![None; candidates.len()];
    let mut answer_cache: Vec<Option<bool>> = vec![None; candidates.len()];
    let mut defense_cache: Vec<Option<bool>> = vec![None; candidates.len()];
    let mut rebut_cache: Vec<Option<bool>> = vec![None; candidates.len()];
    // One assertion per sentence and target.
    found.sort_by_key(|f| (f.sentence, f.cue.start));
    let mut seen: FastSet<(usize, u32)> = FastSet::default();
    found.retain(|f| seen.insert((f.sentence, f.target.1.key)));
    // An unnamed accused party gives way to a named one in the same sentence ("... had been
    // 'rigged' against him, a charge that Colorado Republican leaders strongly denied").
    let named: FastSet<usize> = found.iter().filter(|f| !f.unnamed).map(|f| f.sentence).collect();
    found.retain(|f| !f.unnamed || !named.contains(&f.sentence));
    found.retain(|f| doc.find(&lex.silent, f.target.0).next().is_none());
    // "slamming the Texas senator": a place naming a person by role, whom the scan cannot
    // tell (and whose answers it would not recognise).
    found.retain(|f| {
        f.unnamed
            || scan.parties.people.contains_key(&f.target.1.key)
            || pronoun_kind(f.target.0.text(text)).is_some()
            || !tokens(text, span(f.target.0.end, text.len()))
                .next()
                .is_some_and(|t| lex.role_nouns.contains(t.span.text(text)))
    });
    // "criticized Christian Evangelical voters": a demographic group, which does not answer.
    found.retain(|f| {
        if f.unnamed {
            return true;
        }
        // ("U.S. politicians": the abbreviation's dot may stand between.)
        let next = tokens(text, span(f.target.0.end, text.len())).find(|t| {
            !(t.kind == TokenKind::Punct
                && t.span.text(text) == "."
                && t.span.start == f.target.0.end
                && f.target.0.text(text).contains('.'))
        });
        let possessive = f.target.0.text(text).ends_with("'s") || f.target.0.text(text).ends_with("’s");
        possessive
            || !next.is_some_and(|t| lex.group_nouns.contains(&*lower(t.span.text(text).trim_end_matches(['\'', '’']))))
    });
    // "criticized his GOP opponents", "attacked her Democratic rivals": a group described by
    // its relation to the accuser (a name used as a modifier after his / her / their), not a
    // party that answers. ("his rival Donald Trump" names him: the name follows the noun.)
    found.retain(|f| {
        if f.unnamed || pronoun_kind(f.target.0.text(text)).is_some() {
            return true;
        }
        let before = tokens(text, tail(text, doc.sentences[f.sentence].span, f.target.0.start)).last();
        let owned = before.is_some_and(|t| matches!(&*lower(t.span.text(text)), "his" | "her" | "their" | "our"));
        let next = tokens(text, span(f.target.0.end, text.len())).next();
        let modifier = next.is_some_and(|t| {
            let w = t.span.text(text);
            t.kind == TokenKind::Word && !is_capitalised(w) && !lex.function_words.contains(&*lower(w))
        });
        !(owned && modifier)
    });
    // Not live charges: an opinion piece or a reader's letter argues its own side; a charge
    // told with an earlier time is background; a charge planned, expected or imagined is not
    // made; a he / she whose antecedent the preceding sentences leave open names nobody.
    // They stay disputes (`factlint sources` lists them) but are not flagged.
    let opinion = opinion_piece(doc);
    // The article's year, worked out only when a charge's lead names a year.
    let mut year_cache: Option<Option<i32>> = None;
    let mut now = || *year_cache.get_or_insert_with(|| current_year(doc));
    for f in &mut found {
        let sentence = doc.sentences[f.sentence].span;
        f.not_live = if opinion {
            Some(NotLive::Opinion)
        } else if background(doc, lex, sentence, f.cue, &mut now) {
            Some(NotLive::Background)
        } else if not_made(doc, sentence, f.cue) {
            Some(NotLive::NotMade)
        } else if !pronoun_clear(&scan, f) {
            Some(NotLive::UnclearPronoun)
        } else {
            None
        };
    }
    let mut stems_cache: FastMap<usize, Vec<String>> = FastMap::default();
    let mut items = Vec::with_capacity(found.len());
    for f in found {
        let sentence = doc.sentences[f.sentence];
        let mut target_keys = scan.keys_of(&f.target.1);
        // "President Clinton" is answered by the White House ("White House spokesman Mike
        // McCurry said"): offices linked to the person's title in aliases.json.
        if !f.unnamed {
            target_keys.extend(scan.offices_for(&f.target.1));
        }
        let accuser_keys: Vec<u32> = f.accuser.map(|(_, m)| scan.keys_of(&m)).unwrap_or_default();
        let topic = topic_words(doc, lex, &scan.parties, f.content);
        let reply = replies(text, sentence.span, f.cue);
        let mut responses = Vec::new();
        // Candidates are in document order: look only from a few paragraphs before the
        // assertion to a generous distance after it, so long documents stay linear.
        let para = sentence.paragraph;
        let lo = candidates.partition_point(|c| doc.sentences[c.sentence].paragraph + MAX_BEFORE < para);
        let hi = candidates.partition_point(|c| doc.sentences[c.sentence].paragraph <= para + MAX_AFTER);
        for (ci, c) in candidates.iter().enumerate().take(hi.max(lo)).skip(lo) {
            if Some(c.cue) == f.own_cue || f.cue.overlaps(c.cue) {
                continue;
            }
            let is_accuser = c.speaker.iter().any(|k| accuser_keys.contains(k));
            // "Defense attorney Mary Jones said her client would be cleared": the accused's side,
            // though the scan cannot tie the lawyer to the name.
            let is_target = c.speaker.iter().any(|k| target_keys.contains(k))
                || (!is_accuser
                    && f.kind == DisputeKind::Accusation
                    && !f.unnamed
                    && *defense_cache[ci].get_or_insert_with(|| {
                        doc.find(&lex.defense, doc.sentences[c.sentence].span).next().is_some()
                    }));
            let responder = if is_target {
                Responder::Target
            } else if is_accuser {
                continue;
            } else if c.speaker.is_empty() {
                Responder::Unknown
            } else {
                Responder::Other
            };
            if c.kind == ResponseKind::TargetSpeech && responder != Responder::Target {
                continue;
            }
            let cs = doc.sentences[c.sentence];
            // "How has the administration responded?" asks; it does not answer.
            if is_question(text, cs.span) {
                continue;
            }
            // A later response's topic is its sentence with the sentences either side of it in
            // its paragraph ("Trump said ..." after a sentence naming the charge; not a whole
            // wire story run into one paragraph).
            // A response in or before the assertion's paragraph: its own sentence (that
            // paragraph holds the assertion itself, or precedes it).
            let own_sentence;
            let stems: &Vec<String> = if cs.paragraph <= sentence.paragraph {
                own_sentence = topic_words(doc, lex, &scan.parties, cs.span);
                &own_sentence
            } else {
                stems_cache.entry(c.sentence).or_insert_with(|| {
                    let first = if c.sentence > 0 && doc.sentences[c.sentence - 1].paragraph == cs.paragraph {
                        doc.sentences[c.sentence - 1].span.start
                    } else {
                        cs.span.start
                    };
                    let last = match doc.sentences.get(c.sentence + 1) {
                        Some(n) if n.paragraph == cs.paragraph => n.span.end,
                        _ => cs.span.end,
                    };
                    topic_words(doc, lex, &scan.parties, Span::new(first, last))
                })
            };
            // Engagement: answer words in the sentence, or the accuser named there.
            let names_accuser = !accuser_keys.is_empty()
                && scan
                    .parties
                    .mentions_in(cs.span)
                    .iter()
                    .any(|m| scan.keys_of(m).iter().any(|k| accuser_keys.contains(k)));
            let engages = *answer_cache[ci].get_or_insert_with(|| doc.find(&lex.answer_words, cs.span).next().is_some())
                || names_accuser
                // A one-word charge ("accused Clinton of ducking") gives no topic to compare:
                // the target's remarks in the next paragraph are taken as its answer.
                || (topic.len() < 2 && cs.paragraph <= sentence.paragraph + 1);
            responses.push(Response {
                cue: c.cue,
                sentence: cs.span,
                kind: c.kind,
                responder,
                distance: cs.paragraph as isize - sentence.paragraph as isize,
                same_sentence: c.sentence == f.sentence,
                overlap: overlap(&topic, stems),
                negated: *negated_cache[ci].get_or_insert_with(|| match c.negated {
                    Negation::Yes => true,
                    Negation::No => false,
                    Negation::In(content) => scan.has_negation(content),
                }),
                explicit: c.explicit,
                engages,
                names_accuser,
                // (Only a denial or the accused speaking: "Federal investigators have no
                // evidence ..., though he admitted ..." is no rebuttal by him.)
                // A speaker's rebuttal is in what they say ("Federal investigators have no
                // evidence to suggest that Lazar ...": not Lazar's words).
                rebuts: matches!(c.kind, ResponseKind::Denial | ResponseKind::TargetSpeech)
                    && *rebut_cache[ci].get_or_insert_with(|| {
                        let said = match c.negated {
                            Negation::In(content) => content,
                            _ => cs.span,
                        };
                        doc.find(&lex.strong_rebuttals, said).next().is_some()
                    }),
                prompted: reply
                    && responder == Responder::Target
                    && c.kind == ResponseKind::TargetSpeech
                    && c.sentence < f.sentence
                    && cs.paragraph + 1 >= sentence.paragraph,
            });
        }
        responses.sort_by_key(|r| (r.distance.unsigned_abs(), r.distance < 0, r.cue.start));
        let target_span = if f.unnamed {
            f.cue
        } else if f.epithet || pronoun_kind(f.target.0.text(text)).is_some() {
            f.target.0
        } else {
            if f.target.1.entity { described(&scan, f.target.0, sentence.span) } else { f.target.0 }
        };
        let target_name = if f.unnamed {
            "the accused party".to_string()
        } else if f.epithet || pronoun_kind(f.target.0.text(text)).is_some() {
            scan.parties.names[f.target.1.key as usize].clone()
        } else {
            target_span.text(text).to_string()
        };
        items.push(Dispute {
            kind: f.kind,
            assertion: sentence.span,
            cue: f.cue,
            accuser: f.accuser.map(|(s, _)| s),
            target: target_span,
            target_name,
            paragraph: sentence.paragraph,
            responses,
            target_named: !f.unnamed,
            not_live: f.not_live,
        });
    }
    Disputes { items }
}

/// A he / she target stands for a party only when the assertion's sentence and the two
/// before it hold exactly one person that pronoun can stand for (the accuser aside): "Bush ...
/// Cruz ... accused him of" names nobody certain.
fn pronoun_clear(scan: &Scan<'_>, f: &Found) -> bool {
    let text = scan.text();
    let Some(kind) = pronoun_kind(f.target.0.text(text)) else { return true };
    if !matches!(kind, Pronoun::Male | Pronoun::Female) {
        return true;
    }
    let accuser: Vec<u32> = f.accuser.map(|(_, m)| scan.keys_of(&m)).unwrap_or_default();
    // The pronoun's own sentence first ("painting Mr. Trump as ... or denouncing him"), then two
    // sentences back, further (up to five) while none is found ("Mr. Trump keeps winning. ...
    // he has captured ... In both states, he won ... he was denounced by").
    for back in [0, 2, 3, 4, 5] {
        let seen = pronoun_candidates(scan, f, kind, &accuser, f.sentence.saturating_sub(back));
        if !seen.is_empty() || (back >= f.sentence && back > 0) {
            return seen.len() == 1 && seen[0].contains(&f.target.1.key);
        }
    }
    false
}

/// The distinct people (their keys) a he / she target could stand for, from sentence `first`
/// to the pronoun.
fn pronoun_candidates(scan: &Scan<'_>, f: &Found, kind: Pronoun, accuser: &[u32], first: usize) -> Vec<Vec<u32>> {
    let from = scan.doc.sentences[first].span.start;
    let mut seen: Vec<Vec<u32>> = Vec::new();
    for m in scan.parties.mentions_in(span(from, f.target.0.start)) {
        let gender = match scan.parties.people.get(&m.key) {
            Some(g) if !m.entity && !m.place => *g,
            _ => continue,
        };
        let fits = match (kind, gender) {
            (_, None) => true,
            (Pronoun::Male, Some(female)) => !female,
            (Pronoun::Female, Some(female)) => female,
            _ => false,
        };
        let keys = scan.keys_of(m);
        if !fits || keys.iter().any(|k| accuser.contains(k)) || seen.iter().any(|s| keys.iter().any(|k| s.contains(k)))
        {
            continue;
        }
        seen.push(keys);
    }
    seen
}

/// The end of the last subordinating conjunction ("when", "after", "because") before `offset`
/// in the sentence.
fn toks_before_subordinator(text: &str, sentence: Span, offset: usize) -> Option<usize> {
    tokens(text, Span::new(sentence.start, offset))
        .filter(|t| {
            matches!(
                t.span.text(text),
                "when" | "after" | "because" | "since" | "while" | "although" | "until" | "once"
            )
        })
        .last()
        .map(|t| t.span.end)
}

/// Whether `word` stands alone in quotation marks ("“rigged”").
fn scare_quoted(text: &str, word: Span) -> bool {
    let open = text[..word.start].ends_with(['"', '“']);
    let close = text[word.end..].starts_with(['"', '”']);
    open && close
}

/// A question asking whether ("So is Trump lying about ...?", "Did the senator lie?"), not a
/// statement ending on a quoted question ("Trump implied that Fields had lied - why hadn't she
/// screamed?").
fn is_yes_no_question(text: &str, sentence: Span) -> bool {
    let mut words = tokens(text, sentence).filter(|t| t.kind == TokenKind::Word).map(|t| t.span.text(text));
    let mut first = words.next().map(lower);
    while first.as_deref().is_some_and(|w| matches!(w, "so" | "but" | "and" | "then" | "further" | "also" | "yet")) {
        first = words.next().map(lower);
    }
    is_question(text, sentence)
        && first.is_some_and(|w| {
            matches!(
                &*w,
                "is" | "are"
                    | "was"
                    | "were"
                    | "did"
                    | "does"
                    | "do"
                    | "has"
                    | "have"
                    | "had"
                    | "can"
                    | "could"
                    | "will"
                    | "would"
                    | "should"
                    // "Further, isn't associating with ... what her husband is accused of?"
                    | "isn't"
                    | "isn’t"
                    | "aren't"
                    | "aren’t"
                    | "wasn't"
                    | "wasn’t"
                    | "didn't"
                    | "didn’t"
                    | "doesn't"
                    | "doesn’t"
                    | "hasn't"
                    | "hasn’t"
            )
        })
}

/// Whether a sentence is a question (its last character before closing quotes is "?").
fn is_question(text: &str, sentence: Span) -> bool {
    sentence.text(text).trim_end_matches(['"', '”', '\'', '’', ' ', '\n']).ends_with('?')
}

/// A speech cue that is no claim: a gerund after a preposition ("blamed CNN for reporting")
/// or a word inside a quotation.
fn speech_skipped(scan: &Scan<'_>, sentence: Span, cue: Span) -> bool {
    let after_preposition = scan.previous_word(sentence, cue.start).is_some_and(|w| {
        matches!(&*lower(w), "for" | "of" | "by" | "about" | "after" | "before" | "without" | "from" | "in" | "on")
    });
    // "In TV interviews and tweets, Trump has argued": a noun in a list, not a verb.
    let listed = scan.previous_word(sentence, cue.start).is_some_and(|w| w == "and" || w == "or")
        && scan.text()[cue.end..].starts_with(',');
    after_preposition || listed || scan.in_quote(cue) || object_relative(scan, sentence, cue)
}

/// A speech verb in a relative clause about a noun ("the mass shootings that Obama
/// mentioned"): the party speaks about something else, this is no statement of theirs.
/// "said that Obama mentioned ..." (a speech verb before "that") is still a statement.
fn object_relative(scan: &Scan<'_>, sentence: Span, cue: Span) -> bool {
    let text = scan.text();
    let mut before = [Span::default(); 6];
    let mut n = 0;
    for t in tokens(text, tail(text, sentence, cue.start)) {
        before.rotate_left(1);
        before[5] = t.span;
        n += 1;
    }
    let n = n.min(6);
    let window = &before[6 - n..];
    let Some(rel) = window.iter().rposition(|t| {
        let w = t.text(text);
        w.eq_ignore_ascii_case("that") || w.eq_ignore_ascii_case("which") || w.eq_ignore_ascii_case("whom")
    }) else {
        return false;
    };
    if rel == 0 || rel + 1 >= window.len() {
        return false;
    }
    // A party between the relative word and the verb: "that Obama mentioned".
    if scan.parties.mentions_in(Span::new(window[rel].end, cue.start)).is_empty() {
        return false;
    }
    let noun = window[rel - 1].text(text);
    noun.chars().all(|c| c.is_lowercase())
        && !scan.lex.function_words.contains(noun)
        && scan.lex.cues.lookup(noun).is_none_or(|c| scan.lex.cue_roles.get(c as usize) != Some(&Role::Speech))
}

/// A party used as a modifier names a group or a person by role: "the American swimmer",
/// "GOP voters". The mention grows to one or two following lower-case words when a
/// preposition, punctuation or the sentence end follows them.
fn described(scan: &Scan<'_>, mention: Span, sentence: Span) -> Span {
    let text = scan.text();
    let mut end = mention.end;
    let mut words = 0;
    for t in tokens(text, span(mention.end, sentence.end)) {
        let w = t.span.text(text);
        let lower_word = t.kind == TokenKind::Word && w.chars().all(|c| c.is_lowercase() || c == '-');
        if lower_word
            && !w.ends_with("ed")
            && !scan.lex.function_words.contains(w)
            && !scan.lex.cue_words(w)
            && words < 2
        {
            end = t.span.end;
            words += 1;
            continue;
        }
        if words > 0 && !(t.kind == TokenKind::Punct || scan.lex.function_words.contains(&*lower(w))) {
            return mention;
        }
        break;
    }
    Span::new(mention.start, end)
}

/// Party keys of an attribution's resolved speaker ("US Secretary of State Antony Blinken").
fn speaker_keys(scan: &Scan<'_>, name: &str, source: Option<Span>) -> Vec<u32> {
    let mut keys = Vec::new();
    // "six Tucson UPS workers", "Rivian employees": people related to a party, not it.
    let text = scan.text();
    if let Some(src) = source
        && let Some(at) = src.text(text).find(name)
    {
        let end = src.start + at + name.len();
        let next = tokens(text, span(end, src.end)).next();
        if next.is_some_and(|t| t.span.start == end + 1 && scan.lex.group_nouns.contains(&*lower(t.span.text(text)))) {
            return keys;
        }
    }
    // The source's first party only: a long source span may run over the object
    // ("Ted Cruz blamed CNN for").
    if let Some(m) = source.and_then(|src| scan.parties.mentions_in(src).first()) {
        keys.extend(scan.speaker_keys_of(m));
    }
    let last = name.split_whitespace().last().unwrap_or("");
    if let Some(&k) = scan.parties.keys.get(&normalise_key(last)) {
        keys.push(k);
        if let Some(&s) = scan.parties.side.get(&k) {
            keys.push(s);
        }
    }
    for a in scan.lex.cues.find_in(name, Span::new(0, name.len())).filter(|a| a.class >= scan.lex.entity_base) {
        let key = format!("#{}", scan.lex.cues.class_name(a.class).to_ascii_lowercase());
        if let Some(&k) = scan.parties.keys.get(&key) {
            keys.push(k);
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Speaker and content of a speech cue: `X said (that) C`, `C, X said`, `C, said X`,
/// `according to X, C` / `C, according to X`.
fn speech_parts(scan: &Scan<'_>, sentence: Span, cue: Span) -> (Option<(Span, Mention)>, Span) {
    let text = scan.text();
    let after = span(cue.end, sentence.end);
    let cue_text = cue.text(text).to_ascii_lowercase();
    let words_after = tokens(text, after).filter(|t| t.kind != TokenKind::Punct).count();
    let before_clause = scan.clause_start(sentence, cue.start);
    if cue_text == "according to" {
        let np_end = text[cue.end..sentence.end].find(',').map_or(sentence.end, |i| cue.end + i);
        let speaker = scan.first_party(Span::new(cue.end, np_end), &[]);
        let content = if np_end < sentence.end {
            Span::new(np_end + 1, sentence.end)
        } else {
            Span::new(sentence.start, cue.start)
        };
        return (speaker, content);
    }
    // Inverted or trailing cue: `"...," X said.` / `..., said X.`
    if words_after <= 6 && before_clause > sentence.start {
        let subject = scan.parties.mentions_in(Span::new(before_clause, cue.start)).last().map(|m| (m.span, *m));
        let subject = subject
            .or_else(|| scan.pronoun_in(Span::new(before_clause, cue.start), &[]))
            .or_else(|| scan.first_party(after, &[]));
        return (subject, Span::new(sentence.start, before_clause));
    }
    let speaker = scan.subject(sentence, cue.start);
    let mut start = cue.end;
    // `said that C`, `told Reuters that C`, `told ABC's "Good Morning America" that C`.
    if let Some(t) = tokens(text, after)
        .take(9)
        .take_while(|t| t.span.text(text) != ",")
        .find(|t| t.span.text(text).eq_ignore_ascii_case("that"))
    {
        start = t.span.end;
    }
    (speaker, Span::new(start, scan.clause_end(sentence, start)))
}

fn contested_claim(
    scan: &Scan<'_>,
    si: usize,
    cue: Span,
    speaker: Option<(Span, Mention)>,
    content: Span,
    found: &mut Vec<Found>,
) {
    let sentence = scan.doc.sentences[si].span;
    let text = scan.text();
    // A claim needs a claimant: a named speaker, or at least a subject ("Western officials").
    let cs = scan.clause_start(sentence, cue.start);
    let has_subject = speaker.is_some()
        || tokens(text, Span::new(cs, cue.start))
            .any(|t| t.kind == TokenKind::Word && !scan.lex.function_words.contains(&*lower(t.span.text(text))));
    if !has_subject || content.is_empty() {
        return;
    }
    let exclude: Vec<u32> = speaker.map(|(_, m)| scan.keys_of(&m)).unwrap_or_default();
    let toks: Vec<Token> = tokens(text, content).filter(|t| t.kind != TokenKind::Punct).collect();
    // The content's subject: a party among its first three words, after an introductory
    // clause ("that before the book was published, Trump sent an attorney who threatened").
    let intro = toks.first().is_some_and(|t| {
        matches!(&*lower(t.span.text(text)), "before" | "after" | "when" | "while" | "if" | "as" | "since" | "once")
    });
    let lead = if intro {
        text[content.start..content.end.min(content.start + 120)]
            .find(',')
            .map_or(0, |i| toks.partition_point(|t| t.span.start <= content.start + i))
    } else {
        0
    };
    let subject_start = toks.get(lead).map_or(content.start, |t| t.span.start);
    let subject_end = toks.get(lead + 3).map_or(content.end, |t| t.span.start);
    let allowed = |m: &&Mention| !scan.keys_of(m).iter().any(|k| exclude.contains(k));
    for charge in scan.doc.find(&scan.lex.charges, content) {
        // Capitalised charge words are titles and headlines ("Criminal Gangs").
        if is_capitalised(charge.span.text(text)) || scan.negated_before(sentence, charge.span.start) {
            continue;
        }
        // "the threat to America": a threat someone faces, no party charged with being one.
        if charge.span.text(text).starts_with("threat")
            && scan.previous_word(sentence, charge.span.start).is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            continue;
        }
        // "Leaks could include Russian lies": a possibility, not a charge.
        let modal = tokens(text, tail(text, sentence, charge.span.start))
            .collect::<Vec<_>>()
            .iter()
            .rev()
            .take(3)
            .any(|t| matches!(&*lower(t.span.text(text)), "could" | "might" | "may"));
        if modal {
            continue;
        }
        let at = toks.partition_point(|t| t.span.start < charge.span.start);
        // The party the charge is predicated of: named just before it ("if Moscow invades"),
        // or the content's subject not too far before it ("US missile defense systems in
        // Romania and Poland are a threat to Russia": the US, not Russia).
        let near_start = toks[at.saturating_sub(3)..].first().map_or(content.start, |t| t.span.start);
        let near = scan.parties.mentions_in(Span::new(near_start, charge.span.start)).iter().rev().find(allowed);
        let subject = scan
            .parties
            .mentions_in(span(subject_start, subject_end.min(charge.span.start)))
            .iter()
            .find(allowed)
            .filter(|m| toks.partition_point(|t| t.span.start < m.span.end) + 9 >= at);
        // "X is a threat" / "X are to blame": the subject; "if Moscow invades", "Democratic
        // lies": the party right before the charge.
        let copular = charge.span.text(text).contains(' ');
        let target = if copular { subject.or(near) } else { near.or(subject) };
        let (target, unnamed) = match target {
            Some(t) => ((t.span, *t), false),
            // "complained that the contest had been 'rigged' against him": whoever runs the
            // contest is accused, though not named.
            // Only a predicate ("had been rigged") or the claimant's word in quotes ("a
            // “rigged” process"), not a description ("a rigged economy").
            None if scan.lex.unnamed_charges.contains(&*lower(charge.span.text(text)))
                && !toks[at.saturating_sub(4)..at]
                    .iter()
                    .any(|t| scan.lex.generic_things.contains(&*lower(t.span.text(text))))
                && (scare_quoted(text, charge.span)
                    || scan
                        .previous_word(sentence, charge.span.start)
                        .is_some_and(|w| BE_FORMS.contains(&&*lower(w.trim_matches(['"', '“', '”', '\'']))))) =>
            {
                ((charge.span, unnamed_mention()), true)
            }
            None => continue,
        };
        found.push(Found {
            kind: DisputeKind::ContestedClaim,
            sentence: si,
            cue: charge.span,
            accuser: speaker,
            target,
            content,
            own_cue: Some(cue),
            unnamed,
            not_live: None,
            epithet: false,
        });
        return;
    }
}

/// `..., a claim the ministry disputes` / `..., something the Kremlin says it does not ...`:
/// the article marks the clause before as disputed by the party named after the marker.
fn marked_disputed(scan: &Scan<'_>, si: usize, denial: Span, found: &mut Vec<Found>) {
    let sentence = scan.doc.sentences[si].span;
    let cs = scan.clause_start(sentence, denial.start);
    if cs <= sentence.start {
        return;
    }
    let Some(marker) = scan.doc.find(&scan.lex.markers, Span::new(cs, denial.start)).next() else { return };
    let Some(target) = scan.parties.mentions_in(Span::new(marker.span.end, denial.start)).last().map(|m| (m.span, *m))
    else {
        return;
    };
    let content = Span::new(sentence.start, cs);
    found.push(Found {
        kind: DisputeKind::MarkedDisputed,
        sentence: si,
        cue: marker.span,
        // The sentence's subject: read up to the end of its first character (which may be a
        // multi-byte opening quote).
        accuser: scan
            .subject(sentence, sentence.start + scan.text()[sentence.start..].chars().next().map_or(0, char::len_utf8))
            .filter(|(s, _)| s.end <= cs),
        target,
        content,
        own_cue: None,
        unnamed: false,
        not_live: None,
        epithet: false,
    });
}

/// Where the object of an accusation verb may start: its first three words, up to `until`
/// ("accused the US of": the US; not "counter-attack from Mosul as").
fn object(scan: &Scan<'_>, sentence: Span, cue: Span, until: usize) -> Span {
    // Titles and their abbreviation dots do not count ("accused Michigan Gov. Rick Snyder of").
    let text = scan.text();
    let third = tokens(text, span(cue.end, sentence.end))
        .filter(|t| t.kind == TokenKind::Word && !scan.lex.not_names.contains(t.span.text(text)))
        .take(2)
        .last()
        .map_or(cue.end, |t| t.span.end);
    Span::new(cue.end, until.min(third).max(cue.end))
}

/// After "for" / "over" / "as" at `prep`: a time ("for a third night", "over the weekend",
/// "for the first time") or a clause of circumstance ("as it crossed"), not a reason.
fn circumstance(scan: &Scan<'_>, sentence: Span, prep: usize) -> bool {
    let text = scan.text();
    let words: Vec<Token> =
        tokens(text, span(prep, sentence.end)).filter(|t| t.kind == TokenKind::Word).take(5).collect();
    let Some(p) = words.first().map(|t| lower(t.span.text(text))) else { return false };
    let rest: Vec<Lower> = words[1..].iter().map(|t| lower(t.span.text(text))).collect();
    if &*p == "as" {
        return rest.first().is_some_and(|w| matches!(&**w, "it" | "they" | "he" | "she" | "we"));
    }
    // Skip determiners, numbers and ordinals to the head noun.
    let head = rest.iter().find(|w| {
        !matches!(
            &***w,
            "a" | "an"
                | "the"
                | "this"
                | "that"
                | "several"
                | "many"
                | "two"
                | "three"
                | "four"
                | "five"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "last"
                | "past"
                | "next"
                | "straight"
                | "consecutive"
                | "successive"
                | "more"
                | "another"
        ) && !w.bytes().all(|b| b.is_ascii_digit())
    });
    head.is_some_and(|w| {
        matches!(
            &**w,
            "night"
                | "nights"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "weekend"
                | "month"
                | "months"
                | "year"
                | "years"
                | "hour"
                | "hours"
                | "time"
                | "times"
                | "morning"
                | "afternoon"
                | "evening"
                | "decade"
                | "decades"
        )
    })
}

/// Whether a condemnation states a wrong after `from` (the condemned party's end, or the
/// passive verb's): a possessive or a noun the party modifies ("Israel's raid", "the U.S.
/// bombing"), or a reason or a charge in the rest of its clause ("for", "over", "as",
/// "because", a that-clause, "saying", "calling"). "denounced the United States and extolled
/// ..." states none.
fn states_wrong(scan: &Scan<'_>, sentence: Span, from: usize) -> bool {
    let text = scan.text();
    if text[..from].ends_with("'s") || text[..from].ends_with("’s") || text[..from].ends_with("s'") {
        return true;
    }
    let toks: Vec<Token> = tokens(text, span(from, sentence.end)).take(18).collect();
    // ("the U.S. bombing": the abbreviation's dot may be a token of its own.)
    let skip = usize::from(toks.first().is_some_and(|t| t.span.start == from && t.span.text(text) == "."));
    if let Some(t) = toks.get(skip) {
        // ("the GOP candidate's proposal", "the Obama administration's promotion")
        let w = crate::analysis::entities::strip_possessive(t.span.text(text).trim_end_matches(['\'', '’']));
        if t.kind == TokenKind::Word
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && !scan.lex.function_words.contains(w)
            && !scan.lex.cue_words(w)
        {
            return true;
        }
    }
    for t in &toks[skip..] {
        let w = t.span.text(text);
        if matches!(w, ";" | ":" | "(") {
            return false;
        }
        if matches!(
            &*lower(w),
            "for"
                | "over"
                | "as"
                | "because"
                | "that"
                | "saying"
                | "calling"
                | "accusing"
                | "branding"
                | "labeling"
                | "labelling"
                | "describing"
                | "claiming"
                | "charging"
                | "blaming"
                | "alleging"
        ) {
            return true;
        }
    }
    false
}

/// "India and Pakistan accused each other of violating the ceasefire", "the two sides traded
/// accusations": a mutual charge states both sides in its own sentence.
fn mutual(text: &str, lex: &Lexicon, sentence: Span) -> bool {
    lex.mutual_charges.find_in(text, sentence).next().is_some()
}

/// "Tony Mack was arrested on Monday and charged with extortion", "were arrested and
/// charged": a participle after "and" that shares the passive "be" of the verb before it.
fn coordinated_passive(scan: &Scan<'_>, sentence: Span, cue: Span) -> bool {
    let text = scan.text();
    let before: Vec<Token> = tokens(text, tail(text, sentence, cue.start)).collect();
    if before.last().is_none_or(|t| t.span.text(text) != "and") {
        return false;
    }
    let window = &before[before.len().saturating_sub(8)..before.len() - 1];
    window.windows(2).any(|w| {
        BE_FORMS.contains(&&*lower(w[0].span.text(text)))
            && w[1].kind == TokenKind::Word
            && w[1].span.text(text).len() > 3
            && w[1].span.text(text).ends_with("ed")
    }) && !window.iter().any(|t| matches!(t.span.text(text), "," | ";" | ":"))
}

/// "A lawyer for Sean Spicer says an accusation that the former White House press secretary
/// used a racial slur ... is false": the accusation noun is the subject of a verb "be" whose
/// complement declares it untrue, so the sentence states the charge and answers it at once.
/// Only a falsity word right after the verb counts ("accusations that he was not paying" is
/// the charge's own clause, and "not" alone is no falsity word).
fn declared_false(scan: &Scan<'_>, sentence: Span, cue: Span) -> bool {
    let text = scan.text();
    let toks: Vec<Token> = tokens(text, span(cue.end, sentence.end)).take(60).collect();
    // After "accusations that", the clause's own verb comes first ("allegations that his
    // statements were false" charges falsity; "an accusation that he used a slur ... is false"
    // rejects the charge).
    let mut verb_seen = !cue.text(text).ends_with("that");
    toks.iter().enumerate().any(|(i, t)| {
        let w = lower(t.span.text(text));
        if !matches!(&*w, "is" | "are" | "was" | "were") {
            verb_seen |= t.kind == TokenKind::Word && w.len() > 3 && w.ends_with("ed");
            return false;
        }
        if !verb_seen {
            verb_seen = true;
            return false;
        }
        // Skip a few adverbs ("is completely false", "was also untrue", "are simply not true").
        let mut j = i + 1;
        while j < toks.len()
            && j <= i + 2
            && toks[j].kind == TokenKind::Word
            && (toks[j].span.text(text).ends_with("ly") || matches!(toks[j].span.text(text), "also" | "all"))
        {
            j += 1;
        }
        let Some(next) = toks.get(j) else { return false };
        scan.doc
            .find(&scan.lex.falsity, Span::new(next.span.start, sentence.end))
            .next()
            .is_some_and(|m| m.span.start == next.span.start)
    })
}

fn pronoun_is(text: &str, s: Span) -> bool {
    pronoun_kind(s.text(text)).is_some()
}

/// A party that cannot be the subject of the passive accusation verb at `verb`: one after a
/// preposition of place ("Four players -- in Spain for a training camp in La Manga -- were
/// accused"), or one followed by a clause word before the verb, whose own subject the passive
/// has ("Judge Roger Davies heard how the three footballers ... were accused").
fn not_passive_subject(scan: &Scan<'_>, sentence: Span, party: Span, verb: usize) -> bool {
    let text = scan.text();
    if scan.previous_word(sentence, party.start).is_some_and(|w| {
        matches!(&*lower(w), "in" | "at" | "near" | "from" | "outside" | "inside" | "across" | "throughout")
    }) {
        return true;
    }
    // ("Smith -- who ... -- was accused": two dashes round an aside; one closes the aside
    // the party stands in.)
    let dashes = text.get(party.end..verb).map_or(0, |b| b.matches("--").count() + b.matches(['—', '–']).count());
    dashes % 2 == 1
        || tokens(text, span(party.end, verb))
            .any(|t| matches!(&*lower(t.span.text(text)), "how" | "whether" | "why" | "where"))
}

/// A company-form suffix ("Inc", "Ltd", "AG"): part of the name before it, no party or
/// initial of its own.
fn is_company_suffix(word: &str) -> bool {
    matches!(word, "Inc" | "Corp" | "Co" | "Ltd" | "LLC" | "PLC" | "plc" | "AG" | "SA")
}

/// The stand-in mention of an accused party the text does not name.
fn unnamed_mention() -> Mention {
    Mention {
        span: Span::default(),
        key: UNNAMED,
        side: None,
        alt: None,
        entity: false,
        sentence: 0,
        first: false,
        place: false,
        office: None,
    }
}

fn accusation(scan: &Scan<'_>, si: usize, cue: Span, role: Role, found: &mut Vec<Found>) {
    let sentence = scan.doc.sentences[si].span;
    let text = scan.text();
    let participle = cue.text(text).ends_with("ed");
    let passive = participle
        && (scan.previous_word(sentence, cue.start).is_some_and(|w| BE_FORMS.contains(&&*lower(w)))
            || coordinated_passive(scan, sentence, cue))
        && matches!(role, Role::AccuseOf | Role::BlameFor | Role::Condemn);
    // "counter-attack": part of a compound, not the verb.
    if text[..cue.start].ends_with(['-', '‑']) {
        return;
    }
    // "attack from Mosul", "attack on the base": a noun, not an accusation of someone.
    if matches!(role, Role::AccuseOf | Role::BlameFor | Role::Condemn)
        && !passive
        && tokens(text, span(cue.end, sentence.end)).next().is_some_and(|t| {
            matches!(
                &*lower(t.span.text(text)),
                "from" | "in" | "on" | "at" | "by" | "to" | "into" | "against" | "after" | "during" | "that"
            )
        })
    {
        return;
    }
    // "refused to condemn X", "has never publicly blamed X", "voters might blame X", "false
    // accusations that X": no accusation is made, or the article already answers it.
    let before: Vec<Token> = tokens(text, tail(text, sentence, cue.start)).collect();
    // "a campaign to condemn X" makes the accusation; "refused to condemn X" does not.
    let purpose = before.len() >= 2
        && before[before.len() - 1].span.text(text) == "to"
        && scan.lex.purpose_nouns.contains(&*lower(before[before.len() - 2].span.text(text)));
    let hedged = !purpose
        && before.iter().rev().take(3).enumerate().any(|(i, t)| {
            let w = lower(t.span.text(text));
            let w = &*w;
            matches!(
                w,
                "not"
                    | "never"
                    | "without"
                    | "might"
                    | "may"
                    | "could"
                    | "would"
                    | "should"
                    | "none"
                    | "nobody"
                    | "no"
                    // "has avoided directly criticizing Comey"
                    | "avoided"
                    | "avoids"
                    | "avoiding"
            ) || w.ends_with("n't")
                || w.ends_with("n’t")
                || (i == 0
                    && matches!(
                        w,
                        "to" | "false"
                            | "baseless"
                            | "unfounded"
                            | "debunked"
                            | "bogus"
                            | "unsubstantiated"
                            | "unproven"
                            | "discredited"
                    ))
        })
        // "none of his rivals attacked him"
        || before.iter().rev().take(5).any(|t| matches!(t.span.text(text), "none" | "None" | "nobody" | "Nobody"))
        // "He dismisses accusations that Trump has exploited ...": stated and answered at once.
        || (role == Role::AccusationNoun
            && before.iter().rev().take(3).any(|t| {
                scan.lex.cues.lookup(t.span.text(text)).and_then(|c| scan.lex.cue_roles.get(c as usize).copied())
                    == Some(Role::Denial)
            }));
    if hedged || (role == Role::AccusationNoun && declared_false(scan, sentence, cue)) {
        return;
    }
    // "the accused bomber", "two accused men": an adjective, no charge made here.
    if role == Role::AccuseOf
        && participle
        && before.last().is_some_and(|t| {
            matches!(&*lower(t.span.text(text)), "the" | "an" | "a" | "his" | "her" | "their" | "its" | "two" | "three")
        })
    {
        return;
    }
    // "was charged with overseeing the inquiry": a task, not a crime.
    if role == Role::AccuseOf && cue.text(text).to_ascii_lowercase().starts_with("charg") {
        let mut words = tokens(text, span(cue.end, sentence.end)).filter(|t| t.kind == TokenKind::Word);
        let with = words.next().is_some_and(|t| t.span.text(text).eq_ignore_ascii_case("with"));
        if with && words.next().is_some_and(|t| scan.lex.task_gerunds.contains(&*lower(t.span.text(text)))) {
            return;
        }
    }
    let (target, accuser) = if passive {
        // "X was accused of ...", "X has been criticised by Y for ...".
        let by = scan.find_word(sentence, cue.end, &["by"], 3);
        // "when it was attacked", "Cosby is attacked in the media": neither who charges nor
        // what with; an assault, or a vague report of criticism, no charge to answer.
        if role != Role::AccuseOf
            && by.is_none()
            && scan.find_word(sentence, cue.end, &["for", "as", "over"], 8).is_none()
        {
            return;
        }
        let Some(target) = scan
            .subject(sentence, cue.start)
            .filter(|(s, _)| !not_passive_subject(scan, sentence, *s, cue.start))
            .or_else(|| scan.epithet_target(sentence, si, scan.clause_start(sentence, cue.start), &[]))
        else {
            return;
        };
        // "Trump was denounced by Republicans": a condemnation with no wrong stated.
        if role == Role::Condemn && !states_wrong(scan, sentence, cue.end) {
            return;
        }
        let accuser = by.and_then(|b| scan.first_party(scan.tokens_after(sentence, b, 6), &[]));
        (target, accuser)
    } else {
        // ("The Russian anti-doping agency has alleged ...": the agency, not Russia.)
        let accuser = if role == Role::Wrongdoing {
            None
        } else {
            // ("The impeachment bid against Rousseff was launched over allegations that she
            // ...": a party after a preposition is no subject, and no accuser.)
            scan.subject(sentence, cue.start).filter(|(s, m)| {
                !scan.alias_modifier(m)
                    && !scan.previous_word(sentence, s.start).is_some_and(|w| {
                        matches!(
                            &*lower(w),
                            "against" | "of" | "over" | "about" | "toward" | "towards" | "on" | "for" | "with" | "to"
                        )
                    })
            })
        };
        let exclude: Vec<u32> = accuser.map(|(_, m)| scan.keys_of(&m)).unwrap_or_default();
        let target = match role {
            Role::AccuseOf => {
                let Some(of) = scan.find_word(sentence, cue.end, &["of", "with"], 10).or_else(|| {
                    // "accuses Sanders, whose ... appeal has been key to his success, of being":
                    // an appositive between the object and its "of".
                    let comma = tokens(text, span(cue.end, sentence.end)).take(4).find(|t| t.span.text(text) == ",")?;
                    scan.find_word(sentence, comma.span.end, &["of"], 30)
                        .filter(|&o| text[comma.span.end..o].trim_end().ends_with(','))
                }) else {
                    return;
                };
                // "accused the media and the Clinton campaign of": a coordinated object.
                let obj = object(scan, sentence, cue, of);
                let obj = if tokens(text, span(obj.end, of)).take(7).count() < 7 && text[obj.end..of].contains(" and ")
                {
                    Span::new(obj.start, of)
                } else {
                    obj
                };
                scan.first_party(obj, &exclude)
            }
            Role::BlameFor => {
                // "blasted X for", or "blasted X during a rally, calling her a 'horrible
                // witness'": the object before the participle that states the charge.
                let mut calling = None;
                let prep = scan.find_word(sentence, cue.end, &["for", "as", "over"], 10).or_else(|| {
                    let c = scan.find_word(sentence, cue.end, &["calling", "labeling", "labelling"], 16)?;
                    calling = Some(c);
                    text[..c].trim_end().ends_with(',').then(|| scan.tokens_after(sentence, cue.end, 4).end.min(c))
                });
                let Some(prep) = prep else { return };
                // "attacked Serb targets for a third night", "over the weekend", "as it crossed":
                // a time or a circumstance, not the reason of a charge.
                if circumstance(scan, sentence, prep) {
                    return;
                }
                let named = scan.first_party(object(scan, sentence, cue, prep), &exclude);
                // "the California yoga instructor ..., calling her": a person described by role
                // and a place; the pronoun after "calling" says who.
                let described = named.is_some_and(|(_, m)| !scan.parties.people.contains_key(&m.key));
                match calling {
                    Some(c) if named.is_none() || described => {
                        scan.object_pronoun(scan.tokens_after(sentence, c, 3), &exclude).or(named)
                    }
                    _ => named,
                }
            }
            Role::Condemn => scan.first_party(scan.tokens_after(sentence, cue.end, 4), &exclude),
            Role::AllegeThat | Role::AccusationNoun => {
                // "accusations that his backers made threats": the accused is a group
                // described by a possessive, not the next name further on.
                let mut next = tokens(text, span(cue.end, sentence.end)).filter(|t| t.kind == TokenKind::Word);
                let (w1, w2) = (next.next(), next.next());
                if w1.is_some_and(|t| matches!(t.span.text(text), "his" | "her" | "their" | "its"))
                    && w2.is_some_and(|t| !is_capitalised(t.span.text(text)))
                {
                    return;
                }
                let after = scan.tokens_after(sentence, cue.end, 6);
                // "charged that in pursuing his goal of a single-payer system, Sanders would
                // jeopardize ...": the that-clause's subject after an introductory phrase.
                let introduced = || {
                    let first = tokens(text, span(cue.end, sentence.end)).next()?;
                    let intro = matches!(
                        &*lower(first.span.text(text)),
                        "in" | "by" | "before" | "after" | "when" | "while" | "if" | "as" | "since" | "despite"
                    );
                    let comma = text.get(cue.end..sentence.end)?.find(',')? + cue.end + 1;
                    (cue.text(text).ends_with("that") && intro && comma < cue.end + 160)
                        .then(|| scan.first_party(scan.tokens_after(sentence, comma, 3), &exclude))
                        .flatten()
                };
                scan.first_party(after, &exclude).or_else(introduced).or_else(|| {
                    // "as Democrats are alleging, but Moscow strongly denies", "The lawsuit
                    // alleges a long list of violations": an allegation made by someone, against
                    // a party the sentence does not name. ("allegations of fraud" in passing
                    // make no accusation of their own.)
                    // Only a finite verb ("alleges", "are alleging"), not a participle describing
                    // a suit in passing ("a lawsuit ... alleging that police ...").
                    let finite = !cue.text(text).to_ascii_lowercase().starts_with("alleging")
                        || before.last().is_some_and(|t| BE_FORMS.contains(&&*lower(t.span.text(text))));
                    let made = role == Role::AllegeThat && !before.is_empty() && finite;
                    made.then(|| (cue, unnamed_mention()))
                })
            }
            Role::Wrongdoing => {
                // "NATO reneged on", "McConnell lied": the party just before the cue.
                let cs = scan.clause_start(sentence, cue.start);
                let before = tokens(text, Span::new(cs, cue.start)).collect::<Vec<_>>();
                let near = before[before.len().saturating_sub(4)..].first().map_or(cue.start, |t| t.span.start);
                let region = Span::new(near, cue.start);
                let named = scan.parties.mentions_in(region).last().map(|m| (m.span, *m));
                let pronoun = || {
                    before.last().filter(|t| pronoun_kind(t.span.text(text)).is_some()).and_then(|t| {
                        let kind = pronoun_kind(t.span.text(text))?;
                        scan.parties.antecedent(t.span.start, kind, &[]).map(|m| (t.span, *m))
                    })
                };
                // "... charges by the US Securities and Exchange Commission that it misled
                // investors": the pronoun right before the verb is its subject, not the name
                // before it.
                let pronoun_first = before.last().is_some_and(|t| pronoun_kind(t.span.text(text)).is_some())
                    && named.is_some_and(|(s, _)| s.end < before.last().map_or(0, |t| t.span.start));
                if pronoun_first { pronoun().or(named) } else { named.or_else(pronoun) }
            }
            _ => None,
        };
        // "accused the electric-vehicle maker of", "claiming that the company has engaged in":
        // a description standing for a party named before.
        let target = target.or_else(|| {
            let mut from = cue.end;
            if let Some(t) = tokens(text, span(cue.end, sentence.end)).next()
                && t.span.text(text) == "that"
            {
                from = t.span.end;
            }
            scan.epithet_target(sentence, si, from, &exclude)
        });
        let Some(target) = target else { return };
        // "condemned the bombings in Kenya": a place where something happened, not a party.
        if target.1.place && target.1.key != UNNAMED && pronoun_kind(target.0.text(text)).is_none() {
            return;
        }
        // "condemned the killing of Palestinians", "the bombing of the U.S. embassy": the party
        // after an act's preposition suffered it ("condemned Iraq's invasion" names the actor).
        if role == Role::Condemn
            && tokens(text, span(cue.end, target.0.start))
                .any(|t| matches!(&*lower(t.span.text(text)), "of" | "on" | "against" | "at" | "to"))
        {
            return;
        }
        // "Speaker after speaker denounced the United States and extolled ...": a condemnation
        // that states no wrong charges nothing anyone could answer ("condemned Iraq for the
        // invasion", "denounced Israel's raid", "condemned the U.S. bombing" do).
        if role == Role::Condemn && !states_wrong(scan, sentence, target.0.end) {
            return;
        }
        // "allegations of political bias against Clinton": the party after a wrong done
        // "against" someone is the one wronged, not the one accused ("allegations of adultery
        // against Grayson" accuse him).
        // (Also after a bare "alleges": "A lawsuit alleges racial discrimination against
        // African American workers".)
        let bare_allege = role == Role::AllegeThat
            && !cue.text(text).ends_with("that")
            && tokens(text, span(cue.end, sentence.end)).next().is_some_and(|t| t.span.text(text) != "that");
        if (role == Role::AccusationNoun && cue.text(text).ends_with("of")) || bare_allege {
            let between: Vec<Token> =
                tokens(text, span(cue.end, target.0.start)).filter(|t| t.kind == TokenKind::Word).collect();
            let wronged = between.windows(2).any(|w| {
                matches!(&*lower(w[1].span.text(text)), "against" | "toward" | "towards" | "on")
                    && scan.lex.directed_wrongs.contains(&*lower(w[0].span.text(text)))
            });
            if wronged {
                return;
            }
        }
        let accuser = if role == Role::Wrongdoing {
            // The speaker reporting the wrongdoing, if the sentence has one before it.
            scan.parties
                .mentions_in(Span::new(sentence.start, target.0.start))
                .first()
                .map(|m| (m.span, *m))
                .filter(|(_, m)| m.key != target.1.key)
        } else {
            accuser
        };
        (target, accuser)
    };
    // "accused the Asian giant of", "the U.S. bank": a description whose head is an epithet
    // noun stands for the organisation or country named before it.
    let exclude: Vec<u32> = accuser.map(|(_, m)| scan.keys_of(&m)).unwrap_or_default();
    let (target, epithet) = match scan.redescribed(sentence, si, target, &exclude) {
        Some(t) => (t, true),
        // (A description found in place of a name: its mention lies elsewhere.)
        None => (target, target.1.key != UNNAMED && !pronoun_is(text, target.0) && !target.0.overlaps(target.1.span)),
    };
    if accuser.is_some_and(|(_, a)| a.key == target.1.key) {
        return;
    }
    let content = Span::new(cue.start, scan.clause_end(sentence, cue.end));
    found.push(Found {
        kind: DisputeKind::Accusation,
        sentence: si,
        cue,
        accuser,
        target,
        content,
        own_cue: None,
        unnamed: target.1.key == UNNAMED,
        not_live: None,
        epithet,
    });
}

#[cfg(test)]
mod tests;
