//! Sentence boundaries that survive news abbreviations.
//!
//! A single forward scan instead of UAX #29 plus a merge pass: UAX #29 splits after
//! "Mr." and "U.S." and then needs a second pass to glue them back, while news text
//! needs only three decisions at a full stop (is the word before an abbreviation, does
//! a closing quote follow, what does the next word look like), which one scan makes
//! without allocating.

use super::span::Span;

/// Titles and other abbreviations that never end a sentence when a name follows.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "cpl",
    "pvt", "st", "prof", "rev", "hon", "pres", "supt", "det", "insp", "no", "nos", "vs", "v", "messrs", "mt", "ft",
    "atty", "gens", "sens", "reps", "fr", "sr", "jr",
];

/// Month abbreviations (AP style and common ones): no boundary before a day number.
const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Abbreviations that end in a full stop but may also end a sentence ("in the U.S.").
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "inc", "corp", "co", "ltd", "llc", "d.c", "etc", "jr", "sr", "bros",
    "n.y", "l.a", "u.s.a", "ph.d",
];

/// Words that start a new sentence after an ambiguous abbreviation ("... in the U.S. The").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "if",
    "when",
    "while",
    "as",
    "at",
    "for",
    "after",
    "before",
    "since",
    "some",
    "many",
    "most",
    "officials",
    "however",
    "meanwhile",
    "still",
    "yet",
    "so",
    "then",
    "now",
    "last",
    "earlier",
    "later",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹')
}

/// The word (letters and inner dots) that ends right before byte `dot` in `text`.
fn word_before(text: &str, dot: usize) -> &str {
    let bytes = text.as_bytes();
    let mut i = dot;
    while i > 0 {
        let b = bytes[i - 1];
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
            i -= 1;
        } else {
            break;
        }
    }
    text[i..dot].trim_start_matches('.')
}

/// Which of the lists above (a flag bit of [`LISTS`]).
#[derive(Clone, Copy)]
enum List {
    Titles = 1,
    Months = 2,
    FinalAbbreviations = 4,
    Starters = 8,
}

/// The lists above as one table of flag bits per word: a full stop is read at nearly every
/// sentence end, and linear scans of the lists cost more there than the jump to it.
static LISTS: std::sync::LazyLock<super::PackedMap<u8>> = std::sync::LazyLock::new(|| {
    let mut flags: std::collections::BTreeMap<[u64; 2], u8> = std::collections::BTreeMap::new();
    let lists = [
        (TITLES, List::Titles),
        (MONTHS, List::Months),
        (SENTENCE_FINAL_ABBREVIATIONS, List::FinalAbbreviations),
        (SENTENCE_STARTERS, List::Starters),
    ];
    for (words, list) in lists {
        for w in words {
            if let Some(key) = super::pack_word(w.as_bytes(), true) {
                *flags.entry(key).or_default() |= list as u8;
            }
        }
    }
    super::PackedMap::new(flags.into_iter().collect())
});

/// Whether `word` is in `list`, ignoring ASCII case (every list word is under 17 bytes).
fn in_list(word: &str, list: List) -> bool {
    super::pack_word(word.as_bytes(), true).and_then(|key| LISTS.get(key)).is_some_and(|f| f & list as u8 != 0)
}

/// Whether the full stop at byte `dot` ends a sentence, given the next word.
fn full_stop_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let word = word_before(text, dot);
    let next_first = next.chars().next().unwrap_or(' ');
    if word.is_empty() {
        return true;
    }
    if in_list(word, List::Titles) {
        // "No. 1", "Mr. Smith", "St. Louis": never a boundary before a name or number.
        return !(next_first.is_uppercase() || next_first.is_ascii_digit());
    }
    if in_list(word, List::Months) {
        return !next_first.is_ascii_digit();
    }
    // A single capital initial: "John F. Kennedy".
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    if in_list(word, List::FinalAbbreviations) || word.contains('.') {
        let len = next.char_indices().find(|&(_, c)| !c.is_alphabetic()).map_or(next.len(), |(i, _)| i);
        return in_list(&next[..len], List::Starters);
    }
    true
}

