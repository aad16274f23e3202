//! The recogniser: a hand-written grammar over tokens. At each token that
//! can start a time expression it tries every rule and keeps the longest
//! match; the match carries a semantic value that `lib.rs` turns into a
//! TIMEX3 value and a day window.

use crate::calendar::{add_days, plausible_year, quarter_of, weekday_near, ymd, Point, Season};
use crate::lexicon::{self, Unit};
use crate::token::{Tok, TokKind};
use crate::TenseHint;
use chrono::{Datelike, NaiveDate, Weekday};

/// Time of day attached to a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Clock {
    At(u32, u32),
    Part(&'static str),
}

/// Where inside a unit an expression points ("early 1990", "the end of the year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Whole,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    Begin,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    N(f64),
    /// Unspecified ("several", "a few", bare plurals).
    X,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Not tied to the reference date ("two weeks").
    Free,
    /// Ending at the reference date ("the past two weeks").
    Past,
    /// Starting at the reference date ("the next two weeks", "the coming weeks").
    Future,
}

/// A fuzzy reference (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`) with an optional
/// window of day offsets from the reference date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fuzzy {
    pub value: &'static str,
    pub offsets: Option<(i64, i64)>,
    pub slack: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    Point { point: Point, clock: Option<Clock>, position: Position },
    Duration { amount: Amount, unit: Unit, anchor: Anchor },
    Fuzzy(Fuzzy),
    Set(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Token range, end exclusive.
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// "about", "or so", "roughly": the bound is soft.
    pub hedged: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

pub(crate) struct Parser<'t, 'a> {
    pub toks: &'t [Tok<'a>],
    pub reference: NaiveDate,
    pub hint: TenseHint,
    /// The last explicit calendar unit mentioned, for "a year earlier".
    pub anchor: Option<Point>,
    /// The day the expression just before named and the token it ends at,
    /// for an appositive "Oct. 12, the day before the crash".
    pub previous_day: Option<(usize, NaiveDate)>,
}

/// A grammar rule: from a token index to (end token, meaning).
type Rule<'t, 'a> = fn(&Parser<'t, 'a>, usize) -> Option<(usize, Sem)>;

/// A holiday's date in a given year.
type HolidayDate = Box<dyn Fn(i32) -> Option<NaiveDate>>;

fn point(point: Point) -> Sem {
    Sem::Point { point, clock: None, position: Position::Whole }
}

