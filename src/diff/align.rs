//! Sentence alignment between two versions of an article.
//!
//! 1. Identical sentences (same normalised text) are anchored with a Patience diff over
//!    sentence keys: unique sentences that keep their order pin the alignment.
//! 2. Sentences that left one place and reappear unchanged elsewhere are moves.
//! 3. Between anchors, the remaining sentences are paired by word overlap above a
//!    threshold (edits), and a pair grows into a neighbouring sentence that the other
//!    side's sentence also covers (splits and merges, one-to-many).
//! 4. Leftovers anywhere are paired once more by overlap: moved and edited.
//!
//! Every step is bounded: the Patience diff has a deadline, the overlap search compares
//! at most a band of sentences around the diagonal.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::document::Document;
use crate::report::normalise;
use crate::text::Span;
use crate::text::token::{TokenKind, tokens};

/// Two sentence runs that correspond: one-to-one, or one-to-many for splits and merges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Sentence indices in the old version.
    pub old: Range<usize>,
    /// Sentence indices in the new version.
    pub new: Range<usize>,
    /// The normalised text is the same on both sides.
    pub exact: bool,
    /// The pair is out of the order kept by the rest of the article.
    pub moved: bool,
}

/// How the sentences of two versions correspond.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Ordered by new position.
    pub pairs: Vec<Pair>,
    /// Old sentences with no counterpart (removed).
    pub deleted: Vec<usize>,
    /// New sentences with no counterpart (added).
    pub inserted: Vec<usize>,
}

/// Sorted, deduplicated hashes of a sentence's lower-cased words: the unit of overlap.
pub fn word_bag(text: &str, span: Span) -> Vec<u64> {
    let mut bag: Vec<u64> =
        tokens(text, span).filter(|t| t.kind != TokenKind::Punct).map(|t| word_hash(t.span.text(text))).collect();
    bag.sort_unstable();
    bag.dedup();
    bag
}

/// FNV-1a over the case-folded word, curly apostrophes read as straight ones.
pub fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars() {
        let c = match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        };
        for lc in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in lc.encode_utf8(&mut buf).as_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }
    h
}

fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two word bags.
pub fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f32 / (a.len() + b.len()) as f32
}

/// Share of `part`'s words found in `whole`.
fn containment(part: &[u64], whole: &[u64]) -> f32 {
    if part.is_empty() {
        return 0.0;
    }
    common(part, whole) as f32 / part.len() as f32
}

fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut v: Vec<u64> = a.iter().chain(b).copied().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Lowest word overlap for two sentences to count as one edited sentence.
pub const EDIT_THRESHOLD: f32 = 0.5;
/// Stricter overlap for an edited sentence found far from its old place.
const MOVE_THRESHOLD: f32 = 0.6;
/// Share of a fragment's words that its partner must hold for a split or merge.
const SPLIT_CONTAINMENT: f32 = 0.7;
/// Sentences compared on each side of the diagonal in one gap (bounds adversarial input).
const BAND: usize = 64;

struct Side<'a> {
    keys: Vec<String>,
    bags: Vec<Vec<u64>>,
    doc: &'a Document,
}

impl<'a> Side<'a> {
    fn new(doc: &'a Document) -> Self {
        let keys = doc.sentences.iter().map(|s| normalise(doc.slice(s.span))).collect();
        let bags = doc.sentences.iter().map(|s| word_bag(&doc.text, s.span)).collect();
        Self { keys, bags, doc }
    }
}

