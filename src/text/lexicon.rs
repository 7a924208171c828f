//! Word lists (rules/lexicons/*.json) and the automaton that finds their phrases.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::span::Span;
use super::token::WordStartSink;

/// A lexicon file: named classes of phrases ("speech": ["say", "says", ...]).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// What the list holds and where it came from.
    pub description: String,
    /// Class name -> phrases. Every inflection is listed: lexicons are not stemmed.
    pub classes: BTreeMap<String, Vec<String>>,
    /// Optional links from a phrase to others (aliases.json: an office and the titles of the
    /// holder it speaks for, "White House" -> ["President"]).
    #[serde(default)]
    pub links: BTreeMap<String, Vec<String>>,
}

impl Lexicon {
    /// Phrases of one class, or of every class when `class` is None.
    pub fn phrases(&self, class: Option<&str>) -> Option<Vec<&str>> {
        match class {
            Some(c) => self.classes.get(c).map(|v| v.iter().map(String::as_str).collect()),
            None => Some(self.classes.values().flatten().map(String::as_str).collect()),
        }
    }
}

/// Finds whole-word occurrences of many phrases (ASCII case-insensitive, longest match at
/// each word start, so "said in a statement" wins over "said").
///
/// Every phrase is a whole word or words, so a match can only begin where a word begins.
/// The matcher is a byte trie walked from word starts only, not an Aho-Corasick automaton
/// over every byte: short phrases ("us", "he") would otherwise match inside words ("must",
/// "the") and be thrown away by the boundary check, and the DFA's build dominated start-up.
/// The walk also keeps the longest phrase that ends on a word boundary, so "said inside"
/// still yields "said" when "said in" is a phrase too.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    trie: Trie,
    /// The class of each pattern, by pattern index.
    pattern_class: Vec<u32>,
    class_names: Vec<String>,
    /// The trie's answer for every phrase of up to 16 bytes, keyed by its packed
    /// ASCII-lower-cased bytes: [`Self::lookup`] asks about single words thousands of times
    /// per document, and one probe here replaces a hash, a bit test and a trie walk.
    exact_words: crate::text::PackedMap<u32>,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: Span,
    pub pattern: usize,
    pub class: u32,
}

/// Byte trie over ASCII-folded phrases. The root, visited once per word start, is a dense
/// table. Every other state keeps its few outgoing edges in a flat sorted list, so the whole
/// trie of a large lexicon stays small enough for the cache (a dense table per state was
/// megabytes and missed the cache on every step), and a 64-bit set of the byte classes it
/// has edges for: most steps fail, and fail on one bit test instead of a search of the
/// edges. A byte class is one of the distinct lower-cased bytes the phrases use; with more
/// than 63 of them every step searches the edges.
#[derive(Debug, Clone)]
struct Trie {
    /// Root transitions by byte (both cases); DEAD when no phrase begins with the byte.
    root: [u32; 256],
    /// Per state: its edge classes, its first edge in `edges`, and the pattern index + 1 of
    /// the first phrase ending there (0 when none); then one sentinel state.
    states: Vec<TrieState>,
    /// (lower-cased byte, target state), grouped by source state, in class order.
    edges: Vec<(u8, u32)>,
    /// Byte class of each byte (both cases), NO_CLASS when no phrase uses it; None when the
    /// phrases use more than 63 distinct bytes (then steps search `edges` linearly).
    classes: Option<Box<[u8; 256]>>,
    /// Bit set over (first byte, second byte) pairs, both lower-cased, that begin some
    /// phrase; a one-byte phrase sets every second byte. Most word starts fail this test
    /// and never enter the walk.
    pairs: Box<[u64; 1024]>,
    /// Every phrase begins with an ASCII letter, digit or underscore, so a match can only
    /// begin at a [`WordStarts`] position and the matcher may skip from one to the next.
    word_initial: bool,
    /// Bit set over [`run_hash`] of each phrase's first run of ASCII word bytes. A phrase
    /// can only match where the text's run has the same bytes, so a word start whose run's
    /// bit is clear is skipped without a walk: one bit test per word start and lexicon.
    first_runs: Box<[u64; 1024]>,
    /// First runs of the phrases with one word start ("said", "U.S" has two: "U", "S").
    single_runs: Box<[u64; 1024]>,
    /// [`pair_bit`] of the first two word starts' runs of the other phrases: "the White
    /// House" is only walked where "the" is followed by "white", not at every "the".
    start_pairs: Box<[u64; 1024]>,
    /// First runs of the phrases of one word start that go on past their run ("Mr.",
    /// "café"). Where neither this bit nor a start pair is set, only a phrase that is exactly
    /// the text's run can match, and one table probe answers instead of a walk.
    run_plus: Box<[u64; 1024]>,
}