/// Split the paragraph `para` of `text` into sentence spans.
///
/// Spans are trimmed, in order, never overlap, and together cover every
/// non-whitespace byte of the paragraph.
pub fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let body = &text[para.start..para.end];
    let bytes = body.as_bytes();
    // Where the current sentence's text may begin (its first non-space is the start).
    let mut seg = 0;
    let mut pos = 0;
    // Jump between terminal punctuation: . ! ? and the last byte of … (E2 80 A6). Not its
    // lead byte: E2 also leads the curly quotes and apostrophes of news text, which would
    // stop the jump at almost every quotation and possessive.
    while let Some(off) = super::find_any_of4(&bytes[pos..], [b'.', b'!', b'?', 0xA6]) {
        let mut i = pos + off;
        if bytes[i] == 0xA6 {
            if i < 2 || bytes[i - 2..i] != [0xE2, 0x80] {
                pos = i + 1;
                continue;
            }
            i -= 2;
        }
        let Some(c) = body[i..].chars().next() else { break };
        pos = i + c.len_utf8();
        // Consume further terminal punctuation and closing quotes / brackets.
        for d in body[pos..].chars() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                pos += d.len_utf8();
            } else {
                break;
            }
        }
        let end = pos;
        // A boundary needs whitespace after it, then a capital, digit or opening mark.
        let rest = &body[end..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() || trimmed.is_empty() {
            continue;
        }
        let next_char = trimmed.chars().next().unwrap_or(' ');
        let next_word = trimmed.trim_start_matches(is_opener);
        let starts_sentence = next_char.is_uppercase() || next_char.is_ascii_digit() || is_opener(next_char);
        if !starts_sentence {
            continue;
        }
        if c == '.' && !full_stop_ends_sentence(body, i, next_word) {
            continue;
        }
        let lead = body[seg..].len() - body[seg..].trim_start().len();
        out.push(Span::new(para.start + seg + lead, para.start + end));
        seg = end;
    }
    let span = Span::new(para.start + seg, para.end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn titles_and_months_do_not_split() {
        assert_eq!(
            split("Gov. Jane Doe spoke on Jan. 5 at 10 a.m. in St. Louis. Sen. Bob Roe left."),
            vec!["Gov. Jane Doe spoke on Jan. 5 at 10 a.m. in St. Louis.", "Sen. Bob Roe left."]
        );
    }

    #[test]
    fn initialism_splits_only_before_a_sentence_starter() {
        assert_eq!(
            split("He lives in the U.S. The trip was long. The U.S. Senate voted."),
            vec!["He lives in the U.S.", "The trip was long.", "The U.S. Senate voted."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("“I hope so,” he said. “We will see.” She left!"),
            vec!["“I hope so,” he said.", "“We will see.”", "She left!"]
        );
    }

    #[test]
    fn every_list_word_is_in_the_table_in_any_case() {
        for (words, list) in [
            (TITLES, List::Titles),
            (MONTHS, List::Months),
            (SENTENCE_FINAL_ABBREVIATIONS, List::FinalAbbreviations),
            (SENTENCE_STARTERS, List::Starters),
        ] {
            for w in words {
                assert!(in_list(w, list) && in_list(&w.to_ascii_uppercase(), list), "{w}");
            }
        }
        assert!(!in_list("mister", List::Titles) && !in_list("jan", List::Titles) && !in_list("", List::Months));
    }

    #[test]
    fn an_ellipsis_ends_a_sentence_and_other_multibyte_characters_do_not() {
        assert_eq!(
            split("He paused… Then he spoke. “Æsir’s café” æ Ħ ok… fine. Done"),
            vec!["He paused…", "Then he spoke.", "“Æsir’s café” æ Ħ ok… fine.", "Done"]
        );
    }

    #[test]
    fn no_split_inside_numbers_or_lowercase_continuations() {
        assert_eq!(
            split("It rose 2.5 percent. ok. Then No. 3 won."),
            vec!["It rose 2.5 percent. ok.", "Then No. 3 won."]
        );
    }
}
