use super::*;

fn day(s: &str) -> NaiveDate {
    parse_reference(s).unwrap()
}

/// One line per expression: `text | TYPE | value | window` (window with
/// `+slack`, then the flags `deadline` and `vague`).
fn render(found: &[TimeExpr]) -> String {
    found
        .iter()
        .map(|e| {
            let mut line = format!("{} | {} | {}", e.text, e.kind, e.value);
            if let Some(w) = e.window {
                line.push_str(&format!(" | {}..{}", w.start, w.end));
                if w.slack_days > 0 {
                    line.push_str(&format!(" +{}", w.slack_days));
                }
            }
            if e.deadline {
                line.push_str(" | deadline");
            }
            if e.vague {
                line.push_str(" | vague");
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(text: &str, reference: &str) -> String {
    let found = find(text, day(reference));
    for e in &found {
        assert_eq!(e.span.slice(text), Some(e.text.as_str()), "span of {e:?}");
    }
    render(&found)
}

#[test]
fn within_two_weeks_or_so() {
    insta::assert_snapshot!(check("He said the talks would conclude within two weeks or so.", "2025-10-16"), @"two weeks or so | DURATION | P2W | 2025-10-16..2025-10-30 +3 | deadline");
}

#[test]
fn immediate_future() {
    insta::assert_snapshot!(check("A deal is expected in the immediate future.", "2025-10-21"), @"the immediate future | DATE | FUTURE_REF | 2025-10-21..2025-11-04 | vague");
}

#[test]
fn last_week_and_weekday_in_a_tuesday_article() {
    insta::assert_snapshot!(check("Prices fell last week, officials said on Monday.", "2025-10-21"), @r"
    last week | DATE | 2025-W42 | 2025-10-13..2025-10-19
    Monday | DATE | 2025-10-20 | 2025-10-20..2025-10-20
    ");
}

#[test]
fn earlier_this_month() {
    insta::assert_snapshot!(check("The plan was announced earlier this month.", "2025-10-21"), @"earlier this month | DATE | 2025-10 | 2025-10-01..2025-10-20");
}

#[test]
fn at_the_time_is_left_to_the_analyzer() {
    insta::assert_snapshot!(check("At the time, nobody objected. Then it was over.", "2025-10-21"), @"");
}
#[test]
fn explicit_dates() {
    insta::assert_snapshot!(check("The accord was signed Oct. 21, 2025, ratified on October 21 and on 21 October, filed 10/21/2025 and 2025-10-21.", "2025-10-21"), @r"
    Oct. 21, 2025 | DATE | 2025-10-21 | 2025-10-21..2025-10-21
    October 21 | DATE | 2025-10-21 | 2025-10-21..2025-10-21
    21 October | DATE | 2025-10-21 | 2025-10-21..2025-10-21
    10/21/2025 | DATE | 2025-10-21 | 2025-10-21..2025-10-21
    2025-10-21 | DATE | 2025-10-21 | 2025-10-21..2025-10-21
    ");
}

#[test]
fn years_decades_and_months() {
    insta::assert_snapshot!(check("Sales peaked in 1987, slumped in the 1980s and again in March 1987 and in mid-1996.", "2025-10-21"), @r"
    1987 | DATE | 1987 | 1987-01-01..1987-12-31
    the 1980s | DATE | 198 | 1980-01-01..1989-12-31
    March 1987 | DATE | 1987-03 | 1987-03-01..1987-03-31
    mid-1996 | DATE | 1996 | 1996-05-01..1996-08-31
    ");
}

#[test]
fn weekdays_follow_tense() {
    insta::assert_snapshot!(check("He said on Monday that he met them last Friday and will meet them again next Friday.", "2025-10-21"), @r"
    Monday | DATE | 2025-10-20 | 2025-10-20..2025-10-20
    last Friday | DATE | 2025-10-17 | 2025-10-17..2025-10-17
    next Friday | DATE | 2025-10-24 | 2025-10-24..2025-10-24
    ");
}

#[test]
fn relative_days_and_units() {
    insta::assert_snapshot!(check("Yesterday, today and tomorrow; last month, this year, next week and this past summer.", "2025-10-21"), @r"
    Yesterday | DATE | 2025-10-20 | 2025-10-20..2025-10-20
    today | DATE | 2025-10-21 | 2025-10-21..2025-10-21
    tomorrow | DATE | 2025-10-22 | 2025-10-22..2025-10-22
    last month | DATE | 2025-09 | 2025-09-01..2025-09-30
    this year | DATE | 2025 | 2025-01-01..2025-12-31
    next week | DATE | 2025-W44 | 2025-10-27..2025-11-02
    this past summer | DATE | 2025-SU | 2025-06-01..2025-08-31
    ");
}

#[test]
fn unit_offsets() {
    insta::assert_snapshot!(check("Two days ago he left; three weeks later he returned; a year earlier he had resigned.", "2025-10-21"), @r"
    Two days ago | DATE | 2025-10-19 | 2025-10-19..2025-10-19
    three weeks later | DATE | 2025-11-11 | 2025-11-11..2025-11-11
    a year earlier | DATE | 2024 | 2024-01-01..2024-12-31
    ");
}

#[test]
fn fuzzy_references() {
    insta::assert_snapshot!(check("It was recently agreed; the deal is currently stalled and now may collapse; in the past it held.", "2025-10-21"), @r"
    recently | DATE | PAST_REF | 2025-09-21..2025-10-21 | vague
    currently | DATE | PRESENT_REF | 2025-10-21..2025-10-21 | vague
    now | DATE | PRESENT_REF | 2025-10-21..2025-10-21 | vague
    the past | DATE | PAST_REF | vague
    ");
}

#[test]
fn near_future_windows() {
    insta::assert_snapshot!(check("Officials said it would happen soon, or pretty soon, or shortly, in the near future.", "2025-10-21"), @r"
    soon | DATE | FUTURE_REF | 2025-10-21..2025-11-20 | vague
    pretty soon | DATE | FUTURE_REF | 2025-10-21..2025-11-20 +7 | vague
    shortly | DATE | FUTURE_REF | 2025-10-21..2025-11-04 | vague
    the near future | DATE | FUTURE_REF | 2025-10-21..2026-01-19 | vague
    ");
}

#[test]
fn durations() {
    insta::assert_snapshot!(check("The talks lasted two weeks, then 18 months, several years, a decade and a two-year pause.", "2025-10-21"), @r"
    two weeks | DURATION | P2W
    18 months | DURATION | P18M
    several years | DURATION | PXY | vague
    a decade | DURATION | P10Y
    two-year | DURATION | P2Y
    ");
}

#[test]
fn quarters_and_halves() {
    insta::assert_snapshot!(check("Profit rose in the third quarter and fell in the fourth quarter of 2024; the first half was flat.", "2025-10-21"), @r"
    the third quarter | DATE | 2025-Q3 | 2025-07-01..2025-09-30
    the fourth quarter of 2024 | DATE | 2024-Q4 | 2024-10-01..2024-12-31
    the first half | DATE | 2025-H1 | 2025-01-01..2025-06-30
    ");
}

#[test]
fn times_of_day() {
    insta::assert_snapshot!(check("Talks resume at 3 p.m. EDT Thursday, end at 15:05 and restart at noon; this morning it rained.", "2025-10-21"), @r"
    3 p.m. EDT Thursday | TIME | 2025-10-23T15:00 | 2025-10-23..2025-10-23
    15:05 | TIME | 2025-10-21T15:05 | 2025-10-21..2025-10-21
    noon | TIME | 2025-10-21T12:00 | 2025-10-21..2025-10-21
    this morning | TIME | 2025-10-21TMO | 2025-10-21..2025-10-21
    ");
}

#[test]
fn sets() {
    insta::assert_snapshot!(check("The paper appears daily, the board meets every Monday and the fee is $5 a year.", "2025-10-21"), @r"
    daily | SET | P1D
    every Monday | SET | XXXX-WXX-1
    a year | SET | P1Y
    ");
}

#[test]
fn deadlines() {
    insta::assert_snapshot!(check("They promised a vote by the end of the year, before Christmas, within days, in the coming weeks, by Friday and by Oct. 30.", "2025-10-21"), @r"
    the end of the year | DATE | 2025 | 2025-10-21..2025-12-31 | deadline
    Christmas | DATE | 2025-12-25 | 2025-10-21..2025-12-24 | deadline
    days | DURATION | PXD | 2025-10-21..2025-10-28 +2 | deadline | vague
    the coming weeks | DURATION | PXW | 2025-10-21..2025-11-11 +5 | vague
    Friday | DATE | 2025-10-24 | 2025-10-21..2025-10-24 | deadline
    Oct. 30 | DATE | 2025-10-30 | 2025-10-21..2025-10-30 | deadline
    ");
}

#[test]
fn anchored_durations() {
    insta::assert_snapshot!(check("A decision is due in two weeks, within about a month, or over the next three months.", "2025-10-21"), @r"
    two weeks | DURATION | P2W | 2025-10-21..2025-11-04 +3
    about a month | DURATION | P1M | 2025-10-21..2025-11-21 +7 | deadline
    the next three months | DURATION | P3M | 2025-10-21..2026-01-21
    ");
}

#[test]
fn ages_and_ordinals_are_not_times() {
    insta::assert_snapshot!(check("The 52-year-old mayor, 6 years old, spoke for a second time in the long-term plan.", "2025-10-21"), @"");
}

#[test]
fn tense_hint_overrides_the_context() {
    let reference = day("2025-10-21");
    let future = Options { tense: TenseHint::Future };
    let found = find_with("The board meets Friday.", reference, &future);
    assert_eq!(found[0].value, "2025-10-24");
    let past = Options { tense: TenseHint::Past };
    let found = find_with("The board meets Friday.", reference, &past);
    assert_eq!(found[0].value, "2025-10-17");
    assert_eq!(found[0].direction, Some(Direction::Past));
}

#[test]
fn normalise_takes_a_known_extent() {
    let reference = day("2025-10-21");
    let e = normalise("last week", reference).unwrap();
    assert_eq!((e.kind, e.value.as_str(), e.span), (TimexKind::Date, "2025-W42", Span::new(0, 9)));
    assert_eq!(normalise("the third quarter of 1989", reference).unwrap().value, "1989-Q3");
    assert_eq!(normalise("at the time", reference), None);
    assert_eq!(normalise("", reference), None);
}

#[test]
fn parses_reference_dates() {
    assert_eq!(parse_reference("19980108").unwrap(), day("1998-01-08"));
    assert_eq!(parse_reference("1998-01-08T14:35:00").unwrap(), day("1998-01-08"));
    assert!(parse_reference("Jan 8").is_err());
}

/// Messy input must never panic and spans must always slice the input.
#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "",
        " ",
        "\u{a0}Monday\u{a0}",
        "é 12:99 a.m. 99/99/9999 0000-00-00 31 February 2025",
        "99999999999999999999999 years ago, 18446744073709551616 days later",
        "the 0th century, 9999s, '99s, 2 1/0 years, 1,000,000,000,000 weeks",
        "In 9999 and 1000 and 2199 and next year; mid-",
        "year-earlier year-ago year-end the year-earlier third quarter of",
        "the end of the",
        "a a a a the the the last last next this",
        "Январь Monday 月曜日 🙂 Oct. 🙂 21",
        "Oct.",
        "12:",
        "at 3 p",
        "nineteen",
        "two thousand and",
        "within within by before",
    ];
    let references = [day("2025-10-21"), day("0001-01-01"), day("9999-12-31"), day("2024-02-29")];
    for text in odd {
        for reference in references {
            for e in find(text, reference) {
                assert_eq!(e.span.slice(text), Some(e.text.as_str()), "{text:?}");
            }
            let _ = normalise(text, reference);
        }
    }
    // A long stretch of repeated text stays linear and panic-free.
    let long = "Talks resume Friday or so, within two weeks. ".repeat(2_000);
    assert_eq!(find(&long, day("2025-10-21")).len(), 4_000);
}

#[test]
fn compound_and_transcript_forms() {
    insta::assert_snapshot!(check("He left a week or so ago, in June last year, in the winter of nineteen ninety-four; the club meets Tuesday nights; sales in the 1988 quarter and the year-earlier third quarter fell.", "1989-10-26"), @r"
    a week or so ago | DATE | 1989-10-19 | 1989-10-19..1989-10-19
    June last year | DATE | 1988-06 | 1988-06-01..1988-06-30
    the winter of nineteen ninety-four | DATE | 1994-WI | 1994-12-01..1995-02-28
    Tuesday nights | SET | XXXX-WXX-2TNI
    the 1988 quarter | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    the year-earlier third quarter | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    ");
}

#[test]
fn tense_cues_ignore_nouns_names_and_passives() {
    // "the plan" is a noun, "succeed" no past form, "brought" an irregular past,
    // "be named" a passive after "will".
    insta::assert_snapshot!(check("The thrift announced the plan Aug. 21. Mr. Schwarz will succeed Mr. Davison Feb. 1. In January, the company brought in a new chief. She will be named commander of a mission in December.", "1989-10-27"), @r"
    Aug. 21 | DATE | 1989-08-21 | 1989-08-21..1989-08-21
    Feb. 1 | DATE | 1990-02-01 | 1990-02-01..1990-02-01
    January | DATE | 1989-01 | 1989-01-01..1989-01-31
    December | DATE | 1989-12 | 1989-12-01..1989-12-31
    ");
}

#[test]
fn decimal_points_and_abbreviations_do_not_end_sentences() {
    // Without the past cue "was" (behind "1.3" and "Sept."), Thursday would be the nearer future one.
    insta::assert_snapshot!(check("Volume was 1.3 billion shares, up from 886 million Thursday. Shares were bought from Sept. 14 to Thursday.", "1989-10-30"), @r"
    Thursday | DATE | 1989-10-26 | 1989-10-26..1989-10-26
    Sept. 14 | DATE | 1989-09-14 | 1989-09-14..1989-09-14
    Thursday | DATE | 1989-10-26 | 1989-10-26..1989-10-26
    ");
}

#[test]
fn would_effective_and_possessive_weekdays() {
    insta::assert_snapshot!(check("The father would be traveling to the United States Thursday. The pact, effective Aug. 1, raised costs. They would look for ways around Wednesday's ruling.", "2000-04-07"), @r"
    Thursday | DATE | 2000-04-13 | 2000-04-13..2000-04-13
    Aug. 1 | DATE | 2000-08-01 | 2000-08-01..2000-08-01
    Wednesday | DATE | 2000-04-05 | 2000-04-05..2000-04-05
    ");
}

#[test]
fn a_date_just_passed_is_not_pushed_a_year_ahead() {
    insta::assert_snapshot!(check("They would get around the order to return the child by Jan. 14.", "2000-01-15"), @"Jan. 14 | DATE | 2000-01-14 | 2000-01-14..2000-01-14 | deadline");
}

#[test]
fn bare_may_in_a_temporal_frame() {
    insta::assert_snapshot!(check("Milton Roy disclosed in May that it was approached. You may go.", "1989-10-30"), @"May | DATE | 1989-05 | 1989-05-01..1989-05-31");
}

#[test]
fn the_year_of_a_report_is_the_current_year() {
    insta::assert_snapshot!(check("For the year, volume was flat; sales for the full year rose, and revenue in the year ended June 30 fell. Rain delayed planting earlier in the year.", "1989-10-30"), @r"
    the year | DATE | 1989 | 1989-01-01..1989-12-31
    the full year | DATE | 1989 | 1989-01-01..1989-12-31
    the year | DURATION | P1Y
    June 30 | DATE | 1989-06-30 | 1989-06-30..1989-06-30
    earlier in the year | DATE | 1989 | 1989-01-01..1989-10-29
    ");
}

#[test]
fn this_season_and_the_current_quarter() {
    insta::assert_snapshot!(check("Marchers pledged to join protests this summer. Sales in the current quarter began well. He was arrested at this march.", "1998-04-10"), @r"
    this summer | DATE | 1998-SU | 1998-06-01..1998-08-31
    the current quarter | DATE | 1998-Q2 | 1998-04-01..1998-06-30
    ");
}

#[test]
fn year_ago_counts_from_the_reporting_quarter() {
    // The year-ago quarter, once named, is no base for the next "year-ago".
    insta::assert_snapshot!(check("Coast earned $10 million in the year-ago quarter. The year-ago results were restated. Net fell from the 1988 period; a year ago it rose.", "1989-11-01"), @r"
    the year-ago quarter | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    year-ago | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    the 1988 period | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    a year ago | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    ");
}

#[test]
fn future_cues_need_their_construction() {
    // "next to", "had been due", "hastily planned" are no future cues; "is to",
    // "were planning to" are.
    insta::assert_snapshot!(check("Bombs exploded next to the embassies on Friday. The offer had been due to expire Friday evening. On Friday, she set aside plans for the hastily planned trip. Trading is to resume in Paris Tuesday. Protesters planned a rally on Saturday and were planning to march.", "1998-08-08"), @r"
    Friday | DATE | 1998-08-07 | 1998-08-07..1998-08-07
    Friday evening | TIME | 1998-08-07TEV | 1998-08-07..1998-08-07
    Friday | DATE | 1998-08-07 | 1998-08-07..1998-08-07
    Tuesday | DATE | 1998-08-11 | 1998-08-11..1998-08-11
    Saturday | DATE | 1998-08-08 | 1998-08-08..1998-08-08
    ");
}

#[test]
fn until_in_a_past_perfect_sentence_looks_back() {
    insta::assert_snapshot!(check("Until Thursday, they had not called him a suspect. The vote is set for Tuesday, and talks will go on until Thursday.", "1999-05-07"), @r"
    Thursday | DATE | 1999-05-06 | 1999-05-06..1999-05-06 | deadline
    Tuesday | DATE | 1999-05-11 | 1999-05-11..1999-05-11
    Thursday | DATE | 1999-05-13 | 1999-05-07..1999-05-13 | deadline
    ");
}

#[test]
fn following_and_previous_units_count_from_the_last_named_one() {
    insta::assert_snapshot!(check("Shareholders objected in March. The following month, the company put itself up for sale. On May 22, 1995, he was promoted, and the following year he moved.", "1989-10-27"), @r"
    March | DATE | 1989-03 | 1989-03-01..1989-03-31
    The following month | DATE | 1989-04 | 1989-04-01..1989-04-30
    May 22, 1995 | DATE | 1995-05-22 | 1995-05-22..1995-05-22
    the following year | DATE | 1996 | 1996-01-01..1996-12-31
    ");
}

#[test]
fn quarters_and_halves_of_named_years() {
    insta::assert_snapshot!(check("Earnings will be lower for the last half of 1989; the spin-off could come in next year's first quarter, after sales fell in last year's quarter.", "1989-10-31"), @r"
    the last half of 1989 | DATE | 1989-H2 | 1989-07-01..1989-12-31
    next year's first quarter | DATE | 1990-Q1 | 1990-01-01..1990-03-31
    last year's quarter | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    ");
}

#[test]
fn weeks_of_dates_spoken_months_and_half_minutes() {
    insta::assert_snapshot!(check("A hearing is set for the week of March 6. January nineteen ninety-seven. A minute and a half passed. The film High Noon.", "2000-02-24"), @r"
    the week of March 6 | DATE | 2000-W10 | 2000-03-06..2000-03-12
    January nineteen ninety-seven | DATE | 1997-01 | 1997-01-01..1997-01-31
    A minute and a half | DURATION | PT1M30S
    ");
}

#[test]
fn that_year_is_the_one_last_named() {
    insta::assert_snapshot!(check("He fled to Florida in June 1998 and returned to Cuba later that year. Imports fell in 1988, a small share of the total that year.", "2000-01-28"), @r"
    June 1998 | DATE | 1998-06 | 1998-06-01..1998-06-30
    later that year | DATE | 1998 | 1998-07-02..1998-12-31
    1988 | DATE | 1988 | 1988-01-01..1988-12-31
    that year | DATE | 1988 | 1988-01-01..1988-12-31
    ");
    // with nothing named before, "that year" is no time expression
    insta::assert_snapshot!(check("That year was hard.", "2000-01-28"), @"");
}

#[test]
fn periods_a_year_back() {
    insta::assert_snapshot!(check("For the quarter a year ago, it earned $16 million; net compares with $1.8 million for the corresponding period last year.", "1989-10-26"), @r"
    the quarter a year ago | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    the corresponding period last year | DATE | 1988-Q3 | 1988-07-01..1988-09-30
    ");
}

#[test]
fn parts_of_days_and_the_weeks_ahead() {
    insta::assert_snapshot!(check("He will leave at 4 in the morning. Shares were up at mid-afternoon yesterday, by late afternoon they fell, and pressure will grow in the weeks ahead.", "1989-11-02"), @r"
    4 in the morning | TIME | 1989-11-02T04:00 | 1989-11-02..1989-11-02
    mid-afternoon yesterday | TIME | 1989-11-01TAF | 1989-11-01..1989-11-01
    late afternoon | TIME | 1989-11-02TAF | 1989-11-02..1989-11-02 | deadline
    the weeks ahead | DURATION | PXW | 1989-11-02..1989-11-23 +5 | vague
    ");
}

#[test]
fn decades_in_words_and_apostrophes_are_the_latest_ones() {
    insta::assert_snapshot!(check("Numbers dropped through the nineties and the '90s, unlike the twenties.", "2025-10-21"), @r"
    the nineties | DATE | 199 | 1990-01-01..1999-12-31
    the '90s | DATE | 199 | 1990-01-01..1999-12-31
    the twenties | DATE | 202 | 2020-01-01..2029-12-31
    ");
}

#[test]
fn year_earlier_durations_and_two_quarters() {
    insta::assert_snapshot!(check("Net for the year-earlier nine months included a gain; the slump lasts through the first two quarters of 1990.", "1989-10-26"), @r"
    the year-earlier nine months | DURATION | P9M
    the first two quarters of 1990 | DATE | 1990-H1 | 1990-01-01..1990-06-30
    ");
}

#[test]
fn could_is_no_future_cue() {
    // "could" is as often the past of "can"; with no cue the nearer Wednesday wins.
    insta::assert_snapshot!(check("His grandparents could not be located Wednesday.", "2000-01-06"), @"Wednesday | DATE | 2000-01-05 | 2000-01-05..2000-01-05");
}

#[test]
fn the_same_period_last_year_follows_the_period_named() {
    insta::assert_snapshot!(check("GDP grew in the first half of 2005 against the same period last year. Exports rose from the same period last year.", "2005-11-10"), @r"
    the first half of 2005 | DATE | 2005-H1 | 2005-01-01..2005-06-30
    the same period last year | DATE | 2004-H1 | 2004-01-01..2004-06-30
    the same period last year | DATE | 2004-H1 | 2004-01-01..2004-06-30
    ");
    insta::assert_snapshot!(check("Exports rose from the same period last year.", "2005-11-10"), @"the same period last year | DATE | 2004 | 2004-01-01..2004-12-31");
}

/// Regression: "before the end of the year" said in October ended on
/// October 31, before the end-of-year stretch, instead of on December 31.
#[test]
fn before_the_end_of_a_period_is_by_its_last_day() {
    insta::assert_snapshot!(check("Work will start before the end of the year.", "2025-10-20"), @"the end of the year | DATE | 2025 | 2025-10-20..2025-12-31 | deadline");
    insta::assert_snapshot!(check("We will sign before the end of the month.", "2025-10-20"), @"the end of the month | DATE | 2025-10 | 2025-10-20..2025-10-31 | deadline");
    insta::assert_snapshot!(check("Construction will begin before December 1.", "2025-10-20"), @"December 1 | DATE | 2025-12-01 | 2025-10-20..2025-11-30 | deadline");
}

#[test]
fn named_occasions_on_a_weekday_are_not_that_weekday() {
    // Regression: "Super Tuesday" in a Saturday article dated a remark to the Tuesday before.
    insta::assert_snapshot!(check("He has a chance in the states voting on Super Tuesday, and he spoke on Friday.", "2016-02-20"), @"Friday | DATE | 2016-02-19 | 2016-02-19..2016-02-19");
}

#[test]
fn as_soon_as_a_weekday_looks_ahead() {
    insta::assert_snapshot!(check("The group said it would be ready to leave as soon as Tuesday.", "2000-04-03"), @"Tuesday | DATE | 2000-04-04 | 2000-04-04..2000-04-04");
    insta::assert_snapshot!(check("Officials said the father could come as early as Friday.", "2000-04-03"), @"Friday | DATE | 2000-04-07 | 2000-04-07..2000-04-07");
}

#[test]
fn short_vague_stretches_back_are_durations_and_years_a_past_reference() {
    insta::assert_snapshot!(check("Prices fell in recent weeks and over the past few months, as in recent years.", "1998-04-02"), @r"
    recent weeks | DURATION | PXW | 1998-03-12..1998-04-02 +5 | vague
    the past few months | DURATION | PXM | 1998-01-01..1998-04-02 +22 | vague
    recent years | DATE | PAST_REF | vague
    ");
}

#[test]
fn the_past_year_is_the_calendar_year_before() {
    insta::assert_snapshot!(check("Sales rose 5% in the past year and over the past week.", "1998-03-03"), @r"
    the past year | DATE | 1997 | 1997-01-01..1997-12-31
    the past week | DURATION | P1W | 1998-02-24..1998-03-03
    ");
}

#[test]
fn easter_week_is_the_week_ending_on_easter_sunday() {
    insta::assert_snapshot!(check("Protesters prayed as Easter week began.", "2000-04-17"), @"Easter week | DATE | 2000-W16 | 2000-04-17..2000-04-23");
}

#[test]
fn the_day_before_a_day_and_an_appositive_day() {
    insta::assert_snapshot!(check("The day before last Tuesday, he left.", "2000-02-24"), @"The day before last Tuesday | DATE | 2000-02-21 | 2000-02-21..2000-02-21");
    insta::assert_snapshot!(check("He was last seen Nov. 3, the day before the warrant was issued.", "1999-05-07"), @r"
    Nov. 3 | DATE | 1998-11-03 | 1998-11-03..1998-11-03
    the day | DATE | 1998-11-03 | 1998-11-03..1998-11-03
    ");
}
