//! The index's public API end to end on temp directories.

use chrono::NaiveDate;
use stanceshift_core::{
    ActorId, Article, ArticleId, DateBasis, DateWindow, Mention, ProxyKind, Span, SpeechKind, Statement,
    StatementDate,
};
use stanceshift_index::{
    Bucket, Checkpoint, Counts, Error, Index, Role, SearchQuery, Sort, StatementQuery, UpsertOutcome,
    WriterOptions, NOT_ANALYZED,
};

fn options() -> WriterOptions {
    WriterOptions { heap_bytes: 32 << 20, threads: 1 }
}

fn article(id: &str, date: &str, source: &str, title: &str, body: &str) -> Article {
    Article::new(format!("{date}T10:00:00+02:00").parse().unwrap(), body.into())
        .with_id(ArticleId::new(id))
        .with_title(title.into())
        .with_source(source.into())
}

fn statement(article: &Article, index: u32, speaker: &str, principal: Option<&str>, day: &str) -> Statement {
    let day: NaiveDate = day.parse().unwrap();
    Statement {
        article_id: article.id.clone(),
        index,
        speaker: Mention {
            text: speaker.into(),
            span: Span::new(0, 1),
            actor: Some(ActorId::from_name(speaker)),
        },
        principal: principal.map(ActorId::new),
        proxy: principal.map(|_| ProxyKind::Spokesperson),
        anonymous: false,
        cue: "said".into(),
        cue_span: Span::new(0, 1),
        content: format!("statement {index} of {}", article.id),
        content_span: Span::new(0, 1),
        kind: SpeechKind::Indirect,
        date: StatementDate {
            date: day,
            window: DateWindow::new(day, day),
            basis: DateBasis::ArticleDate,
            evidence: None,
            timex_value: None,
        },
        confidence: 0.8,
        referents: Vec::new(),
        continues: None,
    }
}

/// Three articles over three weeks and two sources; Peskov speaks for Putin.
fn sample() -> Vec<(Article, Vec<Statement>)> {
    let a = article(
        "a",
        "2025-10-16",
        "Wire",
        "Summit in Budapest",
        "Trump said he would meet Putin in Budapest.",
    );
    let b = article(
        "b",
        "2025-10-22",
        "Daily",
        "Summit off",
        "The White House said there were no plans to meet Putin.",
    );
    let c = article(
        "c",
        "2025-10-30",
        "Wire",
        "Sanctions",
        "Peskov said the Kremlin was ready for talks on sanctions.",
    );
    let sa = vec![statement(&a, 0, "Donald Trump", None, "2025-10-16")];
    let sb = vec![statement(&b, 0, "Donald Trump", None, "2025-10-21")];
    let sc = vec![statement(&c, 0, "Dmitry Peskov", Some("vladimir-putin"), "2025-10-30")];
    vec![(a, sa), (b, sb), (c, sc)]
}

fn indexed(dir: &std::path::Path) -> Index {
    let index = Index::open_or_create(dir).unwrap();
    let mut writer = index.writer(options()).unwrap();
    for (article, statements) in sample() {
        assert_eq!(writer.upsert(&article, &statements, 1).unwrap(), UpsertOutcome::Added);
    }
    writer.commit(&Checkpoint::default()).unwrap();
    writer.finish().unwrap();
    index
}

fn ids(index: &Index, query: &SearchQuery) -> Vec<String> {
    let results = index.searcher().unwrap().search(query).unwrap();
    results.hits.iter().map(|h| h.id.to_string()).collect()
}

#[test]
fn reindexing_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let mut writer = index.writer(options()).unwrap();
    for (article, statements) in sample() {
        assert!(writer.is_current(&article, 1).unwrap());
        assert_eq!(writer.upsert(&article, &statements, 1).unwrap(), UpsertOutcome::Unchanged);
    }
    writer.commit(&Checkpoint::default()).unwrap();
    let searcher = index.searcher().unwrap();
    assert_eq!(searcher.num_articles().unwrap(), 3);
    assert_eq!(searcher.num_statements().unwrap(), 3);
}

#[test]
fn upsert_replaces_changed_articles_and_their_statements() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let mut writer = index.writer(options()).unwrap();
    let (mut a, _) = sample().remove(0);
    a.body = "Trump said the summit in Hungary was postponed.".into();
    let statements = vec![
        statement(&a, 0, "Donald Trump", None, "2025-10-16"),
        statement(&a, 1, "Viktor Orban", None, "2025-10-16"),
    ];
    assert_eq!(writer.upsert(&a, &statements, 1).unwrap(), UpsertOutcome::Updated);
    // A second change before the commit replaces the pending one.
    a.body.push_str(" Later more.");
    assert_eq!(writer.upsert(&a, &statements, 1).unwrap(), UpsertOutcome::Updated);
    writer.commit(&Checkpoint::default()).unwrap();
    let searcher = index.searcher().unwrap();
    assert_eq!(searcher.num_articles().unwrap(), 3);
    assert_eq!(searcher.num_statements().unwrap(), 4);
    assert_eq!(ids(&index, &SearchQuery::new("postponed")), vec!["a"]);
    assert!(ids(&index, &SearchQuery::new("Budapest AND Putin")).is_empty());
    assert_eq!(searcher.article(&ArticleId::new("a")).unwrap().unwrap().body, a.body);
}