/// Bit index (16 bits) of a pair of run hashes.
#[inline]
fn pair_bit(first: u16, second: u16) -> usize {
    let key = (first as u32) << 16 | second as u32;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

#[inline]
fn has_bit(set: &[u64; 1024], bit: usize) -> bool {
    set[bit >> 6] & (1 << (bit & 63)) != 0
}

#[derive(Debug, Clone, Copy, Default)]
struct TrieState {
    /// Bit c set when the state has an edge for byte class c.
    class_bits: u64,
    /// The state's edges are `edges[first_edge..next state's first_edge]` (a sentinel
    /// state closes the list): 16 bytes a state, four to a cache line.
    first_edge: u32,
    accept: u32,
}

const DEAD: u32 = 0;
const ROOT: u32 = 1;
const NO_CLASS: u8 = u8::MAX;

impl Trie {
    fn new(patterns: &[String]) -> Self {
        // Build with ordered child maps, then flatten depth-first so that a phrase's states
        // sit next to each other in memory.
        // Inserting the phrases in sorted order numbers the states in depth-first preorder
        // (a phrase's states sit next to each other in memory) and creates each state's
        // children in byte order, with no per-state maps: start-up builds every lexicon.
        let mut keys: Vec<(Vec<u8>, u32)> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.bytes().map(|b| b.to_ascii_lowercase()).collect(), i as u32))
            .collect();
        keys.sort_unstable();
        let mut accept = vec![0u32; 2];
        // (parent, byte, child) for every edge, in creation order.
        let mut links: Vec<(u32, u8, u32)> = Vec::new();
        let mut path: Vec<u32> = vec![ROOT];
        let mut prev: &[u8] = &[];
        for (key, i) in &keys {
            let common = prev.iter().zip(key).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &b in &key[common..] {
                let fresh = accept.len() as u32;
                accept.push(0);
                links.push((path[path.len() - 1], b, fresh));
                path.push(fresh);
            }
            // The first phrase wins when two classes list the same phrase (equal keys sort
            // by pattern index).
            let end = path[key.len()] as usize;
            if accept[end] == 0 {
                accept[end] = i + 1;
            }
            prev = key;
        }
        // Edges grouped by parent (a counting sort, which keeps each parent's children in
        // the byte order they were created in).
        let mut first = vec![0u32; accept.len() + 1];
        for &(parent, _, _) in &links {
            first[parent as usize + 1] += 1;
        }
        for s in 1..first.len() {
            first[s] += first[s - 1];
        }
        let mut grouped = vec![(0u32, 0u8, 0u32); links.len()];
        let mut fill = first.clone();
        for &link in &links {
            let slot = &mut fill[link.0 as usize];
            grouped[*slot as usize] = link;
            *slot += 1;
        }
        let links = grouped;
        let mut used = [false; 256];
        for &(_, b, _) in &links {
            used[b as usize] = true;
        }
        let classes = (used.iter().filter(|&&u| u).count() < 64).then(|| {
            let mut t = Box::new([NO_CLASS; 256]);
            for (class, b) in (0..=255u8).filter(|&b| used[b as usize]).enumerate() {
                t[b as usize] = class as u8;
                t[b.to_ascii_uppercase() as usize] = class as u8;
            }
            t
        });
        let mut states = vec![TrieState::default(); accept.len()];
        let mut edges = Vec::with_capacity(links.len());
        let mut li = 0;
        for (state, st) in states.iter_mut().enumerate().skip(1) {
            st.first_edge = edges.len() as u32;
            st.accept = accept[state];
            while let Some(&(_, b, child)) = links.get(li).filter(|l| l.0 as usize == state) {
                if let Some(t) = &classes {
                    st.class_bits |= 1 << t[b as usize];
                }
                edges.push((b, child));
                li += 1;
            }
        }
        states.push(TrieState { class_bits: 0, first_edge: edges.len() as u32, accept: 0 });
        let mut root = [DEAD; 256];
        for &(parent, b, child) in links.iter().take_while(|l| l.0 == ROOT) {
            debug_assert_eq!(parent, ROOT);
            root[b as usize] = child;
            root[b.to_ascii_uppercase() as usize] = child;
        }
        let mut pairs = Box::new([0u64; 1024]);
        for p in patterns {
            match p.as_bytes() {
                [] => {}
                [b] => {
                    for second in 0..=255u8 {
                        set_pair(&mut pairs, *b, second);
                    }
                }
                [a, b, ..] => set_pair(&mut pairs, *a, *b),
            }
        }
        let word_initial =
            patterns.iter().all(|p| p.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_'));
        let mut first_runs = Box::new([0u64; 1024]);
        for p in patterns {
            let h = run_hash(p.as_bytes()) as usize;
            first_runs[h >> 6] |= 1 << (h & 63);
        }
        let mut single_runs = Box::new([0u64; 1024]);
        let mut start_pairs = Box::new([0u64; 1024]);
        let mut run_plus = Box::new([0u64; 1024]);
        if word_initial {
            for p in patterns {
                // The phrase's own word starts are the text's where it matches: same bytes,
                // and a match begins after a non-word character, as a string does.
                let starts = WordStarts::new(p);
                let (set, bit) = match starts.0.as_slice() {
                    [(_, h)] => {
                        if crate::text::ascii_run_len(p.as_bytes(), true) < p.len() {
                            let bit = *h as usize;
                            run_plus[bit >> 6] |= 1 << (bit & 63);
                        }
                        (&mut single_runs, *h as usize)
                    }
                    [(_, h1), (_, h2), ..] => (&mut start_pairs, pair_bit(*h1, *h2)),
                    [] => continue,
                };
                set[bit >> 6] |= 1 << (bit & 63);
            }
        }
        Trie { root, states, edges, classes, pairs, word_initial, first_runs, single_runs, start_pairs, run_plus }
    }

    #[inline]
    fn step(&self, state: u32, byte: u8) -> u32 {
        if state == ROOT {
            return self.root[byte as usize];
        }
        let st = self.states[state as usize];
        if let Some(classes) = &self.classes {
            let class = classes[byte as usize];
            if class == NO_CLASS || st.class_bits & (1 << class) == 0 {
                return DEAD;
            }
        }
        let byte = byte.to_ascii_lowercase();
        let from = st.first_edge as usize;
        let to = self.states.get(state as usize + 1).map_or(from, |n| n.first_edge as usize);
        let edges = self.edges.get(from..to).unwrap_or_default();
        edges.iter().find(|e| e.0 == byte).map_or(DEAD, |e| e.1)
    }

    /// Whether some phrase may begin at `at`: its first two bytes begin one.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize, limit: usize) -> bool {
        let first = bytes[at].to_ascii_lowercase() as usize;
        let second = if at + 1 < limit { bytes[at + 1].to_ascii_lowercase() as usize } else { 0 };
        let bit = first << 8 | second;
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
    }

    /// The longest phrase starting at `start` that ends before `limit` on a word boundary:
    /// (end, pattern).
    fn longest_at(&self, text: &str, start: usize, limit: usize) -> Option<(usize, usize)> {
        let bytes = text.as_bytes().get(..limit)?;
        let mut state = ROOT;
        let mut best = None;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            state = self.step(state, b);
            if state == DEAD {
                break;
            }
            i += 1;
            let accept = self.states[state as usize].accept;
            if accept != 0 && !is_word_byte_at(text, i, false) {
                best = Some((i, accept as usize - 1));
            }
        }
        best
    }

    /// The phrase that is exactly `word`, if any.
    fn exact(&self, word: &str) -> Option<usize> {
        // A phrase equal to `word` has the same first run: most words fail on one bit.
        let h = run_hash(word.as_bytes()) as usize;
        if self.first_runs[h >> 6] & (1 << (h & 63)) == 0 {
            return None;
        }
        let mut state = ROOT;
        for b in word.bytes() {
            state = self.step(state, b);
            if state == DEAD {
                return None;
            }
        }
        self.states[state as usize].accept.checked_sub(1).map(|p| p as usize)
    }
}