/// Align the sentences of `old` and `new`. `deadline` bounds the sentence diff.
pub fn align(old: &Document, new: &Document, deadline: Option<Instant>) -> Alignment {
    let a = Side::new(old);
    let b = Side::new(new);
    let _ = (a.doc, b.doc);
    let mut old_to: Vec<Option<usize>> = vec![None; a.keys.len()];
    let mut new_to: Vec<Option<usize>> = vec![None; b.keys.len()];
    let mut pairs: Vec<Pair> = Vec::new();

    // 1. Anchors: identical sentences in order.
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &a.keys, &b.keys, deadline);
    let mut gaps: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    old_to[old_index + k] = Some(pairs.len());
                    new_to[new_index + k] = Some(pairs.len());
                    pairs.push(Pair {
                        old: old_index + k..old_index + k + 1,
                        new: new_index + k..new_index + k + 1,
                        exact: true,
                        moved: false,
                    });
                }
            }
            _ => {
                let (_, o, n) = op.as_tag_tuple();
                gaps.push((o, n));
            }
        }
    }

    // 2. Unchanged sentences that changed place.
    let mut unmatched_new: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, k) in b.keys.iter().enumerate() {
        if new_to[j].is_none() && !k.is_empty() {
            unmatched_new.entry(k.as_str()).or_default().push(j);
        }
    }
    #[allow(clippy::needless_range_loop)]
    for i in 0..a.keys.len() {
        if old_to[i].is_some() {
            continue;
        }
        if let Some(list) = unmatched_new.get_mut(a.keys[i].as_str())
            && !list.is_empty()
        {
            let j = list.remove(0);
            old_to[i] = Some(pairs.len());
            new_to[j] = Some(pairs.len());
            pairs.push(Pair { old: i..i + 1, new: j..j + 1, exact: true, moved: true });
        }
    }

    // 3. Edits inside each gap, in place.
    for (o, n) in &gaps {
        let olds: Vec<usize> = o.clone().filter(|&i| old_to[i].is_none()).collect();
        let news: Vec<usize> = n.clone().filter(|&j| new_to[j].is_none()).collect();
        pair_by_overlap(&a, &b, &olds, &news, EDIT_THRESHOLD, false, &mut pairs, &mut old_to, &mut new_to);
    }

    // 4. Edited sentences that also moved.
    let olds: Vec<usize> = (0..a.keys.len()).filter(|&i| old_to[i].is_none()).collect();
    let news: Vec<usize> = (0..b.keys.len()).filter(|&j| new_to[j].is_none()).collect();
    pair_by_overlap(&a, &b, &olds, &news, MOVE_THRESHOLD, true, &mut pairs, &mut old_to, &mut new_to);

    pairs.sort_by_key(|p| (p.new.start, p.old.start));
    mark_moves(&mut pairs);
    Alignment {
        pairs,
        deleted: (0..a.keys.len()).filter(|&i| old_to[i].is_none()).collect(),
        inserted: (0..b.keys.len()).filter(|&j| new_to[j].is_none()).collect(),
    }
}