/// New ids are written without deletes (a first run's speed rests on it):
/// an id added twice in one batch, or again after a commit, still ends up once.
#[test]
fn new_ids_twice_in_a_batch_and_after_a_commit_end_up_once() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    let mut writer = index.writer(options()).unwrap();
    let mut fresh = article("n", "2025-10-20", "Wire", "New", "A first version.");
    let first = vec![statement(&fresh, 0, "Donald Trump", None, "2025-10-20")];
    assert_eq!(writer.upsert(&fresh, &first, 1).unwrap(), UpsertOutcome::Added);
    fresh.body = "A second version.".into();
    assert_eq!(writer.upsert(&fresh, &first, 1).unwrap(), UpsertOutcome::Updated);
    writer.commit(&Checkpoint::default()).unwrap();
    let other = article("m", "2025-10-21", "Wire", "Other", "Another article.");
    assert_eq!(writer.upsert(&other, &[], 1).unwrap(), UpsertOutcome::Added);
    fresh.body = "A third version.".into();
    assert_eq!(writer.upsert(&fresh, &[], 1).unwrap(), UpsertOutcome::Updated);
    writer.commit(&Checkpoint::default()).unwrap();
    let searcher = index.searcher().unwrap();
    assert_eq!(searcher.num_articles().unwrap(), 2);
    assert_eq!(searcher.num_statements().unwrap(), 0, "the third version has no statements");
    assert_eq!(searcher.article(&ArticleId::new("n")).unwrap().unwrap().body, "A third version.");
}

#[test]
fn a_new_analyzer_version_reanalyzes_but_no_analyze_keeps_statements() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let mut writer = index.writer(options()).unwrap();
    let (a, statements) = sample().remove(0);
    assert_eq!(writer.upsert(&a, &[], NOT_ANALYZED).unwrap(), UpsertOutcome::Unchanged);
    assert!(!writer.is_current(&a, 2).unwrap());
    assert_eq!(writer.upsert(&a, &statements, 2).unwrap(), UpsertOutcome::Updated);
    writer.commit(&Checkpoint::default()).unwrap();
    assert_eq!(index.searcher().unwrap().num_statements().unwrap(), 3);
}

#[test]
fn rollback_and_uncommitted_changes_are_invisible() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let mut writer = index.writer(options()).unwrap();
    let extra = article("d", "2025-11-01", "Wire", "Extra", "An extra article about tariffs.");
    writer.upsert(&extra, &[], 1).unwrap();
    assert_eq!(writer.uncommitted(), 1);
    assert!(ids(&index, &SearchQuery::new("tariffs")).is_empty());
    writer.rollback().unwrap();
    writer.commit(&Checkpoint::default()).unwrap();
    assert!(ids(&index, &SearchQuery::new("tariffs")).is_empty());
    assert_eq!(index.searcher().unwrap().num_articles().unwrap(), 3);
}

#[test]
fn clear_rebuilds_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let mut writer = index.writer(options()).unwrap();
    writer.clear().unwrap();
    let (a, statements) = sample().remove(0);
    assert_eq!(writer.upsert(&a, &statements, 1).unwrap(), UpsertOutcome::Added);
    writer.commit(&Checkpoint::default()).unwrap();
    let searcher = index.searcher().unwrap();
    assert_eq!(searcher.num_articles().unwrap(), 1);
    assert_eq!(searcher.num_statements().unwrap(), 1);
}

#[test]
fn checkpoints_travel_with_commits() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    assert_eq!(index.last_checkpoint().unwrap(), None);
    let mut writer = index.writer(options()).unwrap();
    let checkpoint = Checkpoint {
        counts: Counts { added: 3, ..Counts::default() },
        analyzer_version: 1,
        ..Checkpoint::default()
    };
    writer.commit(&checkpoint).unwrap();
    drop(writer);
    assert_eq!(Index::open(dir.path()).unwrap().last_checkpoint().unwrap(), Some(checkpoint));
}