/// A 16-bit hash of the ASCII-lower-cased run of ASCII word bytes that `bytes` begins with.
/// If a phrase matches at a word start, the text's run there is the phrase's first run: the
/// run ends where the phrase leaves [a-z0-9_] or ends (then the text's next byte is not a
/// word byte either, or the phrase would not end on a word boundary).
#[inline]
pub(crate) fn run_hash(bytes: &[u8]) -> u16 {
    hash_run(&bytes[..crate::text::ascii_run_len(bytes, true)])
}

/// The hash of a whole run, eight lower-cased bytes at a time (most runs are one step).
#[inline]
fn hash_run(run: &[u8]) -> u16 {
    if run.len() < 8 {
        let folded = crate::text::pack_word(run, true).map_or(0, |k| k[0]);
        return hash_step(run.len() as u64, folded);
    }
    let mut h = run.len() as u64;
    for chunk in run.chunks(8) {
        let folded = crate::text::pack_word(chunk, true).map_or(0, |k| k[0]);
        h = mix(h, folded);
    }
    (h >> 48) as u16
}

/// [`hash_run`] of a run shorter than eight bytes, from its length and packed bytes.
#[inline]
fn hash_step(len: u64, folded: u64) -> u16 {
    (mix(len, folded) >> 48) as u16
}

#[inline]
fn mix(h: u64, folded: u64) -> u64 {
    let h = (h ^ folded).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

fn set_pair(pairs: &mut [u64; 1024], first: u8, second: u8) {
    let bit = (first.to_ascii_lowercase() as usize) << 8 | second.to_ascii_lowercase() as usize;
    pairs[bit >> 6] |= 1 << (bit & 63);
}

fn is_word_char(c: char) -> bool {
    // Curly quotes, dashes and NBSP (common in news, never alphanumeric) skip the slow
    // Unicode table.
    !super::token::is_common_punctuation(c) && (c.is_alphanumeric() || c == '_')
}

fn is_word_byte_at(text: &str, offset: usize, before: bool) -> bool {
    // Offsets come from byte walks; one that is not a character boundary sits inside a
    // multi-byte character, which counts as a word character only if the character does.
    let bytes = text.as_bytes();
    let probe = if before { offset.checked_sub(1) } else { Some(offset) };
    match probe.and_then(|i| bytes.get(i)) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => {
            let c = if before {
                let mut i = offset;
                while i > 0 && !text.is_char_boundary(i - 1) {
                    i -= 1;
                }
                text.get(i.saturating_sub(1)..offset).and_then(|s| s.chars().next_back())
            } else {
                let mut i = offset;
                while i > 0 && !text.is_char_boundary(i) {
                    i -= 1;
                }
                text.get(i..).and_then(|s| s.chars().next())
            };
            c.is_some_and(is_word_char)
        }
    }
}

