//! Tokens for the temporal grammar and the word tables behind them.
//!
//! The scanner splits hyphens and apostrophes off as their own tokens ("third-quarter" is
//! `third - quarter`, "'80s" is `' 80s`) so one grammar covers the spelled and the
//! hyphenated forms. Every word is looked up once in a small hash table of temporal words;
//! the grammar then only compares small integers.

/// Time units, in TIMEX3 order of size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// The TIMEX3 duration letter, and whether it goes after `T`.
    pub fn letter(self) -> (char, bool) {
        match self {
            Unit::Second => ('S', true),
            Unit::Minute => ('M', true),
            Unit::Hour => ('H', true),
            Unit::Day => ('D', false),
            Unit::Week => ('W', false),
            Unit::Weekend => ('D', false),
            Unit::Month => ('M', false),
            Unit::Quarter => ('Q', false),
            Unit::Year => ('Y', false),
            Unit::Decade => ('E', false),
            Unit::Century => ('C', false),
            Unit::Millennium => ('L', false),
        }
    }
}

/// What a word means to the temporal grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    None,
    /// 1..=12; `abbr` for "Jan", "Sept" (must be followed by "." or a number).
    Month(u8, bool),
    /// ISO weekday 1 (Monday) ..= 7 (Sunday).
    Weekday(u8),
    /// A plural weekday ("Tuesdays"): a set.
    Weekdays(u8),
    /// TIMEX3 season code index: 0 SP, 1 SU, 2 FA, 3 WI.
    Season(u8),
    Unit(Unit, bool),
    /// A cardinal number word ("two", "twenty"); "hundred" and "thousand" are multipliers.
    Number(u32),
    Multiplier(u32),
    /// An ordinal word ("third").
    Ordinal(u8),
    /// Vague quantities: "few", "several", "some", "many", "couple".
    Vague,
    Couple,
    /// A part of the day.
    PartOfDay(Pod),
    Noon,
    Midnight,
    /// "the nineties": first three digits of the decade.
    DecadeWord(i32),
    /// A closed "-long" compound ("monthlong", "weeklong"): one unit as an adjective.
    UnitLong(Unit),
    /// "Q1" .. "Q4": a quarter of the year, as business news writes it.
    QuarterCode(u8),
    Word(W),
}

/// A part of the day (TIMEX3 "MO", "AF", "EV", "NI").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// Function words and deictic words the grammar names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    The,
    A,
    An,
    This,
    That,
    Last,
    Next,
    Past,
    Coming,
    Following,
    Previous,
    Latest,
    Current,
    Recent,
    Recently,
    Early,
    Earlier,
    Late,
    Later,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Of,
    Ago,
    Before,
    After,
    Today,
    Tonight,
    Tomorrow,
    Yesterday,
    Now,
    Currently,
    Previously,
    Formerly,
    Soon,
    Future,
    Once,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Yearly,
    Hourly,
    Quarterly,
    Fiscal,
    Half,
    And,
    Or,
    Nearly,
    Almost,
    About,
    Around,
    Approximately,
    Some,
    More,
    Less,
    Than,
    Over,
    Least,
    At,
    Up,
    To,
    Within,
    Am,
    Pm,
    Oclock,
    Year,
    Ago2,
    Same,
    Period,
    Time,
    Moment,
    Full,
    Near,
    Short,
    Term,
    These,
    Present,
    Old,
    Nineteen,
    Thousand,
    Ended,
    Weekend,
    Day,
    Days,
    Morning,
    Night,
    Dozen,
    Season,
    Right,
    Christmas,
    Thanksgiving,
    Easter,
    NewYear,
    Eve,
    /// First words of US holidays named with "Day": "Labor Day", "Memorial Day",
    /// "Election Day", "Veterans Day"; and "Halloween".
    HolidayDay,
    Halloween,
}

