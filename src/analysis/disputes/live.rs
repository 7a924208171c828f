//! Charges that need no answer here: opinion pieces, background, settled, past sanctions,
//! charges not made (planned, expected, imagined) and charges made in reply.

use super::*;

/// Whether the piece argues its author's view: a letters or opinion heading in the first
/// paragraphs, "letter to the editor", a closing author line ("Jane Roe is a lecturer in
/// political science at Yale."), or the author's first person outside quotations (ten or more
/// I / me / my; a reporter's notebook with a few "I found myself" stays news). Its charges are
/// the author's argument, not reported accusations.
pub(super) fn opinion_piece(doc: &Document) -> bool {
    let text = &doc.text;
    let heading = doc.paragraphs.iter().take(4).any(|p| {
        let t = p.text(text).trim().trim_end_matches(['.', ':']);
        t.len() <= 40
            && matches!(
                &*t.to_ascii_lowercase(),
                "letters" | "letters to the editor" | "opinion" | "op-ed" | "commentary" | "editorial" | "your say"
            )
    });
    if heading {
        return true;
    }
    // "letter to the editor" anywhere (a byte search; "Letter"/"letter" share the rest).
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"etter to the editor").is_some()
        || memchr::memmem::find(bytes, b"ETTER TO THE EDITOR").is_some()
    {
        return true;
    }
    if let Some(last) = doc.paragraphs.iter().rev().find(|p| !p.text(text).trim().is_empty())
        && author_line(text, *last)
    {
        return true;
    }
    // First person: a byte scan for words starting with I / m / M (no tokenising).
    let mut first_person = 0;
    for pos in memchr::memchr3_iter(b'I', b'm', b'M', bytes) {
        // A word start: after a space, punctuation or a dash, not inside a word ("Tim").
        let inside = match pos.checked_sub(1).map(|p| bytes[p]) {
            None => false,
            Some(b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'\'',
            Some(_) => text[..pos].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '’'),
        };
        if inside {
            continue;
        }
        let end = bytes[pos..].iter().take(8).position(|&b| !b.is_ascii_alphabetic()).map_or(bytes.len(), |i| pos + i);
        let fp = match &bytes[pos..end] {
            b"I" => true,
            b"me" | b"my" | b"My" | b"myself" => bytes.get(end).is_none_or(|&b| b != b'\'' && b < 0x80),
            _ => false,
        };
        if fp && !crate::rules::matcher::in_quote(doc, Span::new(pos, end)) {
            first_person += 1;
            if first_person >= 10 {
                return true;
            }
        }
    }
    false
}

/// A closing author line: one short sentence without quotation or speech, "Name[, ...,] is|was
/// ..." ("Norman Solomon, a Bernie Sanders delegate from California, is coordinator of ...").
pub(super) fn author_line(text: &str, para: Span) -> bool {
    let t = para.text(text).trim();
    if t.len() > 300 || t.contains(['"', '“', '”']) || t.contains("''") || !t.ends_with('.') {
        return false;
    }
    let toks: Vec<Token> = tokens(text, para).filter(|t| t.kind == TokenKind::Word).take(60).collect();
    let mut i = 0;
    // A title and the name: capitalised words ("Rep. Raul Grijalva", "John Stoehr").
    while i < toks.len() && is_capitalised(toks[i].span.text(text)) {
        i += 1;
    }
    if !(2..=5).contains(&i) {
        return false;
    }
    let name_end = toks[i - 1].span.end;
    let rest = &text[name_end..para.end];
    let rest = rest.trim_start_matches('.');
    // After the name: " is ..." or ", <appositive>, is ..." (the appositive without speech).
    let predicate = if let Some(r) = rest.strip_prefix(", ") {
        let Some(c) = r.find(", ") else { return false };
        let (appos, after) = (&r[..c], &r[c + 2..]);
        if appos.contains(" said") || appos.contains(" told") {
            return false;
        }
        after
    } else {
        rest.trim_start_matches(' ')
    };
    let is = predicate.starts_with("is ") || predicate.starts_with("was ") || predicate.starts_with("writes ");
    // One sentence only: a period inside follows an abbreviation ("Rep.", "D-Ariz.").
    let one_sentence = t[..t.len() - 1].match_indices(". ").all(|(i, _)| {
        let word = t[..i].rsplit(' ').next().unwrap_or("");
        word.len() <= 6 && is_capitalised(word)
    });
    is && one_sentence
}

/// The year the article is written in: the dateline's, else the latest year it names.
pub(super) fn current_year(doc: &Document) -> Option<i32> {
    if let Some(d) = doc.meta.dateline {
        return Some(i32::from(d.year()));
    }
    // A byte scan for four digits starting with 1 or 2, between non-digits.
    let bytes = doc.text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes)
        .filter(|&i| i == 0 || !bytes[i - 1].is_ascii_digit())
        .filter_map(|i| {
            let digits = bytes.get(i..i + 4)?;
            let after = bytes.get(i + 4).copied().unwrap_or(b' ');
            (digits.iter().all(u8::is_ascii_digit) && !after.is_ascii_digit())
                .then(|| year_of(std::str::from_utf8(digits).ok()?))
                .flatten()
        })
        .max()
}