/// Normalise typographic apostrophes so "don't" in a lexicon matches "don’t" in a text.
pub fn fold_apostrophes(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('’') { std::borrow::Cow::Owned(s.replace('’', "'")) } else { std::borrow::Cow::Borrowed(s) }
}

impl PhraseMatcher {
    /// Build from (class name, phrases) pairs.
    pub fn new<'a>(classes: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_class = Vec::new();
        let mut class_names = Vec::new();
        for (name, phrases) in classes {
            let class = class_names.len() as u32;
            class_names.push(name.to_string());
            for p in phrases {
                let p = p.trim();
                if p.is_empty() {
                    continue;
                }
                // Lexicons may use either apostrophe; the text's curly ones are matched
                // through a second pattern rather than by rewriting the text.
                patterns.push(p.replace('’', "'"));
                pattern_class.push(class);
                if p.contains('\'') || p.contains('’') {
                    patterns.push(p.replace('\'', "’"));
                    pattern_class.push(class);
                }
            }
        }
        let trie = Trie::new(&patterns);
        // The trie folds ASCII case byte by byte, as `pack_word(.., true)` does, so the
        // table answers exactly as the trie for every word of up to 16 bytes.
        let exact_words = crate::text::PackedMap::new(
            patterns
                .iter()
                .filter_map(|p| Some((crate::text::pack_word(p.as_bytes(), true)?, trie.exact(p)? as u32)))
                .collect(),
        );
        Self { trie, pattern_class, class_names, exact_words }
    }

    pub fn class_name(&self, class: u32) -> &str {
        &self.class_names[class as usize]
    }

    pub fn class_id(&self, name: &str) -> Option<u32> {
        self.class_names.iter().position(|c| c == name).map(|i| i as u32)
    }

    pub fn is_empty(&self) -> bool {
        self.pattern_class.is_empty()
    }

    /// Whole-word matches inside `span` of `text`, left to right, not overlapping.
    pub fn find_in<'t>(&'t self, text: &'t str, span: Span) -> Matches<'t> {
        let end = span.end.min(text.len());
        let pos = span.start.min(end);
        Matches { matcher: self, text, pos, end, prev_word: is_word_byte_at(text, pos, true), starts: None }
    }

    /// The same matches as [`Self::find_in`], found by visiting only the word starts of
    /// `text` (from [`WordStarts::new`] over the same text) instead of every byte. Analyses
    /// that match several lexicons over one document share its word starts this way.
    pub fn find_at_starts<'t>(&'t self, text: &'t str, starts: &'t WordStarts, span: Span) -> Matches<'t> {
        let mut m = self.find_in(text, span);
        if self.trie.word_initial {
            m.starts = Some(starts.within(Span::new(m.pos, m.end)));
        }
        m
    }

    /// The union of the matchers' first-run bit sets: the filter for [`Self::find_each`].
    pub fn first_run_union(matchers: &[&PhraseMatcher]) -> FirstRunUnion {
        let mut bits = Box::new([0u64; 1024]);
        for m in matchers {
            for (b, m) in bits.iter_mut().zip(m.trie.first_runs.iter()) {
                *b |= m;
            }
        }
        FirstRunUnion(bits)
    }

    /// `[m.find_at_starts(..).collect() for m in matchers]` in one walk over the word starts:
    /// a start whose run begins no phrase of any of them (`union`, from
    /// [`Self::first_run_union`] over the same matchers) costs one bit test instead of one
    /// per matcher. Several whole-document passes share a walk this way.
    pub fn find_each<const N: usize>(
        matchers: [&PhraseMatcher; N],
        union: &FirstRunUnion,
        text: &str,
        starts: &WordStarts,
        span: Span,
    ) -> [Vec<PhraseMatch>; N] {
        let mut walks = matchers.map(|m| m.find_in(text, span));
        if matchers.iter().any(|m| !m.trie.word_initial) || N == 0 {
            return matchers.map(|m| m.find_at_starts(text, starts, span).collect());
        }
        let mut out: [Vec<PhraseMatch>; N] = std::array::from_fn(|_| Vec::new());
        let mut rest = starts.within(Span::new(walks[0].pos, walks[0].end));
        while let [(first, hash), tail @ ..] = rest {
            rest = tail;
            if !has_bit(&union.0, *hash as usize) {
                continue;
            }
            let next = tail.first().map(|s| s.1);
            for (walk, found) in walks.iter_mut().zip(out.iter_mut()) {
                if let Some(m) = walk.try_start(*first, *hash, next) {
                    found.push(m);
                }
            }
        }
        out
    }

    /// Whether `word` (the whole string) is one of the phrases, and of which class.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        let pattern = match crate::text::pack_word(word.as_bytes(), true) {
            Some(key) => self.exact_words.get(key)? as usize,
            None => self.trie.exact(word)?,
        };
        self.pattern_class.get(pattern).copied()
    }
}