#[test]
fn a_second_writer_is_refused_and_readers_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let _writer = index.writer(options()).unwrap();
    let err = Index::open(dir.path()).unwrap().writer(options()).unwrap_err();
    assert!(matches!(err, Error::Locked(_)), "{err}");
    assert!(err.to_string().starts_with("index is locked by another job (lock file "), "{err}");
    assert_eq!(Index::open(dir.path()).unwrap().searcher().unwrap().num_articles().unwrap(), 3);
}

#[test]
fn opening_a_missing_index_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let err = Index::open(dir.path().join("nope")).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err}");
}

#[test]
fn search_filters_sort_and_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let q = |text: &str| SearchQuery { sort: Sort::Oldest, ..SearchQuery::new(text) };
    // Stemming: "meeting" finds "meet".
    assert_eq!(ids(&index, &q("meeting")), vec!["a", "b"]);
    assert_eq!(ids(&index, &SearchQuery { sort: Sort::Newest, ..q("meet") }), vec!["b", "a"]);
    assert_eq!(ids(&index, &q("\"meet putin\" -budapest")), vec!["b"]);
    assert_eq!(ids(&index, &q("\"meet putin\" AND NOT budapest")), vec!["b"]);
    assert_eq!(ids(&index, &q("title:summit")), vec!["a", "b"]);
    assert_eq!(ids(&index, &q("sanctions OR budapest")), vec!["a", "c"]);
    let from = Some("2025-10-20".parse().unwrap());
    assert_eq!(ids(&index, &SearchQuery { from, ..q("") }), vec!["b", "c"]);
    let to = Some("2025-10-22".parse().unwrap());
    assert_eq!(ids(&index, &SearchQuery { from, to, ..q("*") }), vec!["b"]);
    assert_eq!(ids(&index, &SearchQuery { sources: vec!["wire".into()], ..q("") }), vec!["a", "c"]);
    let putin = vec![ActorId::new("vladimir-putin")];
    assert_eq!(ids(&index, &SearchQuery { actors: putin, ..q("") }), vec!["c"]);
    assert_eq!(ids(&index, &SearchQuery { limit: 1, offset: 1, ..q("") }), vec!["b"]);

    let results = index.searcher().unwrap().search(&SearchQuery::new("budapest")).unwrap();
    let hit = &results.hits[0];
    assert!(hit.score.is_some());
    assert_eq!(hit.source.as_deref(), Some("Wire"));
    assert_eq!(hit.date.to_rfc3339(), "2025-10-16T10:00:00+02:00");
    assert_eq!(
        hit.snippet.as_ref().unwrap().marked("**", "**"),
        "Trump said he would meet Putin in **Budapest**."
    );

    let err = index.searcher().unwrap().search(&q("title:(unclosed")).unwrap_err();
    assert!(matches!(err, Error::Query { .. }), "{err}");
}

#[test]
fn counts_and_histograms() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let searcher = index.searcher().unwrap();
    assert_eq!(searcher.count(&SearchQuery::new("putin")).unwrap(), 2);
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert_eq!(
        searcher.histogram(&SearchQuery::new(""), Bucket::Week).unwrap(),
        vec![(d("2025-10-13"), 1), (d("2025-10-20"), 1), (d("2025-10-27"), 1)]
    );
    assert_eq!(
        searcher.histogram(&SearchQuery::new("putin"), Bucket::Month).unwrap(),
        vec![(d("2025-10-01"), 2)]
    );
    assert_eq!(searcher.date_range().unwrap(), Some((d("2025-10-16"), d("2025-10-30"))));
}

#[test]
fn statements_by_actor_and_role_in_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed(dir.path());
    let searcher = index.searcher().unwrap();
    let trump = searcher.statements(&StatementQuery::actor(ActorId::new("donald-trump"))).unwrap();
    let order: Vec<String> = trump.iter().map(|s| s.id()).collect();
    assert_eq!(order, vec!["a#0", "b#0"]);
    let putin = StatementQuery::actor(ActorId::new("vladimir-putin"));
    assert_eq!(searcher.statements(&putin).unwrap().len(), 1);
    assert_eq!(
        searcher.statements(&StatementQuery { role: Role::Speaker, ..putin.clone() }).unwrap().len(),
        0
    );
    assert_eq!(searcher.statements(&StatementQuery { role: Role::Principal, ..putin }).unwrap().len(), 1);
    let late = StatementQuery { from: Some("2025-10-20".parse().unwrap()), ..StatementQuery::default() };
    assert_eq!(searcher.statements(&late).unwrap().len(), 2);
    assert_eq!(
        searcher.actors().unwrap(),
        vec![
            (ActorId::new("donald-trump"), 2),
            (ActorId::new("dmitry-peskov"), 1),
            (ActorId::new("vladimir-putin"), 1)
        ]
    );
    assert_eq!(searcher.sources().unwrap(), vec![("wire".to_string(), 2), ("daily".to_string(), 1)]);
}