/// A four-digit year 1900-2099 ("2008"), or a decade ("1980s") as its first year.
pub(super) fn year_of(word: &str) -> Option<i32> {
    let digits = word.strip_suffix('s').unwrap_or(word);
    let digits = digits.strip_suffix('’').or_else(|| digits.strip_suffix('\'')).unwrap_or(digits);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1900..2100).contains(&y).then_some(y)
}

/// A charge told as background: the sentence opens with an earlier year ("And in 2008, Hillary
/// Clinton slammed Barack Obama"; "During the 2012 election, Mitt Romney ... accused Obama";
/// "In the 1980s, the KGB planted articles alleging ..."), the year stands right before the
/// cue ("Romney in 2012 attacked"), or the lead names an earlier time ("at the time", "back
/// then", "years ago", "last cycle"). The charge belongs to a past exchange whose answer the
/// article is not about. A year inside another phrase ("in response to Mr. Trump's reference to
/// her loss in 2008, accused him") dates that phrase, not the charge.
pub(super) fn background(
    doc: &Document,
    lex: &Lexicon,
    sentence: Span,
    cue: Span,
    now: &mut dyn FnMut() -> Option<i32>,
) -> bool {
    background_lead(doc, sentence, cue, now)
        || settled(doc, lex, sentence, cue)
        || past_sanction(doc, lex, sentence, cue)
}

/// "was reinstated ... after nearly three years on suspension over allegations it covered up":
/// the grounds of a sanction told after "after" or "following" are a past, decided matter, the
/// sanction the news; the allegation is no live charge to answer here.
pub(super) fn past_sanction(doc: &Document, lex: &Lexicon, sentence: Span, cue: Span) -> bool {
    let text = &doc.text;
    let lead: Vec<Token> = tokens(text, tail(text, sentence, cue.start)).collect();
    let n = lead.len();
    let word = |i: usize| lower(lead[i].span.text(text));
    // "<sanction> over|for|amid <cue>", a few words between at most ("a ban over the claims",
    // "suspension over allegations it covered up"), no comma.
    let Some(si) = (2..=6).filter(|&k| n >= k).map(|k| n - k).find(|&i| {
        lex.sanctions.contains(&*word(i))
            && matches!(&*word(i + 1), "over" | "for" | "amid")
            && lead[i..].iter().all(|t| t.span.text(text) != ",")
    }) else {
        return false;
    };
    lead[..si].iter().rev().take(6).any(|t| matches!(&*lower(t.span.text(text)), "after" | "following"))
}

/// "agreed to pay a fine to settle charges by the SEC that it misled investors", "the
/// settlement would resolve claims from the government that ...": a charge settled is a
/// decided matter.
pub(super) fn settled(doc: &Document, lex: &Lexicon, sentence: Span, cue: Span) -> bool {
    let text = &doc.text;
    let lead: Vec<Token> = tokens(text, tail(text, sentence, cue.start)).collect();
    lead.iter().enumerate().any(|(i, t)| {
        lex.settling.contains(&*lower(t.span.text(text)))
            && lead[i + 1..].iter().take(3).any(|n| {
                matches!(
                    &*lower(n.span.text(text)),
                    "charges" | "claims" | "allegations" | "accusations" | "lawsuit" | "suit" | "case" | "complaint"
                )
            })
    })
}