/// The first runs of several lexicons' phrases together (see [`PhraseMatcher::find_each`]).
#[derive(Debug, Clone)]
pub struct FirstRunUnion(Box<[u64; 1024]>);

/// Iterator over [`PhraseMatcher::find_in`]'s matches.
pub struct Matches<'t> {
    matcher: &'t PhraseMatcher,
    text: &'t str,
    pos: usize,
    end: usize,
    /// Whether the character before `pos` is a word character.
    prev_word: bool,
    /// The word starts left to visit, when the matcher skips between them.
    starts: Option<&'t [(u32, u16)]>,
}

/// Byte offsets in a text where a word begins, each with the [`run_hash`] of its run of
/// ASCII word bytes (empty for a word that begins with a non-ASCII letter). Words that begin
/// with an ASCII letter, digit or underscore are the only places a word-initial phrase can
/// match. Built once per document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordStarts(Vec<(u32, u16)>);

impl WordStarts {
    /// The word starts inside `span`, each with its first run's hash (see `run_hash`).
    pub fn within(&self, span: Span) -> &[(u32, u16)] {
        let from = self.0.partition_point(|&(p, _)| (p as usize) < span.start);
        let to = self.0.partition_point(|&(p, _)| (p as usize) < span.end).max(from);
        &self.0[from..to]
    }

    pub fn new(text: &str) -> Self {
        let mut c = WordStartCollector::new(text);
        c.scan(0, text.len());
        c.finish()
    }
}

/// Builds a [`WordStarts`] in text order from two sources: byte walks over stretches of
/// text ([`Self::scan`]) and the tokeniser's calls inside sentences (as a
/// [`WordStartSink`]), so a document's word index comes out of its tokenising pass. Both
/// give exactly the starts [`WordStarts::new`] finds; a test checks this on random text.
pub struct WordStartCollector<'t> {
    text: &'t str,
    out: Vec<(u32, u16)>,
}

impl<'t> WordStartCollector<'t> {
    pub fn new(text: &'t str) -> Self {
        Self { text, out: Vec::with_capacity(text.len() / 5) }
    }

    pub fn finish(self) -> WordStarts {
        WordStarts(self.out)
    }

    /// The hash of the run at `at`, a word character's first byte.
    #[inline]
    fn run_hash_at(bytes: &[u8], at: usize) -> (usize, u16) {
        // Most runs are under eight bytes: one load gives length and hash input.
        match crate::text::short_ascii_word(&bytes[at..]) {
            Some((len, folded)) => (len, hash_step(len as u64, folded)),
            None => {
                let len = crate::text::ascii_run_len(&bytes[at..], true);
                (len, hash_run(&bytes[at..at + len]))
            }
        }
    }

    /// Every word start in `text[from..to]` (character boundaries), by a walk over its bytes.
    pub fn scan(&mut self, from: usize, to: usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let to = to.min(bytes.len());
        let mut prev_word = is_word_byte_at(text, from, true);
        let mut i = from;
        while i < to {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_WORD[b as usize] {
                    // The whole run at once; a run inside a word ("Élysée") is no start.
                    let (len, hash) = Self::run_hash_at(bytes, i);
                    if !prev_word {
                        self.out.push((i as u32, hash));
                    }
                    prev_word = true;
                    i += len;
                    continue;
                }
                prev_word = false;
            } else if b & 0xC0 != 0x80 {
                let word = text.get(i..).and_then(|s| s.chars().next()).is_some_and(is_word_char);
                // A word that begins with a non-ASCII letter ("Élysée") is a start too, with
                // an empty first run: without it "the Élysée" would look like a phrase of
                // one word start, and every "the" of a text would be walked.
                if word && !prev_word {
                    self.out.push((i as u32, hash_run(&[])));
                }
                prev_word = word;
            }
            i += 1;
        }
    }
}

impl WordStartSink for &mut WordStartCollector<'_> {
    /// The tokeniser begins a word at `at` (or passes a `_`): a start unless the character
    /// before is a word character (a `_`, or the last letter before a sentence boundary).
    #[inline]
    fn word_at(&mut self, at: usize, ascii_len: usize) {
        let bytes = self.text.as_bytes();
        let Some(&b) = bytes.get(at) else { return };
        let prev_word = match at.checked_sub(1).map(|i| bytes[i]) {
            None => false,
            Some(p) if p < 0x80 => ASCII_WORD[p as usize],
            Some(_) => is_word_byte_at(self.text, at, true),
        };
        if prev_word {
            return;
        }
        let rest = &bytes[at..];
        let hash = match crate::text::short_known_run(rest, ascii_len) {
            Some(folded) => hash_step(ascii_len as u64, folded),
            // A long run the tokeniser measured to its end ("administration").
            None if ascii_len >= 8 && !rest.get(ascii_len).is_some_and(|&b| ASCII_WORD[b as usize]) => {
                hash_run(&rest[..ascii_len])
            }
            None if b < 0x80 => WordStartCollector::run_hash_at(bytes, at).1,
            None => hash_run(&[]),
        };
        self.out.push((at as u32, hash));
    }
}