impl<'t, 'a> Parser<'t, 'a> {
    /// All expressions in order, non-overlapping.
    pub(crate) fn run(&mut self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let t = &self.toks[i];
            let starts = match t.kind {
                TokKind::Word => lexicon::is_trigger(t.text),
                TokKind::Num => true,
                TokKind::Punct => t.text == "'",
            };
            if starts {
                if let Some(found) = self.parse_at(i) {
                    if let Sem::Point { point, .. } = &found.sem {
                        if self.is_explicit(found.start, found.end) {
                            self.anchor = Some(*point);
                        }
                        if let Point::Day(day) = point {
                            self.previous_day = Some((found.end, *day));
                        }
                    }
                    i = found.end.max(i + 1);
                    out.push(found);
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// An expression containing a year or a month name anchors later relative ones.
    fn is_explicit(&self, start: usize, end: usize) -> bool {
        self.toks[start..end].iter().any(|t| {
            (t.kind == TokKind::Num && t.text.len() == 4)
                || lexicon::month(t.text).is_some()
                || t.text.contains("quarter")
        })
    }

    // ----- token access -----

    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    fn num(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Num || t.text.len() > 12 {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    /// Token `i` directly follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn capital(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    fn prev(&self, i: usize) -> &'a str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    // ----- top level -----

    fn parse_at(&self, i: usize) -> Option<Found> {
        // "the day before last Tuesday", "the day after the election": a day
        // from the day named next.
        let day_at = if self.is(i, "the") { i + 1 } else { i };
        if self.is(day_at, "day") && matches!(self.w(day_at + 1), "before" | "after") {
            let step = if self.is(day_at + 1, "before") { -1 } else { 1 };
            if let Some(Found { end, sem: Sem::Point { point: Point::Day(day), clock: None, .. }, .. }) =
                self.parse_at(day_at + 2)
            {
                return Some(Found {
                    start: i,
                    end,
                    sem: point(Point::Day(add_days(day, step)?)),
                    hedged: false,
                });
            }
        }
        let mut j = i;
        let mut hedged = false;
        if let Some(k) = self.approx(j) {
            j = k;
            hedged = true;
        }
        let mut position = Position::Whole;
        if let Some((k, p)) = self.position(j) {
            j = k;
            position = p;
        }
        // "earlier in the year", "later in the day": part of the current unit
        if matches!(position, Position::Earlier | Position::Later) && self.is(j.wrapping_sub(1), "the") {
            if let Some(p) = lexicon::unit(self.w(j))
                .and_then(|(u, plural)| (!plural).then_some(u))
                .and_then(|u| self.current_unit(u))
            {
                return Some(Found {
                    start: i,
                    end: j + 1,
                    sem: Sem::Point { point: p, clock: None, position },
                    hedged,
                });
            }
        }
        let mut best = self.core(j)?;
        if j != i {
            let applies = match &best.sem {
                Sem::Point { .. } => true,
                Sem::Duration { .. } => hedged && position == Position::Whole,
                Sem::Fuzzy(_) | Sem::Set(_) => false,
            };
            // "the end of the year": a position inside the current unit
            if let Sem::Duration { amount: Amount::N(n), unit, anchor: Anchor::Free } = best.sem {
                if position != Position::Whole && n == 1.0 && self.is(best.start, "the") {
                    if let Some(p) = self.current_unit(unit) {
                        best.sem = Sem::Point { point: p, clock: None, position };
                        best.start = i;
                        return Some(best);
                    }
                }
            }
            if !applies {
                return Some(best);
            }
            best.start = i;
            best.hedged |= hedged;
            if let Sem::Point { position: p, .. } = &mut best.sem {
                if position != Position::Whole {
                    *p = position;
                }
            }
        }
        // "or so" after any expression hedges it.
        if self.is(best.end, "or") && self.is(best.end + 1, "so") {
            best.end += 2;
            best.hedged = true;
        }
        Some(best)
    }

    fn core(&self, j: usize) -> Option<Found> {
        let rules: [Rule<'t, 'a>; 12] = [
            Self::calendar,
            Self::quarter,
            Self::relative,
            Self::day_word,
            Self::weekday_rule,
            Self::season_rule,
            Self::clock_rule,
            Self::fuzzy,
            Self::set_rule,
            Self::holiday,
            Self::century,
            Self::duration,
        ];
        let mut best: Option<(usize, Sem)> = None;
        for rule in rules {
            if let Some((end, sem)) = rule(self, j) {
                if end > j && best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, sem));
                }
            }
        }
        let (end, sem) = best?;
        Some(Found { start: j, end, sem, hedged: false })
    }

    fn approx(&self, i: usize) -> Option<usize> {
        let next_is_amount = |k: usize| self.amount(k).is_some();
        match self.w(i) {
            "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "some" | "just"
            | "over" | "only"
                if next_is_amount(i + 1) =>
            {
                Some(i + 1)
            }
            "more" | "less" | "fewer" if self.is(i + 1, "than") && next_is_amount(i + 2) => Some(i + 2),
            "at" if matches!(self.w(i + 1), "least" | "most") && next_is_amount(i + 2) => Some(i + 2),
            "up" if self.is(i + 1, "to") && next_is_amount(i + 2) => Some(i + 2),
            _ => None,
        }
    }

    fn position(&self, i: usize) -> Option<(usize, Position)> {
        // "the late 1970s", "the early summer"
        if self.is(i, "the") && matches!(self.w(i + 1), "early" | "late" | "mid") {
            return self.position(i + 1);
        }
        let simple = match self.w(i) {
            "early" => Some(Position::Early),
            "late" => Some(Position::Late),
            "mid" => Some(Position::Mid),
            "earlier" => Some(Position::Earlier),
            "later" => Some(Position::Later),
            _ => None,
        };
        if let Some(p) = simple {
            let k = if self.is(i + 1, "-") && self.glued(i + 1) { i + 2 } else { i + 1 };
            // "earlier in the year"
            if matches!(p, Position::Earlier | Position::Later) && self.is(k, "in") && self.is(k + 1, "the") {
                return Some((k + 2, p));
            }
            return Some((k, p));
        }
        let mut k = i;
        if self.is(k, "the") {
            k += 1;
        }
        let p = match self.w(k) {
            "end" => Position::End,
            "beginning" | "start" => Position::Begin,
            "middle" => Position::Mid,
            _ => return None,
        };
        if !self.is(k + 1, "of") {
            return None;
        }
        Some((k + 2, p))
    }

    /// The unit of `unit` granularity containing the reference date.
    fn current_unit(&self, unit: Unit) -> Option<Point> {
        let r = self.reference;
        Some(match unit {
            Unit::Day => Point::Day(r),
            Unit::Week => Point::of_day_week(r),
            Unit::Month => Point::Month(r.year(), r.month()),
            Unit::Quarter => Point::Quarter(r.year(), quarter_of(r)),
            Unit::Year => Point::Year(r.year()),
            Unit::Decade => Point::Decade(r.year() / 10),
            Unit::Century => Point::Century(r.year() / 100),
            Unit::Weekend | Unit::Second | Unit::Minute | Unit::Hour => return None,
        })
    }

    // ----- numbers and units -----

    /// A quantity: digits ("18", "1,000", "2.5", "2 1/2"), number words
    /// ("twenty-four"), "a"/"an", or a vague quantity ("several", "a few").
    pub(crate) fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.toks.get(i)?;
        if t.kind == TokKind::Num {
            let (mut value, _) = self.num(i)?;
            let mut k = i + 1;
            let mut frac = 0.0;
            while self.is(k, ",") && self.glued(k) && self.glued(k + 1) && self.w(k + 1).len() == 3 {
                let (group, _) = self.num(k + 1)?;
                value = value.checked_mul(1000)?.checked_add(group)?;
                k += 2;
            }
            if self.is(k, ".") && self.glued(k) && self.glued(k + 1) {
                if let Some((dec, len)) = self.num(k + 1) {
                    frac = dec as f64 / 10f64.powi(i32::try_from(len).ok()?);
                    k += 2;
                }
            }
            // "2 1/2"
            if let (Some((a, _)), true, Some((b, _))) = (self.num(k), self.is(k + 1, "/"), self.num(k + 2)) {
                if b > a && b <= 4 && self.glued(k + 1) && self.glued(k + 2) {
                    frac = a as f64 / b as f64;
                    k += 3;
                }
            }
            return Some((k, Amount::N(value as f64 + frac)));
        }
        let w = t.text;
        match w {
            "a" | "an" => {
                match self.w(i + 1) {
                    "few" => return Some((i + 2, Amount::X)),
                    "couple" => {
                        let k = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                        return Some((k, Amount::N(2.0)));
                    }
                    "dozen" => return Some((i + 2, Amount::N(12.0))),
                    "hundred" => return Some((i + 2, Amount::N(100.0))),
                    "thousand" => return Some((i + 2, Amount::N(1000.0))),
                    "half" => return Some((i + 2, Amount::N(0.5))),
                    _ => {}
                }
                Some((i + 1, Amount::N(1.0)))
            }
            "half" if matches!(self.w(i + 1), "a" | "an") => Some((i + 2, Amount::N(0.5))),
            "couple" => {
                let k = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
                Some((k, Amount::N(2.0)))
            }
            "dozen" => Some((i + 1, Amount::N(12.0))),
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => Some((i + 2, Amount::X)),
            _ if lexicon::vague_quantity(w) => Some((i + 1, Amount::X)),
            _ => {
                let mut value;
                let mut k;
                if let Some(n) = lexicon::small_number(w) {
                    value = n;
                    k = i + 1;
                } else if let Some(n) = lexicon::tens(w) {
                    value = n;
                    k = i + 1;
                    if self.is(k, "-") && self.glued(k) {
                        if let Some(u) = lexicon::small_number(self.w(k + 1)).filter(|u| (1..10).contains(u))
                        {
                            value += u;
                            k += 2;
                        }
                    } else if let Some(u) = lexicon::small_number(self.w(k)).filter(|u| (1..10).contains(u)) {
                        value += u;
                        k += 1;
                    }
                } else {
                    return None;
                }
                match self.w(k) {
                    "hundred" => {
                        value *= 100;
                        k += 1;
                    }
                    "thousand" => {
                        value *= 1000;
                        k += 1;
                    }
                    _ => {}
                }
                Some((k, Amount::N(f64::from(value))))
            }
        }
    }

    /// A unit word, allowing "trading days", "fiscal year" and the like.
    fn unit_at(&self, i: usize) -> Option<(usize, Unit, bool)> {
        let mut k = i;
        if matches!(self.w(k), "trading" | "business" | "working" | "calendar" | "fiscal" | "school") {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        Some((k + 1, unit, plural))
    }

    // ----- tense -----

    /// Whether the sentence around token `i` talks about the past or the future.
    pub(crate) fn tense(&self, i: usize) -> Tense {
        match self.hint {
            TenseHint::Past => return Tense::Past,
            TenseHint::Future => return Tense::Future,
            TenseHint::Present => return Tense::Unknown,
            TenseHint::Auto => {}
        }
        let cue = |k: usize| -> Option<Tense> {
            let w = self.w(k);
            match w {
                "will" | "shall" | "ll" | "scheduled" | "expected" | "expects" | "expect" | "upcoming"
                | "tomorrow" | "until" | "would" | "effective" => Some(Tense::Future),
                // "next week", not "next to"
                "next" if !self.is(k + 1, "to") => Some(Tense::Future),
                // "is due Friday", not "had been due"
                "due" if !matches!(self.prev(k), "was" | "were" | "been" | "had") => Some(Tense::Future),
                // "planned to", "planned for Friday", not "the hastily planned trip"
                "planned" if matches!(self.w(k + 1), "to" | "for") => Some(Tense::Future),
                // "plans to", "set to": not the nouns ("vacation plans", "the plan")
                "going" | "set" | "slated" | "poised" | "plan" | "plans" | "planning"
                    if self.is(k + 1, "to") =>
                {
                    Some(Tense::Future)
                }
                // "is to resume"; "were planning to", "was expected to": future in the past
                "is" | "are" if self.is(k + 1, "to") => Some(Tense::Future),
                "was" | "were"
                    if matches!(
                        self.w(k + 1),
                        "to" | "planning"
                            | "going"
                            | "expected"
                            | "scheduled"
                            | "due"
                            | "slated"
                            | "supposed"
                    ) =>
                {
                    Some(Tense::Future)
                }
                "scheduling" | "intends" | "intend" | "aims" | "hopes" => Some(Tense::Future),
                "was" | "were" | "had" | "did" | "said" | "ago" | "last" | "yesterday" | "since"
                | "earlier" => Some(Tense::Past),
                _ if lexicon::irregular_past(w) && !self.is_passive_participle(k) => Some(Tense::Past),
                _ if self.is_past_participle_cue(k) => Some(Tense::Past),
                _ => None,
            }
        };
        let sentence_end = |k: usize| matches!(self.w(k), ";" | "!" | "?" | "\"") || self.is_full_stop(k);
        // "could arrive as soon as Tuesday", "as early as next month": the
        // earliest a thing may still happen, so it lies ahead.
        if i >= 3 && self.is(i - 1, "as") && matches!(self.w(i - 2), "soon" | "early") && self.is(i - 3, "as")
        {
            return Tense::Future;
        }
        // "by Friday", "until March": a deadline looks ahead, unless the sentence
        // is in the past perfect ("until Thursday, they had not called him")
        if matches!(self.prev(i), "by" | "until" | "till" | "before") {
            let mut k = i;
            while k > 0 && i - k < 15 && !sentence_end(k - 1) {
                k -= 1;
            }
            let had = (k..(i + 15).min(self.toks.len()))
                .take_while(|&t| t <= i || !sentence_end(t))
                .any(|t| self.is(t, "had"));
            return if had { Tense::Past } else { Tense::Future };
        }
        let (mut back_open, mut forward_open) = (true, true);
        for d in 1..=15 {
            if back_open {
                match i.checked_sub(d) {
                    Some(b) if !sentence_end(b) => {
                        if let Some(t) = cue(b) {
                            return t;
                        }
                    }
                    _ => back_open = false,
                }
            }
            if forward_open {
                let f = i + d;
                if f >= self.toks.len() || sentence_end(f) {
                    forward_open = false;
                } else if let Some(t) = cue(f) {
                    return t;
                }
            }
        }
        Tense::Unknown
    }

    /// A regular past form ("announced", "rejected") used as a verb: not a name
    /// ("United"), not a word that merely ends in -ed ("succeed", "hundred"), and
    /// not a passive participle ("will be named").
    fn is_past_participle_cue(&self, k: usize) -> bool {
        let w = self.w(k);
        w.len() > 4
            && w.ends_with("ed")
            && !self.capital(k)
            && (!w.ends_with("eed") || lexicon::past_in_eed(w))
            && !matches!(w, "hundred" | "kindred" | "sacred" | "naked" | "wicked" | "unspecified")
            && !self.is_passive_participle(k)
    }

    /// "will be named", "the case is heard": a participle after a present or
    /// infinitive "be" says nothing about the past.
    fn is_passive_participle(&self, k: usize) -> bool {
        matches!(self.prev(k), "be" | "being" | "is" | "are")
    }

    /// A period that ends a sentence, not one after an initial ("U.S.", "P.") or
    /// an abbreviation ("Sept.", "Corp.", "Mr.").
    fn is_full_stop(&self, k: usize) -> bool {
        if !self.is(k, ".") || k == 0 {
            return false;
        }
        let prev = &self.toks[k - 1];
        match prev.kind {
            TokKind::Word => prev.text.len() > 1 && !lexicon::abbreviation(prev.text),
            // "1.3 billion": a decimal point
            TokKind::Num => {
                !(self.glued(k)
                    && self.glued(k + 1)
                    && self.toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Num))
            }
            TokKind::Punct => false,
        }
    }

    // ----- rules -----

    /// Explicit dates: "Oct. 21, 2025", "Monday, Oct. 26", "21 October", "March 1987",
    /// "10/21/2025", "2025-10-21", "1987", "the 1980s", "'80s", "fiscal 1989".
    fn calendar(&self, j: usize) -> Option<(usize, Sem)> {
        let mut k = j;
        let mut the = false;
        if self.is(k, "the") {
            k += 1;
            the = true;
        }
        // "the week of March 6": the week containing that day
        if the && self.is(k, "week") && self.is(k + 1, "of") {
            if let Some((end, Sem::Point { point: Point::Day(d), .. })) = self.calendar(k + 2) {
                return Some((end, point(Point::of_day_week(d))));
            }
        }
        let mut had_weekday = false;
        if !the && lexicon::weekday(self.w(k)).is_some() {
            had_weekday = true;
            k += 1;
            if self.is(k, ",") {
                k += 1;
            }
        }
        if let Some((end, m)) = self.month_word(k) {
            if the {
                return None; // "the January 1998 report": the determiner belongs to the noun
            }
            return self.after_month(j, end, m, the, had_weekday);
        }
        if had_weekday {
            return None;
        }
        if !the && matches!(self.w(k), "nineteen" | "eighteen") {
            if let Some((y, end)) = self.spoken_year(k) {
                return Some((end, point(Point::Year(y))));
            }
        }
        if the && self.is(k, "year") {
            if let Some((y, end)) = self.year_at(k + 1) {
                return Some((end, point(Point::Year(y))));
            }
        }
        if self.is(k, "fiscal") && !the {
            if let Some((y, end)) = self.year_at(k + 1) {
                return Some((end, point(Point::Year(y))));
            }
        }
        // '80s
        if self.is(k, "'") && self.w(k + 1).len() == 2 && self.is(k + 2, "s") && self.glued(k + 2) {
            let (n, _) = self.num(k + 1)?;
            return Some((k + 3, point(self.recent_decade(n / 10)?)));
        }
        // "the nineties"
        if the {
            if let Some(n) = lexicon::decade_word(self.w(k)) {
                return Some((k + 1, point(self.recent_decade(u64::from(n))?)));
            }
        }
        let (n, len) = self.num(k)?;
        if len == 4 {
            // decade: 1980s, 1980's
            if self.is(k + 1, "s") && self.glued(k + 1) && n % 10 == 0 {
                return Some((k + 2, point(Point::Decade(i32::try_from(n / 10).ok()?))));
            }
            if self.is(k + 1, "'") && self.is(k + 2, "s") && self.glued(k + 2) && n % 10 == 0 {
                return Some((k + 3, point(Point::Decade(i32::try_from(n / 10).ok()?))));
            }
            // ISO 2025-10-21
            if self.is(k + 1, "-") && self.glued(k + 1) && self.is(k + 3, "-") && self.glued(k + 3) {
                if let (Some((m, 2)), Some((d, 2))) = (self.num(k + 2), self.num(k + 4)) {
                    let date = ymd(i32::try_from(n).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
                    return Some((k + 5, point(Point::Day(date))));
                }
            }
            if the {
                return None;
            }
            let (y, end) = self.year_at(k)?;
            return Some((end, point(Point::Year(y))));
        }
        if the || len > 2 {
            return None;
        }
        // 10/21/2025 or 10/21/25
        if self.is(k + 1, "/")
            && self.glued(k + 1)
            && self.is(k + 3, "/")
            && self.glued(k + 3)
            && self.glued(k + 4)
        {
            let (d, _) = self.num(k + 2)?;
            let (y, ylen) = self.num(k + 4)?;
            let year = match ylen {
                4 => i32::try_from(y).ok()?,
                2 => i32::try_from(if y < 50 { 2000 + y } else { 1900 + y }).ok()?,
                _ => return None,
            };
            let date = ymd(year, u32::try_from(n).ok()?, u32::try_from(d).ok()?)?;
            return Some((k + 5, point(Point::Day(date))));
        }
        // 21 October [2025], 21st of October
        if !(1..=31).contains(&n) {
            return None;
        }
        let mut m = k + 1;
        if lexicon::ordinal_suffix(self.w(m)) && self.glued(m) {
            m += 1;
        }
        if self.is(m, "of") {
            m += 1;
        }
        let (end, month) = self.month_word(m)?;
        let day = u32::try_from(n).ok()?;
        if let Some((y, yend)) = self.year_at(if self.is(end, ",") { end + 1 } else { end }) {
            return Some((yend, point(Point::Day(ymd(y, month, day)?))));
        }
        let date = self.resolve_month_day(month, day, k)?;
        Some((end, point(Point::Day(date))))
    }

    /// The latest decade (not after the reference's) whose tens digit is `tens`:
    /// "the '90s" in 2025 are the 1990s, "the twenties" the 2020s.
    fn recent_decade(&self, tens: u64) -> Option<Point> {
        let now = i64::from(self.reference.year()) / 10;
        let mut decade = now / 10 * 10 + i64::try_from(tens % 10).ok()?;
        if decade > now {
            decade -= 10;
        }
        Some(Point::Decade(i32::try_from(decade).ok()?))
    }

    /// A month name, or a capitalised abbreviation ("Oct.", "Sept").
    fn month_word(&self, k: usize) -> Option<(usize, u32)> {
        let w = self.w(k);
        if let Some(m) = lexicon::month(w) {
            if !self.capital(k) {
                return None;
            }
            return Some((k + 1, m));
        }
        let m = lexicon::month_abbr(w)?;
        if !self.capital(k) {
            return None;
        }
        if self.is(k + 1, ".") && self.glued(k + 1) {
            return Some((k + 2, m));
        }
        // Unpunctuated abbreviations only before a day number.
        self.num(k + 1).filter(|(_, len)| *len <= 2).map(|_| (k + 1, m))
    }

    fn after_month(
        &self,
        j: usize,
        k: usize,
        month: u32,
        the: bool,
        had_weekday: bool,
    ) -> Option<(usize, Sem)> {
        // Month Day [, Year]
        if let Some((d, len)) = self.num(k) {
            if len <= 2 && (1..=31).contains(&d) {
                let day = u32::try_from(d).ok()?;
                let mut end = k + 1;
                if lexicon::ordinal_suffix(self.w(end)) && self.glued(end) {
                    end += 1;
                }
                let year_at = if self.is(end, ",") { end + 1 } else { end };
                if let Some((y, yend)) = self.year_at(year_at) {
                    return Some((yend, point(Point::Day(ymd(y, month, day)?))));
                }
                let date = self.resolve_month_day(month, day, j)?;
                return Some((end, point(Point::Day(date))));
            }
            if len == 4 && !had_weekday {
                let (y, end) = self.year_at(k)?;
                return Some((end, point(Point::Month(y, month))));
            }
        }
        if had_weekday {
            return None;
        }
        // "January nineteen ninety-seven"
        if let Some((y, end)) = self.spoken_year(k) {
            return Some((end, point(Point::Month(y, month))));
        }
        // Month of Year, Month, Year
        if matches!(self.w(k), "of" | ",") {
            if let Some((y, end)) = self.year_at(k + 1) {
                return Some((end, point(Point::Month(y, month))));
            }
        }
        // "June last year", "January this year"
        if matches!(self.w(k), "last" | "this" | "next") && self.is(k + 1, "year") {
            if let Some((end, Sem::Point { point: Point::Year(y), .. })) = self.relative(k) {
                return Some((end, point(Point::Month(y, month))));
            }
        }
        // A bare month name: "May" and "March" need a temporal context.
        let start = if the { j + 1 } else { j };
        let word = self.w(start);
        if lexicon::month(word).is_none() && !self.is(start + 1, ".") {
            return None; // bare unpunctuated abbreviation
        }
        if (month == 5 || month == 3)
            && !matches!(
                self.prev(start),
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "during"
                    | "before"
                    | "after"
                    | "from"
                    | "through"
                    | "to"
                    | "and"
                    | "or"
                    | "end"
            )
        {
            return None;
        }
        let (y, m) = self.resolve_month(month, j);
        Some((k, point(Point::Month(y, m))))
    }

    /// A four-digit year at `k`, in a plausible range and not part of a
    /// larger number, money or a percentage.
    fn year_at(&self, k: usize) -> Option<(i32, usize)> {
        self.year_digits(k).or_else(|| self.spoken_year(k))
    }

    /// Years in words, as in broadcast transcripts: "nineteen ninety-six",
    /// "two thousand", "two thousand and one".
    fn spoken_year(&self, k: usize) -> Option<(i32, usize)> {
        let tail = |at: usize| -> Option<(u32, usize)> {
            if let Some(n) = lexicon::small_number(self.w(at)).filter(|n| *n >= 1) {
                return Some((n, at + 1));
            }
            let t = lexicon::tens(self.w(at))?;
            if self.is(at + 1, "-") {
                if let Some(u) = lexicon::small_number(self.w(at + 2)).filter(|u| (1..10).contains(u)) {
                    return Some((t + u, at + 3));
                }
            }
            if let Some(u) = lexicon::small_number(self.w(at + 1)).filter(|u| (1..10).contains(u)) {
                return Some((t + u, at + 2));
            }
            Some((t, at + 1))
        };
        match (self.w(k), self.w(k + 1)) {
            ("nineteen" | "eighteen", _) => {
                let century = if self.is(k, "nineteen") { 1900 } else { 1800 };
                let (n, end) = tail(k + 1)?;
                (10..100).contains(&n).then_some((century + i32::try_from(n).ok()?, end))
            }
            ("two", "thousand") => {
                let context = matches!(self.prev(k), "year" | "in" | "since" | "until" | "by" | "of")
                    || lexicon::month(self.prev(k)).is_some();
                if !context {
                    return None;
                }
                let at = if self.is(k + 2, "and") { k + 3 } else { k + 2 };
                match tail(at) {
                    Some((n, end)) if n < 100 => Some((2000 + i32::try_from(n).ok()?, end)),
                    _ => Some((2000, k + 2)),
                }
            }
            _ => None,
        }
    }

    fn year_digits(&self, k: usize) -> Option<(i32, usize)> {
        let (n, len) = self.num(k)?;
        if len != 4 || !(1000..=2199).contains(&n) {
            return None;
        }
        let prev = self.prev(k);
        let prefixed = prev == "-" && k >= 2 && matches!(self.w(k - 2), "mid" | "pre" | "post");
        if self.glued(k) && matches!(prev, "$" | "," | "." | "#" | "-" | "/" | "£" | "€") && !prefixed {
            return None;
        }
        if self.glued(k + 1)
            && matches!(self.w(k + 1), "," | "." | "-" | "/")
            && self.glued(k + 2)
            && self.num(k + 2).is_some()
        {
            return None;
        }
        if self.is(k + 1, "%") || matches!(self.w(k + 1), "percent" | "pct") {
            return None;
        }
        if !(1900..=2099).contains(&n)
            && !matches!(
                prev,
                "in" | "since" | "of" | "year" | "until" | "by" | "from" | "to" | "and" | "fiscal"
            )
        {
            return None;
        }
        Some((i32::try_from(n).ok()?, k + 1))
    }

    /// The year for a month and day given without one.
    fn resolve_month_day(&self, month: u32, day: u32, at: usize) -> Option<NaiveDate> {
        let r = self.reference;
        let candidates: Vec<NaiveDate> =
            [-1, 0, 1].iter().filter_map(|dy| ymd(r.year().checked_add(*dy)?, month, day)).collect();
        let this_year = ymd(r.year(), month, day);
        let tense = self.tense(at);
        let past = candidates.iter().rev().find(|d| **d <= r).copied();
        let future = candidates.iter().find(|d| **d >= r).copied();
        // A past-tense sentence can still name a date a few days ahead ("said the
        // vote is set for Nov. 1"); a year back is then far less likely.
        if let (Tense::Past, Some(p), Some(f), TenseHint::Auto) = (tense, past, future, self.hint) {
            if (f - r).num_days() <= 62 && (r - p).num_days() > 180 {
                return Some(f);
            }
        }
        // Likewise a future cue rarely points a year ahead when the date has
        // just passed ("to return the child by Jan. 14", written Jan. 15).
        if let (Tense::Future, Some(p), Some(f), TenseHint::Auto) = (tense, past, future, self.hint) {
            if (r - p).num_days() <= 31 && (f - r).num_days() > 300 {
                return Some(p);
            }
        }
        match tense {
            Tense::Past => past.or(this_year),
            Tense::Future => candidates.iter().find(|d| **d >= r).copied().or(this_year),
            Tense::Unknown => {
                candidates.iter().min_by_key(|d| ((**d - r).num_days().abs(), **d > r)).copied().or(this_year)
            }
        }
    }

    fn resolve_month(&self, month: u32, at: usize) -> (i32, u32) {
        let r = self.reference;
        let y = r.year();
        let year = match self.tense(at) {
            Tense::Past if month > r.month() + 1 || (month > r.month() && self.hint == TenseHint::Past) => {
                y - 1
            }
            Tense::Future if month < r.month() => y + 1,
            Tense::Unknown if month > r.month() + 6 => y - 1,
            Tense::Unknown if month + 6 < r.month() => y + 1,
            _ => y,
        };
        (year, month)
    }

    fn resolve_weekday(&self, weekday: Weekday, at: usize) -> Option<NaiveDate> {
        let r = self.reference;
        let past = weekday_near(r, weekday, false)?;
        let future = weekday_near(r, weekday, true)?;
        // "Wednesday's ruling": an event already reported
        let possessive = self.is(at + 1, "'") && self.glued(at + 1) && self.is(at + 2, "s");
        if possessive && self.hint == TenseHint::Auto {
            return Some(past);
        }
        Some(match self.tense(at) {
            Tense::Future => future,
            Tense::Past => past,
            // no cue: the nearer one, the past on a tie (news reports)
            // no cue: the nearer one, the past on a tie (news reports)
            Tense::Unknown if (future - r) < (r - past) => future,
            Tense::Unknown => past,
        })
    }

    fn resolve_season(&self, season: Season, at: usize) -> Point {
        let r = self.reference;
        let current = Season::of_month(r.month());
        // Winter belongs to the year it starts in.
        let current_year = if r.month() <= 2 { r.year() - 1 } else { r.year() };
        let order = |s: Season| match s {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        };
        let (cur, want) = (order(current), order(season));
        let year = match self.tense(at) {
            Tense::Future if want < cur => current_year + 1,
            Tense::Past | Tense::Unknown if want > cur => current_year - 1,
            _ => current_year,
        };
        Point::Season(year, season)
    }

    /// The quarter a financial report most likely means by "the quarter":
    /// the one just finished early in a quarter, else the current one.
    fn reporting_quarter(&self) -> Point {
        let r = self.reference;
        let current = Point::Quarter(r.year(), quarter_of(r));
        let into = current.range().map_or(0, |(s, _)| (r - s).num_days());
        if into < 45 {
            current.shift(-1).unwrap_or(current)
        } else {
            current
        }
    }

    /// The quarter "a year ago" and "the year-ago quarter" count back from: the
    /// quarter last named, moved into the reporting year ("the 1988 quarter ...
    /// a year ago" is still 1988), or the reporting quarter.
    fn quarter_now(&self) -> Point {
        let reporting = self.reporting_quarter();
        match (self.anchor, reporting) {
            (Some(Point::Quarter(_, q)), Point::Quarter(y, _)) => Point::Quarter(y, q),
            _ => reporting,
        }
    }

    fn resolve_quarter(&self, q: u32, at: usize) -> Point {
        let r = self.reference;
        let cur = quarter_of(r);
        let y = match self.tense(at) {
            // quarters are mostly reported after the fact; only an explicit hint looks ahead a year
            Tense::Future if q < cur && self.hint == TenseHint::Future => r.year() + 1,
            Tense::Future => r.year(),
            _ if q > cur => r.year() - 1,
            _ => r.year(),
        };
        Point::Quarter(y, q)
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the 1988 second
    /// quarter", "the first quarter of 1989", "the latest quarter", "the year-ago quarter",
    /// "the first half".
    fn quarter(&self, j: usize) -> Option<(usize, Sem)> {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let mut year = None;
        if let Some((y, end)) = self.year_at(k) {
            year = Some(y);
            k = end;
        }
        let mut fiscal = false;
        if self.is(k, "fiscal") {
            fiscal = true;
            k += 1;
            if self.is(k, "-") {
                k += 1;
            }
        }
        if year.is_none() {
            if let Some((y, end)) = self.year_at(k) {
                year = Some(y);
                k = end;
            }
        }
        // "next year's first quarter", "last year's quarter"
        if year.is_none() && k == j && matches!(self.w(k), "last" | "next" | "this") {
            if let Some((e, Sem::Point { point: Point::Year(y), .. })) = self.relative(k) {
                if self.is(e, "'") && self.glued(e) && self.is(e + 1, "s") {
                    year = Some(y);
                    k = e + 2;
                }
            }
        }
        let glue = |k: usize| if self.is(k, "-") && self.glued(k) { k + 1 } else { k };
        // "the first two quarters of 1990": the first half
        if matches!(self.w(k), "first" | "last")
            && self.is(k + 1, "two")
            && self.is(k + 2, "quarters")
            && self.is(k + 3, "of")
        {
            if let Some((y, e)) = self.year_at(k + 4) {
                return Some((e, point(Point::Half(y, if self.is(k, "first") { 1 } else { 2 }))));
            }
        }
        // "the last half of 1989": the second half
        let last = matches!(self.w(k), "last" | "final")
            && matches!(self.w(glue(k + 1)), "half" | "quarter")
            && self.is(glue(k + 1) + 1, "of")
            && self.year_at(glue(k + 1) + 2).is_some();
        // ordinal quarter / half
        if let Some(n) = lexicon::ordinal(self.w(k)).or(last.then_some(0)) {
            let u = glue(k + 1);
            let (kind, end) = match self.w(u) {
                "quarter" => ('Q', u + 1),
                "half" => ('H', u + 1),
                _ => return None,
            };
            let n = match (n, kind) {
                (0, 'Q') => 4,
                (0, _) => 2,
                _ => n,
            };
            if (kind == 'Q' && n > 4) || (kind == 'H' && n > 2) {
                return None;
            }
            let mut end = end;
            if year.is_none() {
                let of = if self.is(end, "of") { end + 1 } else { end };
                let of = if self.is(of, "fiscal") { of + 1 } else { of };
                if self.is(end, "of") || self.is(end, ",") {
                    if let Some((y, e)) = self.year_at(of) {
                        year = Some(y);
                        end = e;
                    } else if let Some((e, Sem::Point { point: Point::Year(y), .. })) = self.relative(of) {
                        year = Some(y);
                        end = e;
                    }
                }
            }
            let p = match (kind, year) {
                ('Q', Some(y)) => Point::Quarter(y, n),
                ('Q', None) => self.resolve_quarter(n, j),
                (_, Some(y)) => Point::Half(y, n),
                (_, None) => {
                    let r = self.reference;
                    let y = if n == 2 && r.month() <= 6 && self.tense(j) != Tense::Future {
                        r.year() - 1
                    } else {
                        r.year()
                    };
                    Point::Half(y, n)
                }
            };
            return Some((end, point(p)));
        }
        // year-earlier / year-ago [quarter|period]
        let comparable = matches!(self.w(k), "comparable" | "same" | "corresponding");
        if comparable {
            k += 1;
        }
        if self.is(k, "year") && self.is(k + 1, "-") && matches!(self.w(k + 2), "earlier" | "ago") {
            let mut end = k + 3;
            let mut base = self.quarter_now();
            // "the year-earlier third quarter"
            if let Some(n) = lexicon::ordinal(self.w(end)).filter(|n| (1..=4).contains(n)) {
                let q = if self.is(end + 1, "-") { end + 2 } else { end + 1 };
                if self.is(q, "quarter") {
                    base = self.resolve_quarter(n, j);
                    end = q;
                }
            }
            // "the year-earlier nine months": the duration
            if let Some((e, amount @ Amount::N(_))) = self.amount(end) {
                if let Some((e, unit, _)) = self.unit_at(e).filter(|_| k > j) {
                    return Some((e, Sem::Duration { amount, unit, anchor: Anchor::Free }));
                }
            }
            if matches!(self.w(end), "quarter" | "period") {
                end += 1;
            }
            let with_noun = matches!(self.w(end - 1), "quarter" | "period");
            if !with_noun && k > j {
                return None; // "the year-earlier results": the determiner belongs to the noun
            }
            return Some((end, point(base.shift_years(-1)?)));
        }
        // year-end, year end, year's end
        if self.is(k, "year") {
            let e = match (self.w(k + 1), self.w(k + 2), self.w(k + 3)) {
                ("-", "end", _) => Some(k + 3),
                ("end", _, _) => Some(k + 2),
                ("'", "s", "end") => Some(k + 4),
                _ => None,
            };
            if let Some(e) = e {
                let r = self.reference;
                let y =
                    if r.month() == 1 && self.tense(j) != Tense::Future { r.year() - 1 } else { r.year() };
                return Some((e, Sem::Point { point: Point::Year(y), clock: None, position: Position::End }));
            }
        }
        let latest = matches!(self.w(k), "latest" | "recent" | "just-ended");
        if latest {
            k += 1;
        }
        // "the quarter", "the latest period", "the 1988 quarter": the reporting quarter
        // (of the given year)
        // "the quarter a year ago", "the same period last year": a year back
        let year_back = match (self.w(k + 1), self.w(k + 2), self.w(k + 3)) {
            ("a", "year", "ago" | "earlier") => Some(k + 4),
            ("last", "year", _) => Some(k + 3),
            _ => None,
        };
        let quarter_noun = self.is(k, "quarter") && (k > j || fiscal);
        let period_noun = self.is(k, "period")
            && (latest || year.is_some() || (comparable && year_back.is_some()))
            && k > j;
        if quarter_noun || period_noun {
            let reporting = self.reporting_quarter();
            let p = match (year, reporting) {
                (Some(y), Point::Quarter(_, q)) => Point::Quarter(y, q),
                _ => reporting,
            };
            if let (Some(end), None) = (year_back, year) {
                // a "period" is the quarter, half or month last named ("in the first
                // half of 2005 against the same period last year"), else the year
                let back = match self.anchor {
                    Some(Point::Quarter(..)) => self.quarter_now(),
                    Some(p @ (Point::Half(..) | Point::Month(..))) if period_noun => p,
                    _ if period_noun => Point::Year(self.reference.year()),
                    _ => p,
                };
                return Some((end, point(back.shift_years(-1)?)));
            }
            return Some((k + 1, point(p)));
        }
        if year.is_some() && fiscal {
            return Some((k, point(Point::Year(year?))));
        }
        None
    }

    /// "last week", "this year", "next month", "last Friday", "this past spring",
    /// "this morning", "last night", "the current quarter", "the weekend".
    fn relative(&self, j: usize) -> Option<(usize, Sem)> {
        let mut k = j;
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        // "that year", "later that month": the unit last named
        if !the && self.is(k, "that") {
            let (unit, false) = lexicon::unit(self.w(k + 1))? else { return None };
            let p = match (self.anchor?, unit) {
                (p @ Point::Day(_), Unit::Day) => p,
                (p, u) => p.coarsened(u)?,
            };
            return Some((k + 2, point(p)));
        }
        let step: i64 = match self.w(k) {
            "last" | "previous" | "past" if !the => -1,
            // "the past year": TimeBank dates it to the calendar year before
            // (other units stay durations: "the past week" is the seven days
            // back, "the past decade" ten years, not the 1980s; "the previous
            // year" is the year before the one the story is in).
            "last" | "past" if self.is(k + 1, "year") => -1,
            "this" | "current" if !the || self.is(k, "current") => 0,
            "next" | "coming" | "following" | "upcoming" if !the || self.w(k) == "coming" => 1,
            "weekend" if the => {
                let future = self.tense(j) == Tense::Future;
                let r = self.reference;
                let sat = weekday_near(r, Weekday::Sat, future)?;
                let sat = if !future && r.weekday() == Weekday::Sun { add_days(r, -1)? } else { sat };
                let w = sat.iso_week();
                return Some((k + 1, point(Point::Weekend(w.year(), w.week()))));
            }
            _ => return None,
        };
        k += 1;
        if step == -1 && self.is(k, "past") {
            return None;
        }
        // "this past spring"
        let step = if step == 0 && self.is(k, "past") {
            k += 1;
            -1
        } else {
            step
        };
        let r = self.reference;
        if self.is(k, "fiscal") {
            k += 1;
        }
        let w = self.w(k);
        if let Some((unit, false)) = lexicon::unit(w) {
            let base = match unit {
                Unit::Weekend => {
                    let Point::Week(y, wk) = Point::of_day_week(r) else { return None };
                    Point::Weekend(y, wk)
                }
                _ => self.current_unit(unit)?,
            };
            return Some((k + 1, point(base.shift(step)?)));
        }
        if let Some((end, month)) = self.month_word(k) {
            if self.num(end).is_some_and(|(d, len)| len <= 2 && (1..=31).contains(&d)) {
                return None; // "last Oct. 23": the date itself
            }
            let y = match step {
                -1 if month >= r.month() => r.year() - 1,
                1 if month <= r.month() => r.year() + 1,
                0 => self.resolve_month(month, j).0,
                _ => r.year(),
            };
            return Some((end, point(Point::Month(y, month))));
        }
        if let Some(wd) = lexicon::weekday(w) {
            let date = match step {
                -1 => add_days(weekday_near(add_days(r, -1)?, wd, false)?, 0)?,
                1 => weekday_near(add_days(r, 1)?, wd, true)?,
                _ => self.resolve_weekday(wd, j)?,
            };
            return self.with_part_of_day(k + 1, Point::Day(date));
        }
        if let Some(season) = lexicon::season(w) {
            // the instance in the reference's season year (winter counts from December)
            let this = Point::Season(if r.month() <= 2 { r.year() - 1 } else { r.year() }, season);
            let containing = Season::of_month(r.month()) == season;
            let started = this.range().is_some_and(|(s, _)| s <= r);
            let p = match step {
                -1 if started && !containing => this,
                -1 => this.shift(-1)?,
                1 if !started => this,
                1 => this.shift(1)?,
                // "this summer": the one of the current year (winter from December)
                _ if season == Season::Winter && r.month() <= 2 => Point::Season(r.year() - 1, season),
                _ => Point::Season(r.year(), season),
            };
            return Some((k + 1, point(p)));
        }
        if let Some(part) = lexicon::part_of_day(w) {
            let day = match (step, part) {
                (-1, "NI") | (-1, "EV") => add_days(r, -1)?,
                (1, _) => add_days(r, 1)?,
                (0, _) => r,
                _ => return None,
            };
            return Some((
                k + 1,
                Sem::Point {
                    point: Point::Day(day),
                    clock: Some(Clock::Part(part)),
                    position: Position::Whole,
                },
            ));
        }
        None
    }

    fn with_part_of_day(&self, k: usize, p: Point) -> Option<(usize, Sem)> {
        // "Tuesday nights": every Tuesday night
        if let (Some(part), Point::Day(d)) = (lexicon::part_of_day(self.w(k)), p) {
            if self.w(k).ends_with('s') {
                let code = d.weekday().number_from_monday();
                return Some((k + 1, Sem::Set(format!("XXXX-WXX-{code}T{part}"))));
            }
        }
        if let Some(part) =
            lexicon::part_of_day(self.w(k)).filter(|_| self.w(k) != "tonight" && self.w(k) != "overnight")
        {
            return Some((
                k + 1,
                Sem::Point { point: p, clock: Some(Clock::Part(part)), position: Position::Whole },
            ));
        }
        Some((k, point(p)))
    }

    /// today, yesterday, tomorrow, tonight, overnight, the day before yesterday.
    fn day_word(&self, j: usize) -> Option<(usize, Sem)> {
        let r = self.reference;
        // "mid-afternoon", "late morning Friday": a part of the day (the
        // position word before it is read by `position`)
        let positioned = match self.prev(j) {
            "early" | "late" | "mid" => true,
            "-" => j >= 2 && self.w(j - 2) == "mid",
            _ => false,
        };
        if let Some(part) =
            lexicon::part_of_day(self.w(j)).filter(|_| positioned && !self.w(j).ends_with('s'))
        {
            let mut end = j + 1;
            let mut day = r;
            if let Some((e, Sem::Point { point: Point::Day(d), clock: None, .. })) =
                self.day_word(end).or_else(|| self.weekday_rule(end))
            {
                (day, end) = (d, e);
            }
            return Some((
                end,
                Sem::Point {
                    point: Point::Day(day),
                    clock: Some(Clock::Part(part)),
                    position: Position::Whole,
                },
            ));
        }
        let (end, day) = match self.w(j) {
            "today" => (j + 1, r),
            "yesterday" => (j + 1, add_days(r, -1)?),
            "tomorrow" => (j + 1, add_days(r, 1)?),
            "tonight" | "overnight" => {
                return Some((
                    j + 1,
                    Sem::Point {
                        point: Point::Day(r),
                        clock: Some(Clock::Part("NI")),
                        position: Position::Whole,
                    },
                ));
            }
            // "Oct. 12, the day before the stock market fell": the day just named.
            "the"
                if self.is(j + 1, "day")
                    && j > 0
                    && self.is(j - 1, ",")
                    && !matches!(self.w(j + 3), "yesterday" | "tomorrow")
                    && self.previous_day.is_some_and(|(end, _)| end + 1 == j) =>
            {
                (j + 2, self.previous_day?.1)
            }
            "the" if self.is(j + 1, "day") && self.is(j + 2, "before") && self.is(j + 3, "yesterday") => {
                (j + 4, add_days(r, -2)?)
            }
            "the" if self.is(j + 1, "day") && self.is(j + 2, "after") && self.is(j + 3, "tomorrow") => {
                (j + 4, add_days(r, 2)?)
            }
            _ => return None,
        };
        self.with_part_of_day(end, Point::Day(day))
    }

    fn weekday_rule(&self, j: usize) -> Option<(usize, Sem)> {
        let w = self.w(j);
        if let Some(wd) = lexicon::weekday_plural(w) {
            let code = wd.number_from_monday();
            let part = lexicon::part_of_day(self.w(j + 1));
            let (end, suffix) = match part {
                Some(p) => (j + 2, format!("T{p}")),
                None => (j + 1, String::new()),
            };
            return Some((end, Sem::Set(format!("XXXX-WXX-{code}{suffix}"))));
        }
        let wd = lexicon::weekday(w)?;
        // "Super Tuesday", "Black Friday": the name of an occasion, whose
        // date the weekday alone does not give.
        if j > 0
            && matches!(self.w(j - 1), "super" | "black" | "cyber" | "good" | "ash")
            && self.capital(j - 1)
        {
            return None;
        }
        let date = self.resolve_weekday(wd, j)?;
        self.with_part_of_day(j + 1, Point::Day(date))
    }

    fn season_rule(&self, j: usize) -> Option<(usize, Sem)> {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let season = lexicon::season(self.w(k))?;
        if self.w(k) == "fall" && k == j {
            return None; // "prices fall"
        }
        let after = if self.is(k + 1, "of") { k + 2 } else { k + 1 };
        if let Some((y, end)) = self.year_at(after) {
            return Some((end, point(Point::Season(y, season))));
        }
        // "the fall of the Berlin Wall", "the fall in prices", "the spring water"
        let follower_is_noun_or_prep = self.toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Word)
            && !matches!(
                self.w(k + 1),
                "and" | "or" | "when" | "before" | "after" | "as" | "season" | "semester" | "term"
            );
        if self.w(k) != "summer" && self.w(k) != "winter" && follower_is_noun_or_prep {
            return None;
        }
        if k == j
            && !self.capital(k)
            && !matches!(
                self.prev(j),
                "in" | "this"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "-"
                    | "mid"
                    | "since"
                    | "by"
                    | "until"
                    | "during"
            )
        {
            return None;
        }
        Some((k + 1, point(self.resolve_season(season, j))))
    }

    /// "3 p.m.", "10:30 a.m. EDT Thursday", "15:05", "noon", "midnight Friday".
    fn clock_rule(&self, j: usize) -> Option<(usize, Sem)> {
        let (mut h, mut m, mut k);
        match self.w(j) {
            // "High Noon": the idiom or the film
            "noon" if self.prev(j) == "high" => return None,
            "noon" | "midday" => {
                (h, m, k) = (12, 0, j + 1);
            }
            "midnight" => {
                (h, m, k) = (24, 0, j + 1);
            }
            _ => {
                let (hh, hlen) = self.num(j)?;
                if hlen > 2 || hh > 24 {
                    return None;
                }
                h = u32::try_from(hh).ok()?;
                m = 0;
                k = j + 1;
                let mut colon = false;
                if self.is(k, ":") && self.glued(k) && self.glued(k + 1) {
                    let (mm, mlen) = self.num(k + 1)?;
                    if mlen != 2 || mm > 59 {
                        return None;
                    }
                    m = u32::try_from(mm).ok()?;
                    k += 2;
                    colon = true;
                }
                let (end, meridiem) = self.meridiem(k);
                k = end;
                match meridiem {
                    Some(pm) => {
                        if !(1..=12).contains(&h) {
                            return None;
                        }
                        if pm && h < 12 {
                            h += 12;
                        } else if !pm && h == 12 {
                            h = 0;
                        }
                    }
                    None if colon && h <= 23 => {}
                    None => {
                        if self.is(k, "o") && self.is(k + 1, "'") && self.is(k + 2, "clock") && h <= 12 {
                            k += 3;
                        }
                        // "4 in the morning", "8 in the evening"
                        let pm = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
                            ("in", "the", "morning") => Some(false),
                            ("in", "the", "afternoon" | "evening") => Some(true),
                            _ => None,
                        };
                        match pm {
                            Some(pm) if (1..=12).contains(&h) => {
                                h = match (pm, h) {
                                    (true, 12) | (false, 1..=11) => h,
                                    (true, _) => h + 12,
                                    (false, _) => 0,
                                };
                                k += 3;
                            }
                            _ if self.is(k - 1, "clock") => {}
                            _ => return None,
                        }
                    }
                }
            }
        }
        if lexicon::timezone(self.w(k)) {
            k += 1;
        }
        // attached day
        let mut k2 = k;
        if self.is(k2, ",") || self.is(k2, "on") {
            k2 += 1;
        }
        let mut day = self.reference;
        if let Some((end, Sem::Point { point: Point::Day(d), .. })) =
            self.day_word(k2).or_else(|| self.weekday_rule(k2)).or_else(|| self.calendar(k2))
        {
            day = d;
            k = end;
        }
        Some((
            k,
            Sem::Point { point: Point::Day(day), clock: Some(Clock::At(h, m)), position: Position::Whole },
        ))
    }

    /// "a.m.", "am", "p.m", "pm" at `k`: (end, Some(is_pm)).
    fn meridiem(&self, k: usize) -> (usize, Option<bool>) {
        match self.w(k) {
            "am" | "a" | "pm" | "p" => {}
            _ => return (k, None),
        }
        let pm = self.w(k).starts_with('p');
        if matches!(self.w(k), "am" | "pm") {
            return (k + 1, Some(pm));
        }
        // a.m. / p.m.
        if self.is(k + 1, ".") && self.glued(k + 1) && self.is(k + 2, "m") && self.glued(k + 2) {
            let end = if self.is(k + 3, ".") && self.glued(k + 3) { k + 4 } else { k + 3 };
            return (end, Some(pm));
        }
        (k, None)
    }

    /// PAST_REF / PRESENT_REF / FUTURE_REF expressions. Windows (offsets in days from
    /// the reference): recently = the past 30 days; immediate future = 14 days;
    /// soon = 30 days; pretty soon = 30 days + 7 slack; shortly = 14 days;
    /// near future / near term / short term = 90 days.
    fn fuzzy(&self, j: usize) -> Option<(usize, Sem)> {
        let f = |value, offsets, slack| Sem::Fuzzy(Fuzzy { value, offsets, slack });
        let present = |end| Some((end, f("PRESENT_REF", Some((0, 0)), 0)));
        match self.w(j) {
            "now" | "currently" | "nowadays" => present(j + 1),
            "current"
                if !matches!(
                    self.w(j + 1),
                    "account" | "accounts" | "affairs" | "events" | "assets" | "liabilities"
                ) =>
            {
                present(j + 1)
            }
            "these" if self.is(j + 1, "days") => present(j + 2),
            "present" if matches!(self.prev(j), "at" | "until" | "till") => present(j + 1),
            "recently" | "lately" => Some((j + 1, f("PAST_REF", Some((-30, 0)), 0))),
            "recent" if !matches!(self.prev(j), "most" | "the" | "a") || self.prev(j) == "the" => {
                Some((j + 1, f("PAST_REF", Some((-30, 0)), 0)))
            }
            "soon" if !(self.is(j + 1, "as") || self.prev(j) == "as" || self.prev(j) == "too") => {
                Some((j + 1, f("FUTURE_REF", Some((0, 30)), 0)))
            }
            "pretty" | "very" | "quite" if self.is(j + 1, "soon") => {
                let slack = if self.is(j, "pretty") { 7 } else { 0 };
                Some((j + 2, f("FUTURE_REF", Some((0, 30)), slack)))
            }
            "shortly" if !self.is(j + 1, "after") && !self.is(j + 1, "before") => {
                Some((j + 1, f("FUTURE_REF", Some((0, 14)), 0)))
            }
            "future" if lexicon::unit(self.w(j + 1)).is_some_and(|(_, plural)| plural) => {
                Some((j + 2, f("FUTURE_REF", None, 0)))
            }
            "a" if self.is(j + 1, "later") && self.is(j + 2, "date") => {
                Some((j + 3, f("FUTURE_REF", None, 0)))
            }
            "the" => {
                let k = j + 1;
                match self.w(k) {
                    "past" if self.amount(k + 1).is_none() && self.unit_at(k + 1).is_none() => {
                        Some((k + 1, f("PAST_REF", None, 0)))
                    }
                    "present" => present(k + 1),
                    "moment" if self.prev(j) == "at" => present(k + 1),
                    "future" => Some((k + 1, f("FUTURE_REF", None, 0))),
                    "immediate" if self.is(k + 1, "future") => {
                        Some((k + 2, f("FUTURE_REF", Some((0, 14)), 0)))
                    }
                    "near" | "not" | "foreseeable" | "distant" => {
                        let mut e = k;
                        while matches!(
                            self.w(e),
                            "not" | "-" | "too" | "so" | "near" | "foreseeable" | "distant"
                        ) {
                            e += 1;
                        }
                        let offsets = match self.w(k) {
                            "near" | "not" => Some((0, 90)),
                            _ => None,
                        };
                        if self.is(e, "future") {
                            Some((e + 1, f("FUTURE_REF", offsets, 0)))
                        } else if self.is(e, "term") {
                            Some((e + 1, f("FUTURE_REF", Some((0, 90)), 0)))
                        } else {
                            None
                        }
                    }
                    "short" | "long" | "longer"
                        if self.is(k + 1, "term") || (self.is(k + 1, "-") && self.is(k + 2, "term")) =>
                    {
                        let end = if self.is(k + 1, "-") { k + 3 } else { k + 2 };
                        // "the long-term outlook" is an adjective, not a time
                        if self.toks.get(end).is_some_and(|t| t.kind == TokKind::Word) {
                            return None;
                        }
                        let offsets = if self.is(k, "short") { Some((0, 90)) } else { None };
                        Some((end, f("FUTURE_REF", offsets, 0)))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Sets: "daily", "every week", "each Thursday", "annually", "a year" after a rate.
    fn set_rule(&self, j: usize) -> Option<(usize, Sem)> {
        let set = |end, v: &str| Some((end, Sem::Set(v.to_string())));
        match self.w(j) {
            "daily" => set(j + 1, "P1D"),
            "weekly" => set(j + 1, "P1W"),
            "biweekly" => set(j + 1, "P2W"),
            "monthly" => set(j + 1, "P1M"),
            "yearly" | "annually" => set(j + 1, "P1Y"),
            "hourly" => set(j + 1, "PT1H"),
            "every" | "each" | "per" => {
                let mut k = j + 1;
                if self.is(k, "other") {
                    k += 1;
                }
                let n = if self.is(j + 1, "other") { 2.0 } else { 1.0 };
                let (k, n) = match self.amount(k) {
                    Some((e, Amount::N(v))) if !self.is(k, "a") => (e, v),
                    _ => (k, n),
                };
                if let Some(wd) = lexicon::weekday(self.w(k)) {
                    return set(k + 1, &format!("XXXX-WXX-{}", wd.number_from_monday()));
                }
                let (end, unit, _) = self.unit_at(k)?;
                set(end, &duration_value(Amount::N(n), unit))
            }
            "a" | "an"
                if matches!(
                    self.prev(j),
                    "%" | "percent"
                        | "cents"
                        | "dollars"
                        | "million"
                        | "billion"
                        | "times"
                        | "twice"
                        | "once"
                ) || (j > 0 && self.toks[j - 1].kind == TokKind::Num) =>
            {
                let (end, unit, false) = self.unit_at(j + 1)? else { return None };
                set(end, &duration_value(Amount::N(1.0), unit))
            }
            _ => None,
        }
    }

    fn holiday(&self, j: usize) -> Option<(usize, Sem)> {
        let r = self.reference;
        let w = self.w(j);
        // "Easter week": the ISO week that ends on Easter Sunday,
        // this year's while it runs, else as the tense points.
        if w == "easter" && self.is(j + 1, "week") {
            let this = easter(r.year())?;
            let year = match self.tense(j) {
                _ if (this - r).num_days() >= 0 && (this - r).num_days() <= 6 => r.year(),
                Tense::Past if this > r => r.year() - 1,
                Tense::Future if this < r => r.year() + 1,
                _ => r.year(),
            };
            let sunday = easter(year)?.iso_week();
            return Some((j + 2, point(Point::Week(sunday.year(), sunday.week()))));
        }
        let (end, day): (usize, HolidayDate) = match w {
            "christmas" | "xmas" => {
                if self.is(j + 1, "eve") {
                    (j + 2, Box::new(|y| ymd(y, 12, 24)))
                } else {
                    let end = if self.is(j + 1, "day") { j + 2 } else { j + 1 };
                    (end, Box::new(|y| ymd(y, 12, 25)))
                }
            }
            "new" if self.is(j + 1, "year") && self.is(j + 2, "'") && self.is(j + 3, "s") => {
                match self.w(j + 4) {
                    "day" => (j + 5, Box::new(|y| ymd(y, 1, 1))),
                    "eve" => (j + 5, Box::new(|y| ymd(y, 12, 31))),
                    _ => return None,
                }
            }
            "thanksgiving" => {
                let end = if self.is(j + 1, "day") { j + 2 } else { j + 1 };
                (end, Box::new(|y| nth_weekday(y, 11, Weekday::Thu, 4)))
            }
            "halloween" => (j + 1, Box::new(|y| ymd(y, 10, 31))),
            "election" if self.is(j + 1, "day") && self.capital(j) => {
                (j + 2, Box::new(|y| add_days(nth_weekday(y, 11, Weekday::Mon, 1)?, 1)))
            }
            "independence" if self.is(j + 1, "day") => (j + 2, Box::new(|y| ymd(y, 7, 4))),
            "labor" if self.is(j + 1, "day") => (j + 2, Box::new(|y| nth_weekday(y, 9, Weekday::Mon, 1))),
            "memorial" if self.is(j + 1, "day") => (j + 2, Box::new(|y| last_weekday(y, 5, Weekday::Mon))),
            "valentine" if self.is(j + 1, "'") && self.is(j + 2, "s") && self.is(j + 3, "day") => {
                (j + 4, Box::new(|y| ymd(y, 2, 14)))
            }
            "easter" => {
                let end = if self.is(j + 1, "sunday") { j + 2 } else { j + 1 };
                (end, Box::new(easter))
            }
            _ => return None,
        };
        let mut year = r.year();
        let mut end = end;
        if let Some((y, e)) = self.year_at(if self.is(end, ",") { end + 1 } else { end }) {
            year = y;
            end = e;
        } else {
            let this = day(year)?;
            match self.tense(j) {
                Tense::Past if this > r => year -= 1,
                Tense::Future if this < r => year += 1,
                _ => {}
            }
        }
        Some((end, point(Point::Day(day(year)?))))
    }

    /// "the 20th century", "the eleventh century".
    fn century(&self, j: usize) -> Option<(usize, Sem)> {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let n = if let Some((n, len)) = self.num(k) {
            if len > 2 || !lexicon::ordinal_suffix(self.w(k + 1)) {
                return None;
            }
            k += 2;
            u32::try_from(n).ok()?
        } else {
            let n = lexicon::ordinal(self.w(k))?;
            k += 1;
            n
        };
        if self.is(k, "-") {
            k += 1;
        }
        if !self.is(k, "century") || n == 0 {
            return None;
        }
        Some((k + 1, point(Point::Century(i32::try_from(n - 1).ok()?))))
    }

    /// Durations and unit-relative dates: "two weeks", "the past 18 months",
    /// "the next two years", "two-year", "several years", "recent weeks",
    /// "two days ago", "a year earlier", "three weeks later", "the year".
    fn duration(&self, j: usize) -> Option<(usize, Sem)> {
        let mut k = j;
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        let mut anchor = Anchor::Free;
        let mut ordinal_like = false;
        match self.w(k) {
            "past" | "last" | "previous" | "preceding" | "recent" | "prior" => {
                anchor = Anchor::Past;
                k += 1;
            }
            "next" | "coming" | "following" | "upcoming" | "ensuing" => {
                anchor = Anchor::Future;
                k += 1;
            }
            "first" | "final" | "initial" | "latest" | "remaining" => {
                ordinal_like = true;
                k += 1;
            }
            "future" if !the => {
                anchor = Anchor::Future;
                k += 1;
            }
            _ => {}
        }
        if anchor == Anchor::Free && !the && k == j && self.is(k, "another") {
            k += 1;
        }
        let amount = self.amount(k);
        if let Some((e, _)) = amount {
            k = e;
        }
        while matches!(
            self.w(k),
            "more"
                | "additional"
                | "further"
                | "straight"
                | "consecutive"
                | "full"
                | "long"
                | "whole"
                | "entire"
                | "extra"
        ) {
            k += 1;
        }
        let hyphen = self.is(k, "-") && self.glued(k) && amount.is_some();
        if hyphen {
            k += 1;
        }
        let (mut end, unit, plural) = self.unit_at(k)?;
        // "year-earlier", "year-end": not a duration
        if self.is(end, "-") && matches!(self.w(end + 1), "earlier" | "ago" | "end") {
            return None;
        }
        // "a second term", "a second look": the ordinal, not the unit
        if unit == Unit::Second && !plural && self.toks.get(end).is_some_and(|t| t.kind == TokKind::Word) {
            return None;
        }
        if ordinal_like && amount.is_none() {
            return None;
        }
        let mut amount = match amount {
            Some((_, a)) => a,
            None => {
                if plural {
                    // bare plurals only in a temporal frame: "recent years", "for years", "in weeks"
                    // "the weeks ahead"
                    if the && anchor == Anchor::Free && k == j + 1 && self.is(end, "ahead") {
                        return Some((
                            end + 1,
                            Sem::Duration { amount: Amount::X, unit, anchor: Anchor::Future },
                        ));
                    }
                    let framed = anchor != Anchor::Free
                        || (k == j
                            && matches!(
                                self.prev(j),
                                "for" | "in" | "within" | "over" | "after" | "took" | "take" | "lasted"
                            ))
                        || self.is(end, "-") && self.is(end + 1, "long");
                    if !framed {
                        return None;
                    }
                    Amount::X
                } else if the && anchor != Anchor::Free {
                    // "the following year", "the previous month": next to the one last named
                    if matches!(self.w(j + 1), "following" | "previous" | "preceding" | "prior") {
                        let step = if anchor == Anchor::Future { 1 } else { -1 };
                        if let Some(p) =
                            self.anchor.and_then(|p| p.coarsened(unit)).and_then(|p| p.shift(step))
                        {
                            return Some((end, point(p)));
                        }
                    }
                    if unit == Unit::Day && anchor == Anchor::Future {
                        // "the next day": the day after the reference
                        return Some((end, point(Point::Day(add_days(self.reference, 1)?))));
                    }
                    if unit == Unit::Day {
                        return Some((end, point(Point::Day(add_days(self.reference, -1)?))));
                    }
                    Amount::N(1.0)
                } else if the
                    && unit == Unit::Year
                    && (k == j + 1 || (k == j + 2 && self.is(j + 1, "full")))
                    && !matches!(
                        self.w(end),
                        "ended"
                            | "ending"
                            | "ends"
                            | "to"
                            | "through"
                            | "before"
                            | "after"
                            | "earlier"
                            | "later"
                            | "ago"
                            | "-"
                            | "'"
                    )
                {
                    // "for the year", "the first nine months of the year", "the full
                    // year": the current (reporting) year
                    let r = self.reference;
                    let y = if r.month() == 1 && self.tense(j) != Tense::Future {
                        r.year() - 1
                    } else {
                        r.year()
                    };
                    return Some((end, point(Point::Year(y))));
                } else if the && matches!(unit, Unit::Year | Unit::Month | Unit::Week) && k == j + 1 {
                    Amount::N(1.0)
                } else {
                    return None;
                }
            }
        };
        // "a year and a half"
        if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            if let Amount::N(n) = amount {
                amount = Amount::N(n + 0.5);
                end += 3;
            }
        }
        if self.is(end, "-") && self.is(end + 1, "long") {
            end += 2;
        }
        // "a week or so ago"
        let mut hedge_end = end;
        if self.is(end, "or")
            && self.is(end + 1, "so")
            && matches!(self.w(end + 2), "ago" | "earlier" | "later")
        {
            hedge_end = end + 2;
        }
        if !the && anchor == Anchor::Free && hedge_end != end {
            if let Some((e, sem)) = self.offset_point(amount, unit, hedge_end) {
                return Some((e, sem));
            }
        }
        if !the && anchor == Anchor::Free {
            match self.w(end) {
                "ago" | "earlier" | "later" | "before" | "after" | "back" | "hence"
                    if !matches!(self.w(end), "before" | "after")
                        || matches!(self.w(end + 1), "." | "," | "" | "and" | "that") =>
                {
                    return self.offset_point(amount, unit, end);
                }
                "from" if self.is(end + 1, "now") => {
                    if let Some(p) = self.relative_point(amount, unit, 1.0, None) {
                        return Some((end + 2, point(p)));
                    }
                }
                _ => {}
            }
        }
        if hyphen && plural {
            return None;
        }
        // ages: "a 6-year-old", "52 years old"
        if self.is(end, "old")
            || self.is(end, "olds")
            || (self.is(end, "-") && matches!(self.w(end + 1), "old" | "olds"))
        {
            return None;
        }
        // "recent years", "the past several quarters": an unspecified stretch of the
        // past. Shorter ones ("recent weeks", "the past few months") are
        // durations back from now (TimeML's `PXW`, `PXM`), the window a
        // reader takes them for.
        if anchor == Anchor::Past
            && amount == Amount::X
            && matches!(unit, Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century)
        {
            return Some((end, Sem::Fuzzy(Fuzzy { value: "PAST_REF", offsets: None, slack: 0 })));
        }
        Some((end, Sem::Duration { amount, unit, anchor }))
    }

    /// "<amount> <unit> ago|earlier|later|before|after|back|hence" with the
    /// direction word at `word_at`.
    fn offset_point(&self, amount: Amount, unit: Unit, word_at: usize) -> Option<(usize, Sem)> {
        let word = self.w(word_at);
        let sign = match word {
            "ago" | "earlier" | "before" | "back" => -1.0,
            "later" | "after" | "hence" => 1.0,
            _ => return None,
        };
        let base = match self.anchor {
            Some(Point::Quarter(..)) if word == "ago" => Some(self.quarter_now()),
            _ if matches!(word, "earlier" | "later" | "before" | "after") => self.anchor,
            _ => None,
        };
        let end = word_at + 1;
        if let Some(p) = self.relative_point(amount, unit, sign, base) {
            return Some((end, point(p)));
        }
        if amount == Amount::X && sign < 0.0 {
            return Some((end, Sem::Fuzzy(Fuzzy { value: "PAST_REF", offsets: None, slack: 0 })));
        }
        let anchor = if sign < 0.0 { Anchor::Past } else { Anchor::Future };
        Some((end, Sem::Duration { amount, unit, anchor }))
    }

    /// The unit `amount` units before/after the reference (or the anchor for
    /// "earlier"/"later"), at the granularity of the unit.
    fn relative_point(&self, amount: Amount, unit: Unit, sign: f64, base: Option<Point>) -> Option<Point> {
        let Amount::N(n) = amount else { return None };
        if n.fract() != 0.0 || n > 10_000.0 {
            return None;
        }
        let n = (n * sign) as i64;
        let r = self.reference;
        if let Some(b) = base {
            // "a year earlier" after "the third quarter": the same quarter a year before
            if unit == Unit::Year {
                return b.shift_years(n);
            }
        }
        Some(match unit {
            Unit::Day => Point::Day(add_days(r, n)?),
            Unit::Week => Point::Day(add_days(r, n.checked_mul(7)?)?),
            Unit::Month => Point::Month(r.year(), r.month()).shift(n)?,
            Unit::Quarter => Point::Quarter(r.year(), quarter_of(r)).shift(n)?,
            Unit::Year => Point::Year(r.year()).shift(n)?,
            Unit::Decade => Point::Year(r.year()).shift(n.checked_mul(10)?)?,
            Unit::Century => Point::Century(r.year() / 100).shift(n)?,
            Unit::Weekend | Unit::Second | Unit::Minute | Unit::Hour => return None,
        })
        .filter(|p| p.range().is_some_and(|(s, _)| plausible_year(i64::from(s.year()))))
    }
}

/// TIMEX3 duration value: `P2W`, `PT3H`, `P18M`, `PXY`, `P20Y` for two decades.
pub(crate) fn duration_value(amount: Amount, unit: Unit) -> String {
    let (time, letter, factor) = match unit {
        Unit::Second => (true, 'S', 1.0),
        Unit::Minute => (true, 'M', 1.0),
        Unit::Hour => (true, 'H', 1.0),
        Unit::Day => (false, 'D', 1.0),
        Unit::Week => (false, 'W', 1.0),
        Unit::Weekend => (false, 'D', 2.0),
        Unit::Month => (false, 'M', 1.0),
        Unit::Quarter => (false, 'Q', 1.0),
        Unit::Year => (false, 'Y', 1.0),
        Unit::Decade => (false, 'Y', 10.0),
        Unit::Century => (false, 'Y', 100.0),
    };
    let t = if time { "T" } else { "" };
    match amount {
        Amount::X => match unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            _ => format!("P{t}X{letter}"),
        },
        Amount::N(n) => {
            let n = n * factor;
            if n.fract() == 0.0 {
                format!("P{t}{}{letter}", n as u64)
            } else if n.fract() == 0.5 && matches!(unit, Unit::Year | Unit::Hour | Unit::Minute | Unit::Day) {
                let (smaller, per) = match unit {
                    Unit::Year => ("M", 6),
                    Unit::Hour => ("M", 30),
                    Unit::Minute => ("S", 30),
                    _ => ("H", 12),
                };
                let whole = n.trunc() as u64;
                let t2 = if unit == Unit::Day { "T" } else { "" };
                if whole == 0 {
                    format!("P{t}{t2}{per}{smaller}")
                } else {
                    format!("P{t}{whole}{letter}{t2}{per}{smaller}")
                }
            } else {
                format!("P{t}{n}{letter}")
            }
        }
    }
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let last = crate::calendar::month_last_day(year, month)?;
    weekday_near(last, weekday, false)
}

/// Gregorian Easter Sunday (anonymous algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}
