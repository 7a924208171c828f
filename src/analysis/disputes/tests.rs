//! Unit tests of the disputes analysis.

use super::*;
use crate::input::{InputOptions, parse_bytes};
use crate::rules::RuleSet;

fn disputes(text: &str) -> (crate::Document, Disputes) {
    let set = RuleSet::embedded().expect("embedded rules load");
    let doc = parse_bytes("t.txt", text.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
    let d = find_disputes(&doc, &set.context);
    (doc, d)
}

fn summary(text: &str) -> Vec<(String, String, &'static str)> {
    let (doc, d) = disputes(text);
    d.items
        .iter()
        .map(|x| {
            let status = match x.status(&Window::default()) {
                Status::Answered(_) => "answered",
                Status::Far(_) => "far",
                Status::Missing => "missing",
            };
            (doc.slice(x.cue).to_string(), x.target_name.clone(), status)
        })
        .collect()
}

#[test]
fn accused_of_targets_the_object_and_a_denial_answers() {
    let got = summary("Sen. Maria Lopez accused Acme Corp of dumping waste in the river.\n\nAcme denied the claim.");
    assert_eq!(got, vec![("accused".into(), "Acme Corp".into(), "answered")]);
    let got = summary("Sen. Maria Lopez accused Acme Corp of dumping waste in the river.\n\nThe river is long.");
    assert_eq!(got, vec![("accused".into(), "Acme Corp".into(), "missing")]);
}

#[test]
fn accuser_denial_does_not_answer() {
    let got = summary("Lopez accused Acme of dumping waste.\n\nLopez denied wanting to run for governor.");
    assert_eq!(got[0].2, "missing");
}

#[test]
fn no_comment_formula_answers() {
    let got = summary(
        "Trump accused Clinton of lying about the emails.\n\nA Clinton spokesman did not respond to a request for comment.",
    );
    assert_eq!(got[0].1, "Clinton");
    assert_eq!(got[0].2, "answered");
}

#[test]
fn a_response_before_the_assertion_needs_the_same_topic() {
    let far =
        "The Acme board denied wrongdoing over the pension fund.\n\nLopez accused Acme of dumping waste in the river.";
    assert_eq!(summary(far)[0].2, "missing");
    let topical = "Acme denied dumping waste.\n\nLopez accused Acme of dumping waste in the river.";
    assert_eq!(summary(topical)[0].2, "answered");
}

#[test]
fn far_response_is_reported_as_far() {
    let text =
        "Lopez accused Acme of dumping waste in the river.\n\nOne.\n\nTwo.\n\nThree.\n\nAcme denied dumping waste.";
    assert_eq!(summary(text)[0].2, "far");
}

#[test]
fn accusation_noun_and_lied() {
    let got = summary("Cruz repeated accusations that McConnell lied to him.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "McConnell");
    assert_eq!(got[0].2, "missing");
}

#[test]
fn negated_charge_is_no_claim() {
    let (_, d) = disputes("The US says NATO is a defensive alliance and not a threat to Russia.");
    assert!(d.items.is_empty(), "{:?}", d.items);
}

#[test]
fn topic_words_relate_inflections() {
    assert!(same_word(&stem("expansion"), &stem("expand")));
    assert!(same_word(&stem("assurances"), &stem("assurance")));
    assert!(same_word(&stem("missiles"), &stem("missile")));
    assert!(!same_word(&stem("contain"), &stem("continue")));
}

#[test]
fn a_pronoun_answer_and_reported_speech() {
    // "He" is Robert (a known given name); the answer follows in the same paragraph.
    let got = summary("The book accuses Robert of treating the contractors like guards. He said that is a distortion.");
    assert_eq!(got, vec![("accuses".into(), "Robert".into(), "answered")]);
    // Rubio's "opposing" is Cruz's report of it, not Rubio answering.
    let got = summary(
        "Cruz blasted Rubio for his support of the bill, telling a radio host that Rubio had opposed adding border provisions.",
    );
    assert_eq!(got, vec![("blasted".into(), "Rubio".into(), "missing")]);
    // A passive accusation verb does not make the accused a speaker.
    let got = summary("Lewandowski was accused by a reporter of grabbing her. He was charged with battery.");
    assert_eq!(got[0].2, "missing", "{got:?}");
}

#[test]
fn campaign_to_condemn_is_an_accusation_and_groups_are_skipped() {
    let got = summary("Khan has mounted a public campaign to condemn Mr. Trump for the proposal.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(summary("Lopez refused to condemn Acme for the spill.").is_empty());
    assert!(summary("Beck has also criticized Christian Evangelical voters for not supporting Cruz.").is_empty());
}

#[test]
fn the_targets_remarks_on_another_topic_do_not_answer() {
    let acc = "The book accuses Robert of treating the contractors like guards.\n\n";
    let other = format!("{acc}\"We did try to convey the seriousness of the environment,\" Robert said.");
    assert_eq!(summary(&other)[0].2, "missing");
    // A weaker but real answer: a rebuttal word, a reference back to the charge.
    let weak = format!("{acc}Robert has said the claims are baseless.");
    assert_eq!(summary(&weak)[0].2, "answered");
    let topical = format!("{acc}Robert said the contractors were treated as professionals.");
    assert_eq!(summary(&topical)[0].2, "answered");
    // A spokesperson's statement engages with the charge.
    let spokesman = format!("{acc}In a statement, a spokesman for Robert said he was proud of the team.");
    assert_eq!(summary(&spokesman)[0].2, "answered");
    // The accuser named in the target's remarks: an answer to them.
    let named = "Lopez accused Acme of dumping waste in the river.\n\nAcme said Lopez was running for governor.";
    assert_eq!(summary(named)[0].2, "answered");
}

#[test]
fn a_one_word_charge_takes_the_targets_next_remarks() {
    let got = summary("Sanders accused Clinton of ducking.\n\nClinton suggested they debate in Pennsylvania.");
    assert_eq!(got, vec![("accused".into(), "Clinton".into(), "answered")]);
}

#[test]
fn an_unnamed_accused_party_is_answered_by_stock_phrases_only() {
    let present =
        "Russia is behind the hack, as researchers believe, and Democrats are alleging, but Moscow strongly denies.";
    // The denier after the cue is read as the accused party.
    assert_eq!(summary(present)[0].2, "answered");
    let removed = "Russia is behind the hack, as researchers believe, and Democrats are alleging.\n\nPutin said the weather was fine.";
    assert_eq!(summary(removed), vec![("alleging".into(), "the accused party".into(), "missing")]);
    let lawsuit = "The lawsuit alleges a long list of violations.\n\nThe committee's spokesman said, \"We disagree strongly with those claims.\"";
    assert_eq!(summary(lawsuit)[0].2, "answered");
    // A participle describing a suit in passing accuses nobody in particular.
    assert!(summary("A lawsuit was filed in 2012 alleging that police used the plaintiffs' identity.").is_empty());
}

#[test]
fn a_third_partys_no_comment_answers_only_through_a_spokesperson() {
    let other = "The petition accuses the Trump campaign of using illegal contracts.\n\nThe Clinton campaign did not reply to emails asking about its contracts.";
    assert_eq!(summary(other)[0].2, "missing");
    let court = "Trump criticized Justice Ruth Bader Ginsburg for making political statements.\n\nA Supreme Court spokeswoman did not immediately respond to a request for comment on Trump's criticism.";
    assert_eq!(summary(court)[0].2, "answered");
}

#[test]
fn the_subject_of_a_subordinate_clause_accuses() {
    let got = summary(
        "Donald Trump spoke on Monday.\n\nMr. Trump's turn started last week when Mrs. Clinton, in response to Mr. Trump's remark about her loss to Barack Obama, accused him of sexism.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Donald Trump");
}

#[test]
fn rigged_as_a_predicate_accuses_whoever_runs_the_thing() {
    let got = summary("The front-runner complained that the contest had been \"rigged\" against him.");
    assert_eq!(got, vec![("rigged".into(), "the accused party".into(), "missing")]);
    let denied = "The front-runner complained that the contest had been \"rigged\" against him, a charge that Colorado leaders strongly denied.";
    assert!(summary(denied).iter().all(|g| g.2 == "answered"), "{:?}", summary(denied));
    assert!(summary("Sanders says he will end a rigged economy where the rich get richer.").is_empty());
    assert!(summary("Sanders has soared in the polls by saying that the system is rigged.").is_empty());
}

#[test]
fn a_question_charges_nobody() {
    assert!(summary("So is Trump lying about his signature issue, immigration?").is_empty());
    // A statement ending on a quoted question still charges.
    assert_eq!(summary("Trump was back to implying that Fields had lied about it - why hadn't she screamed?").len(), 1);
}

#[test]
fn a_claims_subject_after_an_introductory_clause() {
    let got =
        summary("O'Donnell said that before the book was published, Trump sent an attorney who threatened to sue him.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Trump");
}

#[test]
fn places_roles_and_possessive_groups_are_no_accused_party() {
    // A place naming a person by role.
    assert!(summary("Carson has kept slamming the Texas senator for failing to act.").is_empty());
    // He / she never stand for a place.
    let got = summary(
        "Bernie Sanders spoke at the last debate in New Hampshire, when Clinton accused him of an artful smear.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Bernie Sanders");
    // "accusations that his backers made threats after Nevada Democrats ruled": the
    // backers are accused, not Nevada Democrats.
    assert!(summary("Reid spoke with Sanders about accusations that his backers made threats after Nevada Democrats ruled against them.").is_empty());
}

#[test]
fn a_dropped_case_in_the_same_sentence_answers_a_charge() {
    let got = summary("Corey Lewandowski was charged with battery, but prosecutors declined to proceed with the case.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "answered");
}

#[test]
fn an_appositive_names_the_side_a_speaker_speaks_for() {
    let text = "Palmieri accused Bernie Sanders of taking cues from Republicans.\n\nThe race goes on.\n\nTad Devine, Sanders' senior media adviser, said Republicans are engaged in misguided mischief that shows their disconnect with voters.";
    assert_eq!(summary(text)[0].2, "answered");
    let text = "Palmieri accused Bernie Sanders of taking cues from Republicans.\n\nThe race goes on.\n\nTad Devine, a Vermont farmer, said Republicans are engaged in misguided mischief that shows their disconnect with voters.";
    assert_eq!(summary(text)[0].2, "missing");
}

#[test]
fn avoided_criticism_and_possible_lies_charge_nobody() {
    assert!(summary("Trump has avoided directly criticizing Comey, a Republican appointee.").is_empty());
    assert!(summary("Pelosi warned that the leaks could include Russian lies.").is_empty());
}

#[test]
fn blasted_x_calling_her_is_an_accusation() {
    let got = summary("Trump blasted the California yoga instructor during a rally, calling her a horrible witness.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "missing");
    let answered = "Trump blasted the California yoga instructor during a rally, calling her a horrible witness.\n\nShe did not respond to a request for comment.";
    assert_eq!(summary(answered)[0].2, "answered");
}

#[test]
fn a_denied_accusation_and_a_that_clause_after_an_introduction() {
    assert!(summary("LeVell dismisses accusations that Trump has exploited racial tensions.").is_empty());
    let got = summary(
        "Clinton charged that in pursuing his goal of a single-payer system, Sanders would jeopardize the law.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Sanders");
}

/// (cue, why not live) of each dispute.
fn liveness(text: &str) -> Vec<(String, Option<NotLive>)> {
    let (doc, d) = disputes(text);
    d.items.iter().map(|x| (doc.slice(x.cue).to_string(), x.not_live)).collect()
}

#[test]
fn a_charge_told_with_an_earlier_time_is_background() {
    let now = "The race tightened in 2016 as both campaigns spent heavily.\n\n";
    let got = liveness(&format!("{now}And in 2008, Hillary Clinton slammed Barack Obama as elitist for his remarks."));
    assert_eq!(got, vec![("slammed".to_string(), Some(NotLive::Background))]);
    let got = liveness(&format!("{now}During the 2012 election, Mitt Romney accused Obama of bungling the recovery."));
    assert_eq!(got[0].1, Some(NotLive::Background));
    let got = liveness(&format!("{now}Smith said at the time that Jones had lied to the committee."));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Some(NotLive::Background));
    // The article's own year, and a year inside another phrase, are no background.
    let got = liveness(&format!("{now}In 2016, Mitt Romney accused Obama of bungling the recovery."));
    assert_eq!(got[0].1, None);
    let got = liveness(&format!(
        "{now}Mrs. Clinton, replying to Mr. Trump's remark about her loss in 2008, accused Mr. Trump of sexism."
    ));
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn a_standing_pattern_and_an_owned_group_are_no_live_charge() {
    let got =
        liveness("Fiorina noted that Trump has frequently denounced former President George W. Bush for the war.");
    assert!(!got.is_empty() && got.iter().all(|(_, l)| *l == Some(NotLive::Background)), "{got:?}");
    let got = liveness("Fiorina noted that Trump denounced George W. Bush for the war on Monday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, None);
    // "his GOP opponents": the accuser's opponents, not a party; a name is.
    assert!(summary("Alan Grayson criticized his GOP opponents for their animosity toward the department.").is_empty());
    let got = summary("Alan Grayson criticized Donald Trump for his animosity toward the department.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn planned_expected_and_hypothetical_charges_are_not_made() {
    let got = liveness("Lakeisha Holloway, 24, will be charged with murder with a deadly weapon.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, Some(NotLive::NotMade));
    let got = liveness("Mr. Amano said that, if its claims are true, North Korea is violating U.N. resolutions.");
    assert!(got.iter().all(|(_, l)| *l == Some(NotLive::NotMade)), "{got:?}");
    let got = liveness(
        "One of the decisions they have made, according to a person close to the process, is to turn any attack into a counterattack - blasting Donald Trump for his lack of charitable giving.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, Some(NotLive::NotMade));
    let got = liveness("Clinton is expected soon to criticize Donald Trump for his remarks on trade.");
    assert!(got.iter().all(|(_, l)| *l == Some(NotLive::NotMade)), "{got:?}");
    // A condition inside a quotation, closed off by a dash, leaves the charge made.
    let got = liveness(
        "Donald Trump has hired Stephen Bannon of Breitbart News.\n\nMrs. Clinton is responding, painting Mr. Trump as a bully - ''If Trump wins, they could run the country,'' one ad declared - or denouncing him as a ''psychopath.''",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, None);
}

#[test]
fn opinion_pieces_and_letters_flag_nothing() {
    let letter =
        "LETTERS.\n\nIn a rare moment of solidarity, I stand with Mitt Romney (\"Romney blasts Trump as a fraud\").";
    assert!(liveness(letter).iter().all(|(_, l)| *l == Some(NotLive::Opinion)));
    let op_ed = "Trump and Sanders often blame China for taking American jobs.\n\nThey are right, in part.\n\nJohn Stoehr is a lecturer in political science at Yale and a contributing writer at Washington Monthly.";
    let got = liveness(op_ed);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, Some(NotLive::Opinion));
    let op_ed =
        "Norman Solomon, a Bernie Sanders delegate from California, is coordinator of the Bernie Delegates Network.";
    let d = parse_bytes("t.txt", op_ed.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
    assert!(author_line(&d.text, d.paragraphs[0]));
    // A news paragraph quoting someone is no author line.
    let news = "Jane Roe, a spokeswoman for Acme, said the charges were false.";
    let d = parse_bytes("t.txt", news.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
    assert!(!author_line(&d.text, d.paragraphs[0]));
    // A news story (no heading, no author line, no first person) stays news.
    let got = liveness("Trump and Sanders blame China for taking American jobs.\n\nThe debate goes on.");
    assert_eq!(got[0].1, None);
}

#[test]
fn a_pronoun_target_needs_one_candidate() {
    // Two men before "him": whom Cruz accused is unclear.
    let got =
        liveness("Jeb Bush spoke in Manchester. Ted Cruz spoke later with Donald Trump. Cruz accused him of lying.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, Some(NotLive::UnclearPronoun));
    // One man: clear, and a chain of he's keeps him ("Trump ... he ... he was denounced").
    let got = liveness("Jeb Bush spoke in Manchester. Ted Cruz accused him of lying.");
    assert_eq!(got[0].1, None, "{got:?}");
    let got = liveness(
        "Mr. Trump keeps winning. He has captured New Hampshire. In both states, he won decisively. He was denounced by the head of the church for his remarks.",
    );
    assert!(got.iter().all(|(_, l)| l.is_none()), "{got:?}");
}

#[test]
fn a_charge_made_in_reply_is_answered_by_the_remark_it_replies_to() {
    let text = "Alwaleed Talal said Donald Trump was a disgrace to America.\n\nTrump responded by calling Alwaleed dopey and accusing him of wanting to control politicians.";
    let got = summary(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "answered", "{got:?}");
    // Without the reply framing, the earlier remark (no shared topic) does not answer.
    let text = "Alwaleed Talal said Donald Trump was a disgrace to America.\n\nTrump later accused Alwaleed of wanting to control politicians.";
    assert_eq!(summary(text)[0].2, "missing");
}

#[test]
fn odd_input_does_not_panic() {
    for t in [
        "accused",
        "“accused of”",
        "He accused",
        "accused him of",
        "Él acusó a José de mentir. denied é",
        ", denied",
        "“A claim”, something the Kremlin says it does not plan.",
        "NEW YORK (AFP) – Vice President Joe Biden, trashing Donald Trump and accusing him of ééééééééééééééééééééééééééééééééééééé lies.",
        "ééééééééééééééééééééééééééééééé Bob, slamming Ann and accusing him of lies.",
    ] {
        let _ = disputes(t);
    }
}

#[test]
fn a_past_charge_told_in_passing_is_background() {
    let got = liveness("Democrats, historically, have lambasted Acme and Walmart for their resistance to wage hikes.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, Some(NotLive::Background));
    let got = liveness("Smith, who once accused Jones of fraud, spoke on Monday.");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![Some(NotLive::Background)], "{got:?}");
    // "once again" repeats the charge now.
    let got = liveness("Smith once again accused Jones of fraud on Monday.");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![None], "{got:?}");
    // The charge as the cause of another event: the event is the news.
    let got = liveness("The reporter was suspended for two weeks after slamming Republicans for their vote.");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![Some(NotLive::Background)], "{got:?}");
    let got = liveness("The reporter slammed Republicans for their vote on Monday.");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![None], "{got:?}");
}

#[test]
fn a_passive_attack_with_no_accuser_or_reason_is_no_charge() {
    assert!(summary("The team was clearing mines near the temple when it was attacked.").is_empty());
    assert!(summary("Cosby is attacked in the media while Clinton is celebrated.").is_empty());
    assert_eq!(summary("Cosby was attacked by Breitbart for his donations.").len(), 1);
    assert_eq!(summary("Cosby was criticized for his donations.").len(), 1);
    // Charged with a crime keeps its object.
    assert_eq!(summary("Eric Rudolph has been charged with the bombing.").len(), 1);
}

#[test]
fn places_and_people_wronged_are_not_the_accused() {
    assert!(summary("The leaders condemned the bombings in Kenya and Tanzania.").is_empty());
    assert!(summary("Democratic allegations of political bias against Clinton gained momentum.").is_empty());
    let got = summary("The new allegations of adultery against Grayson are not the only charges he faces.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Grayson");
    // "U.S. politicians": a group, not a party.
    assert!(summary("Jun wrote that U.S. politicians are betraying their words, officials said.").is_empty());
    // "the threat to America" is faced, not posed by anyone named.
    assert!(summary("He noted that Obama refuses to discuss the threat to America as terrorism.").is_empty());
    // A sentence adverb is no party; a rhetorical question charges nobody.
    assert!(summary("Further, isn't that what her husband, Bill, is accused of?").is_empty());
}

#[test]
fn a_plea_an_admission_and_a_representative_answer_a_charge() {
    let got = summary("Peter Brown was charged with fraud on Monday.\n\nBrown pleaded innocent at his arraignment.");
    assert_eq!(got, vec![("charged".into(), "Peter Brown".into(), "answered")]);
    let got = summary("Police charged Ahmed Ali with murder.\n\nAli, 28, admitted the killing, police said.");
    assert_eq!(got, vec![("charged".into(), "Ahmed Ali".into(), "answered")]);
    let got = summary("John Smith was charged with murder on Tuesday.\n\nHis lawyer said Smith would be cleared.");
    assert_eq!(got, vec![("charged".into(), "John Smith".into(), "answered")]);
    let got = summary("Peter Brown was charged with fraud on Monday.\n\nHis lawyer, Mary Jones, denied the charges.");
    assert_eq!(got[0].2, "answered");
    // Only the accused concedes: a third party's admission answers nothing.
    let got = summary(
        "The Advocate chided President Barack Obama for continuing his vacation.\n\nThe newspaper admitted that the state is red.",
    );
    assert_eq!(got, vec![("chided".into(), "Barack Obama".into(), "missing")]);
    // Without a plea or a lawyer the charge stays unanswered.
    let got = summary("John Smith was charged with murder on Tuesday.\n\nThe victim was 34.");
    assert_eq!(got[0].2, "missing");
}

#[test]
fn the_victim_of_a_condemned_act_and_an_adjective_are_not_accused() {
    assert!(summary("The Security Council condemned the killing of Palestinians in Hebron.").is_empty());
    assert!(summary("Arafat condemned the bombing of the U.S. embassy by militants.").is_empty());
    let got = summary("Bush condemned Iraq's invasion of Kuwait.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(summary("The accused bomber, Timothy McVeigh, was found guilty of murder.").is_empty());
    assert_eq!(summary("Prosecutors accused Timothy McVeigh of murder.").len(), 1);
}

#[test]
fn a_military_attack_and_a_task_are_no_charge() {
    assert!(summary("NATO warplanes attacked Serb targets for a third night on Thursday.").is_empty());
    assert!(summary("Rebels attacked Kosovo police over the weekend.").is_empty());
    assert!(summary("Janet Reno was charged with overseeing the inquiry into the Justice Department.").is_empty());
    // A reason stays a charge, and so does a crime.
    assert_eq!(summary("Gore attacked Bradley for his health plan.").len(), 1);
    assert_eq!(summary("Smith was charged with killing the guard.").len(), 1);
}

#[test]
fn a_middle_initial_keeps_the_name_whole() {
    let got = summary(
        "Officials said David H. Petraeus lied to the FBI about the notebooks.\n\nPetraeus denied misleading agents.",
    );
    assert_eq!(got[0], ("lied".into(), "David H. Petraeus".into(), "answered"), "{got:?}");
}

#[test]
fn a_defense_lawyer_answers_for_the_accused() {
    let got = summary(
        "Peter Brown was charged with fraud on Monday.\n\nDefense attorney Mary Jones said her client would be cleared.",
    );
    assert_eq!(got, vec![("charged".into(), "Peter Brown".into(), "answered")]);
    let got = summary("Peter Brown was charged with fraud on Monday.\n\nMary Jones said the weather was fine.");
    assert_eq!(got[0].2, "missing");
}

#[test]
fn a_speaker_who_represents_the_accused_answers() {
    let got = summary(
        "Peter Brown was charged with fraud on Monday.\n\n\"The fraud case is weak,\" said Mary Jones, who represents Brown.",
    );
    assert_eq!(got, vec![("charged".into(), "Peter Brown".into(), "answered")]);
    // Without the relative clause the lawyer speaks for nobody named.
    let got = summary("Peter Brown was charged with fraud on Monday.\n\n\"The fraud case is weak,\" said Mary Jones.");
    assert_eq!(got[0].2, "missing", "{got:?}");
}

#[test]
fn an_accusation_declared_false_in_its_sentence_is_answered() {
    let got = summary(
        "A lawyer for Tom Reed says an accusation that the former county clerk used a slur in school is false.",
    );
    assert!(got.is_empty(), "{got:?}");
    // The charge's own clause is not its denial ("were false" is what is alleged).
    let got = summary("Sen. Maria Lopez repeated allegations that Acme Corp's safety reports were false.");
    assert_eq!(got, vec![("allegations that".into(), "Acme Corp's".into(), "missing")]);
    let got = summary("The union says allegations against Acme Corp are baseless.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_accused_rejecting_a_charge_outright_just_before_answers_it() {
    let text = "Ruritania on Tuesday urged Freedonia to stop its unwarranted slandering.\n\n\
                The remarks followed Freedonia's allegations that Ruritania is meddling in its vote.\n\n\
                The vote is in May.";
    assert_eq!(summary(text), vec![("allegations that".into(), "Ruritania".into(), "answered")]);
    // Remarks before the charge without a rebuttal or a shared word do not answer.
    let text = "Ruritania on Tuesday urged Freedonia to buy more grain.\n\n\
                The remarks followed Freedonia's allegations that Ruritania is meddling in its vote.\n\n\
                The vote is in May.";
    assert_eq!(summary(text), vec![("allegations that".into(), "Ruritania".into(), "missing")]);
    // Someone else's rebuttal words in the sentence are not the accused's.
    let text = "Investigators have no evidence to suggest that Ivo Lazic stole the files.\n\n\
                Ivo Lazic was charged with theft in 2014.\n\nHe is in custody.";
    assert_eq!(summary(text)[0].2, "missing");
}

#[test]
fn a_description_stands_for_the_party_named_before() {
    // "the Asian giant", "the electric-vehicle maker": an epithet noun after the description.
    let text = "Ruritania has urged Freedonia to stop slandering Lisbon after President Tom Reed \
                accused the European giant of meddling in the vote.\n\nThe vote is in May.";
    let got = summary(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_ne!(got[0].1, "European", "{got:?}");
    let text = "Acme Motors opened a plant in Ohio last year.\n\n\
                Sen. Maria Lopez accused the electric-vehicle maker of ignoring known hazards.\n\n\
                The hearing is next week.";
    assert_eq!(summary(text), vec![("accused".into(), "Acme Motors".into(), "missing")]);
    let text = format!("{text}\n\nAn Acme Motors spokesperson disputed the claims.");
    assert_eq!(summary(&text)[0].2, "answered");
    // Not a party in parentheses, a modifier, or the state after a place.
    let text = "Acme Parcel Inc (NASDAQ: API) runs depots in Tucson, Arizona.\n\nAna Ruiz complained to \
                U.S. safety regulators, alleging the company ignored the rules.";
    assert_eq!(summary(text), vec![("alleging".into(), "Acme Parcel Inc".into(), "missing")]);
}

#[test]
fn an_acronym_is_the_name_it_abbreviates_and_workers_are_not_their_company() {
    let text = "Ana Ruiz, a driver for Acme Parcel Service, accused Acme Parcel Service of ignoring \
                the rules.\n\nThe outbreak spread, according to interviews with six APS workers.\n\n\
                The union met.\n\nAsked about it, APS said it had strengthened its rules.";
    assert_eq!(summary(text), vec![("accused".into(), "Acme Parcel Service".into(), "far")]);
}

#[test]
fn a_countrys_adjective_before_another_noun_is_not_the_state() {
    // The accuser and the denier are two Russian bodies, not Russia twice.
    let text = "MOSCOW (AP) — A Russian testing company denies accusations its staff tipped off \
                athletes.\n\nThe Russian anti-doping agency has alleged that Testco's staff tipped \
                off athletes about tests.\n\nThe hearing is in May.";
    assert_eq!(summary(text), vec![("alleged that".into(), "Testco's".into(), "answered")]);
    // "Ukrainian officials denied" is the state speaking.
    let text = "Russia accused Ukraine of shelling the border town.\n\nUkrainian officials denied it.";
    assert_eq!(summary(text), vec![("accused".into(), "Ukraine".into(), "answered")]);
}

#[test]
fn arrested_and_charged_is_a_passive_charge() {
    let text = "Tony Mack was arrested on Monday and charged with extortion.\n\nThe hearing is next week.";
    assert_eq!(summary(text), vec![("charged".into(), "Tony Mack".into(), "missing")]);
    let text = format!("{text}\n\nMack's lawyer said he would plead not guilty.");
    assert_eq!(summary(&text)[0].2, "answered");
    // "and charged" after an active verb is no passive.
    let text = "Prosecutors arrested him and charged Tony Mack with extortion.";
    assert_eq!(summary(text), vec![("charged".into(), "Tony Mack".into(), "missing")]);
}

#[test]
fn a_party_in_an_aside_or_before_how_is_no_passive_subject() {
    // The judge heard how the players were accused: the judge is not accused.
    let got = summary("Judge Mary Holt heard how the two strikers were accused of assault at the club.");
    assert!(got.iter().all(|(_, t, _)| t != "Mary Holt"), "{got:?}");
    // A place inside a dash aside is not the subject.
    let got = summary("Four players -- at a camp in Marbella -- were accused of assault.");
    assert!(got.iter().all(|(_, t, _)| t != "Marbella"), "{got:?}");
    // A name before a whole aside still is.
    let got = summary("John Terry -- a defender -- was accused of assault.\n\nThe hearing is next week.");
    assert_eq!(got, vec![("accused".into(), "John Terry".into(), "missing")]);
}

#[test]
fn the_grounds_of_a_past_sanction_are_background() {
    let got = liveness(
        "The agency, known as NADA, was reinstated last year after two years on suspension over allegations \
         it covered up for doped athletes.",
    );
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![Some(NotLive::Background)], "{got:?}");
    // No "after": the sanction is the news and its grounds a live charge.
    let got = liveness("The agency, known as NADA, faces a ban over allegations it covered up for doped athletes.");
    assert!(!got.is_empty() && got.iter().all(|x| x.1.is_none()), "{got:?}");
    // A comma ends the sanction's phrase.
    let got = liveness("After the suspension ended, Smith accused Acme Corp of fraud.");
    assert_eq!(got.iter().map(|x| x.1).collect::<Vec<_>>(), vec![None], "{got:?}");
}

#[test]
fn could_not_comment_and_no_comment_on_pending_litigation_are_no_comments() {
    let text =
        "Parents accused Acme Corp of racial bias.\n\nA.\n\nB.\n\nAcme Corp does not comment on pending litigation.";
    assert_eq!(summary(text), vec![("accused".into(), "Acme Corp".into(), "far")]);
    let text = "Parents accused Acme Corp of racial bias.\n\nAcme Corp said it could not comment.";
    assert_eq!(summary(text)[0].2, "answered");
}

#[test]
fn the_party_a_wrong_is_alleged_against_is_the_one_wronged() {
    let got = summary(
        "LOUISVILLE, Ky. (AP) - A lawsuit alleges racial discrimination against African American maintenance \
         workers in the largest school district.\n\nThe suit seeks damages.",
    );
    assert!(got.iter().all(|(_, t, _)| !t.contains("African")), "{got:?}");
    let got = summary("The lawsuit alleges that Acme Corp discriminated against workers.\n\nThe trial is next year.");
    assert!(got.iter().any(|(_, t, _)| t == "Acme Corp"), "{got:?}");
}

#[test]
fn a_mutual_charge_a_capitalised_cue_and_failed_to_comment() {
    // Both sides' charges in one sentence.
    let got = summary("India and Pakistan on Saturday accused each other of violating the ceasefire.");
    assert!(got.is_empty(), "{got:?}");
    // "Charges" opening a quotation is no party; the sentence rejects them anyway.
    let got = summary(
        "\u{201c}Charges by the union alleging Acme Corp has violated the rights of workers are false,\u{201d} \
         Acme said.",
    );
    assert!(got.iter().all(|(_, t, _)| t != "Charges"), "{got:?}");
    // "have failed to comment" is a no-comment, here beyond the window.
    let text = "Amnesty International accused Egyptian authorities of covering up killings.\n\nA.\n\nB.\n\n\
                Egyptian officials have failed to comment on the report.";
    assert_eq!(summary(text), vec![("accused".into(), "Egyptian authorities".into(), "far")]);
}

#[test]
fn a_capitalised_adverb_is_no_party_and_a_later_denial_is_far() {
    let got = summary(
        "\u{201c}Publicly performed the song and otherwise violated the copyrights,\u{201d} the complaint added.",
    );
    assert!(got.iter().all(|(_, t, _)| t != "Publicly"), "{got:?}");
    // The accused's own denial a little beyond the window, on other words: far.
    let text = "Ukraine's military accused Russia of shelling its territory.\n\nA.\n\nB.\n\n\
                Moscow denies that it is involved in the fighting.";
    assert_eq!(summary(text), vec![("accused".into(), "Russia".into(), "far")]);
    // Much further on it is another matter.
    let text = "Ukraine's military accused Russia of shelling its territory.\n\nA.\n\nB.\n\nC.\n\nD.\n\n\
                Moscow denies that it is involved in the fighting.";
    assert_eq!(summary(text), vec![("accused".into(), "Russia".into(), "missing")]);
}

#[test]
fn settled_charges_a_pronoun_subject_and_no_public_body_for_the_company() {
    // A settled charge is a decided matter: found, but not live.
    let text = "Acme agreed to pay a fine to settle charges by the SEC that it misled investors.";
    let (_, d) = disputes(text);
    assert!(!d.items.is_empty());
    assert!(d.items.iter().all(|x| x.not_live == Some(NotLive::Background)), "{:?}", d.items);
    // "... the Securities and Exchange Commission that it misled investors": "it", not the
    // commission named before it.
    let text = "Acme faces charges by the Securities and Exchange Commission that it misled investors.";
    let got = summary(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_ne!(got[0].1, "Securities and Exchange Commission", "{got:?}");
    // "the company" does not stand for a public body named before.
    let text = "The Federal Trade Commission announced a lawsuit on Monday.\n\n\
                Its lawyers accused the company of lying to users.";
    assert!(summary(text).iter().all(|(_, t, _)| t != "Federal Trade Commission"));
}

#[test]
fn no_comment_variants_answer() {
    let charge = "Sen. Maria Lopez accused Acme Corp of dumping waste in the river.\n\n";
    for phrase in [
        "would prefer not to talk about the matter",
        "declined to discuss the case",
        "refused to answer questions",
        "had no immediate comment",
        "could not be reached for comment",
        "did not return calls on Monday",
        "did not return messages",
        "did not respond to questions",
        "preferred not to comment",
    ] {
        let got = summary(&format!("{charge}Acme {phrase}."));
        assert_eq!(got, vec![("accused".into(), "Acme Corp".into(), "answered")], "{phrase}");
    }
    let got = summary(&format!("{charge}Acme is based in Ohio."));
    assert_eq!(got[0].2, "missing");
}

#[test]
fn family_aides_and_spokespeople_speak_for_the_accused() {
    let charge = "Sen. Maria Lopez accused John Brown of hiding the money.\n\nThe hearing is next week.\n\n";
    for answer in [
        "\u{201c}He never touched that money,\u{201d} said his daughter, Rosa.",
        "His daughter, Rosa, said he would prefer not to talk about the matter.",
        "His campaign said the money was never hidden.",
        "A spokesman for Brown said the money was never hidden.",
    ] {
        let got = summary(&format!("{charge}{answer}"));
        assert_eq!(got, vec![("accused".into(), "John Brown".into(), "answered")], "{answer}");
    }
    // A speaker with no tie to the accused is no answer.
    let got = summary(&format!("{charge}\u{201c}He never touched that money,\u{201d} said Rosa Diaz."));
    assert_eq!(got[0].2, "missing", "{got:?}");
    // A party named after the relative word is the subject of the no-comment, not the
    // speaker before it.
    let got = summary(&format!("{charge}Rosa Diaz, who said Brown would prefer not to talk about it, left early."));
    assert_eq!(got[0].2, "answered", "{got:?}");
}

#[test]
fn a_bare_condemnation_charges_nothing() {
    let got = summary("Speaker after speaker denounced the United States and praised the revolution.\n\nIt rained.");
    assert!(got.is_empty(), "{got:?}");
    let got = summary("Pope Francis was denounced by Bishop Smith.\n\nIt rained.");
    assert!(got.is_empty(), "{got:?}");
    // A wrong stated: for / over / as, a possessive or a noun the party modifies.
    for text in [
        "Sen. Maria Lopez condemned Acme Corp for dumping waste.\n\nIt rained.",
        "Sen. Maria Lopez denounced Acme Corp over the spill.\n\nIt rained.",
        "Sen. Maria Lopez condemned Israel's raid on the camp.\n\nIt rained.",
        "Sen. Maria Lopez condemned the U.S. bombing of the factory.\n\nIt rained.",
        "Sen. Maria Lopez denounced Acme Corp, saying it poisoned the river.\n\nIt rained.",
    ] {
        let got = summary(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].2, "missing", "{text}");
    }
}

#[test]
fn an_office_answers_for_its_title_holder() {
    let charge = "Sen. Maria Lopez accused President Clinton of misleading the public about the budget.\n\n";
    let got = summary(&format!("{charge}White House spokesman Mike McCurry said the budget figures were accurate."));
    assert_eq!(got, vec![("accused".into(), "Clinton".into(), "answered")], "{got:?}");
    let got = summary(&format!("{charge}The White House said the budget figures were accurate."));
    assert_eq!(got[0].2, "answered", "{got:?}");
    // Downing Street speaks for a prime minister, not a president.
    let got = summary(&format!("{charge}Downing Street said the budget figures were accurate."));
    assert_eq!(got[0].2, "missing", "{got:?}");
    // A president of another side, or a former president, is not the White House's.
    let got = summary(
        "Sen. Maria Lopez accused Russian President Vladimir Putin of misleading the public about the budget.\n\n\
         White House spokesman Mike McCurry said the budget figures were accurate.",
    );
    assert_eq!(got[0].2, "missing", "{got:?}");
    let got = summary(
        "Sen. Maria Lopez accused former President Jimmy Carter of misleading the public about the budget.\n\n\
         White House spokesman Mike McCurry said the budget figures were accurate.",
    );
    assert_eq!(got[0].2, "missing", "{got:?}");
}

#[test]
fn the_accused_naming_the_accuser_beyond_the_window_is_far() {
    let charge = "Sen. Maria Lopez criticized Tom Vance for closing the clinic office.\n\nP one.\n\nP two.\n\n";
    let got = summary(&format!("{charge}Vance said Lopez was playing politics."));
    assert_eq!(got, vec![("criticized".into(), "Tom Vance".into(), "far")], "{got:?}");
    // On another matter, not naming the accuser: no response.
    let got = summary(&format!("{charge}Vance said the weather was fine."));
    assert_eq!(got[0].2, "missing", "{got:?}");
    // Naming the accuser much further on is about something else.
    let got = summary(&format!("{charge}P three.\n\nP four.\n\nP five.\n\nVance said Lopez was playing politics."));
    assert_eq!(got[0].2, "missing", "{got:?}");
}