impl Iterator for Matches<'_> {
    type Item = PhraseMatch;

    fn next(&mut self) -> Option<PhraseMatch> {
        let bytes = self.text.as_bytes();
        if let Some(starts) = self.starts {
            let mut rest = starts;
            while let [(first, hash), tail @ ..] = rest {
                rest = tail;
                if let Some(found) = self.try_start(*first, *hash, tail.first().map(|s| s.1)) {
                    self.starts = Some(rest);
                    return Some(found);
                }
            }
            self.starts = Some(rest);
            self.pos = self.end;
            return None;
        }
        let trie = &self.matcher.trie;
        // Locals, not fields, in the byte loop: it runs over every byte of the span.
        let (mut pos, mut prev_word) = (self.pos, self.prev_word);
        while pos < self.end {
            let b = bytes[pos];
            if b < 0x80 {
                let word = ASCII_WORD[b as usize];
                if !prev_word
                    && trie.may_start(bytes, pos, self.end)
                    && let Some(found) = self.match_at(pos)
                {
                    return Some(found);
                }
                prev_word = word;
                pos += 1;
                continue;
            }
            if b & 0xC0 == 0x80 {
                // Inside a multi-byte character: its lead byte already decided.
                pos += 1;
                continue;
            }
            if !prev_word
                && trie.may_start(bytes, pos, self.end)
                && let Some(found) = self.match_at(pos)
            {
                return Some(found);
            }
            prev_word = self.text.get(pos..).and_then(|s| s.chars().next()).is_some_and(is_word_char);
            pos += 1;
        }
        self.pos = pos;
        None
    }
}

impl Matches<'_> {
    /// The match beginning at word start `first` (with run hash `hash`; `next` is the next
    /// start's), if a phrase begins there and the start was not consumed by the last match.
    /// Inlined into the walks over word starts: most starts fail the bit tests here, and a
    /// call per start cost more than the tests.
    #[inline(always)]
    fn try_start(&mut self, first: u32, hash: u16, next: Option<u16>) -> Option<PhraseMatch> {
        let trie = &self.matcher.trie;
        if !has_bit(&trie.first_runs, hash as usize) {
            return None;
        }
        // A phrase of one word start, or of several whose first two runs are this one and
        // the next start's: the only places a walk can succeed.
        let single = has_bit(&trie.single_runs, hash as usize);
        let multi = next.is_some_and(|next| has_bit(&trie.start_pairs, pair_bit(hash, next)));
        if !single && !multi {
            return None;
        }
        let at = first as usize;
        // A start inside the previous match was consumed by it.
        if at < self.pos {
            return None;
        }
        self.match_start(at, multi || has_bit(&trie.run_plus, hash as usize))
    }

    /// The trie walk where a phrase may go past the run at `at` (`walk`), else the probe.
    #[inline(never)]
    fn match_start(&mut self, at: usize, walk: bool) -> Option<PhraseMatch> {
        if walk { self.match_at(at) } else { self.match_run(at) }
    }

    /// [`Self::match_at`] where only a phrase that is exactly the run of ASCII word bytes
    /// at `start` can match: a probe of the single-word table instead of a trie walk (the
    /// walk stalls on memory at every step). Runs of over 16 bytes take the walk.
    #[inline]
    fn match_run(&mut self, start: usize) -> Option<PhraseMatch> {
        let rest = self.text.as_bytes().get(start..).unwrap_or_default();
        let (len, key) = match crate::text::short_ascii_word(rest) {
            Some((len, folded)) => (len, [folded, 0]),
            None => {
                // Eight bytes or more ("President"), or the text's last bytes.
                let len = crate::text::ascii_run_len(rest, true);
                match crate::text::pack_word(&rest[..len], true) {
                    Some(key) => (len, key),
                    None => return self.match_at(start),
                }
            }
        };
        let end = start + len;
        if len == 0 || end > self.end {
            return self.match_at(start);
        }
        // The run ends at a byte that is no ASCII word byte; a letter outside ASCII ("saidé")
        // would put the end inside a word.
        if is_word_byte_at(self.text, end, false) {
            return None;
        }
        let pattern = self.matcher.exact_words.get(key)? as usize;
        self.pos = end;
        self.prev_word = is_word_byte_at(self.text, end, true);
        Some(PhraseMatch { span: Span::new(start, end), pattern, class: self.matcher.pattern_class[pattern] })
    }

    /// The longest phrase at `start`, consuming it.
    #[inline]
    fn match_at(&mut self, start: usize) -> Option<PhraseMatch> {
        let (end, pattern) = self.matcher.trie.longest_at(self.text, start, self.end)?;
        self.pos = end;
        self.prev_word = is_word_byte_at(self.text, end, true);
        Some(PhraseMatch { span: Span::new(start, end), pattern, class: self.matcher.pattern_class[pattern] })
    }
}