pub(super) fn background_lead(doc: &Document, sentence: Span, cue: Span, now: &mut dyn FnMut() -> Option<i32>) -> bool {
    let text = &doc.text;
    let lead: Vec<Token> = tokens(text, tail(text, sentence, cue.start)).collect();
    let opening = lead.first().is_some_and(|t| t.span.start == sentence.start);
    let first_comma = lead.iter().position(|t| t.span.text(text) == ",").unwrap_or(lead.len());
    let word = |i: usize| lead.get(i).map(|t| lower(t.span.text(text)));
    let n = lead.len();
    for (i, t) in lead.iter().enumerate() {
        let w = t.span.text(text);
        if crate::rules::matcher::in_quote(doc, t.span) {
            continue;
        }
        // A time adverbial ("in 2008", "During the 2012 election", "the summer after the 2012
        // loss"), not a year describing a thing ("Trump's 2005 remarks were denounced").
        if let Some(y) = year_of(w)
            && now().is_some_and(|now| y < now)
        {
            let prep = (1..=3).find(|&k| {
                i >= k
                    && word(i - k).is_some_and(|p| {
                        matches!(&*p, "in" | "during" | "after" | "before" | "until" | "throughout" | "by")
                    })
            });
            let opens = opening && i < first_comma && prep.is_some_and(|k| i - k <= 8);
            // In the charge's own clause: no comma between the year and the cue ("the defense
            // mounted by her husband in 1992 when he faced ... allegations that he ...").
            let near = prep.is_some() && n - i <= 24 && !lead[i..].iter().any(|t| t.span.text(text) == ",");
            if opens || near {
                return true;
            }
        }
        let l = lower(w);
        // A standing pattern, told right before the cue ("Trump has frequently denounced",
        // "has relentlessly attacked her", "often blame China"): no new charge to answer.
        if n - i <= 2
            && matches!(
                &*l,
                "frequently" | "often" | "repeatedly" | "relentlessly" | "routinely" | "regularly" | "constantly"
            )
        {
            return true;
        }
        // A charge of the past, told in passing ("Democrats, historically, have lambasted ...",
        // "who once accused him of", "had previously criticized"); "once again" repeats it now.
        let past = match &*l {
            "historically" | "traditionally" | "previously" | "formerly" => n - i <= 4,
            "once" => n - i <= 2 && word(i + 1).is_none_or(|w| !matches!(&*w, "again" | "more")),
            _ => false,
        };
        if past {
            return true;
        }
        let earlier = match &*l {
            "ago" => word(i.wrapping_sub(1)).is_some_and(|p| matches!(&*p, "years" | "decades" | "cycles")),
            "time" => i >= 2 && word(i - 1).is_some_and(|p| &*p == "the") && word(i - 2).is_some_and(|p| &*p == "at"),
            "then" => i >= 1 && word(i - 1).is_some_and(|p| &*p == "back"),
            "cycle" | "campaign" | "election" | "race" => {
                i >= 1 && word(i - 1).is_some_and(|p| matches!(&*p, "last" | "previous" | "prior"))
            }
            _ => false,
        };
        if earlier {
            return true;
        }
    }
    // A charge told as the cause of another event ("was suspended after slamming Republicans",
    // "was fired for criticizing the mayor"): the event is the news, the charge its background.
    let gerund = cue.text(text).ends_with("ing");
    gerund
        && lead.last().is_some_and(|t| {
            matches!(&*lower(t.span.text(text)), "after" | "before" | "since" | "for" | "upon")
                && !crate::rules::matcher::in_quote(doc, t.span)
        })
}

/// A charge that is not made: planned, expected or imagined ("Lakeisha Holloway will be
/// charged with", "is expected to criticize", "if its claims are true, North Korea is
/// violating ...", "One of the decisions they have made is to turn any attack into a
/// counterattack - blasting Trump ..."). Only the charge's own stretch counts: looking back
/// from the cue to a semicolon, colon or bracket, outside quotations; "will" within three words,
/// a condition within twelve, a plan word within thirty.
pub(super) fn not_made(doc: &Document, sentence: Span, cue: Span) -> bool {
    let text = &doc.text;
    let mut words = 0;
    for t in tokens(text, tail(text, sentence, cue.start)).collect::<Vec<_>>().iter().rev() {
        let w = t.span.text(text);
        if t.kind == TokenKind::Punct {
            if matches!(w, ";" | ":" | "(" | ")") {
                return false;
            }
            continue;
        }
        words += 1;
        if crate::rules::matcher::in_quote(doc, t.span) {
            continue;
        }
        let w = lower(w);
        let made_not = match &*w {
            "will" | "shall" | "won't" | "won’t" => words <= 3,
            _ if w.ends_with("'ll") || w.ends_with("’ll") => words <= 3,
            "if" | "unless" | "whether" => words <= 12,
            "plan" | "plans" | "planning" | "strategy" | "strategies" | "decision" | "decisions" | "tactic"
            | "tactics" | "expected" | "expects" | "intends" | "intend" | "intending" | "preparing" | "prepared"
            | "considering" | "aims" | "hopes" | "wants" | "threatened" | "threatens" | "vowed" | "vows"
            | "pledged" | "promised" => words <= 30,
            _ => false,
        };
        if made_not {
            return true;
        }
    }
    false
}

/// The charge is made as a reply: "responded ... by", "fired back", "hit back", "shot back",
/// "retorted", "countered" before its cue in the sentence ("Trump responded to that tweet by
/// calling Alwaleed 'dopey' and accusing him of ...").
pub(super) fn replies(text: &str, sentence: Span, cue: Span) -> bool {
    let lead: Vec<Token> =
        tokens(text, tail(text, sentence, cue.start)).filter(|t| t.kind == TokenKind::Word).collect();
    lead.iter().enumerate().any(|(i, t)| {
        let w = lower(t.span.text(text));
        let next = lead.get(i + 1).map(|n| lower(n.span.text(text)));
        match &*w {
            "responded" | "responds" | "responding" | "retorted" | "retorts" | "countered" | "counters" => true,
            "fired" | "fires" | "firing" | "hit" | "hits" | "hitting" | "shot" | "shoots" | "struck" | "strikes" => {
                next.is_some_and(|n| &*n == "back")
            }
            _ => false,
        }
    })
}
