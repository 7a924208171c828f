use super::*;
use crate::analysis::Context;
use crate::input::{InputOptions, parse_bytes};

pub(crate) fn analyse(text: &str) -> (Document, Context) {
    let rules = crate::rules::RuleSet::embedded().expect("embedded rules load");
    let doc = parse_bytes("t.txt", text.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
    (doc, Context::new(&rules.lexicons))
}

/// (source, cue, content, speaker, kind, direct) of every attribution.
fn rows(text: &str) -> Vec<(String, String, String, String, SpeakerKind, bool)> {
    let (doc, cx) = analyse(text);
    let a = find_attributions(&doc, &cx);
    let t = |s: Option<Span>| s.map(|s| doc.slice(s).to_string()).unwrap_or_default();
    a.items
        .iter()
        .map(|a| (t(a.source), t(a.cue), t(a.content), a.speaker.clone().unwrap_or_default(), a.speaker_kind, a.direct))
        .collect()
}

#[test]
fn said_after_quote() {
    let r = rows("“I hope that dialogue will continue,” Putin said in his first comments.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "Putin");
    assert_eq!(r[0].1, "said");
    assert_eq!(r[0].2, "I hope that dialogue will continue");
    assert!(r[0].5);
}

#[test]
fn doubled_apostrophe_quotes_are_attributed() {
    let r = rows("''They have a fraught relationship,'' said Martin Indyk, the former envoy.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].3, "Martin Indyk");
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture exists")
}

#[test]
fn seed_article_speakers() {
    let text = fixture("seed-putin-2022-02-03.txt");
    let (doc, cx) = analyse(&text);
    let a = find_attributions(&doc, &cx);
    let find = |src: &str| {
        a.items
            .iter()
            .find(|x| x.source.is_some_and(|s| doc.slice(s) == src))
            .unwrap_or_else(|| panic!("no source {src}"))
    };
    let putin = Some("Russian President Vladimir Putin".to_string());
    assert_eq!(find("he").speaker, putin);
    assert_eq!(find("He").speaker, putin);
    assert_eq!(find("He").speaker_kind, SpeakerKind::Person);
    assert_eq!(find("Putin").speaker, putin);
    assert_eq!(find("Lavrov").speaker.as_deref(), Some("Russian Minister of Foreign Affairs Sergei Lavrov"));
    let western = find("Western officials");
    assert_eq!(western.speaker_kind, SpeakerKind::Anonymous);
    assert!(western.collective);
    assert_eq!(find("The US").speaker_kind, SpeakerKind::Organisation);
    assert_eq!(find("The US").party.as_deref(), Some("United States"));
    assert_eq!(find("the Kremlin").party.as_deref(), Some("Russia"));
    assert_eq!(a.party_of("Russian President Vladimir Putin", &cx), Some("Russia"));
    // Every direct quote of the seed has a speaker.
    assert!(a.items.iter().filter(|x| x.direct).all(|x| x.speaker.is_some()));
    let accused = find("Putin");
    assert_eq!(accused.party.as_deref(), Some("Russia"));
}

#[test]
fn news_patterns() {
    let text = fixture("attribution/patterns.txt");
    let (doc, cx) = analyse(&text);
    let a = find_attributions(&doc, &cx);
    let by_content = |c: &str| {
        a.items
            .iter()
            .find(|x| x.content.is_some_and(|s| doc.slice(s).starts_with(c)))
            .unwrap_or_else(|| panic!("no content {c}"))
    };
    assert_eq!(by_content("We have the votes").speaker.as_deref(), Some("Mayor Jane Doe"));
    assert_eq!(by_content("The plan is dead").speaker.as_deref(), Some("Tom Reyes"));
    assert_eq!(by_content("The agency will cut").cue_class, CueClass::According);
    assert_eq!(by_content("service would resume").speaker.as_deref(), Some("Tom Reyes"));
    assert_eq!(by_content("This budget fails").speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(by_content("the state must help").speaker.as_deref(), Some("Mayor Jane Doe"));
    let anon = by_content("the state would refuse");
    assert_eq!(anon.speaker.as_deref(), Some("a senior official"));
    assert_eq!(anon.speaker_kind, SpeakerKind::Anonymous);
    // A quote running over two paragraphs is attributed where it ends.
    assert_eq!(by_content("We will keep fighting").speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn scare_quotes_and_titles_need_no_speaker() {
    assert!(is_scare_or_title("deceiving"));
    assert!(is_scare_or_title("The Lord of the Rings Returns Again"));
    assert!(!is_scare_or_title("We will not accept any deal that ignores us"));
}

#[test]
fn colon_speakers_and_odd_input_do_not_panic() {
    let r = rows("Kasich: “We are going to go all the way to Cleveland and win it.”");
    assert_eq!(r[0].0, "Kasich");
    for text in [
        "Stated Stone:\n\n“I think the stakes are so high for all of us.”",
        ":“",
        "“",
        "said,”",
        "He said: ''",
        "’’’,”",
    ] {
        let _ = rows(text);
    }
}

/// The (source, cue) pairs of every attribution with a cue.
fn cues(text: &str) -> Vec<(String, String)> {
    rows(text).into_iter().filter(|r| !r.1.is_empty()).map(|r| (r.0, r.1)).collect()
}

#[test]
fn poll_shares_and_quantifiers_are_sources() {
    assert_eq!(cues("Six in 10 say the economy is improving."), [("Six in 10".into(), "say".into())]);
    assert_eq!(cues("Most believe the tax plan is unfair."), [("Most".into(), "believe".into())]);
    assert_eq!(cues("Both have promised to cut taxes for the middle class."), [("Both".into(), "promised".into())]);
}

#[test]
fn fronted_name_with_a_relative_clause_is_the_source() {
    let r = cues("Jane Roe, who lost her seat in Dayton, Ohio, in 2012, said that the party had failed her.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].0.starts_with("Jane Roe"), "{r:?}");
    // Not the subject of the content: "said the party was ..." is no inverted source.
    let r = cues("Tom Ames, a spokesman for the committee, said the party was committed to a fair count.");
    assert_eq!(r[0].0, "Tom Ames, a spokesman for the committee");
}

#[test]
fn passive_cues_take_the_agent_or_no_source() {
    let r = cues("The meeting was first reported by the Des Moines Register on Monday.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "the Des Moines Register");
    let r = rows("The senator is expected to endorse the governor on Friday.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].1.as_str()), ("", "expected"));
}

#[test]
fn asked_opening_has_no_source_and_the_main_clause_still_counts() {
    let r = rows("Asked whether he would run again, Smith said he had not decided.");
    let asked = r.iter().find(|x| x.1 == "Asked").expect("Asked is a cue");
    assert_eq!((asked.0.as_str(), asked.2.as_str()), ("", "whether he would run again"));
    assert!(r.iter().any(|x| x.0 == "Smith" && x.1 == "said"), "{r:?}");
}

#[test]
fn adverbs_catenatives_and_contractions_between_subject_and_cue() {
    assert_eq!(cues("Clinton has increasingly decried the rules.")[0].0, "Clinton");
    assert_eq!(cues("Trump continued to portray the deal as a disaster.")[0].0, "Trump");
    assert_eq!(cues("He didn’t mention any bad consequences.")[0].0, "He");
    assert_eq!(cues("She’s predicted big wins in the races ahead.")[0].0, "She");
}

#[test]
fn title_case_headline_cues_and_compound_words() {
    assert_eq!(cues("Local County Says Smith Should Win The Nomination"), [("Local County".into(), "Says".into())]);
    // "so-called" is no cue; a capitalised verb in running text is none either.
    assert!(cues("The so-called reform passed the House on Monday.").is_empty());
}

#[test]
fn a_belief_inside_reported_speech_is_not_a_second_attribution() {
    let r = cues("Nine in 10 voters say they think she could win in November.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "say");
}

#[test]
fn participle_phrases_take_the_main_subject() {
    let r = cues("“We will win this state,” Jones said, referring to Ohio.");
    let referring = r.iter().find(|x| x.1 == "referring to").expect("referring to is a cue");
    assert_ne!(referring.0, "Ohio");
}

#[test]
fn evidential_verbs_report_their_subject_without_a_source() {
    let r = rows("The plan appears to have failed in three states. Nobody expected that.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].1.as_str()), ("", "appears"));
    // At the end of a paragraph the subject stays: the next paragraph's quote may need it.
    let r = rows("The plan appears to have failed in three states.");
    assert_eq!(r[0].0, "The plan");
}

#[test]
fn calls_to_with_an_infinitive_is_a_noun_not_a_cue() {
    let text = "Moscow has so far ignored Western calls to pull its troops back from the border.\n\nSanders calls for a new approach to trade, his aides said.";
    let got = rows(text);
    assert!(!got.iter().any(|r| r.0 == "Western"), "{got:?}");
    assert!(got.iter().any(|r| r.1 == "calls for" || r.1 == "calls"), "the verb stays a cue: {got:?}");
}

#[test]
fn a_reading_nested_in_a_quote_ends_with_the_quote() {
    let got = rows("\"We hope so,\" he said.");
    let nested = got.iter().find(|r| r.1 == "hope").expect("nested belief");
    assert_eq!(nested.2, "so", "{got:?}");
    assert!(got.iter().any(|r| r.0 == "he" && r.2 == "We hope so"), "{got:?}");
}

/// After a comma, the noun phrase right before the cue is the subject: a phrase further
/// left joins it only as an appositive closed by its own comma.
#[test]
fn the_source_after_a_comma_is_the_phrase_before_the_cue() {
    for (text, source) in [
        ("The embassy held up in Kenya, an official said Saturday.", "an official"),
        ("For the moment, the sources said, he has decided against a bid.", "the sources"),
        ("The firm has reassigned most of its work crew, the sources said.", "the sources"),
    ] {
        let r = rows(text);
        assert_eq!(r.first().map(|x| x.0.as_str()), Some(source), "{text}: {r:?}");
    }
    let r = rows("Dmitry Peskov, the Kremlin spokesman, said the talks would go on.");
    assert_eq!(r[0].0, "Dmitry Peskov, the Kremlin spokesman");
}

/// "He added" after an unnamed official continues that official: resolved, not a dangling
/// pronoun, and no named person is invented for it.
#[test]
fn a_pronoun_after_an_unnamed_official_continues_that_speaker() {
    let (doc, cx) = analyse(
        "An official from the organization said the talks were planned for March.\n\nHe added that no date was fixed.",
    );
    let a = find_attributions(&doc, &cx);
    let he = a.items.iter().find(|x| x.source.is_some_and(|s| doc.slice(s) == "He")).expect("He is a source");
    assert_eq!(he.speaker_kind, SpeakerKind::Anonymous);
    assert!(he.speaker.as_deref().is_some_and(|s| s.contains("official")), "{:?}", he.speaker);
}

/// "An official ... said. The official said ... He added": one anonymous source throughout,
/// reported once, and the pronoun resolves to it.
#[test]
fn the_official_again_is_the_same_anonymous_source() {
    let (doc, cx) = analyse(
        "An official from the organization said the talks were planned for March.\n\nThe official said no date was fixed.\n\nHe added that a ceremony would follow.",
    );
    let a = find_attributions(&doc, &cx);
    let kinds: Vec<(String, SpeakerKind, bool)> = a
        .items
        .iter()
        .map(|x| (x.source.map(|s| doc.slice(s).to_string()).unwrap_or_default(), x.speaker_kind, x.pronoun))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("An official from the organization".to_string(), SpeakerKind::Anonymous, false),
            ("The official".to_string(), SpeakerKind::Anonymous, true),
            ("He".to_string(), SpeakerKind::Anonymous, true),
        ]
    );
}

#[test]
fn a_source_close_to_someone_keeps_whom() {
    let r = rows("“It is a serious problem,” said a person close to the Clintons.");
    assert_eq!(r[0].0, "a person close to the Clintons", "{r:?}");
}