/// ASCII bytes that are word characters (letters, digits, underscore): `is_ascii_word`
/// over all 256 bytes.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_longest_first_any_apostrophe() {
        let m = PhraseMatcher::new([("speech", vec!["said", "said in a statement", "didn't say"])]);
        let text = "She said in a statement she didn’t say it; Saidi left.";
        let got: Vec<&str> = m.find_in(text, Span::new(0, text.len())).map(|x| x.span.text(text)).collect();
        assert_eq!(got, vec!["said in a statement", "didn’t say"]);
        assert_eq!(m.lookup("SAID"), Some(0));
        assert_eq!(m.lookup("sai"), None);
    }

    fn all(m: &PhraseMatcher, text: &str) -> Vec<String> {
        m.find_in(text, Span::new(0, text.len())).map(|x| x.span.text(text).to_string()).collect()
    }

    #[test]
    fn never_matches_inside_a_word_and_keeps_the_longest_whole_phrase() {
        let m = PhraseMatcher::new([("x", vec!["us", "he", "said", "said in"])]);
        assert_eq!(all(&m, "He must use the bus, US said inside."), vec!["He", "US", "said"]);
        assert_eq!(all(&m, "said in"), vec!["said in"]);
        // Non-ASCII letters are word characters on both sides.
        assert!(all(&m, "éus usé").is_empty());
        assert_eq!(all(&m, "«us»"), vec!["us"]);
    }

    #[test]
    fn spans_inside_characters_or_past_the_end_do_not_panic() {
        let m = PhraseMatcher::new([("x", vec!["é", "us"])]);
        let text = "é us";
        for start in 0..=text.len() + 1 {
            for end in start..=text.len() + 2 {
                let _ = m.find_in(text, Span::new(start, end)).count();
            }
        }
        assert_eq!(m.find_in(text, Span::new(1, 99)).map(|x| x.span).collect::<Vec<_>>(), vec![Span::new(3, 5)]);
    }

    /// A text of fewer than `max_len` characters from `alphabet`, advancing the LCG `seed`.
    fn random_text(seed: &mut u64, alphabet: &[char], max_len: u64) -> String {
        let mut next = || {
            *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            *seed
        };
        let len = next() % max_len;
        (0..len).map(|_| alphabet[(next() >> 33) as usize % alphabet.len()]).collect()
    }

    /// The trie walk against the definition: at each word start (left to right, after the
    /// previous match), the longest phrase that is followed by a non-word character.
    #[test]
    fn agrees_with_a_brute_force_reference() {
        let phrases = ["a", "ab", "a b", "b'a", "ba", "b.", "c"];
        let m = PhraseMatcher::new([("x", phrases.to_vec())]);
        let alphabet = ['a', 'b', 'c', ' ', '.', '\'', 'A', 'é'];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let text = random_text(&mut seed, &alphabet, 9);
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let mut expected = Vec::new();
            let mut i = 0;
            while i < text.len() {
                if !text.is_char_boundary(i) || word(text[..i].chars().next_back()) {
                    i += 1;
                    continue;
                }
                let best = phrases
                    .iter()
                    .filter(|p| {
                        text.get(i..i + p.len()).is_some_and(|t| t.eq_ignore_ascii_case(p))
                            && !word(text[i + p.len()..].chars().next())
                    })
                    .map(|p| p.len())
                    .max();
                match best {
                    Some(len) => {
                        expected.push(text[i..i + len].to_string());
                        i += len;
                    }
                    None => i += 1,
                }
            }
            assert_eq!(all(&m, &text), expected, "text {text:?}");
        }
    }

    /// `lookup` answers from the packed table for words of up to 16 bytes and from the
    /// trie for longer ones: both must give the trie's answer, in any case and with
    /// either apostrophe.
    #[test]
    fn lookup_agrees_with_the_trie_for_short_and_long_words() {
        let long = "abcdefghijklmnopq";
        let m = PhraseMatcher::new([("one", vec!["a", "Ab", "b'a", "a b"]), ("two", vec!["ab", "ba", long])]);
        let alphabet = ['a', 'b', 'B', ' ', '\'', '’', 'é'];
        let mut seed = 3u64;
        for _ in 0..3000 {
            let word = random_text(&mut seed, &alphabet, 5);
            let want = m.trie.exact(&word).map(|p| m.pattern_class[p]);
            assert_eq!(m.lookup(&word), want, "word {word:?}");
        }
        assert_eq!(m.lookup("AB"), Some(0));
        assert_eq!(m.lookup("B’A"), Some(0));
        assert_eq!(m.lookup(&long.to_uppercase()), Some(1));
        assert_eq!(m.lookup("abcdefghijklmnopqr"), None);
    }

    /// A word that begins with a non-ASCII letter is a word start, so a phrase ending in one
    /// ("the Élysée") keeps two starts and is walked only where "the" precedes such a word.
    #[test]
    fn words_beginning_with_a_non_ascii_letter_are_word_starts() {
        let text = "the Élysée, the café and São Paulo";
        let starts: Vec<u32> = WordStarts::new(text).0.iter().map(|&(p, _)| p).collect();
        let words: Vec<&str> = starts.iter().map(|&p| text[p as usize..].split([' ', ',']).next().unwrap()).collect();
        assert_eq!(words, vec!["the", "Élysée", "the", "café", "and", "São", "Paulo"]);
        let m = PhraseMatcher::new([("fr", vec!["the Élysée", "São Paulo"])]);
        let all = Span::new(0, text.len());
        let got: Vec<&str> = m.find_at_starts(text, &WordStarts::new(text), all).map(|x| x.span.text(text)).collect();
        assert_eq!(got, vec!["the Élysée", "São Paulo"]);
        assert!(!has_bit(&m.trie.single_runs, run_hash(b"the") as usize));
    }

    #[test]
    fn multiword_phrases_are_walked_only_where_their_second_word_follows() {
        let m = PhraseMatcher::new([("x", vec!["the White House", "U.S.", "said in a statement", "said"])]);
        let text = "The president said in the White House that the U.S. said in a statement, the U.S.-led said inside.";
        let starts = WordStarts::new(text);
        let fast: Vec<&str> =
            m.find_at_starts(text, &starts, Span::new(0, text.len())).map(|x| x.span.text(text)).collect();
        assert_eq!(fast, vec!["said", "the White House", "U.S.", "said in a statement", "U.S.", "said"]);
        assert_eq!(fast, all(&m, text));
    }

    #[test]
    fn one_walk_for_several_lexicons_finds_what_each_finds_alone() {
        let a = PhraseMatcher::new([("x", vec!["a", "ab", "a b", "b.", "abcdabcd"])]);
        let b = PhraseMatcher::new([("y", vec!["b", "ba", "b a", "c_d", "abé"])]);
        let c = PhraseMatcher::new([("z", vec!["d", "a b c", "ab"])]);
        let punct_initial = PhraseMatcher::new([("w", vec!["a", "'a"])]);
        let union = PhraseMatcher::first_run_union(&[&a, &b, &c]);
        let mixed = PhraseMatcher::first_run_union(&[&a, &punct_initial]);
        let alphabet = ['a', 'b', 'c', 'd', '_', ' ', '.', '\'', 'A', 'é'];
        let mut seed = 5u64;
        for round in 0..3000 {
            let text = random_text(&mut seed, &alphabet, if round % 2 == 0 { 13 } else { 40 });
            let starts = WordStarts::new(&text);
            let mut from = ((seed >> 40) as usize % 3).min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let span = Span::new(from, text.len());
            let alone = |m: &PhraseMatcher| m.find_at_starts(&text, &starts, span).collect::<Vec<_>>();
            let [x, y, z] = PhraseMatcher::find_each([&a, &b, &c], &union, &text, &starts, span);
            assert_eq!([x, y, z], [alone(&a), alone(&b), alone(&c)], "text {text:?}");
            let [x, w] = PhraseMatcher::find_each([&a, &punct_initial], &mixed, &text, &starts, span);
            assert_eq!([x, w], [alone(&a), alone(&punct_initial)], "text {text:?}");
        }
    }

    #[test]
    fn skipping_between_word_starts_finds_the_same_matches_in_any_span() {
        // Whole-run phrases ("ab", "dab", "abcdabcd") are answered by a table probe, the others
        // by a walk: "abé" and "b." go on past their run, the last is over 16 bytes long.
        let word_initial = PhraseMatcher::new([(
            "x",
            vec![
                "a",
                "ab",
                "a b",
                "b'a",
                "ba",
                "b.",
                "c_d",
                "1 a",
                "abé",
                "dab",
                "abcdabcd",
                "Dc",
                "abcdabcdabcdabcda",
            ],
        )]);
        let punct_initial = PhraseMatcher::new([("x", vec!["a", "'a", "-b"])]);
        let alphabet = ['a', 'b', 'c', 'd', '_', '1', ' ', '.', '\'', '-', 'A', 'é', '’'];
        let mut seed = 11u64;
        for round in 0..6000 {
            // Short texts end inside the eight bytes a run is read with; long ones do not.
            let text = random_text(&mut seed, &alphabet, if round % 2 == 0 { 13 } else { 40 });
            let starts = WordStarts::new(&text);
            let a = (seed >> 40) as usize % (text.len() + 1);
            let b = (seed >> 20) as usize % (text.len() + 2);
            // Spans from the analyses start on character boundaries.
            let (mut a, b) = (a.min(b), a.max(b));
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let span = Span::new(a, b);
            for m in [&word_initial, &punct_initial] {
                let slow: Vec<PhraseMatch> = m.find_in(&text, span).collect();
                let fast: Vec<PhraseMatch> = m.find_at_starts(&text, &starts, span).collect();
                assert_eq!(fast, slow, "text {text:?} span {span:?}");
            }
        }
    }
}