/// Greedy pairing by word overlap (best pairs first), then growth into splits and merges.
#[allow(clippy::too_many_arguments)]
fn pair_by_overlap(
    a: &Side<'_>,
    b: &Side<'_>,
    olds: &[usize],
    news: &[usize],
    threshold: f32,
    moved: bool,
    pairs: &mut Vec<Pair>,
    old_to: &mut [Option<usize>],
    new_to: &mut [Option<usize>],
) {
    if olds.is_empty() || news.is_empty() {
        return;
    }
    let mut cands: Vec<(f32, usize, usize)> = Vec::new();
    for (x, &i) in olds.iter().enumerate() {
        // Compare against a band around the proportional position.
        let centre = x * news.len() / olds.len();
        let lo = centre.saturating_sub(BAND);
        let hi = (centre + BAND + 1).min(news.len());
        for &j in &news[lo..hi] {
            let s = dice(&a.bags[i], &b.bags[j]);
            if s >= threshold {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let first_new_pair = pairs.len();
    for (_, i, j) in cands {
        if old_to[i].is_some() || new_to[j].is_some() {
            continue;
        }
        old_to[i] = Some(pairs.len());
        new_to[j] = Some(pairs.len());
        pairs.push(Pair { old: i..i + 1, new: j..j + 1, exact: false, moved });
    }
    // Splits (one old, several new) and merges (several old, one new): a neighbour that
    // is still alone joins the pair when the other side holds most of its words and the
    // pair's overlap improves.
    #[allow(clippy::needless_range_loop)]
    for p in first_new_pair..pairs.len() {
        for _ in 0..4 {
            let grown = grow(a, b, &pairs[p], old_to, new_to);
            let Some(next) = grown else { break };
            let idx = Some(p);
            for i in next.old.clone() {
                old_to[i] = idx;
            }
            for j in next.new.clone() {
                new_to[j] = idx;
            }
            pairs[p] = next;
        }
    }
}

fn bag_of(side: &Side<'_>, r: &Range<usize>) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::new();
    for i in r.clone() {
        v = merged(&v, &side.bags[i]);
    }
    v
}

fn grow(a: &Side<'_>, b: &Side<'_>, p: &Pair, old_to: &[Option<usize>], new_to: &[Option<usize>]) -> Option<Pair> {
    // Fragments only join within the same paragraph as the pair's edge.
    let same_para =
        |side: &Side<'_>, x: usize, y: usize| side.doc.sentences[x].paragraph == side.doc.sentences[y].paragraph;
    let ob = bag_of(a, &p.old);
    let nb = bag_of(b, &p.new);
    let base = dice(&ob, &nb);
    let mut best: Option<(f32, Pair)> = None;
    let mut consider = |cand: Pair, frag: &[u64], whole: &[u64], after: f32| {
        if containment(frag, whole) >= SPLIT_CONTAINMENT
            && after > base
            && best.as_ref().is_none_or(|(s, _)| after > *s)
        {
            best = Some((after, cand));
        }
    };
    if p.new.end < b.bags.len() && new_to[p.new.end].is_none() && same_para(b, p.new.end - 1, p.new.end) {
        let j = p.new.end;
        let after = dice(&ob, &merged(&nb, &b.bags[j]));
        consider(Pair { new: p.new.start..j + 1, ..p.clone() }, &b.bags[j], &ob, after);
    }
    if p.new.start > 0 && new_to[p.new.start - 1].is_none() && same_para(b, p.new.start - 1, p.new.start) {
        let j = p.new.start - 1;
        let after = dice(&ob, &merged(&nb, &b.bags[j]));
        consider(Pair { new: j..p.new.end, ..p.clone() }, &b.bags[j], &ob, after);
    }
    if p.old.end < a.bags.len() && old_to[p.old.end].is_none() && same_para(a, p.old.end - 1, p.old.end) {
        let i = p.old.end;
        let after = dice(&merged(&ob, &a.bags[i]), &nb);
        consider(Pair { old: p.old.start..i + 1, ..p.clone() }, &a.bags[i], &nb, after);
    }
    if p.old.start > 0 && old_to[p.old.start - 1].is_none() && same_para(a, p.old.start - 1, p.old.start) {
        let i = p.old.start - 1;
        let after = dice(&merged(&ob, &a.bags[i]), &nb);
        consider(Pair { old: i..p.old.end, ..p.clone() }, &a.bags[i], &nb, after);
    }
    best.map(|(_, mut pair)| {
        pair.exact = false;
        pair
    })
}

/// With pairs in new order, the old positions that keep their order are the longest
/// increasing run; every other pair moved.
fn mark_moves(pairs: &mut [Pair]) {
    let olds: Vec<usize> = pairs.iter().map(|p| p.old.start).collect();
    let keep = longest_increasing(&olds);
    for (k, p) in pairs.iter_mut().enumerate() {
        p.moved = !keep[k];
    }
}

/// Marks the members of one longest strictly increasing subsequence (O(n log n)).
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let pos = tails.partition_point(|&t| xs[t] < x);
        if pos > 0 {
            prev[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{InputOptions, parse_bytes};

    fn doc(s: &str) -> Document {
        parse_bytes("a.txt", s.as_bytes().to_vec(), &InputOptions::default()).unwrap()
    }

    #[test]
    fn identical_sentences_anchor_and_edits_pair() {
        let old = doc("One fine day the army moved. Troops numbered 100,000 men in all.\n\nThe end came soon.");
        let new = doc("One fine day the army moved. Troops numbered 130,000 men in all.\n\nThe end came soon.");
        let al = align(&old, &new, None);
        assert_eq!(al.pairs.len(), 3);
        assert!(al.pairs[0].exact && !al.pairs[1].exact && al.pairs[2].exact);
        assert!(al.deleted.is_empty() && al.inserted.is_empty());
        assert!(al.pairs.iter().all(|p| !p.moved));
    }

    #[test]
    fn moved_sentence_is_marked() {
        let old = doc("Alpha beta gamma delta.\n\nEpsilon zeta eta theta.\n\nIota kappa lambda mu.");
        let new = doc("Iota kappa lambda mu.\n\nAlpha beta gamma delta.\n\nEpsilon zeta eta theta.");
        let al = align(&old, &new, None);
        let moved: Vec<_> = al.pairs.iter().filter(|p| p.moved).collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].old, 2..3);
    }

    #[test]
    fn split_sentence_pairs_one_to_many() {
        let old = doc("The minister resigned on Monday after weeks of pressure over the contract scandal.");
        let new = doc("The minister resigned on Monday. It followed weeks of pressure over the contract scandal.");
        let al = align(&old, &new, None);
        assert_eq!(al.pairs.len(), 1, "{al:?}");
        assert_eq!(al.pairs[0].new, 0..2);
        assert!(al.inserted.is_empty());
    }

    #[test]
    fn unrelated_sentences_are_deleted_and_inserted() {
        let old = doc("Cats sleep all day long.");
        let new = doc("Parliament passed the budget bill.");
        let al = align(&old, &new, None);
        assert!(al.pairs.is_empty());
        assert_eq!((al.deleted.len(), al.inserted.len()), (1, 1));
    }

    #[test]
    fn lis_keeps_longest_run() {
        assert_eq!(longest_increasing(&[0, 3, 1, 2]), vec![true, false, true, true]);
    }
}
