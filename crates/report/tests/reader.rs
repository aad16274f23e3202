//! What a reader needs from a report, on hand-written analyses
//! (tests/fixture): citations with outlet and link, resolved speaker names,
//! a legend, ranked findings, one point shape, and chart labels that never
//! collide.

mod fixture;

use stanceshift_report::{html, json, markdown};

/// Every quote names its outlet, headline and day, with a link when the
/// corpus gave one, in all three formats; an article the report knows
/// nothing of is cited by id alone.
#[test]
fn quotes_cite_outlet_headline_date_and_link() {
    let analyses = [fixture::trump()];
    let meta = fixture::meta();
    let md = markdown(&analyses, &meta);
    assert!(md.contains(
        "Harbor Wire, [“Trump: Budapest summit \"within two weeks\"”](<https://wire.example/2025/10/16/budapest>), 2025-10-16 · `wire-2025-10-16#0`"
    ));
    assert!(md.contains(
        "Harbor Wire, “No plans for a \\<summit\\> \\| officials”, 2025-10-21 · `wire-2025-10-21#1`"
    ));
    assert!(md.contains("| `post-2025-10-17#2` |"), "unknown article: id only");
    let page = html(&analyses, &meta);
    assert!(page.contains(
        r#"<span class="citation"><span class="outlet">Harbor Wire</span>, <cite class="headline">No plans for a &lt;summit&gt; | officials</cite>, <span class="date">2025-10-21</span></span>"#
    ));
    let value: serde_json::Value = serde_json::from_str(&json(&analyses, &meta)).unwrap();
    let topic = &value["actors"][0]["topics"][0];
    assert_eq!(topic["points"][0]["article"]["url"], "https://wire.example/2025/10/16/budapest");
    assert_eq!(topic["points"][0]["article"]["published"], "2025-10-16");
    assert_eq!(topic["shifts"][1]["after"]["article"]["outlet"], "Harbor Wire");
    assert_eq!(topic["points"][1]["article"]["title"], serde_json::Value::Null);
}

/// A link is only ever an http(s) address: a corpus cannot smuggle a script
/// or an attribute into the page.
#[test]
fn only_web_links_are_linked() {
    let mut meta = fixture::meta();
    for source in meta.articles.values_mut() {
        source.url = Some("javascript:alert(1)".into());
    }
    let page = html(&[fixture::trump()], &meta);
    assert!(!page.contains("javascript:"));
    assert!(!markdown(&[fixture::trump()], &meta).contains("javascript:"));
}

/// "he" and "Trump" resolved to Donald Trump read "Donald Trump"; the words
/// as written stay beside the name (and on hover in HTML) when they differ.
#[test]
fn speakers_show_their_resolved_name() {
    let mut analysis = fixture::trump();
    let meet = analysis.topics.iter_mut().find(|t| t.topic.label == "meet Putin").unwrap();
    let first =
        meet.points.iter_mut().find(|p| p.statement.article_id.as_str() == "wire-2025-10-16").unwrap();
    first.statement.speaker.text = "he".into();
    let md = markdown(std::slice::from_ref(&analysis), &fixture::meta());
    assert!(md.contains("| 2025-10-16 | Donald Trump (“he”) | CT+ |"), "{md}");
    assert!(md.contains("**Before** 2025-10-16 · Donald Trump (“he”) · Harbor Wire"));
    assert!(!md.contains("| Trump |"), "a resolved speaker is shown by name");
    let page = html(std::slice::from_ref(&analysis), &fixture::meta());
    assert!(page.contains(
        r#"<span class="speaker" title="as written: he">Donald Trump</span> <small class="as-written">“he”</small>"#
    ));
    let value: serde_json::Value = serde_json::from_str(&json(&[analysis], &fixture::meta())).unwrap();
    let point = &value["actors"][0]["topics"][0]["points"][0];
    assert_eq!(point["speaker"]["text"], "he");
    assert_eq!(point["speaker"]["name"], "Donald Trump");
    assert_eq!(value["actors"][0]["topics"][0]["shifts"][1]["before"]["speaker_name"], "Donald Trump");
}

