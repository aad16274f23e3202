//! Word lists: months, weekdays, units, number words, and the set of words
//! that can start a time expression (the prefilter for the parser).

use crate::calendar::Season;
use chrono::Weekday;
/// A fixed-seed fast hash: the trigger set is looked up for every word of every
/// sentence scanned, and SipHash's DoS resistance buys nothing for a built-in list.
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
use std::sync::LazyLock;

/// Units of durations and relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
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
}

impl Unit {
    /// Approximate length in days (for windows and slack).
    pub(crate) fn approx_days(self) -> f64 {
        match self {
            Unit::Second | Unit::Minute | Unit::Hour => 0.0,
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Weekend => 2.0,
            Unit::Month => 30.44,
            Unit::Quarter => 91.3,
            Unit::Year => 365.25,
            Unit::Decade => 3652.5,
            Unit::Century => 36525.0,
        }
    }

    /// Calendar months per unit, for exact month arithmetic.
    pub(crate) fn months(self) -> Option<i64> {
        match self {
            Unit::Month => Some(1),
            Unit::Quarter => Some(3),
            Unit::Year => Some(12),
            Unit::Decade => Some(120),
            Unit::Century => Some(1200),
            _ => None,
        }
    }
}

/// The unit a word names, and whether it is plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

pub(crate) fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    })
}

pub(crate) fn month_abbr(word: &str) -> Option<u32> {
    Some(match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

pub(crate) fn weekday_plural(word: &str) -> Option<Weekday> {
    weekday(word.strip_suffix('s')?)
}

pub(crate) fn season(word: &str) -> Option<Season> {
    Some(match word {
        "spring" | "springtime" => Season::Spring,
        "summer" | "summertime" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" | "wintertime" => Season::Winter,
        _ => return None,
    })
}

/// TIMEX3 part-of-day codes.
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "tonight" | "overnight" => "NI",
        "midday" => "MI",
        _ => return None,
    })
}

pub(crate) fn timezone(word: &str) -> bool {
    matches!(
        word,
        "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
    )
}

/// Cardinal number words below twenty, and tens.
pub(crate) fn small_number(word: &str) -> Option<u32> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

pub(crate) fn tens(word: &str) -> Option<u32> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

pub(crate) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

pub(crate) fn ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// Common irregular past-tense verbs: cues that a sentence reports the past.
pub(crate) fn irregular_past(word: &str) -> bool {
    matches!(
        word,
        "took"
            | "made"
            | "came"
            | "went"
            | "told"
            | "began"
            | "gave"
            | "met"
            | "held"
            | "won"
            | "saw"
            | "rose"
            | "fell"
            | "paid"
            | "sold"
            | "bought"
            | "became"
            | "found"
            | "thought"
            | "knew"
            | "ran"
            | "led"
            | "felt"
            | "kept"
            | "spent"
            | "sent"
            | "built"
            | "struck"
            | "wrote"
            | "spoke"
            | "broke"
            | "chose"
            | "drove"
            | "flew"
            | "grew"
            | "threw"
            | "fought"
            | "caught"
            | "sought"
            | "stood"
            | "heard"
            | "shot"
            | "lost"
            | "left"
            | "got"
            | "brought"
    )
}

/// Abbreviations whose period does not end a sentence.
pub(crate) fn abbreviation(word: &str) -> bool {
    month_abbr(word).is_some()
        || matches!(
            word,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "jr"
                | "sr"
                | "co"
                | "inc"
                | "corp"
                | "ltd"
                | "bros"
                | "gov"
                | "gen"
                | "sen"
                | "rep"
                | "rev"
                | "prof"
                | "vs"
                | "no"
                | "mt"
                | "ft"
                | "lt"
                | "col"
                | "capt"
                | "sgt"
                | "calif"
                | "conn"
                | "mass"
                | "wis"
                | "ill"
                | "fla"
                | "tex"
                | "ariz"
                | "colo"
                | "mich"
                | "minn"
                | "tenn"
                | "pa"
                | "va"
                | "wash"
                | "ore"
                | "okla"
                | "ky"
                | "md"
                | "mo"
                | "ga"
                | "ala"
                | "nev"
                | "neb"
                | "kan"
                | "ind"
                | "del"
                | "dlrs"
                | "approx"
                | "est"
                | "etc"
        )
}

/// Words in -eed that are past forms ("agreed"), unlike "succeed" or "need".
pub(crate) fn past_in_eed(word: &str) -> bool {
    matches!(word, "agreed" | "freed" | "guaranteed" | "decreed" | "disagreed" | "refereed")
}

/// Decades in words ("the nineties"): the tens digit.
pub(crate) fn decade_word(word: &str) -> Option<u32> {
    Some(match word {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// Vague quantities that give an `X` amount ("several years" = `PXY`).
pub(crate) fn vague_quantity(word: &str) -> bool {
    matches!(word, "several" | "many" | "few" | "some" | "numerous" | "various" | "multiple" | "countless")
}

/// Words that may begin a time expression; the parser only starts at these
/// (and at digits), which keeps the scan fast.
static TRIGGERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let words = [
        // determiners and modifiers
        "the",
        "a",
        "an",
        "its",
        "this",
        "that",
        "these",
        "last",
        "next",
        "past",
        "previous",
        "coming",
        "current",
        "following",
        "early",
        "earlier",
        "late",
        "later",
        "mid",
        "end",
        "beginning",
        "start",
        "middle",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "some",
        "more",
        "less",
        "fewer",
        "at",
        "up",
        "over",
        "under",
        "just",
        "only",
        "fiscal",
        "recent",
        "recently",
        "lately",
        "first",
        "second",
        "third",
        "fourth",
        "latest",
        "final",
        "another",
        "half",
        "several",
        "many",
        "few",
        "every",
        "each",
        "per",
        "year",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "overnight",
        "now",
        "currently",
        "nowadays",
        "soon",
        "shortly",
        "pretty",
        "very",
        "future",
        "present",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "annually",
        "hourly",
        "quarterly",
        "biweekly",
        "noon",
        "midnight",
        "midday",
        "christmas",
        "thanksgiving",
        "easter",
        "halloween",
        "new",
        "election",
        "independence",
        "labor",
        "memorial",
        "valentine",
        "dozens",
        "hundreds",
        "thousands",
        "within",
        "comparable",
        "year",
        "then",
        "immediate",
        "near",
        "couple",
        "dozen",
        "long",
        "short",
        "recent",
        "former",
        "once",
        "other",
        "upcoming",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    let mut set: HashSet<&'static str> = words.into_iter().collect();
    for w in [
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
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "month",
        "months",
        "quarter",
        "quarters",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ] {
        set.insert(w);
    }
    set
});

pub(crate) fn is_trigger(word: &str) -> bool {
    TRIGGERS.contains(word)
}
