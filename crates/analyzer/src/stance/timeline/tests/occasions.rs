//! Later windows that are another occasion, not a slip (kept apart from the
//! rest of the timeline tests, which were past 800 lines).

use super::*;

/// Regressions (Reuters-21578, SOTU, flags judged by hand): a later window
/// is a slip only when it moves the same act's date. The same relative words
/// said a year later ("this year"), a recurring act's next date after the
/// last one passed, a forecast revised and one remark reported twice were
/// flagged; an offer extended again is a slip.
#[test]
fn later_windows_that_are_no_slip() {
    let mut c = Corpus::new();
    let acme = Some("acme");
    c.say("a1", "1987-03-02", "Acme", acme, None, "said", "it will raise steel prices in July")
        .say("a2", "1987-08-20", "Acme", acme, None, "said", "it will raise steel prices on January 3")
        .say(
            "b1",
            "1987-03-05",
            "Acme",
            acme,
            None,
            "said",
            "the plant work is expected to be completed in July 1989",
        )
        .say(
            "b2",
            "1987-06-10",
            "Acme",
            acme,
            None,
            "said",
            "the plant work is expected to be completed in October 1990",
        )
        .say(
            "c1",
            "1987-03-06",
            "Acme",
            acme,
            None,
            "said",
            "it extended its tender offer for Cyclops to March 20",
        )
        .say(
            "c2",
            "1987-03-19",
            "Acme",
            acme,
            None,
            "said",
            "it extended its tender offer for Cyclops to April 3",
        );
    let carter = Some("jimmy-carter");
    c.say(
        "s1",
        "1979-01-25",
        "I",
        carter,
        None,
        "",
        "This year we will submit a balanced budget to the Congress",
    )
    .say(
        "s2",
        "1980-01-21",
        "I",
        carter,
        None,
        "",
        "This year we will submit a balanced budget to the Congress",
    );
    insta::assert_snapshot!(check(&c, None, "1987-10-20"), @"
    acme / complet plant work [complet, plant, work]
      point 1987-03-05 b1#0 PR+
      point 1987-06-10 b2#0 PR+
    acme / offer cyclop [offer, Cyclops]
      point 1987-03-06 c1#0 CT+
      point 1987-03-19 c2#0 CT+
      timeline_slip 0.30: timeline_slip: 'extended' + 'March 20' (CT+) -> 'extended' + 'April 3' (CT+), 14 days later, arguments shared 1.00
      ledger c1#0 due 1987-03-20..1987-03-20+0 Renewed by c2#0 1987-03-19
      ledger c2#0 due 1987-04-03..1987-04-03+0 Overdue
    acme / raise price steel [raise, prices, steel]
      point 1987-03-02 a1#0 CT+
      point 1987-08-20 a2#0 CT+
      ledger a1#0 due 1987-07-01..1987-07-31+0 Overdue
      ledger a2#0 due 1988-01-03..1988-01-03+0 Pending
    jimmy-carter / submit congress balanc [submit, Congress, balanced]
      point 1979-01-25 s1#0 CT+
      point 1980-01-21 s2#0 CT+
      ledger s1#0 due 1979-01-01..1979-12-31+0 Overdue
      ledger s2#0 due 1980-01-01..1980-12-31+0 Overdue
    ");
}

/// Regression (Reuters-21578, judged wrong): a central bank's "new" special
/// advances for one period, then "new" ones for the next, were a date moved,
/// because "new" said so; before a word for a date it still does.
#[test]
fn new_advances_are_another_occasion_and_a_new_target_date_a_slip() {
    let mut c = Corpus::new();
    let bank = Some("dutch-central-bank");
    c.say(
        "a1",
        "1987-03-06",
        "the bank",
        bank,
        None,
        "said",
        "it will provide new special advances until March 20",
    )
    .say(
        "a2",
        "1987-04-02",
        "the bank",
        bank,
        None,
        "said",
        "it will provide new special advances until April 15",
    );
    let plant = Some("acme");
    c.say("b1", "1987-03-02", "Acme", plant, None, "said", "it will hold the Leeds pay review on March 20")
        .say(
            "b2",
            "1987-03-25",
            "Acme",
            plant,
            None,
            "said",
            "it will hold the Leeds pay review on the new target date of April 15",
        );
    insta::assert_snapshot!(check(&c, None, "1987-05-01"), @"
    acme / pay review [pay, review]
      point 1987-03-02 b1#0 CT+
      point 1987-03-25 b2#0 CT+
      timeline_slip 0.44: timeline_slip: 'will' + 'March 20' (CT+) -> 'will' + 'April 15' (CT+), 26 days later, arguments shared 1.00
      ledger b1#0 due 1987-03-20..1987-03-20+0 Broken by b2#0 1987-03-25
      ledger b2#0 due 1987-04-15..1987-04-15+0 Overdue
    dutch-central-bank / provide advance new [provide, advances, new]
      point 1987-03-06 a1#0 CT+
      point 1987-04-02 a2#0 CT+
      ledger a1#0 due 1987-03-06..1987-03-20+0 Overdue
      ledger a2#0 due 1987-04-02..1987-04-15+0 Overdue
    ");
}

/// Regression (Reuters-21578, judged wrong): the earlier words named two
/// dates, the package's and the visit's; the later ones only the visit's,
/// which was read as the package's date slipping to it.
#[test]
fn a_later_date_the_earlier_words_named_already_is_no_slip() {
    let mut c = Corpus::new();
    let pm = Some("yasuhiro-nakasone");
    c.say(
        "a1",
        "1987-03-26",
        "Nakasone",
        pm,
        None,
        "said",
        "the ruling party will submit a draft economic package in early April in time for his visit to Washington starting on April 29",
    )
    .say(
        "a2",
        "1987-03-31",
        "Nakasone",
        pm,
        None,
        "said",
        "he had told the Liberal Democrats that they will submit their own economic package in time for his one-week visit to Washington starting on April 29",
    );
    let analyses = analyze_all(&c.statements, &crate::ActorBook::default(), None, day("1987-05-01"));
    let shifts: Vec<&str> = analyses
        .iter()
        .flat_map(|a| &a.topics)
        .flat_map(|t| &t.shifts)
        .map(|s| s.explanation.as_str())
        .collect();
    let unflagged: Vec<&str> = analyses
        .iter()
        .flat_map(|a| &a.topics)
        .flat_map(|t| &t.unflagged)
        .map(|u| u.detail.as_str())
        .collect();
    assert!(shifts.is_empty(), "{shifts:?}");
    assert!(
        unflagged.iter().any(|d| d.contains("'April 29' is in the earlier words already")),
        "{unflagged:?}"
    );
}
