//! Documents in the speaker's own words (issue 13): a speech, a press
//! conference transcript with question and answer turns, a press release.
//! First-person positions become statements of the document speaker.

use crate::util::{stderr, stdout, TestDir};

const SPEECH: &str = r#"---
date: 2031-03-04
title: Harbour address
speaker: Mara Keel
author: Office of the Governor
---
Good evening, and thank you all for coming.

I want to thank the harbour workers who kept the ferries running this winter.

As Tom Brand once said, "a harbour is only as strong as its pier." Tom Brand said the pier would last another century.

I will not sign a budget that raises the ferry toll. My administration will open the new pier office by early next year. We will bring the lighthouse crews home by the end of next year.

Forty years ago we built the first breakwater. Will the toll go up? Not while I am governor.

I believe the northern channel must stay open to fishing boats.
"#;

const PRESS_CONFERENCE: &str = r#"date 2031-03-05

THE PRESIDENT. Good afternoon. I will veto any bill that closes the northern channel.

Q. Mr. President, will you meet the fishermen's union?

THE PRESIDENT. We will meet them next week. I have directed the harbour board to publish the toll figures.

Q: Do you expect the strike to end?

MR. ODELL: We oppose the closure of the channel.
"#;

const PRESS_RELEASE: &str = r#"---
date: 2031-03-06
speaker: Harbour Authority
---
Harbour Authority announces winter ferry timetable

The Harbour Authority today published the winter timetable. We will add two evening sailings from November. We are committed to keeping fares at last year's level.

For more information, contact the press office.
"#;

fn indexed() -> TestDir {
    let dir = TestDir::new();
    dir.write("speech.md", SPEECH);
    dir.write("release.md", PRESS_RELEASE);
    dir.write("presser/2031-03-05.txt", PRESS_CONFERENCE);
    let out = dir.run(&["index", "speech.md", "release.md", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = dir.run(&["index", "presser", "--speaker", "Iris Vane", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn statements(dir: &TestDir, actor: &str) -> String {
    stdout(&dir.run(&["statements", "--actor", actor, "--index", "idx"]))
}

#[test]
fn a_speech_gives_the_speaker_positions_not_greetings_history_or_others_words() {
    let dir = indexed();
    let keel = statements(&dir, "Mara Keel");
    for expected in [
        "2031-03-04  I will: I will not sign a budget that raises the ferry toll.",
        "2031-03-04  My administration will: My administration will open the new pier office by early next year.",
        "2031-03-04  We will: We will bring the lighthouse crews home by the end of next year.",
        "2031-03-04  I believe: the northern channel must stay open to fishing boats",
    ] {
        assert!(keel.contains(expected), "missing {expected:?} in\n{keel}");
    }
    assert_eq!(keel.lines().count(), 4, "{keel}");
    for absent in ["thank", "breakwater", "toll go up", "pier would last"] {
        assert!(!keel.contains(absent), "{absent:?} in\n{keel}");
    }
    // The quoted predecessor keeps his words.
    let brand = statements(&dir, "Tom Brand");
    assert!(brand.contains("a harbour is only as strong as its pier."), "{brand}");
}

#[test]
fn a_transcript_splits_turns_questions_are_no_ones_stance() {
    let dir = indexed();
    let vane = statements(&dir, "Iris Vane");
    assert_eq!(
        vane.lines().map(|l| l.split("  [").next().unwrap()).collect::<Vec<_>>(),
        [
            "2031-03-05  I will: I will veto any bill that closes the northern channel.",
            "2031-03-05  We will: We will meet them next week.",
            "2031-03-05  I have: I have directed the harbour board to publish the toll figures.",
        ],
        "{vane}"
    );
    let odell = statements(&dir, "Odell");
    assert!(odell.starts_with("2031-03-05  We oppose: the closure of the channel"), "{odell}");
    assert!(!vane.contains("union") && !vane.contains("strike"), "{vane}");
}

#[test]
fn a_press_release_speaks_for_the_issuer() {
    let dir = indexed();
    let authority = statements(&dir, "Harbour Authority");
    assert!(authority.contains("two evening sailings from November"), "{authority}");
    assert!(authority.contains("We are committed to keeping fares at last year's level."), "{authority}");
    assert!(!authority.contains("press office"), "{authority}");
}

#[test]
fn without_a_speaker_first_person_sentences_are_no_ones() {
    let dir = TestDir::new();
    dir.write("speech.md", SPEECH.replace("speaker: Mara Keel\n", ""));
    let out = dir.run(&["index", "speech.md", "--index", "idx", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let keel = statements(&dir, "Mara Keel");
    assert!(!keel.contains("ferry toll"), "{keel}");
}