/// Markdown and HTML say what every short label means in words.
#[test]
fn a_legend_explains_the_short_labels() {
    let md = markdown(&[fixture::trump()], &fixture::meta());
    let page = html(&[fixture::trump()], &fixture::meta());
    for (label, meaning) in [
        ("CT+", "certain"),
        ("PR+", "probable"),
        ("PS+", "possible"),
        ("Uu", "uncommitted"),
        ("PR-", "probably not"),
        ("CT-", "certainly not"),
        ("withdraw", "a dated or firm commitment taken back"),
        ("timeline slip", "the same commitment with a later deadline"),
        ("pending", "still open"),
    ] {
        assert!(md.lines().any(|l| l.starts_with(&format!("| {label} | {meaning}"))), "markdown: {label}");
        assert!(page.contains(&format!("<dt>{label}</dt><dd>{meaning}")), "html: {label}");
    }
    assert!(page.contains(r##"<a href="#how-to-read">How to read this report</a>"##));
}

/// A report of several actors opens with every flagged shift ranked by
/// score; actors without one take one line, or are left out; `min_score`
/// unflags weaker shifts everywhere.
#[test]
fn several_actors_open_with_ranked_findings() {
    use stanceshift_report::Unflagged;
    let analyses = [fixture::trump(), fixture::putin()];
    let one_line = fixture::meta().with_unflagged(Unflagged::OneLine);
    let md = markdown(&analyses, &one_line);
    let findings = md.find("## Findings").expect("findings");
    assert!(findings < md.find("## Donald Trump").unwrap());
    assert!(md.contains("| 1 | 0.86 | withdraw | Donald Trump | meet Putin | 2025-10-16 → 2025-10-21 |"));
    assert!(!md.contains("## Vladimir Putin"), "no section for an actor without findings");
    assert!(
        md.contains("## Actors without flagged shifts\n\n- Vladimir Putin (`vladimir-putin`): 1 statement")
    );
    let page = html(&analyses, &one_line);
    assert!(
        page.contains(r##"<td data-label="Shift"><a href="#actor-1-donald-trump-t1-s1">withdraw</a></td>"##)
    );
    assert!(page.contains(r#"<article class="shift-card shift-withdraw" id="actor-1-donald-trump-t1-s1">"#));
    assert!(page.contains("<li><b>Vladimir Putin</b>"));
    let value: serde_json::Value = serde_json::from_str(&json(&analyses, &one_line)).unwrap();
    assert_eq!(value["findings"][0]["rank"], 1);
    assert_eq!(value["findings"][0]["actor_id"], "donald-trump");
    assert_eq!(value["actors"].as_array().unwrap().len(), 2, "JSON keeps every actor");

    let left_out = fixture::meta().with_unflagged(Unflagged::LeftOut);
    assert!(!markdown(&analyses, &left_out).contains("Vladimir Putin"));
    let value: serde_json::Value = serde_json::from_str(&json(&analyses, &left_out)).unwrap();
    assert_eq!(value["actors"].as_array().unwrap().len(), 1);

    let strict = fixture::meta().with_min_score(Some(0.9));
    let md = markdown(&analyses, &strict);
    assert!(md.contains("- Minimum score: 0.90"));
    assert!(md.contains("Not flagged: 1 shift below the minimum score."));
    assert!(md.contains("## Findings\n\nNo flagged shifts."));
    let value: serde_json::Value = serde_json::from_str(&json(&analyses, &strict)).unwrap();
    assert_eq!(value["findings"], serde_json::json!([]));
    assert_eq!(value["actors"][0]["summary"]["flagged_shifts"], 0);
    let meet = value["actors"][0]["topics"].as_array().unwrap().iter().find(|t| t["label"] == "meet Putin");
    assert_eq!(meet.unwrap()["shifts"][1]["flagged"], false);
    assert_eq!(value["meta"]["min_score"], 0.9);
}

/// `statements --json` writes statements in the shape of report points.
#[test]
fn statements_share_the_point_shape() {
    let analysis = fixture::trump_meet_putin();
    let statements: Vec<_> = analysis.topics[0].points.iter().map(|p| p.statement.clone()).collect();
    let text = stanceshift_report::statements_json(Some(&analysis.actor), &statements, &fixture::meta());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], stanceshift_report::STATEMENTS_SCHEMA);
    assert_eq!(value["actor"], "donald-trump");
    let report: serde_json::Value = serde_json::from_str(&json(&[analysis], &fixture::meta())).unwrap();
    let statement = value["statements"][0].as_object().unwrap();
    let points = report["actors"][0]["topics"][0]["points"].as_array().unwrap();
    let point = points.iter().find(|p| p["statement_id"] == statement["statement_id"]).unwrap();
    let point = point.as_object().unwrap();
    for (key, field) in statement {
        assert_eq!(point.get(key), Some(field), "{key}");
    }
    let missing: Vec<&String> = point.keys().filter(|k| !statement.contains_key(*k)).collect();
    assert_eq!(missing, ["is_proxy", "reprints", "stance"], "only the topic-bound fields differ");
}

/// No chart label overlaps another or leaves the chart: in the fixture
/// reports and in a crowded chart (three identical windows, the as-of line at
/// the left edge, a shift at the right edge, a window running off the right).
#[test]
fn chart_labels_never_collide() {
    let page = html(&[fixture::trump(), fixture::putin()], &fixture::meta());
    assert_eq!(stanceshift_report::chart_label_collisions(&page), Vec::<String>::new());

    let mut crowded = fixture::trump_meet_putin();
    let timeline = &mut crowded.topics[0];
    let window = timeline.commitments[0].clone();
    timeline.commitments.extend([window.clone(), window]);
    let late = fixture::d("2025-11-20");
    for commitment in &mut timeline.commitments {
        commitment.due.end = late;
    }
    for shift in &mut timeline.shifts {
        shift.after.date = late;
    }
    for point in &mut timeline.points {
        if point.statement.article_id.as_str() == "wire-2025-10-21" {
            point.statement.date.date = late;
        }
    }
    crowded.as_of = fixture::d("2025-10-15");
    let page = html(&[crowded], &fixture::meta());
    assert_eq!(stanceshift_report::chart_label_collisions(&page), Vec::<String>::new());
    // Identical windows are drawn once, with their count.
    assert_eq!(
        page.matches(r#"<rect class="band band-withdrawn""#).count(),
        2,
        "one band for three windows, one legend swatch"
    );
    assert!(page.contains("· withdrawn ×3"));
}

/// The check itself: two labels drawn on one spot are caught.
#[test]
fn the_collision_check_catches_overlaps() {
    let svg = r#"<svg ><text class="level" x="54" y="72">CT+</text><text x="40" y="70">as of 2025-10-28</text><text x="950" y="20">off the edge</text></svg>"#;
    let problems = stanceshift_report::chart_label_collisions(svg);
    assert_eq!(problems.len(), 2, "{problems:?}");
}