/// Tense flags of a word (bits), looked up with its [`Lex`] in the same table so the
/// tense cues cost no second lookup.
pub mod tw {
    /// A past form or a past cue ("said", "was", "ago", "last").
    pub const PAST: u16 = 1;
    pub const FUTURE: u16 = 2;
    pub const PRESENT: u16 = 4;
    /// Ends in -ed but is no past verb ("hundred", "based").
    pub const NOT_PAST_ED: u16 = 8;
    /// "be", "been", "being", "is", "are", "am": a participle after it has no tense.
    pub const PASSIVE_AUX: u16 = 16;
    /// "is", "are", "was", "were" before "to" ("was to meet").
    pub const BE: u16 = 32;
    /// "the", "a": "the completed deal".
    pub const DET: u16 = 64;
    pub const TO: u16 = 128;
    /// "ll" after an apostrophe.
    pub const LL: u16 = 256;
    /// A future cue only before "to": "plans to meet" (a verb), not "the plan" (a noun).
    pub const FUTURE_TO: u16 = 512;
    /// An arrangement before "to": "set to resume", "supposed to end", "poised to".
    pub const ARRANGED: u16 = 1024;
    /// "had": a past perfect turns "had been scheduled" into a past cue.
    pub const HAD: u16 = 2048;
    /// "for" after an arrangement: "set for Tuesday".
    pub const FOR: u16 = 4096;
    /// "due": "results are due Friday" is ahead.
    pub const DUE: u16 = 8192;
    /// A word that opens a subordinate clause ("that", "whether", "because"): the verbs
    /// after it do not date what comes before it.
    pub const SUBORD: u16 = 16384;
    /// "effective": "a new office, effective Feb. 1" takes effect ahead.
    pub const EFFECTIVE: u16 = 32768;
}

/// A token of the temporal scanner.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub lex: Lex,
    /// [`tw`] flags of a word.
    pub tw: u16,
    /// Integer value of a plain number token ("2014", "30", "1,000" -> 1000).
    pub num: Option<u32>,
    /// Digits in a plain number token (4 for a year).
    pub digits: u8,
    /// First letter is upper case.
    pub cap: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// Plain digits (maybe with thousands commas).
    Number,
    /// "1990s", "80s".
    Decade,
    /// "25th", "1st".
    OrdinalNum,
    /// "7:15", "10:35".
    Clock(u8, u8),
    /// "2.5", "1/2", other numbers.
    OtherNumber,
    /// "2022-02-01".
    IsoDate(i32, u8, u8),
    /// "2/1/2022", "2/1/22" (US order).
    SlashDate(u8, u8, i32),
    Punct(char),
}

/// Every word the grammar or the tense cues know, lower case, with its meaning and
/// tense flags: an open-addressing table of fixed-size keys, so a lookup is one
/// lower-casing copy, one multiply and (nearly always) one two-word compare.
#[derive(Debug)]
pub struct WordTable {
    slots: Vec<Slot>,
    mask: usize,
    /// Which (length, first letter, last letter) triples occur, one bit each: most
    /// words of a sentence are rejected here without being copied or hashed.
    seen: Box<[u32; (MAX_WORD + 1) * 32]>,
}

/// Index into [`WordTable::seen`] and bit for a word of 1..=MAX_WORD bytes.
#[inline]
fn seen_bit(word: &[u8]) -> (usize, u32) {
    let n = word.len();
    ((n << 5) | usize::from(word[0] & 31), 1 << (word[n - 1] & 31))
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: [u64; 2],
    len: u8,
    lex: Lex,
    tw: u16,
}

const EMPTY: Slot = Slot { key: [0; 2], len: 0, lex: Lex::None, tw: 0 };

/// Longest word in the table.
const MAX_WORD: usize = 16;

/// A word as two little-endian words of its ASCII-lower-cased bytes, zero padded.
#[inline]
fn key_of(word: &[u8]) -> [u64; 2] {
    crate::text::pack_word(word, true).unwrap_or([0; 2])
}

