use super::*;
use stanceshift_core::{DateBasis, DateWindow, Mention, ProxyKind, Span, SpeechKind, StatementDate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Builds statements the way attribution would, with made-up but consistent offsets.
struct Corpus {
    statements: Vec<Statement>,
}

impl Corpus {
    fn new() -> Corpus {
        Corpus { statements: Vec::new() }
    }

    /// A statement by `speaker` (resolved to `actor` if given), counting for
    /// `principal` when it is a proxy.
    #[allow(clippy::too_many_arguments)]
    fn say(
        &mut self,
        article: &str,
        date: &str,
        speaker: &str,
        actor: Option<&str>,
        principal: Option<(&str, ProxyKind)>,
        cue: &str,
        content: &str,
    ) -> &mut Corpus {
        let index = self.statements.iter().filter(|s| s.article_id.as_str() == article).count() as u32;
        let start = 200 * index as usize;
        let d = day(date);
        self.statements.push(Statement {
            article_id: ArticleId::new(article),
            index,
            speaker: Mention {
                text: speaker.into(),
                span: Span::new(start, start + speaker.len()),
                actor: actor.map(ActorId::new),
            },
            principal: principal.map(|(p, _)| ActorId::new(p)),
            proxy: principal.map(|(_, k)| k),
            anonymous: principal.is_some_and(|(_, k)| k == ProxyKind::AnonymousOfficial),
            cue: cue.into(),
            cue_span: Span::new(start + 50, start + 50 + cue.len()),
            content: content.into(),
            content_span: Span::new(start + 60, start + 60 + content.len()),
            // Quoted words are direct speech; everything else is a paraphrase.
            kind: if content.starts_with('"') { SpeechKind::Direct } else { SpeechKind::Indirect },
            date: StatementDate {
                date: d,
                window: DateWindow::new(d, d),
                basis: DateBasis::Explicit,
                evidence: None,
                timex_value: None,
            },
            confidence: 0.9,
            referents: Vec::new(),
            continues: None,
        });
        self
    }
}

impl Corpus {
    /// The last statement was dated only to a window of days ("last week").
    fn window(&mut self, start: &str, end: &str) -> &mut Corpus {
        let last = self.statements.last_mut().expect("a statement");
        last.date.window = DateWindow::new(day(start), day(end));
        last.date.date = day(start);
        last.date.basis = DateBasis::Relative;
        self
    }

    /// The last statement was a refusal to comment.
    fn no_comment(&mut self) -> &mut Corpus {
        let last = self.statements.last_mut().expect("a statement");
        last.kind = SpeechKind::NoComment;
        self
    }

    /// The last statement continues the one before it in its article (a quote sentence).
    fn continuing(&mut self) -> &mut Corpus {
        let last = self.statements.last_mut().expect("a statement");
        last.continues = last.index.checked_sub(1);
        last.cue.clear();
        self
    }
}

fn render(analyses: &[ActorAnalysis]) -> String {
    let mut out = Vec::new();
    for a in analyses {
        for t in &a.topics {
            out.push(format!("{} / {} [{}]", a.actor, t.topic.key, t.matched_terms.join(", ")));
            for p in &t.points {
                let proxy = if p.statement.proxy.is_some() { " proxy" } else { "" };
                let reprints: Vec<&str> = p.reprints.iter().map(ArticleId::as_str).collect();
                let reprinted = if reprints.is_empty() {
                    String::new()
                } else {
                    format!(" reprinted in {}", reprints.join(","))
                };
                out.push(format!(
                    "  point {} {} {}{proxy}{reprinted}",
                    p.statement.date.date,
                    p.statement.id(),
                    p.features.commitment.factbank_label()
                ));
            }
            for s in &t.shifts {
                let proxy = s.after.proxy_for.as_ref().map_or(String::new(), |p| format!(" proxy_for={p}"));
                out.push(format!("  {} {:.2}{proxy}: {}", s.kind.as_str(), s.score, s.explanation));
            }
            for c in &t.commitments {
                let settled = c.settled_by.as_ref().map_or(String::new(), |e| {
                    format!(" by {}#{} {}", e.article_id, e.statement_index, e.date)
                });
                out.push(format!(
                    "  ledger {}#{} due {}..{}+{} {:?}{settled}",
                    c.opened.article_id,
                    c.opened.statement_index,
                    c.due.start,
                    c.due.end,
                    c.due.slack_days,
                    c.status
                ));
            }
        }
    }
    out.join("\n")
}

fn check(corpus: &Corpus, query: Option<&str>, as_of: &str) -> String {
    let analyses = analyze_all(&corpus.statements, &crate::ActorBook::default(), query, day(as_of));
    // Same input, same output: no hash order may leak.
    let mut reversed = corpus.statements.clone();
    reversed.reverse();
    assert_eq!(analyses, analyze_all(&reversed, &crate::ActorBook::default(), query, day(as_of)));
    render(&analyses)
}

/// What `report --all` does: the product's actor selection over statements in memory.
fn analyze_all(
    statements: &[Statement],
    book: &crate::ActorBook,
    query: Option<&str>,
    as_of: NaiveDate,
) -> Vec<ActorAnalysis> {
    let selection = crate::Selection::new(book.clone(), statements, as_of).unwrap();
    selection.analyze_all(selection.all_statements(statements, None, None).unwrap(), query)
}

/// The motivating case: a dated promise, then an anonymous official's "no plans".
fn summit_corpus() -> Corpus {
    let official = Some(("donald-trump", ProxyKind::AnonymousOfficial));
    let mut c = Corpus::new();
    c.say(
        "wire-1021",
        "2025-10-16",
        "Trump",
        Some("donald-trump"),
        None,
        "said",
        "he would meet Putin \"within two weeks or so\"",
    )
    .say(
        "wire-1021",
        "2025-10-16",
        "Trump",
        Some("donald-trump"),
        None,
        "said",
        "the foreign ministers would meet \"pretty soon\"",
    )
    .say(
        "wire-1021",
        "2025-10-21",
        "a senior administration official",
        None,
        official,
        "said",
        "there are no plans for a meeting between Trump and Putin in the immediate future",
    )
    .say(
        "wire-1021",
        "2025-10-21",
        "a senior administration official",
        None,
        official,
        "said",
        "a meeting of the foreign ministers wasn't necessary",
    )
    .say(
        "wire-1021",
        "2025-10-21",
        "Dmitry Peskov",
        Some("dmitry-peskov"),
        Some(("vladimir-putin", ProxyKind::Spokesperson)),
        "said",
        "serious preparation is needed before a summit with Trump",
    )
    // A second outlet carries the president's words again.
    .say(
        "post-1017",
        "2025-10-16",
        "Trump",
        Some("donald-trump"),
        None,
        "said",
        "he would meet Putin within two weeks or so",
    );
    c
}

#[test]
fn withdrawn_summit_by_proxy() {
    insta::assert_snapshot!(check(&summit_corpus(), None, "2025-11-10"), @"
    donald-trump / meet foreign minister [meet, foreign, ministers]
      point 2025-10-16 wire-1021#1 CT+
      point 2025-10-21 wire-1021#3 PR- proxy
      withdraw 0.95 proxy_for=donald-trump: withdraw: 'would' + 'pretty soon' (CT+) -> 'wasn't necessary' (PR-) (by proxy: a senior administration official), arguments shared 1.00
      ledger wire-1021#1 due 2025-10-16..2025-11-15+7 Withdrawn by wire-1021#3 2025-10-21
    donald-trump / meet putin [meet, Putin]
      point 2025-10-16 post-1017#0 CT+ reprinted in wire-1021
      point 2025-10-21 wire-1021#2 PR- proxy
      withdraw 0.95 proxy_for=donald-trump: withdraw: 'would' + 'two weeks or so' (CT+) -> 'there are no plans' + 'the immediate future' (PR-) (by proxy: a senior administration official), arguments shared 1.00
      ledger post-1017#0 due 2025-10-16..2025-10-30+3 Withdrawn by wire-1021#2 2025-10-21
    ");
}

#[test]
fn topic_query_selects_one_topic() {
    insta::assert_snapshot!(check(&summit_corpus(), Some("meet Putin"), "2025-10-21"), @"
    donald-trump / meet putin [Putin, meet, meeting]
      point 2025-10-16 post-1017#0 CT+ reprinted in wire-1021
      point 2025-10-21 wire-1021#2 PR- proxy
      withdraw 0.95 proxy_for=donald-trump: withdraw: 'would' + 'two weeks or so' (CT+) -> 'there are no plans' + 'the immediate future' (PR-) (by proxy: a senior administration official), arguments shared 1.00
      ledger post-1017#0 due 2025-10-16..2025-10-30+3 Withdrawn by wire-1021#2 2025-10-21
    ");
}

#[test]
fn each_kind_of_change() {
    let mut c = Corpus::new();
    c.say(
        "a1",
        "2025-10-01",
        "Varga",
        Some("edda-varga"),
        None,
        "said",
        "Marisland will sign the fisheries accord with Corvane",
    )
    .say(
        "a2",
        "2025-10-12",
        "Varga",
        Some("edda-varga"),
        None,
        "said",
        "her government will sign the fisheries accord with Corvane",
    )
    .say(
        "a1",
        "2025-10-01",
        "Varga",
        Some("edda-varga"),
        None,
        "said",
        "the Aldmere pipeline will be finished by the end of the month",
    )
    .say(
        "a3",
        "2025-11-20",
        "Varga",
        Some("edda-varga"),
        None,
        "said",
        "the Aldmere pipeline will be finished early next year",
    )
    .say(
        "a2",
        "2025-10-12",
        "Varga",
        Some("edda-varga"),
        None,
        "said",
        "she will attend the summit in Aldmere",
    )
    .say(
        "a3",
        "2025-11-20",
        "Varga",
        Some("edda-varga"),
        None,
        "said",
        "she will not attend the summit in Aldmere",
    )
    .say(
        "a1",
        "2025-10-01",
        "Durr",
        Some("ansel-durr"),
        None,
        "said",
        "Marisland might impose tariffs on Corvane steel",
    )
    .say(
        "a2",
        "2025-10-12",
        "Durr",
        Some("ansel-durr"),
        None,
        "insisted",
        "Marisland will definitely impose tariffs on Corvane steel",
    )
    .say("a1", "2025-10-01", "Durr", Some("ansel-durr"), None, "said", "the government will cut fuel taxes")
    .say(
        "a3",
        "2025-11-20",
        "Durr",
        Some("ansel-durr"),
        None,
        "said",
        "the government could perhaps cut fuel taxes",
    )
    .say(
        "a1",
        "2025-10-01",
        "Durr",
        Some("ansel-durr"),
        None,
        "said",
        "the talks with Corvane were productive and constructive",
    )
    .say(
        "a3",
        "2025-11-20",
        "Durr",
        Some("ansel-durr"),
        None,
        "said",
        "the talks with Corvane were a disaster and a waste of time",
    )
    // Same day, same stance: not a shift.
    .say(
        "a3",
        "2025-11-20",
        "Durr",
        Some("ansel-durr"),
        None,
        "said",
        "the government could cut fuel taxes",
    );
    insta::assert_snapshot!(check(&c, None, "2025-11-25"), @"
    ansel-durr / cut fuel tax [cut, fuel, taxes]
      point 2025-10-01 a1#3 CT+
      point 2025-11-20 a3#2 PS+
      point 2025-11-20 a3#4 PS+
      soften 0.95: soften: 'will' (CT+) -> 'could' + 'perhaps' (PS+), arguments shared 1.00
    ansel-durr / impose corvane steel [impose, Corvane, steel]
      point 2025-10-01 a1#2 PS+
      point 2025-10-12 a2#2 CT+
      harden 0.95: harden: 'might' (PS+) -> 'will' + 'insisted' + 'definitely' (CT+), arguments shared 1.00
    ansel-durr / meet corvane [meet, Corvane]
      point 2025-10-01 a1#4 CT+
      point 2025-11-20 a3#3 CT+
      tone_shift 0.62: tone_shift: plain assertion (CT+) -> plain assertion (CT+), tone +0.85 -> -0.99, arguments shared 0.43
    edda-varga / attend aldmere meet [attend, Aldmere, summit]
      point 2025-10-12 a2#1 CT+
      point 2025-11-20 a3#1 CT-
      reverse 0.95: reverse: 'will' (CT+) -> 'will' + 'not' (CT-), arguments shared 1.00
    edda-varga / finish aldmere pipeline [finish, Aldmere, pipeline]
      point 2025-10-01 a1#1 CT+
      point 2025-11-20 a3#0 CT+
      timeline_slip 0.82: timeline_slip: 'will' + 'the end of the month' (CT+) -> 'will' + 'early next year' (CT+), 183 days later, arguments shared 1.00
      ledger a1#1 due 2025-10-01..2025-10-31+0 Broken by a3#0 2025-11-20
      ledger a3#0 due 2026-01-01..2026-05-02+0 Pending
    edda-varga / sign corvane accord [sign, Corvane, accord]
      point 2025-10-01 a1#0 CT+
      point 2025-10-12 a2#0 CT+
      reaffirm 0.95: reaffirm: 'will' (CT+) -> 'will' (CT+)
    ");
}

const SUMMIT_ACTORS: &str = r#"
[[actor]]
id = "donald-trump"
name = "Donald Trump"
aliases = ["Trump", "President Trump", "the president"]
gender = "male"
head_of = "administration"

[[actor]]
id = "vladimir-putin"
name = "Vladimir Putin"
aliases = ["Putin", "the Russian leader", "Russian President"]
gender = "male"

[[actor]]
name = "Dmitry Peskov"
aliases = ["Peskov"]
spokesperson_for = "vladimir-putin"
"#;

const SUMMIT_ARTICLE: &str = "President Donald Trump said after a phone call with Vladimir Putin last Thursday that he would meet the Russian leader \"within two weeks or so\" in Budapest. Trump also said the foreign ministers would meet \"pretty soon\" to prepare the summit.\n\nBut a senior White House official said on Tuesday that there are no plans for a meeting between Trump and Putin in the immediate future. The official said a meeting of the foreign ministers wasn't necessary.\n\nKremlin spokesman Dmitry Peskov said serious preparation is needed before any summit.";

#[test]
fn end_to_end_from_article_text() {
    let date: chrono::DateTime<chrono::FixedOffset> = "2025-10-21T12:00:00Z".parse().unwrap();
    let article =
        stanceshift_core::Article::new(date, SUMMIT_ARTICLE.into()).with_id(ArticleId::new("wire-1021"));
    let mut book = crate::ActorBook::builtin();
    book.merge(crate::ActorBook::from_toml_str(SUMMIT_ACTORS).unwrap());
    let found = crate::analyze_article(&article, &book);
    // The statements attribution found, then the analysis built on them.
    let mut lines: Vec<String> = found
        .statements
        .iter()
        .map(|s| {
            let counts = s.counts_for().map_or("-", ActorId::as_str);
            format!("{} {} ({counts}): {}", s.date.date, s.speaker.text, s.content)
        })
        .collect();
    let analyses = analyze_all(&found.statements, &book, None, day("2025-11-10"));
    lines.push(render(&analyses));
    // "The official" is the White House official of the sentence before, and
    // "Trump also said" reports the same occasion as the dated lead.
    insta::assert_snapshot!(lines.join("\n"), @r#"
    2025-10-16 President Donald Trump (donald-trump): that he would meet the Russian leader "within two weeks or so" in Budapest
    2025-10-16 Trump (donald-trump): the foreign ministers would meet "pretty soon" to prepare the summit
    2025-10-21 a senior White House official (donald-trump-administration): that there are no plans for a meeting between Trump and Putin in the immediate future
    2025-10-21 The official (donald-trump-administration): a meeting of the foreign ministers wasn't necessary
    2025-10-21 Kremlin spokesman Dmitry Peskov (vladimir-putin): serious preparation is needed before any summit
    donald-trump / meet foreign minister [meet, foreign, ministers]
      point 2025-10-16 wire-1021#1 CT+
      point 2025-10-21 wire-1021#3 PR- proxy
      withdraw 0.79 proxy_for=donald-trump: withdraw: 'would' + 'pretty soon' (CT+) -> 'wasn't necessary' (PR-) (by proxy: The official), arguments shared 1.00
      ledger wire-1021#1 due 2025-10-16..2025-11-15+7 Withdrawn by wire-1021#3 2025-10-21
    donald-trump / meet vladimir-putin [meet, Putin]
      point 2025-10-16 wire-1021#0 CT+
      point 2025-10-21 wire-1021#2 PR- proxy
      withdraw 0.90 proxy_for=donald-trump: withdraw: 'would' + 'two weeks or so' (CT+) -> 'there are no plans' + 'the immediate future' (PR-) (by proxy: a senior White House official), arguments shared 1.00
      ledger wire-1021#0 due 2025-10-16..2025-10-30+3 Withdrawn by wire-1021#2 2025-10-21
    "#);
}

#[test]
fn a_paraphrase_one_step_off_the_quote_is_no_shift() {
    let mut c = Corpus::new();
    c.say(
        "q1",
        "2025-11-10",
        "Strand",
        Some("anneke-strand"),
        None,
        "said",
        "\"The agreement will be signed early next year\"",
    )
    .say(
        "q2",
        "2025-11-11",
        "Strand",
        Some("anneke-strand"),
        None,
        "said",
        "she still expected to sign the agreement early next year",
    )
    .say(
        "q3",
        "2025-11-12",
        "Strand",
        Some("anneke-strand"),
        None,
        "said",
        "\"We might sign the agreement early next year\"",
    );
    // The paraphrase is compared but the quote stays the baseline: the later
    // "might" softens the quoted "will", not the reporter's "expected to".
    insta::assert_snapshot!(check(&c, Some("sign agreement"), "2025-11-12"), @"
    anneke-strand / sign agree [agreement, sign, signed]
      point 2025-11-10 q1#0 CT+
      point 2025-11-11 q2#0 PR+
      point 2025-11-12 q3#0 PS+
      reaffirm 0.48: reaffirm: 'will' + 'early next year' (CT+) -> 'expected to' + 'early next year' (PR+)
      soften 0.95: soften: 'will' + 'early next year' (CT+) -> 'might' + 'early next year' (PS+), arguments shared 1.00
      ledger q1#0 due 2026-01-01..2026-05-02+0 Renewed by q2#0 2025-11-11
      ledger q2#0 due 2026-01-01..2026-05-02+0 Pending
    ");
}

#[test]
fn ledger_statuses_kept_broken_pending() {
    let mut c = Corpus::new();
    c.say(
        "k1",
        "2025-11-03",
        "Brandt",
        Some("rafael-brandt"),
        None,
        "said",
        "\"The Kessock plant will open within three weeks\"",
    )
    .say(
        "k2",
        "2025-11-21",
        "Brandt",
        Some("rafael-brandt"),
        None,
        "said",
        "the Kessock plant opened on Friday",
    )
    // Promised, then nothing: broken once the window closes.
    .say(
        "k1",
        "2025-11-03",
        "Brandt",
        Some("rafael-brandt"),
        None,
        "said",
        "the first vans will be delivered to customers by the end of November",
    )
    .say(
        "k2",
        "2025-11-21",
        "Brandt",
        Some("rafael-brandt"),
        None,
        "said",
        "the vans are excellent and customers are happy",
    )
    // Promised with a window still open at the corpus's end.
    .say(
        "k2",
        "2025-11-21",
        "Brandt",
        Some("rafael-brandt"),
        None,
        "said",
        "a second plant will open in Marisland next year",
    );
    insta::assert_snapshot!(check(&c, None, "2025-12-05"), @"
    rafael-brandt / deliver first vans [deliver, first, vans]
      point 2025-11-03 k1#1 CT+
      ledger k1#1 due 2025-11-03..2025-11-30+0 Overdue
    rafael-brandt / open kessock plant [open, Kessock, plant]
      point 2025-11-03 k1#0 CT+
      point 2025-11-21 k2#0 CT+
      reaffirm 0.95: reaffirm: 'will' + 'three weeks' (CT+) -> plain assertion (CT+)
      ledger k1#0 due 2025-11-03..2025-11-24+0 Kept by k2#0 2025-11-21
    rafael-brandt / open marisland [open, Marisland]
      point 2025-11-21 k2#2 CT+
      ledger k2#2 due 2026-01-01..2026-12-31+0 Pending
    ");
}

/// The president's own softer words and an official's withdrawal on one day
/// are each measured against the day before, never against each other; the
/// next day is measured against his own words.
#[test]
fn each_voice_of_a_day_meets_the_day_before() {
    let official = Some(("donald-trump", ProxyKind::AnonymousOfficial));
    let trump = Some("donald-trump");
    let mut c = Corpus::new();
    c.say("a", "2025-10-16", "Trump", trump, None, "said", "\"We will meet Putin within two weeks or so\"")
        .say(
            "b",
            "2025-10-21",
            "an official",
            None,
            official,
            "said",
            "there are no plans to meet Putin soon",
        )
        .say("b", "2025-10-21", "Trump", trump, None, "said", "he might still meet Putin")
        .say(
            "c",
            "2025-10-30",
            "Trump",
            trump,
            None,
            "said",
            "he might meet Putin, but only if a deal is near",
        );
    insta::assert_snapshot!(check(&c, Some("meet Putin"), "2025-11-10"), @"
    donald-trump / meet putin [Putin, meet]
      point 2025-10-16 a#0 CT+
      point 2025-10-21 b#0 PR- proxy
      point 2025-10-21 b#1 PS+
      point 2025-10-30 c#0 PS+
      soften 0.95: soften: 'will' + 'two weeks or so' (CT+) -> 'might' (PS+), timeframe dropped, arguments shared 1.00
      withdraw 0.95 proxy_for=donald-trump: withdraw: 'will' + 'two weeks or so' (CT+) -> 'there are no plans' + 'soon' (PR-) (by proxy: an official), arguments shared 1.00
      reaffirm 0.95: reaffirm: 'might' (PS+) -> 'might' + 'only if' (PS+)
      ledger a#0 due 2025-10-16..2025-10-30+3 Withdrawn by b#0 2025-10-21
    ");
}

/// A later article's "last week, Trump said he would meet Putin “within two
/// weeks or so”" is the statement of that week, not a new one.
#[test]
fn a_back_reference_folds_into_the_statement_it_restates() {
    let trump = Some("donald-trump");
    let mut c = Corpus::new();
    c.say(
        "a",
        "2025-10-16",
        "Trump",
        trump,
        None,
        "said",
        "\"We will meet in Budapest within two weeks or so\"",
    )
    .say(
        "b",
        "2025-10-21",
        "Trump",
        trump,
        None,
        "said",
        "he would meet Putin in Budapest \"within two weeks or so\"",
    )
    .window("2025-10-13", "2025-10-19");
    insta::assert_snapshot!(check(&c, Some("meet Budapest"), "2025-11-10"), @"
    donald-trump / meet budapest [Budapest, meet]
      point 2025-10-16 a#0 CT+ reprinted in b
      ledger a#0 due 2025-10-16..2025-10-30+3 Overdue
    ");
}

/// "Declined to comment" is no stance: nothing is compared with it and it
/// settles no commitment.
#[test]
fn a_refusal_to_comment_is_no_stance() {
    let brandt = Some("rafael-brandt");
    let mut c = Corpus::new();
    c.say("a", "2025-11-03", "Brandt", brandt, None, "said", "the plant will open within three weeks")
        .say("b", "2025-11-10", "Brandt", brandt, None, "declined to comment", "")
        .no_comment()
        .say("c", "2025-11-20", "Brandt", brandt, None, "said", "the plant is open");
    insta::assert_snapshot!(check(&c, Some("open plant"), "2025-12-01"), @"
    rafael-brandt / open plant [open, plant]
      point 2025-11-03 a#0 CT+
      point 2025-11-20 c#0 CT+
      reaffirm 0.95: reaffirm: 'will' + 'three weeks' (CT+) -> plain assertion (CT+)
      ledger a#0 due 2025-11-03..2025-11-24+0 Kept by c#0 2025-11-20
    ");
}

/// Tone belongs to the remark: the angry sentence before the quote colours
/// the intention restated in it.
#[test]
fn tone_is_the_whole_remarks() {
    let pell = Some("joren-pell");
    let mut c = Corpus::new();
    c.say(
        "a",
        "2025-09-10",
        "Pell",
        pell,
        None,
        "said",
        "\"They have been generous and wonderful partners\"",
    )
    .say("a", "2025-09-10", "Pell", pell, None, "", "\"We intend to conclude the agreement\"")
    .continuing()
    .say(
        "b",
        "2025-10-27",
        "Pell",
        pell,
        None,
        "said",
        "\"They have been dishonest, reckless and insulting\"",
    )
    .say("b", "2025-10-27", "Pell", pell, None, "", "\"We still intend to conclude the agreement\"")
    .continuing();
    insta::assert_snapshot!(check(&c, Some("conclude agreement"), "2025-11-10"), @"
    joren-pell / conclude agree [agreement, conclude]
      point 2025-09-10 a#1 PR+
      point 2025-10-27 b#1 PR+
      tone_shift 0.90: tone_shift: 'intend to' (PR+) -> 'intend to' (PR+), tone +0.92 -> -0.98, arguments shared 1.00
    ");
}

/// A possibility with a timeframe then none: softened, the timeframe dropped.
#[test]
fn a_dropped_timeframe_softens_a_possibility() {
    let kremlin = Some(("vladimir-putin", ProxyKind::Spokesperson));
    let mut c = Corpus::new();
    c.say(
        "a",
        "2025-10-17",
        "Peskov",
        Some("dmitry-peskov"),
        kremlin,
        "said",
        "a meeting with Trump could take place within two weeks",
    )
    .say(
        "b",
        "2025-10-21",
        "Peskov",
        Some("dmitry-peskov"),
        kremlin,
        "said",
        "no dates have been set for a meeting with Trump",
    );
    insta::assert_snapshot!(check(&c, Some("meet Trump"), "2025-11-10"), @"
    vladimir-putin / meet trump [Trump, meeting]
      point 2025-10-17 a#0 PS+ proxy
      point 2025-10-21 b#0 Uu proxy
      soften 0.40 proxy_for=vladimir-putin: soften: 'could' + 'two weeks' (PS+) -> 'no dates have been set' (Uu), timeframe dropped (by proxy: Peskov), arguments shared 1.00
    ");
}

mod occasions;

/// Word counts of a made-up corpus of 1,000 articles: "nomination" and "win"
/// in half of them, "Princeville" in three.
struct FakeStats;

impl TermStats for FakeStats {
    fn documents(&self) -> u64 {
        1000
    }
    fn document_frequency(&self, word: &str) -> u64 {
        match word.to_lowercase().as_str() {
            "princeville" => 3,
            "nomination" | "win" | "offer" => 500,
            _ => 100,
        }
    }
}

/// Regression (PolNeAR, SOTU): across a corpus, two statements sharing only
/// words the whole corpus talks of ("win the nomination") were read as one
/// proposition and flagged as reversed; all six such flags judged were wrong.
#[test]
fn shared_commonplace_arguments_make_no_proposition_across_a_corpus() {
    let mut c = Corpus::new();
    c.say("a", "2016-01-05", "Rubio", Some("marco-rubio"), None, "said", "he will win the nomination")
        .say("b", "2016-03-01", "Rubio", Some("marco-rubio"), None, "said", "he will not win the nomination")
        .say(
            "c",
            "2016-01-05",
            "Qintex",
            Some("qintex"),
            None,
            "said",
            "it will extend its offer for Princeville",
        )
        .say(
            "d",
            "2016-03-01",
            "Qintex",
            Some("qintex"),
            None,
            "said",
            "it will not extend its offer for Princeville",
        );
    let book = crate::ActorBook::default();
    let selection = crate::Selection::new(book, c.statements.as_slice(), day("2016-04-01")).unwrap();
    let groups = selection.group_by_actor(c.statements.clone());
    let flagged = |actor: &str| {
        let analysis = selection.analyze_with(
            &ActorId::new(actor),
            &groups[&ActorId::new(actor)],
            None,
            Some(&FakeStats),
        );
        let shifts: Vec<String> =
            analysis.topics.iter().flat_map(|t| &t.shifts).map(|s| s.explanation.clone()).collect();
        let unflagged: Vec<String> =
            analysis.topics.iter().flat_map(|t| &t.unflagged).map(|u| u.detail.clone()).collect();
        (shifts, unflagged)
    };
    let (rubio, rubio_unflagged) = flagged("marco-rubio");
    assert!(rubio.is_empty(), "{rubio:?}");
    assert!(
        rubio_unflagged.iter().any(|d| d.contains("pick out nothing in particular")),
        "{rubio_unflagged:?}"
    );
    let (qintex, _) = flagged("qintex");
    assert!(qintex.iter().any(|e| e.starts_with("reverse") && e.contains("specificity")), "{qintex:?}");
}
