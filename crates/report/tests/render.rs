//! Reports rendered from hand-written analyses (tests/fixture): snapshots of
//! the Markdown and JSON, structure checks of the HTML, reproducibility.

mod fixture;

use stanceshift_core::ActorAnalysis;
use stanceshift_report::{html, json, markdown, render, Format, ReportMeta, SCHEMA};

/// Render `analyses` in `format`, check a second rendering is byte-identical,
/// and compare with the inline snapshot.
macro_rules! check {
    ($format:expr, $analyses:expr, @$expected:literal) => {{
        let analyses: Vec<ActorAnalysis> = $analyses;
        let meta = fixture::meta();
        let actual = render($format, &analyses, &meta);
        assert_eq!(actual, render($format, &analyses, &meta), "rendering twice differs");
        insta::assert_snapshot!(actual, @$expected);
    }};
}

#[test]
fn markdown_report() {
    check!(Format::Markdown, vec![fixture::trump(), fixture::putin()], @r#"
    # Stance shift report

    - Generated from: `fixture-index`
    - As of: 2025-10-28
    - Topic: all topics
    - Tool: stanceshift 0.0.0-test
    - Actors: 2

    Short labels (CT+, PR−, withdraw, …) are explained under [How to read this report](#how-to-read-this-report) at the end.

    ## Findings

    | # | Score | Shift | Actor | Topic | Before → after | Why |
    |---:|---:|---|---|---|---|---|
    | 1 | 0.86 | withdraw | Donald Trump | meet Putin | 2025-10-16 → 2025-10-21 | 'within two weeks or so' (CT+) -\> 'no plans' (PR-) via a White House official |

    ## Donald Trump

    Actor id: `donald-trump` · as of 2025-10-28

    **Summary:** 4 statements (1 by a proxy) on 2 topics · 1 flagged shift (1 withdraw) · 1 reaffirmation · commitments: 1 open, 0 kept, 0 broken, 0 overdue, 1 withdrawn

    ### meet Putin

    Topic key: `meet putin` · matched terms: meet, Putin

    #### Timeline

    | Date | Speaker | Commitment | Timeframe | Tone | Quote | Source |
    |---|---|---|---|---:|---|---|
    | 2025-10-16 | Donald Trump | CT+ | 2025-10-16 – 2025-10-30 (+3 d slack) | +0.40 | “We'll meet within two weeks or so \| in Budapest” | Harbor Wire, [“Trump: Budapest summit "within two weeks"”](<https://wire.example/2025/10/16/budapest>), 2025-10-16 · `wire-2025-10-16#0` |
    | 2025-10-17 (“on Friday”) | Donald Trump | CT+ | — | +0.30 | “The meeting is \*definitely\* on, \[believe me\]” | `post-2025-10-17#2` |
    | 2025-10-21 | a White House official (for Trump administration · anonymous official) | PR- | — | -0.10 | “There are no plans for President Trump to meet President Putin in the immediate future” | Harbor Wire, “No plans for a \<summit\> \| officials”, 2025-10-21 · `wire-2025-10-21#1` (+1 reprint) |

    #### Flagged shifts

    ##### 1. withdraw · score 0.86 · 2025-10-16 → 2025-10-21

    Why: 'within two weeks or so' (CT+) -\> 'no plans' (PR-) via a White House official

    **Before** 2025-10-16 · Donald Trump · Harbor Wire, [“Trump: Budapest summit "within two weeks"”](<https://wire.example/2025/10/16/budapest>), 2025-10-16 · `wire-2025-10-16#0`, bytes 100–147 · CT+ · tone +0.40 · timeframe 2025-10-16 – 2025-10-30 (+3 d slack)

    > “We'll meet within two weeks or so \| in Budapest”

    Deciding cues: modal “'ll” (bytes 102–105); timeframe “within two weeks or so” (bytes 111–133)

    **After** 2025-10-21 · a White House official (for Trump administration · anonymous official) · Harbor Wire, “No plans for a \<summit\> \| officials”, 2025-10-21 · `wire-2025-10-21#1`, bytes 100–186 · PR- · tone -0.10 · via proxy

    > “There are no plans for President Trump to meet President Putin in the immediate future”

    Deciding cues: retreat “no plans” (bytes 110–118)

    Not flagged: 1 reaffirmation (2025-10-17).

    #### Commitment ledger

    | Opened | Speaker | Commitment | Due window | Status | Settled by |
    |---|---|---|---|---|---|
    | 2025-10-16 · Harbor Wire, [“Trump: Budapest summit "within two weeks"”](<https://wire.example/2025/10/16/budapest>), 2025-10-16 · `wire-2025-10-16#0` | Donald Trump | CT+: “We'll meet within two weeks or so \| in Budapest” | 2025-10-16 – 2025-10-30 (+3 d slack) | withdrawn | 2025-10-21 · a White House official (for Trump administration · anonymous official) · Harbor Wire, “No plans for a \<summit\> \| officials”, 2025-10-21 · `wire-2025-10-21#1`: “There are no plans for President Trump to meet President Putin in the immediate future” |

    ### tariffs on China

    Topic key: `china tariffs` · matched terms: tariffs, China

    #### Timeline

    | Date | Speaker | Commitment | Timeframe | Tone | Quote | Source |
    |---|---|---|---|---:|---|---|
    | 2025-10-16 | Donald Trump | CT+ | 2025-11-01 | -0.45 | “Tariffs of 100% \<b\>will\</b\> start November 1 \& stay” | Harbor Wire, [“Trump: Budapest summit "within two weeks"”](<https://wire.example/2025/10/16/budapest>), 2025-10-16 · `wire-2025-10-16#3` |

    #### Flagged shifts

    No flagged shifts.

    #### Commitment ledger

    | Opened | Speaker | Commitment | Due window | Status | Settled by |
    |---|---|---|---|---|---|
    | 2025-10-16 · Harbor Wire, [“Trump: Budapest summit "within two weeks"”](<https://wire.example/2025/10/16/budapest>), 2025-10-16 · `wire-2025-10-16#3` | Donald Trump | CT+: “Tariffs of 100% \<b\>will\</b\> start November 1 \& stay” | 2025-11-01 | pending as of 2025-10-28 | — |

    ## Vladimir Putin

    Actor id: `vladimir-putin` · as of 2025-10-28

    **Summary:** 1 statement (1 by a proxy) on 1 topic · 0 flagged shifts · commitments: 0 open, 0 kept, 0 broken, 0 overdue, 0 withdrawn

    ### meet Trump

    Topic key: `meet trump` · matched terms: meet

    #### Timeline

    | Date | Speaker | Commitment | Timeframe | Tone | Quote | Source |
    |---|---|---|---|---:|---|---|
    | 2025-10-22 | Kremlin spokesman Dmitry Peskov (for Vladimir Putin · spokesperson) | Uu | — | -0.20 | “Nobody wants to waste time” | `wire-2025-10-22#4` |

    #### Flagged shifts

    No flagged shifts.

    #### Commitment ledger

    No dated commitments.

    ## How to read this report

    | Label | Meaning |
    |---|---|
    | **Commitment (how sure the speaker is)** | |
    | CT+ | certain: it will happen or is true (“we will meet”) |
    | PR+ | probable (“plans to”, “expects to”, “would”) |
    | PS+ | possible (“might”, “could”, “only if”) |
    | Uu | uncommitted or unknown (“declined to comment”, no stance) |
    | PS- | possibly not |
    | PR- | probably not (“no plans to”, “wasn't necessary”) |
    | CT- | certainly not (“will not meet”) |
    | **Shifts (how a stance changed)** | |
    | reaffirm | the same stance said again (not flagged) |
    | soften | lower commitment, same direction |
    | harden | higher commitment, same direction |
    | reverse | the stance flipped from for to against, or back |
    | withdraw | a dated or firm commitment taken back |
    | timeline slip | the same commitment with a later deadline |
    | tone shift | the same commitment in a markedly different tone |
    | **Commitment ledger (what became of a dated promise)** | |
    | pending | still open as of the corpus's last date |
    | renewed | said again, perhaps with a new deadline (still open) |
    | kept | reported done within its window |
    | overdue | the window passed, slack included, and nothing later says what became of it |
    | broken | not done in time, on the evidence: after the window closed it was said to be still to come, taken back, or reported done late |
    | withdrawn | taken back by the actor or someone speaking for it |
    | **Other notation** | |
    | tone | −1 (hostile) to +1 (warm), from the words' tone, separate from commitment |
    | +3 d slack | days past a deadline that still count as on time, for “or so”, “about” |
    | proxy | someone speaking for the actor (spokesperson, official, institution); drawn hollow |
    | score | 0 to 1, how strong and well-evidenced a shift is |
    "#);
}

#[test]
fn json_report() {
    check!(Format::Json, vec![fixture::trump_meet_putin()], @r#"
    {
      "schema": "stanceshift.report/v1",
      "meta": {
        "generated_from": "fixture-index",
        "as_of": "2025-10-28",
        "topic_query": null,
        "tool_version": "0.0.0-test",
        "min_score": null,
        "unflagged_actors": "included"
      },
      "findings": [
        {
          "rank": 1,
          "score": 0.86,
          "kind": "withdraw",
          "actor_id": "donald-trump",
          "actor_name": "Donald Trump",
          "topic_key": "meet putin",
          "topic_label": "meet Putin",
          "explanation": "'within two weeks or so' (CT+) -> 'no plans' (PR-) via a White House official",
          "before": {
            "statement_id": "wire-2025-10-16#0",
            "date": "2025-10-16",
            "speaker": "Trump"
          },
          "after": {
            "statement_id": "wire-2025-10-21#1",
            "date": "2025-10-21",
            "speaker": "a White House official"
          }
        }
      ],
      "actors": [
        {
          "id": "donald-trump",
          "name": "Donald Trump",
          "as_of": "2025-10-28",
          "summary": {
            "statements": 3,
            "proxy_statements": 1,
            "topics": 1,
            "flagged_shifts": 1,
            "shifts_by_kind": {
              "soften": 0,
              "harden": 0,
              "reverse": 0,
              "withdraw": 1,
              "timeline_slip": 0,
              "tone_shift": 0
            },
            "reaffirmations": 1,
            "commitments": {
              "open": 0,
              "pending": 0,
              "renewed": 0,
              "kept": 0,
              "broken": 0,
              "overdue": 0,
              "withdrawn": 1
            }
          },
          "topics": [
            {
              "key": "meet putin",
              "label": "meet Putin",
              "matched_terms": [
                "meet",
                "Putin"
              ],
              "points": [
                {
                  "statement_id": "wire-2025-10-16#0",
                  "article_id": "wire-2025-10-16",
                  "article": {
                    "outlet": "Harbor Wire",
                    "title": "Trump: Budapest summit \"within two weeks\"",
                    "url": "https://wire.example/2025/10/16/budapest",
                    "published": "2025-10-16"
                  },
                  "statement_index": 0,
                  "date": "2025-10-16",
                  "date_window": {
                    "start": "2025-10-16",
                    "end": "2025-10-16",
                    "slack_days": 0,
                    "latest": "2025-10-16"
                  },
                  "date_basis": "article_date",
                  "date_evidence": null,
                  "timex_value": null,
                  "speaker": {
                    "text": "Trump",
                    "name": "Donald Trump",
                    "span": {
                      "start": 40,
                      "end": 45
                    },
                    "actor": "donald-trump"
                  },
                  "principal": "donald-trump",
                  "proxy": null,
                  "anonymous": false,
                  "speech": "direct",
                  "reporting_cue": "said",
                  "reporting_cue_span": {
                    "start": 90,
                    "end": 94
                  },
                  "quote": "We'll meet within two weeks or so | in Budapest",
                  "quote_span": {
                    "start": 100,
                    "end": 147
                  },
                  "attribution_confidence": 0.9,
                  "is_proxy": false,
                  "stance": {
                    "polarity": "positive",
                    "commitment": "CT+",
                    "commitment_score": 3,
                    "certainty": 1.0,
                    "future": true,
                    "timeframe": {
                      "start": "2025-10-16",
                      "end": "2025-10-30",
                      "slack_days": 3,
                      "latest": "2025-11-02"
                    },
                    "tone": 0.4,
                    "cues": [
                      {
                        "kind": "modal",
                        "text": "'ll",
                        "span": {
                          "start": 102,
                          "end": 105
                        }
                      },
                      {
                        "kind": "timeframe",
                        "text": "within two weeks or so",
                        "span": {
                          "start": 111,
                          "end": 133
                        }
                      }
                    ]
                  },
                  "reprints": []
                },
                {
                  "statement_id": "post-2025-10-17#2",
                  "article_id": "post-2025-10-17",
                  "article": {
                    "outlet": null,
                    "title": null,
                    "url": null,
                    "published": null
                  },
                  "statement_index": 2,
                  "date": "2025-10-17",
                  "date_window": {
                    "start": "2025-10-17",
                    "end": "2025-10-17",
                    "slack_days": 0,
                    "latest": "2025-10-17"
                  },
                  "date_basis": "relative",
                  "date_evidence": "on Friday",
                  "timex_value": null,
                  "speaker": {
                    "text": "Trump",
                    "name": "Donald Trump",
                    "span": {
                      "start": 40,
                      "end": 45
                    },
                    "actor": "donald-trump"
                  },
                  "principal": "trump-administration",
                  "proxy": "affiliate",
                  "anonymous": false,
                  "speech": "direct",
                  "reporting_cue": "said",
                  "reporting_cue_span": {
                    "start": 90,
                    "end": 94
                  },
                  "quote": "The meeting is *definitely* on, [believe me]",
                  "quote_span": {
                    "start": 100,
                    "end": 144
                  },
                  "attribution_confidence": 0.9,
                  "is_proxy": false,
                  "stance": {
                    "polarity": "positive",
                    "commitment": "CT+",
                    "commitment_score": 3,
                    "certainty": 1.0,
                    "future": true,
                    "timeframe": null,
                    "tone": 0.3,
                    "cues": [
                      {
                        "kind": "booster",
                        "text": "*definitely*",
                        "span": {
                          "start": 115,
                          "end": 127
                        }
                      }
                    ]
                  },
                  "reprints": []
                },
                {
                  "statement_id": "wire-2025-10-21#1",
                  "article_id": "wire-2025-10-21",
                  "article": {
                    "outlet": "Harbor Wire",
                    "title": "No plans for a <summit> | officials",
                    "url": null,
                    "published": "2025-10-21"
                  },
                  "statement_index": 1,
                  "date": "2025-10-21",
                  "date_window": {
                    "start": "2025-10-21",
                    "end": "2025-10-21",
                    "slack_days": 0,
                    "latest": "2025-10-21"
                  },
                  "date_basis": "article_date",
                  "date_evidence": null,
                  "timex_value": null,
                  "speaker": {
                    "text": "a White House official",
                    "name": null,
                    "span": {
                      "start": 40,
                      "end": 62
                    },
                    "actor": null
                  },
                  "principal": "trump-administration",
                  "proxy": "anonymous_official",
                  "anonymous": true,
                  "speech": "direct",
                  "reporting_cue": "said",
                  "reporting_cue_span": {
                    "start": 90,
                    "end": 94
                  },
                  "quote": "There are no plans for President Trump to meet President Putin in the immediate future",
                  "quote_span": {
                    "start": 100,
                    "end": 186
                  },
                  "attribution_confidence": 0.9,
                  "is_proxy": true,
                  "stance": {
                    "polarity": "negative",
                    "commitment": "PR-",
                    "commitment_score": -2,
                    "certainty": 0.667,
                    "future": true,
                    "timeframe": null,
                    "tone": -0.1,
                    "cues": [
                      {
                        "kind": "retreat",
                        "text": "no plans",
                        "span": {
                          "start": 110,
                          "end": 118
                        }
                      }
                    ]
                  },
                  "reprints": [
                    "syndicated-2025-10-21"
                  ]
                }
              ],
              "shifts": [
                {
                  "kind": "reaffirm",
                  "flagged": false,
                  "score": 0.1,
                  "explanation": "CT+ -> CT+",
                  "before": {
                    "statement_id": "wire-2025-10-16#0",
                    "article_id": "wire-2025-10-16",
                    "statement_index": 0,
                    "date": "2025-10-16",
                    "speaker": "Trump",
                    "speaker_name": "Donald Trump",
                    "article": {
                      "outlet": "Harbor Wire",
                      "title": "Trump: Budapest summit \"within two weeks\"",
                      "url": "https://wire.example/2025/10/16/budapest",
                      "published": "2025-10-16"
                    },
                    "proxy_for": null,
                    "quote": "We'll meet within two weeks or so | in Budapest",
                    "span": {
                      "start": 100,
                      "end": 147
                    },
                    "commitment": "CT+",
                    "commitment_score": 3,
                    "timeframe": {
                      "start": "2025-10-16",
                      "end": "2025-10-30",
                      "slack_days": 3,
                      "latest": "2025-11-02"
                    },
                    "tone": 0.4,
                    "cues": [
                      {
                        "kind": "modal",
                        "text": "'ll",
                        "span": {
                          "start": 102,
                          "end": 105
                        }
                      },
                      {
                        "kind": "timeframe",
                        "text": "within two weeks or so",
                        "span": {
                          "start": 111,
                          "end": 133
                        }
                      }
                    ]
                  },
                  "after": {
                    "statement_id": "post-2025-10-17#2",
                    "article_id": "post-2025-10-17",
                    "statement_index": 2,
                    "date": "2025-10-17",
                    "speaker": "Trump",
                    "speaker_name": "Donald Trump",
                    "article": {
                      "outlet": null,
                      "title": null,
                      "url": null,
                      "published": null
                    },
                    "proxy_for": null,
                    "quote": "The meeting is *definitely* on, [believe me]",
                    "span": {
                      "start": 100,
                      "end": 144
                    },
                    "commitment": "CT+",
                    "commitment_score": 3,
                    "timeframe": null,
                    "tone": 0.3,
                    "cues": [
                      {
                        "kind": "booster",
                        "text": "*definitely*",
                        "span": {
                          "start": 115,
                          "end": 127
                        }
                      }
                    ]
                  }
                },
                {
                  "kind": "withdraw",
                  "flagged": true,
                  "score": 0.86,
                  "explanation": "'within two weeks or so' (CT+) -> 'no plans' (PR-) via a White House official",
                  "before": {
                    "statement_id": "wire-2025-10-16#0",
                    "article_id": "wire-2025-10-16",
                    "statement_index": 0,
                    "date": "2025-10-16",
                    "speaker": "Trump",
                    "speaker_name": "Donald Trump",
                    "article": {
                      "outlet": "Harbor Wire",
                      "title": "Trump: Budapest summit \"within two weeks\"",
                      "url": "https://wire.example/2025/10/16/budapest",
                      "published": "2025-10-16"
                    },
                    "proxy_for": null,
                    "quote": "We'll meet within two weeks or so | in Budapest",
                    "span": {
                      "start": 100,
                      "end": 147
                    },
                    "commitment": "CT+",
                    "commitment_score": 3,
                    "timeframe": {
                      "start": "2025-10-16",
                      "end": "2025-10-30",
                      "slack_days": 3,
                      "latest": "2025-11-02"
                    },
                    "tone": 0.4,
                    "cues": [
                      {
                        "kind": "modal",
                        "text": "'ll",
                        "span": {
                          "start": 102,
                          "end": 105
                        }
                      },
                      {
                        "kind": "timeframe",
                        "text": "within two weeks or so",
                        "span": {
                          "start": 111,
                          "end": 133
                        }
                      }
                    ]
                  },
                  "after": {
                    "statement_id": "wire-2025-10-21#1",
                    "article_id": "wire-2025-10-21",
                    "statement_index": 1,
                    "date": "2025-10-21",
                    "speaker": "a White House official",
                    "speaker_name": null,
                    "article": {
                      "outlet": "Harbor Wire",
                      "title": "No plans for a <summit> | officials",
                      "url": null,
                      "published": "2025-10-21"
                    },
                    "proxy_for": "trump-administration",
                    "quote": "There are no plans for President Trump to meet President Putin in the immediate future",
                    "span": {
                      "start": 100,
                      "end": 186
                    },
                    "commitment": "PR-",
                    "commitment_score": -2,
                    "timeframe": null,
                    "tone": -0.1,
                    "cues": [
                      {
                        "kind": "retreat",
                        "text": "no plans",
                        "span": {
                          "start": 110,
                          "end": 118
                        }
                      }
                    ]
                  }
                }
              ],
              "commitments": [
                {
                  "status": "withdrawn",
                  "opened": {
                    "statement_id": "wire-2025-10-16#0",
                    "article_id": "wire-2025-10-16",
                    "statement_index": 0,
                    "date": "2025-10-16",
                    "speaker": "Trump",
                    "speaker_name": "Donald Trump",
                    "article": {
                      "outlet": "Harbor Wire",
                      "title": "Trump: Budapest summit \"within two weeks\"",
                      "url": "https://wire.example/2025/10/16/budapest",
                      "published": "2025-10-16"
                    },
                    "proxy_for": null,
                    "quote": "We'll meet within two weeks or so | in Budapest",
                    "span": {
                      "start": 100,
                      "end": 147
                    },
                    "commitment": "CT+",
                    "commitment_score": 3,
                    "timeframe": {
                      "start": "2025-10-16",
                      "end": "2025-10-30",
                      "slack_days": 3,
                      "latest": "2025-11-02"
                    },
                    "tone": 0.4,
                    "cues": [
                      {
                        "kind": "modal",
                        "text": "'ll",
                        "span": {
                          "start": 102,
                          "end": 105
                        }
                      },
                      {
                        "kind": "timeframe",
                        "text": "within two weeks or so",
                        "span": {
                          "start": 111,
                          "end": 133
                        }
                      }
                    ]
                  },
                  "due": {
                    "start": "2025-10-16",
                    "end": "2025-10-30",
                    "slack_days": 3,
                    "latest": "2025-11-02"
                  },
                  "settled_by": {
                    "statement_id": "wire-2025-10-21#1",
                    "article_id": "wire-2025-10-21",
                    "statement_index": 1,
                    "date": "2025-10-21",
                    "speaker": "a White House official",
                    "speaker_name": null,
                    "article": {
                      "outlet": "Harbor Wire",
                      "title": "No plans for a <summit> | officials",
                      "url": null,
                      "published": "2025-10-21"
                    },
                    "proxy_for": "trump-administration",
                    "quote": "There are no plans for President Trump to meet President Putin in the immediate future",
                    "span": {
                      "start": 100,
                      "end": 186
                    },
                    "commitment": "PR-",
                    "commitment_score": -2,
                    "timeframe": null,
                    "tone": -0.1,
                    "cues": [
                      {
                        "kind": "retreat",
                        "text": "no plans",
                        "span": {
                          "start": 110,
                          "end": 118
                        }
                      }
                    ]
                  },
                  "as_of": "2025-10-28"
                }
              ]
            }
          ]
        }
      ]
    }
    "#);
}

/// The same analyses in any input order give the same bytes: the analyzer runs
/// actors in parallel, and reports must not depend on who finished first.
#[test]
fn output_does_not_depend_on_input_order() {
    let forward = vec![fixture::trump(), fixture::putin()];
    let mut backward = vec![fixture::putin(), fixture::trump()];
    for analysis in &mut backward {
        analysis.topics.reverse();
        for topic in &mut analysis.topics {
            topic.points.reverse();
            topic.shifts.reverse();
            topic.commitments.reverse();
        }
    }
    assert_ne!(forward, backward);
    let meta = fixture::meta();
    for format in Format::ALL {
        assert_eq!(render(format, &forward, &meta), render(format, &backward, &meta), "{format}");
    }
}

/// Every row of every Markdown table has as many cells as its header: quotes
/// with pipes must not split cells.
#[test]
fn markdown_tables_keep_their_shape() {
    let text = markdown(&[fixture::trump(), fixture::putin()], &fixture::meta());
    assert!(text.contains(r"two weeks or so \| in Budapest"));
    let cells = |line: &str| {
        let mut count = 0;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '|' if !escaped => count += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        count
    };
    let mut tables = 0;
    let mut header = None;
    for line in text.lines() {
        match (line.starts_with('|'), header) {
            (true, None) => {
                header = Some(cells(line));
                tables += 1;
            }
            (true, Some(expected)) => assert_eq!(cells(line), expected, "{line}"),
            (false, _) => header = None,
        }
    }
    assert_eq!(tables, 7, "findings, three timelines, two ledgers, the legend");
}

#[test]
fn markdown_labels_proxy_evidence() {
    let text = markdown(&[fixture::trump()], &fixture::meta());
    // The same proxy label in the timeline and in the evidence: the principal's name and the kind.
    assert!(text.contains("| a White House official (for Trump administration · anonymous official) | PR- |"));
    assert!(text.contains(
        "**After** 2025-10-21 · a White House official (for Trump administration · anonymous official) · Harbor Wire"
    ));
    // Own words filed under an affiliation are not a proxy's.
    assert!(text.contains("| 2025-10-17 (“on Friday”) | Donald Trump | CT+ |"));
    assert!(text.contains("· via proxy"));
}

/// Tags open and close in order (void elements and `/>` aside): a cheap
/// well-formedness check that catches a forgotten `</td>` or `</g>`.
fn assert_balanced(html: &str) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("unclosed tag");
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(top, name, "</{name}> closes <{top}>");
            continue;
        }
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(!name.is_empty(), "bad tag <{tag}>");
        if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn balance_check_catches_mistakes() {
    let caught = |html: &'static str| std::panic::catch_unwind(|| assert_balanced(html)).is_err();
    assert!(caught("<p><b>x</p></b>"));
    assert!(caught("<div>"));
    assert!(!caught("<p>a<br><circle r=\"1\"/></p>"));
}

#[test]
fn html_is_one_balanced_self_contained_file() {
    let page = html(&[fixture::trump(), fixture::putin()], &fixture::meta());
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.ends_with("</html>\n"));
    assert_balanced(&page);
    // Nothing to fetch: no scripts, no external resources, only the SVG namespace.
    assert!(!page.contains("<script"));
    assert!(!page.contains("<link"));
    assert!(!page.contains("@import"));
    assert!(!page.contains("src="));
    // The only web addresses are the SVG namespace and links to the quoted
    // articles, which a reader follows by choice (nothing is loaded).
    let article_link =
        r#"<a class="headline" href="https://wire.example/2025/10/16/budapest" rel="noopener noreferrer">"#;
    assert!(page.contains(article_link));
    let without_links = page
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace(article_link, "")
        .replace("https://wire.example/", "");
    assert!(!without_links.contains("http://") && !without_links.contains("https://"));
    assert!(!without_links.contains("//"), "no protocol-relative URLs either");
    for reference in page.split("url(").skip(1) {
        assert!(reference.starts_with('#'), "external url({})", &reference[..20.min(reference.len())]);
    }
    for link in without_links.split("href=\"").skip(1) {
        assert!(link.starts_with('#'), "external link {}", &link[..20.min(link.len())]);
    }
    assert!(page.contains("Content-Security-Policy"));
}

#[test]
fn html_escapes_corpus_text() {
    let page = html(&[fixture::trump()], &fixture::meta());
    assert!(page.contains("Tariffs of 100% &lt;b&gt;will&lt;/b&gt; start November 1 &amp; stay"));
    assert!(!page.contains("<b>will</b>"));
    assert!(page.contains("We&#39;ll meet within two weeks or so | in Budapest"));
}

/// One chart per topic with statements, with a text alternative, axes,
/// hollow proxy markers, the shift and the commitment window.
#[test]
fn html_charts() {
    let page = html(&[fixture::trump(), fixture::putin()], &fixture::meta());
    assert_eq!(page.matches("<svg ").count(), 3);
    assert_eq!(page.matches("role=\"img\"").count(), 3);
    assert_eq!(page.matches("<desc id=").count(), 3);
    assert!(page.contains(
        r#"<title id="actor-1-donald-trump-t1-chart-title">Stance of Donald Trump on “meet Putin” over time</title>"#
    ));
    assert!(page.contains(
        "Flagged shifts: withdraw on 2025-10-21 (score 0.86) via a White House official (for Trump administration · anonymous official)."
    ));
    // Proxies are hollow: one in each meet topic, plus the legend swatch of all three charts.
    assert_eq!(page.matches(r#"<circle class="point proxy""#).count(), 2 + 3);
    assert_eq!(page.matches(r#"<circle class="point""#).count(), 3 + 3);
    assert!(page.contains(r#"<text class="shift-label""#));
    assert!(page.contains(">withdraw 0.86</text>"));
    assert!(page.contains(r#"class="band band-withdrawn""#));
    assert!(page.contains(r#"class="band slack band-withdrawn""#));
    assert!(page.contains(r#"class="band band-pending""#));
    assert!(page.contains("due 2025-10-16 – 2025-10-30 (+3 d slack) · withdrawn"));
    for level in ["CT+", "PR+", "PS+", "Uu", "PS−", "PR−", "CT−"] {
        assert!(page.contains(&format!(">{level}</text>")), "{level}");
    }
    // Date ticks with the year on the first one.
    assert!(page.contains(r#"<text class="date year""#));
    assert!(page.contains(">Oct 18</text>"));
    for entry in
        ["statement by Donald Trump", "statement by a proxy", "flagged shift", "commitment window: withdrawn"]
    {
        assert!(page.contains(entry), "legend: {entry}");
    }
}

#[test]
fn json_is_valid_and_versioned() {
    let text = json(&[fixture::trump(), fixture::putin()], &fixture::meta());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], SCHEMA);
    assert_eq!(value["actors"][0]["name"], "Donald Trump");
    let withdraw = &value["actors"][0]["topics"][0]["shifts"][1];
    assert_eq!(withdraw["kind"], "withdraw");
    assert_eq!(withdraw["after"]["speaker"], "a White House official");
    assert_eq!(withdraw["after"]["proxy_for"], "trump-administration");
    // His own words filed under his administration are still his own.
    let points = &value["actors"][0]["topics"][0]["points"];
    assert_eq!(points[1]["statement_id"], "post-2025-10-17#2");
    assert_eq!(points[1]["proxy"], "affiliate");
    assert_eq!(points[1]["is_proxy"], false);
    assert_eq!(points[2]["is_proxy"], true);
    assert_eq!(value["actors"][0]["summary"]["proxy_statements"], 1);
    assert_eq!(value["actors"][0]["topics"][1]["commitments"][0]["status"], "pending");
}

/// Every key the JSON report can contain is documented in docs/report-schema.md.
#[test]
fn every_json_field_is_documented() {
    let doc_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report-schema.md");
    let doc = std::fs::read_to_string(&doc_path).expect("docs/report-schema.md");
    assert!(doc.contains(SCHEMA));
    let text = json(&[fixture::trump(), fixture::putin()], &fixture::meta());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut keys = std::collections::BTreeSet::new();
    collect_keys(&value, &mut keys);
    let missing: Vec<_> = keys.iter().filter(|key| !doc.contains(&format!("`{key}`"))).collect();
    assert!(missing.is_empty(), "undocumented JSON fields: {missing:?}");
}

fn collect_keys(value: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                keys.insert(key.clone());
                collect_keys(child, keys);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| collect_keys(item, keys)),
        _ => {}
    }
}

#[test]
fn empty_reports_say_so() {
    let meta =
        ReportMeta::new("empty", fixture::d("2025-01-01")).with_topic_query(Some("meet | Putin".into()));
    let md = markdown(&[], &meta);
    assert!(md.contains("- Topic: meet \\| Putin"));
    assert!(md.contains("No actor had statements to analyze."));
    let no_topics = ActorAnalysis { topics: vec![], ..fixture::putin() };
    assert!(markdown(std::slice::from_ref(&no_topics), &meta).contains("No statements on any topic."));
    let page = html(&[no_topics], &meta);
    assert_balanced(&page);
    assert!(page.contains("No statements on any topic."));
    assert!(!page.contains("<svg"));
    let value: serde_json::Value = serde_json::from_str(&json(&[], &meta)).unwrap();
    assert_eq!(value["actors"], serde_json::json!([]));
    assert_eq!(value["meta"]["topic_query"], "meet | Putin");
}