#[inline]
fn hash(key: [u64; 2], len: usize) -> usize {
    let h = (key[0] ^ key[1].rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as usize
}

impl WordTable {
    /// Bit set over `run_hash` of the words that can anchor an expression: every word of the
    /// table but the function words no expression is made of alone ("the", "of", "about")
    /// and "a.m." / "o'clock", which only follow a number. A sentence with none of these
    /// and no digit holds no temporal expression.
    pub fn anchor_runs(&self) -> Box<[u64; 1024]> {
        let mut bits = Box::new([0u64; 1024]);
        for s in self.slots.iter().filter(|s| s.len > 0) {
            let function_word = matches!(
                s.lex,
                Lex::None
                    | Lex::Word(
                        W::The
                            | W::A
                            | W::An
                            | W::This
                            | W::That
                            | W::Of
                            | W::And
                            | W::Or
                            | W::At
                            | W::Up
                            | W::To
                            | W::Within
                            | W::Than
                            | W::Over
                            | W::Less
                            | W::More
                            | W::Some
                            | W::About
                            | W::Around
                            | W::Approximately
                            | W::Nearly
                            | W::Almost
                            | W::Least
                            | W::Before
                            | W::After
                            | W::Each
                            | W::Every
                            | W::Per
                            | W::Am
                            | W::Pm
                            | W::Oclock
                    )
            );
            if function_word {
                continue;
            }
            let mut word = [0u8; MAX_WORD];
            word[..8].copy_from_slice(&s.key[0].to_le_bytes());
            word[8..].copy_from_slice(&s.key[1].to_le_bytes());
            let h = crate::text::lexicon::run_hash(&word[..usize::from(s.len)]) as usize;
            bits[h >> 6] |= 1 << (h & 63);
        }
        // The scanner also reads one word by its spelling, outside the table: "for a while".
        let h = crate::text::lexicon::run_hash(b"while") as usize;
        bits[h >> 6] |= 1 << (h & 63);
        bits
    }

    fn with_capacity(n: usize) -> Self {
        let size = (n * 4).next_power_of_two();
        Self { slots: vec![EMPTY; size], mask: size - 1, seen: Box::new([0; (MAX_WORD + 1) * 32]) }
    }
    fn slot_mut(&mut self, w: &[u8]) -> &mut Slot {
        let (k, bit) = seen_bit(w);
        self.seen[k] |= bit;
        let key = key_of(w);
        let mut i = hash(key, w.len()) & self.mask;
        loop {
            let s = self.slots[i];
            if s.len == 0 || (usize::from(s.len) == w.len() && s.key == key) {
                break;
            }
            i = (i + 1) & self.mask;
        }
        let s = &mut self.slots[i];
        s.key = key;
        s.len = w.len() as u8;
        s
    }
    fn insert(&mut self, w: &[u8], lex: Lex) {
        if (1..=MAX_WORD).contains(&w.len()) {
            self.slot_mut(w).lex = lex;
        }
    }
    fn flag(&mut self, w: &[u8], f: u16) {
        if (1..=MAX_WORD).contains(&w.len()) {
            self.slot_mut(w).tw |= f;
        }
    }
    /// Meaning and tense flags of `word`, ASCII-case-insensitively, without allocating.
    #[inline]
    pub fn get(&self, word: &[u8]) -> (Lex, u16) {
        self.get_at(word, 0, word.len())
    }

    /// [`Self::get`] for the word `bytes[i..i + n]` (letters, digits, dots), reading the
    /// key with two unaligned loads when 16 bytes are there to read.
    #[inline]
    pub fn get_at(&self, bytes: &[u8], i: usize, n: usize) -> (Lex, u16) {
        if n == 0 || n > MAX_WORD || i + n > bytes.len() {
            return (Lex::None, 0);
        }
        let word = &bytes[i..i + n];
        let (k, bit) = seen_bit(word);
        if self.seen[k] & bit == 0 {
            return (Lex::None, 0);
        }
        let key = match bytes.get(i..i + 16) {
            Some(b16) => {
                // Setting bit 5 lower-cases ASCII letters and leaves digits, '.', '-' and
                // '\'' alone; bytes >= 0x80 stay >= 0x80, so no non-ASCII word can match.
                let lo = u64::from_le_bytes(b16[..8].try_into().unwrap_or([0; 8])) | 0x2020_2020_2020_2020;
                let hi = u64::from_le_bytes(b16[8..].try_into().unwrap_or([0; 8])) | 0x2020_2020_2020_2020;
                let mask = |m: usize| if m >= 8 { u64::MAX } else { (1u64 << (8 * m)) - 1 };
                [lo & mask(n), hi & if n > 8 { mask(n - 8) } else { 0 }]
            }
            None => key_of(word),
        };
        let mut s = hash(key, n) & self.mask;
        loop {
            let slot = &self.slots[s];
            if slot.len == 0 {
                return (Lex::None, 0);
            }
            if usize::from(slot.len) == n && slot.key == key {
                return (slot.lex, slot.tw);
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// Tense cue words (see [`tw`]); "'ll" and "'d" are split at the apostrophe.
const PAST_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "began",
    "became",
    "saw",
    "got",
    "held",
    "left",
    "led",
    "sent",
    "spent",
    "won",
    "lost",
    "paid",
    "sold",
    "bought",
    "brought",
    "thought",
    "fell",
    "rose",
    "hit",
    "struck",
    "broke",
    "spoke",
    "wrote",
    "ran",
    "flew",
    "knew",
    "found",
    "kept",
    "felt",
    "heard",
    "meant",
    "put",
    "set",
    "shot",
    "stood",
    "understood",
    "sought",
    "taught",
    "fought",
    "drove",
    "grew",
    "threw",
    "chose",
    "froze",
    "woke",
    "ate",
    "forgot",
    "hung",
    "laid",
    "lay",
    "lit",
    "quit",
    "rang",
    "rode",
    "sang",
    "sank",
    "sat",
    "slept",
    "slid",
    "stole",
    "stuck",
    "swore",
    "swept",
    "tore",
    "wore",
    "wept",
    "withdrew",
    "overthrew",
    "undertook",
    "upheld",
    // Past forms the -ed rule misses: irregular, four letters ("died", "sued") or in -eed.
    "built",
    "caught",
    "died",
    "fled",
    "sued",
    "tied",
    "agreed",
    "freed",
    "decreed",
    "guaranteed",
    "drew",
    "dug",
    "fed",
    "hid",
    "shook",
    "spun",
    "swung",
    "sprang",
    "swam",
    "bore",
    "dealt",
    "drank",
    "knelt",
    "leapt",
    "lent",
    "shone",
    "stung",
    "strove",
    "forgave",
    "forbade",
    "overtook",
    "overcame",
    "mistook",
    "arose",
    "awoke",
    "bent",
    "clung",
    "crept",
    "flung",
    "sped",
    "strode",
    "wasn't",
    "weren't",
    "didn't",
    "hadn't",
    "ago",
    "yesterday",
    "earlier",
    "last",
    "since",
    "has",
    "have",
    "hasn't",
    "haven't",
];
const FUTURE_WORDS: &[&str] = &[
    "will",
    "won't",
    "shall",
    "tomorrow",
    "would",
    // Modals look ahead: "he could win Tuesday", "may vote in November" (not "could have").
    "could",
    "might",
    "may",
    "should",
    "can",
    // An obligation is still to be met: "she must win in November", "must file by March 1".
    "must",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "planned",
    "slated",
    "upcoming",
    "going",
    "soon",
    "postponed",
    "delayed",
    // The present of a scheduled event: "the offer expires Friday", "talks resume Monday",
    // "Albright meets Arafat Monday" (what is over is told in the past tense).
    "expires",
    "opens",
    "begins",
    "starts",
    "resumes",
    "convenes",
    "meets",
    // The plural present too: "Netanyahu and Arafat meet separately Monday"; after "to"
    // or a modal these verbs look ahead as well.
    "meet",
    "resume",
    "convene",
    "arrives",
    "departs",
    "visits",
    "returns",
    "travels",
    "heads",
    "leaves",
    // More schedules told in the present: "the Senate votes Tuesday", "the trial ends
    // Friday", "Clinton takes office Monday", "the court hears arguments Monday".
    "votes",
    "ends",
    "closes",
    "holds",
    "hosts",
    "hears",
    "faces",
    "takes",
    "goes",
    "flies",
    "speaks",
    "testifies",
    "reconvenes",
    "concludes",
];
/// Future cues only when "to" follows: "plans to", "hopes to"; "the plan", "his hopes" are nouns.
const FUTURE_TO_WORDS: &[&str] =
    &["plan", "plans", "intend", "intends", "aim", "aims", "hope", "hopes", "want", "wants", "need", "needs"];
/// Words before "to" that arrange something for later ("set to resume", "is poised to").
const ARRANGED_WORDS: &[&str] =
    &["set", "supposed", "poised", "slated", "scheduled", "expected", "planned", "likely", "about", "going"];
const PRESENT_WORDS: &[&str] = &["is", "are", "am", "says", "isn't", "aren't", "does", "doesn't", "do", "don't"];
const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "feed",
    "seed",
    "bed",
    "red",
    "shed",
    "hundred",
    "indeed",
    "united",
    "based",
    "proposed",
    "embed",
    "breed",
    "creed",
    "greed",
    "weed",
    "deed",
    "steed",
    "armed",
    "alleged",
    "detailed",
    "limited",
    "related",
    "advanced",
    "concerned",
    "renewed",
    "skilled",
    "supposed",
    "used",
    "owned",
    "named",
    "unnamed",
    "unidentified",
    "unspecified",
    "undisclosed",
    "unexpected",
    "unprecedented",
    "unconfirmed",
    "unrelated",
    "unarmed",
    "unemployed",
    "unchanged",
    "unopposed",
    "unsolved",
    "unauthorized",
    "unresolved",
    "undecided",
    "unscheduled",
    "unmanned",
    "unprovoked",
    "unexplained",
    "unlimited",
    "unannounced",
    "wed",
    "ted",
    "fred",
    "ned",
    "ed",
];

const MONTHS: [&str; 12] = [
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
];
pub const MONTH_ABBR: [&[&str]; 12] = [
    &["jan"],
    &["feb"],
    &["mar"],
    &["apr"],
    &[],
    &["jun"],
    &["jul"],
    &["aug"],
    &["sep", "sept"],
    &["oct"],
    &["nov"],
    &["dec"],
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
];
const UNITS: &[(&str, Unit, bool)] = &[
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("weekend", Unit::Weekend, false),
    ("weekends", Unit::Weekend, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
    ("millennium", Unit::Millennium, false),
    ("millennia", Unit::Millennium, true),
];
const WORDS: &[(&str, W)] = &[
    ("the", W::The),
    ("a", W::A),
    ("an", W::An),
    ("this", W::This),
    ("that", W::That),
    ("last", W::Last),
    ("next", W::Next),
    ("past", W::Past),
    ("coming", W::Coming),
    ("following", W::Following),
    ("previous", W::Previous),
    ("prior", W::Previous),
    ("corresponding", W::Same),
    ("comparable", W::Same),
    ("latest", W::Latest),
    ("current", W::Current),
    ("recent", W::Recent),
    ("recently", W::Recently),
    ("early", W::Early),
    ("earlier", W::Earlier),
    ("late", W::Late),
    ("later", W::Later),
    ("mid", W::Mid),
    ("middle", W::Middle),
    ("end", W::End),
    ("beginning", W::Beginning),
    ("start", W::Start),
    ("of", W::Of),
    ("ago", W::Ago),
    ("before", W::Before),
    ("after", W::After),
    ("today", W::Today),
    ("tonight", W::Tonight),
    ("tomorrow", W::Tomorrow),
    ("yesterday", W::Yesterday),
    ("now", W::Now),
    ("currently", W::Currently),
    ("previously", W::Previously),
    ("formerly", W::Formerly),
    ("soon", W::Soon),
    ("future", W::Future),
    ("once", W::Once),
    ("every", W::Every),
    ("each", W::Each),
    ("per", W::Per),
    ("daily", W::Daily),
    ("weekly", W::Weekly),
    ("monthly", W::Monthly),
    ("annually", W::Annually),
    ("yearly", W::Yearly),
    ("hourly", W::Hourly),
    ("quarterly", W::Quarterly),
    ("fiscal", W::Fiscal),
    ("half", W::Half),
    ("and", W::And),
    ("or", W::Or),
    ("nearly", W::Nearly),
    ("almost", W::Almost),
    ("about", W::About),
    ("around", W::Around),
    ("approximately", W::Approximately),
    ("roughly", W::Approximately),
    ("some", W::Some),
    ("more", W::More),
    ("less", W::Less),
    ("fewer", W::Less),
    ("than", W::Than),
    ("over", W::Over),
    ("least", W::Least),
    ("at", W::At),
    ("up", W::Up),
    ("to", W::To),
    ("within", W::Within),
    ("am", W::Am),
    ("pm", W::Pm),
    ("o'clock", W::Oclock),
    ("same", W::Same),
    ("period", W::Period),
    ("time", W::Time),
    ("moment", W::Moment),
    ("full", W::Full),
    ("near", W::Near),
    ("short", W::Short),
    ("term", W::Term),
    ("these", W::These),
    ("present", W::Present),
    ("old", W::Old),
    ("ended", W::Ended),
    ("ending", W::Ended),
    ("ends", W::Ended),
    ("dozen", W::Dozen),
    ("season", W::Season),
    ("right", W::Right),
    ("christmas", W::Christmas),
    ("thanksgiving", W::Thanksgiving),
    ("easter", W::Easter),
    ("eve", W::Eve),
    ("labor", W::HolidayDay),
    ("memorial", W::HolidayDay),
    ("election", W::HolidayDay),
    ("veterans", W::HolidayDay),
    ("halloween", W::Halloween),
    ("new", W::NewYear),
];

pub fn build_table() -> WordTable {
    // Load factor about 1/4 for ~550 words.
    let mut t = WordTable::with_capacity(512);
    for (list, f) in [
        (PAST_WORDS, tw::PAST),
        (FUTURE_WORDS, tw::FUTURE),
        (PRESENT_WORDS, tw::PRESENT),
        (NOT_PAST_ED, tw::NOT_PAST_ED),
        (&["be", "been", "being", "is", "are", "am"][..], tw::PASSIVE_AUX),
        (&["is", "are", "was", "were"][..], tw::BE),
        (&["the", "a"][..], tw::DET),
        (&["to"][..], tw::TO),
        (FUTURE_TO_WORDS, tw::FUTURE_TO),
        (ARRANGED_WORDS, tw::ARRANGED),
        (&["had", "hadn't"][..], tw::HAD),
        (&["for"][..], tw::FOR),
        (&["due"][..], tw::DUE),
        (&["effective"][..], tw::EFFECTIVE),
        (&["ll"][..], tw::LL),
        (&["that", "whether", "how", "why", "because", "although", "though", "if", "unless"][..], tw::SUBORD),
    ] {
        for w in list {
            t.flag(w.as_bytes(), f);
        }
    }
    for (i, m) in MONTHS.iter().enumerate() {
        t.insert(m.as_bytes(), Lex::Month(i as u8 + 1, false));
        for a in MONTH_ABBR[i] {
            t.insert(a.as_bytes(), Lex::Month(i as u8 + 1, true));
        }
    }
    for (i, d) in WEEKDAYS.iter().enumerate() {
        t.insert(d.as_bytes(), Lex::Weekday(i as u8 + 1));
        t.insert(format!("{d}s").as_bytes(), Lex::Weekdays(i as u8 + 1));
    }
    for &(w, n) in NUMBERS {
        t.insert(w.as_bytes(), Lex::Number(n));
    }
    t.insert(b"hundred", Lex::Multiplier(100));
    t.insert(b"thousand", Lex::Multiplier(1000));
    for &(w, n) in ORDINALS {
        t.insert(w.as_bytes(), Lex::Ordinal(n));
    }
    for &(w, u, pl) in UNITS {
        t.insert(w.as_bytes(), Lex::Unit(u, pl));
    }
    for (w, u) in [
        ("daylong", Unit::Day),
        ("weeklong", Unit::Week),
        ("monthlong", Unit::Month),
        ("yearlong", Unit::Year),
        ("hourlong", Unit::Hour),
    ] {
        t.insert(w.as_bytes(), Lex::UnitLong(u));
    }
    for (w, q) in [("q1", 1u8), ("q2", 2), ("q3", 3), ("q4", 4)] {
        t.insert(w.as_bytes(), Lex::QuarterCode(q));
    }
    for (w, s) in [("spring", 0u8), ("summer", 1), ("fall", 2), ("autumn", 2), ("winter", 3)] {
        t.insert(w.as_bytes(), Lex::Season(s));
    }
    for w in ["few", "several", "many", "numerous"] {
        t.insert(w.as_bytes(), Lex::Vague);
    }
    t.insert(b"couple", Lex::Couple);
    for (w, c) in [
        ("morning", Pod::Morning),
        ("mornings", Pod::Morning),
        ("afternoon", Pod::Afternoon),
        ("afternoons", Pod::Afternoon),
        ("evening", Pod::Evening),
        ("evenings", Pod::Evening),
        ("night", Pod::Night),
        ("nights", Pod::Night),
        ("overnight", Pod::Night),
    ] {
        t.insert(w.as_bytes(), Lex::PartOfDay(c));
    }
    for (w, d) in [
        ("twenties", 192),
        ("thirties", 193),
        ("forties", 194),
        ("fifties", 195),
        ("sixties", 196),
        ("seventies", 197),
        ("eighties", 198),
        ("nineties", 199),
    ] {
        t.insert(w.as_bytes(), Lex::DecadeWord(d));
    }
    t.insert(b"noon", Lex::Noon);
    t.insert(b"midday", Lex::Noon);
    t.insert(b"midnight", Lex::Midnight);
    for &(w, x) in WORDS {
        t.insert(w.as_bytes(), Lex::Word(x));
    }
    t
}

/// Look `word` up ASCII-case-insensitively without allocating.
pub fn lookup(table: &WordTable, word: &str) -> Lex {
    table.get(word.as_bytes()).0
}

fn parse_digits(s: &[u8]) -> Option<u32> {
    let mut n: u32 = 0;
    let mut any = false;
    for &c in s {
        if c == b',' {
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(c - b'0'))?;
        any = true;
    }
    any.then_some(n)
}

/// Tokenize `text[start..end]` into `out` (cleared first).
pub fn tokenize(table: &WordTable, text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            out.push(number(text, i, end));
            i = out.last().map_or(i + 1, |t| t.end);
            continue;
        }
        // U+2000..U+203F (spaces, dashes, curly quotes) is never a letter.
        let gen_punct = c == 0xE2 && i + 1 < end && bytes[i + 1] == 0x80;
        if c.is_ascii_alphabetic()
            || c >= 0x80 && !gen_punct && text[i..].chars().next().is_some_and(char::is_alphabetic)
        {
            let mut j = i;
            while j < end {
                let b = bytes[j];
                if b.is_ascii_alphanumeric() {
                    j += 1;
                } else if b < 0x80 {
                    if b == b'.' && j + 1 < end && bytes[j + 1].is_ascii_alphabetic() && j - i == 1 {
                        // "a.m", "p.m", "U.S": a single letter and a dot inside a word.
                        j += 1;
                    } else {
                        break;
                    }
                } else if b == 0xE2 && bytes.get(j + 1) == Some(&0x80) {
                    // U+2000..U+203F: a curly apostrophe or a dash ends the word.
                    break;
                } else {
                    match text[j..].chars().next() {
                        Some(ch) if ch.is_alphanumeric() => j += ch.len_utf8(),
                        _ => break,
                    }
                }
            }
            let w = &bytes[i..j];
            let (mut lex, tw) = table.get_at(bytes, i, j - i);
            if lex == Lex::None && w.len() == 3 && w[1] == b'.' && w[2].eq_ignore_ascii_case(&b'm') {
                if w[0].eq_ignore_ascii_case(&b'a') {
                    lex = Lex::Word(W::Am);
                } else if w[0].eq_ignore_ascii_case(&b'p') {
                    lex = Lex::Word(W::Pm);
                }
            }
            let cap = w[0].is_ascii_uppercase();
            out.push(Tok { start: i, end: j, kind: TokKind::Word, lex, tw, num: None, digits: 0, cap });
            i = j;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        let len = ch.len_utf8();
        let p = match ch {
            '’' | '‘' => '\'',
            '–' | '—' | '‑' => '-',
            other => other,
        };
        out.push(Tok {
            start: i,
            end: i + len,
            kind: TokKind::Punct(p),
            lex: Lex::None,
            tw: 0,
            num: None,
            digits: 0,
            cap: false,
        });
        i += len;
    }
}

fn number(text: &str, start: usize, end: usize) -> Tok {
    let b = text.as_bytes();
    let mut j = start;
    while j < end && b[j].is_ascii_digit() {
        j += 1;
    }
    let first = j;
    let mk = |e: usize, kind: TokKind, num: Option<u32>, digits: u8| Tok {
        start,
        end: e,
        kind,
        lex: Lex::None,
        tw: 0,
        num,
        digits,
        cap: false,
    };
    let d = |a: usize, z: usize| parse_digits(&b[a..z]);
    // ISO date 2022-02-01.
    if first - start == 4 && j + 6 <= end && b[j] == b'-' && b[j + 3] == b'-' {
        let ok = b[j + 1..j + 3].iter().chain(&b[j + 4..j + 6]).all(u8::is_ascii_digit)
            && (j + 6 == end || !b[j + 6].is_ascii_digit());
        if ok && let (Some(y), Some(m), Some(dd)) = (d(start, j), d(j + 1, j + 3), d(j + 4, j + 6)) {
            return mk(j + 6, TokKind::IsoDate(y as i32, m as u8, dd as u8), None, 0);
        }
    }
    // Clock time 7:15.
    if j + 3 <= end && b[j] == b':' && b[j + 1].is_ascii_digit() && b[j + 2].is_ascii_digit() {
        let after = j + 3;
        if (after == end || !b[after].is_ascii_digit())
            && let (Some(h), Some(m)) = (d(start, j), d(j + 1, j + 3))
            && h < 24
            && m < 60
        {
            return mk(after, TokKind::Clock(h as u8, m as u8), None, 0);
        }
    }
    // US slash date 2/1/2022.
    if j < end && b[j] == b'/' && first - start <= 2 {
        let mut k = j + 1;
        while k < end && b[k].is_ascii_digit() {
            k += 1;
        }
        if k < end && b[k] == b'/' && k - j - 1 <= 2 && k > j + 1 {
            let mut l = k + 1;
            while l < end && b[l].is_ascii_digit() {
                l += 1;
            }
            if (l - k - 1 == 4 || l - k - 1 == 2)
                && let (Some(m), Some(dd), Some(y)) = (d(start, j), d(j + 1, k), d(k + 1, l))
            {
                let y = if l - k - 1 == 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y };
                // 13/02/2022 can only be day/month; 2/13/2022 and 2/1/2022 are read US-style.
                let (m, dd) = if m > 12 && dd <= 12 { (dd, m) } else { (m, dd) };
                return mk(l, TokKind::SlashDate(m as u8, dd as u8, y as i32), None, 0);
            }
        }
    }
    // "1998/99", "1999/2000": a range of years, read as year, slash, year.
    if first - start == 4 && j < end && b[j] == b'/' {
        let mut k = j + 1;
        while k < end && b[k].is_ascii_digit() {
            k += 1;
        }
        if matches!(k - j - 1, 2 | 4) && d(start, j).is_some_and(|y| (1800..=2100).contains(&y)) {
            return mk(j, TokKind::Number, d(start, j), 4);
        }
    }
    // Thousands separators and decimals.
    let mut other = false;
    while j + 1 < end && (b[j] == b',' || b[j] == b'.' || b[j] == b'/') && b[j + 1].is_ascii_digit() {
        if b[j] == b',' {
            // A thousands comma is followed by exactly three digits.
            let mut k = j + 1;
            while k < end && b[k].is_ascii_digit() {
                k += 1;
            }
            if k - j - 1 != 3 {
                break;
            }
        } else {
            other = true;
        }
        j += 1;
        while j < end && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    let digits = (first - start) as u8;
    if other {
        return mk(j, TokKind::OtherNumber, None, 0);
    }
    // Suffixes: 1990s, 25th.
    if j < end && b[j].is_ascii_alphabetic() {
        let mut k = j;
        while k < end && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        let n = d(start, j);
        let suf = &b[j..k];
        let is = |x: &[u8]| suf.eq_ignore_ascii_case(x);
        return if is(b"s") {
            mk(k, TokKind::Decade, n, digits)
        } else if is(b"st") || is(b"nd") || is(b"rd") || is(b"th") {
            mk(k, TokKind::OrdinalNum, n, digits)
        } else {
            mk(k, TokKind::OtherNumber, n, digits)
        };
    }
    let num = d(start, j);
    mk(j, TokKind::Number, num, if j == first { digits } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TokKind)> {
        let t = build_table();
        let mut out = Vec::new();
        tokenize(&t, text, 0, text.len(), &mut out);
        out.iter().map(|k| (text[k.start..k.end].to_string(), k.kind)).collect()
    }

    #[test]
    fn splits_hyphens_and_reads_numbers() {
        let got = kinds("third-quarter 1990s 7:15 p.m. 2022-02-01 100,000 25th 2/1/2022");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            vec!["third", "-", "quarter", "1990s", "7:15", "p.m", ".", "2022-02-01", "100,000", "25th", "2/1/2022"]
        );
        assert_eq!(got[3].1, TokKind::Decade);
        assert_eq!(got[4].1, TokKind::Clock(7, 15));
        assert_eq!(got[7].1, TokKind::IsoDate(2022, 2, 1));
        assert_eq!(got[8].1, TokKind::Number);
        assert_eq!(got[9].1, TokKind::OrdinalNum);
        assert_eq!(got[10].1, TokKind::SlashDate(2, 1, 2022));
    }

    #[test]
    fn looks_up_words_case_insensitively() {
        let t = build_table();
        assert_eq!(lookup(&t, "Sept"), Lex::Month(9, true));
        assert_eq!(lookup(&t, "TUESDAY"), Lex::Weekday(2));
        assert_eq!(lookup(&t, "Wednesdays"), Lex::Weekdays(3));
        assert_eq!(lookup(&t, "weeks"), Lex::Unit(Unit::Week, true));
        assert_eq!(lookup(&t, "Putin"), Lex::None);
    }

    #[test]
    fn wide_key_loads_agree_with_the_byte_copy() {
        let t = build_table();
        // Words far from the end use two 8-byte loads, the last ones the byte copy.
        let text = "On TUESDAY, Sept. afternoons u.s. Approximately twenty-first Tuesdays héllo weeks";
        let mut i = 0;
        for w in text.split([' ', ',']) {
            if !w.is_empty() {
                assert_eq!(t.get_at(text.as_bytes(), i, w.len()), t.get(w.as_bytes()), "{w}");
            }
            i += w.len() + 1;
        }
        assert_eq!(t.get_at(text.as_bytes(), 3, 7).0, Lex::Weekday(2));
        assert_eq!(t.get_at(text.as_bytes(), text.len() - 5, 5).0, Lex::Unit(Unit::Week, true));
        assert_eq!(t.get(b"Approximately").0, Lex::Word(W::Approximately));
    }
}
