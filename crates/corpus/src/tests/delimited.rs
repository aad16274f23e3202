//! Delimited input (CSV, sniffed CSV) and the columns it may carry.

use super::*;

#[test]
fn csv_with_quotes_multiline_fields_and_bad_rows() {
    let dir = Dir::new();
    dir.write(
        "news.csv",
        "\u{feff}ID,Date,Headline,Source,Text,Extra\n\
         a1,2025-10-21,\"Summit, again\",Wire,\"Line one\nline \"\"two\"\"\",x\n\
         \n\
         a2,Oct. 22 2025,Plain,,Second body,y\n\
         a3,not a date,T,,Body,z\n\
         a4,2025-10-24,T,,   ,z\n\
         a5,2025-10-25,\"unbalanced,quote\n\
         a6,2025-10-26,T,,Sixth,z\n",
    );
    dir.write("news.tsv", "date\ttitle\tbody\n2025-10-21\tTab\tTab separated, with commas\n");
    dir.write("nobody.csv", "date,title\n2025-10-21,T\n");
    insta::assert_snapshot!(dir.read(&["news.csv", "news.tsv", "nobody.csv"]), @r#"
    news.csv:2 Summit, again|2025-10-21T00:00:00+00:00|Line one⏎line "two"
    news.csv:5 Plain|2025-10-22T00:00:00+00:00|Second body
    news.csv:6 ! unparseable date "not a date"
    news.csv:7 ! empty body
    news.csv:8 ! CSV: row has 3 fields but the header has 6 (an unbalanced quote?)
    news.csv:9 T|2025-10-26T00:00:00+00:00|Sixth
    news.tsv:2 Tab|2025-10-21T00:00:00+00:00|Tab separated, with comm
    nobody.csv:1 ! CSV: header has no `body` column (columns: date, title)
    "#);
}

#[test]
fn csv_rows_after_a_quoted_multiline_field_keep_their_line_numbers() {
    let dir = Dir::new();
    dir.write(
        "m.csv",
        b"date,body\n2025-10-21,\"a\nb\nc\"\n2025-10-22,\"\xff bad\"\n2025-10-23,\"d\"\n2025-10-24,too,many\n2025-10-25,e\n",
    );
    let opts = ReadOptions { max_record_bytes: 1000, ..ReadOptions::default() };
    insta::assert_snapshot!(dir.read_with(&["m.csv"], opts), @r"
    m.csv:2 -|2025-10-21T00:00:00+00:00|a⏎b⏎c
    m.csv:5 ! invalid UTF-8 at byte 12
    m.csv:6 -|2025-10-23T00:00:00+00:00|d
    m.csv:7 ! CSV: row has 3 fields but the header has 2 (an unbalanced quote?)
    m.csv:8 -|2025-10-25T00:00:00+00:00|e
    ");
}

/// An unbalanced quote that swallows rows without changing the number of
/// fields (the quote opens the last column) is caught by the rows it swallows:
/// a later line of the row reads as a dated row of its own.
#[test]
fn csv_unbalanced_quote_in_the_last_column_is_rejected_with_its_line() {
    let dir = Dir::new();
    dir.write(
        "q.csv",
        "id,date,body\n\
         a1,2025-10-20,\"The first body\n\
         a2,2025-10-21,The second body\n\
         a3,2025-10-22,\"A real\nmulti-line body, 2025-10-23\"\n",
    );
    insta::assert_snapshot!(dir.read(&["q.csv"]), @r#"
    q.csv:2 ! CSV: a quoted field runs on over the row at line 3 (an unbalanced quote?)
    q.csv:3 -|2025-10-21T00:00:00+00:00|The second body
    q.csv:4 -|2025-10-22T00:00:00+00:00|A real⏎multi-line body,
    "#);
}

/// An unbalanced quote swallows the rows after it into one field; they are
/// recovered by parsing again from the line after the bad one.
#[test]
fn csv_unbalanced_quote_does_not_swallow_later_rows() {
    let dir = Dir::new();
    dir.write(
        "q.csv",
        "date,title,body\n\
         2025-10-21,ok,one\n\
         2025-10-22,\"bad title,two\n\
         2025-10-23,ok,three\n\
         2025-10-24,\"quoted, fine\",\"four\nlines\"\n\
         2025-10-25,ok,five\n",
    );
    let summary = dir.read(&["q.csv"]);
    insta::assert_snapshot!(summary, @r#"
    q.csv:2 ok|2025-10-21T00:00:00+00:00|one
    q.csv:3 ! CSV: row has 4 fields but the header has 3 (an unbalanced quote?)
    q.csv:4 ok|2025-10-23T00:00:00+00:00|three
    q.csv:5 quoted, fine|2025-10-24T00:00:00+00:00|four⏎lines
    q.csv:7 ok|2025-10-25T00:00:00+00:00|five
    "#);
    let records = records(&[dir.path().join("q.csv")], ReadOptions::default());
    let Record::Rejected(reject) = &records[1] else { panic!("expected a reject") };
    assert_eq!(reject.raw, "2025-10-22,\"bad title,two");
    let total: u64 = records.iter().map(|r| r.origin().bytes).sum();
    assert_eq!(
        total,
        std::fs::metadata(dir.path().join("q.csv")).unwrap().len() - "date,title,body\n".len() as u64
    );
}

#[test]
fn csv_row_longer_than_the_limit() {
    let dir = Dir::new();
    let long = "z".repeat(5000);
    dir.write("l.csv", format!("date,body\n2025-10-21,\"{long}\"\n2025-10-22,after\n"));
    insta::assert_snapshot!(dir.read_with(&["l.csv"], ReadOptions { max_record_bytes: 1024, ..ReadOptions::default() }), @r"
    l.csv:2 ! record of 5014 bytes is longer than the limit of 1024 bytes
    l.csv:3 -|2025-10-22T00:00:00+00:00|after
    ");
}

#[test]
fn crlf_csv_sniffed_csv_and_binary_rows() {
    let dir = Dir::new();
    dir.write("crlf.csv", "date,body\r\n2025-10-21,\"one\r\ntwo\"\r\n2025-10-22,three\r\n");
    dir.write("export.dat", "title,date,text\nT,2025-10-23,sniffed as CSV\n");
    let mut binary_row =
        b"date,body\n2025-10-21,ok\n2025-10-22,\x01\x02\x03\x04\x05\x06\x07\x08\n2025-10-23,fine\n".to_vec();
    binary_row.extend_from_slice(b"2025-10-24,nul \x00 inside\n2025-10-25,last\n");
    dir.write("bin.csv", binary_row);
    insta::assert_snapshot!(dir.read(&["crlf.csv", "export.dat", "bin.csv"]), @r"
    crlf.csv:2 -|2025-10-21T00:00:00+00:00|one␍⏎two
    crlf.csv:4 -|2025-10-22T00:00:00+00:00|three
    export.dat:2 T|2025-10-23T00:00:00+00:00|sniffed as CSV
    bin.csv:2 -|2025-10-21T00:00:00+00:00|ok
    bin.csv:3 ! binary data (NUL bytes or control characters)
    bin.csv:4 -|2025-10-23T00:00:00+00:00|fine
    bin.csv:5 ! binary data (NUL bytes or control characters)
    bin.csv:6 -|2025-10-25T00:00:00+00:00|last
    ");
}

#[test]
fn speaker_from_csv_column_and_front_matter() {
    let dir = Dir::new();
    dir.write(
        "a.csv",
        "date,author,speaker,body\n2025-10-21,A. Writer,Mara Keel,I will sign it.\n2025-10-22,,,No one.\n",
    );
    dir.write(
        "b.md",
        "---\ndate: 2025-10-21\nspeaker: \"Tom Brand\"\nauthor: Press Office\n---\nWe will build it.\n",
    );
    let paths = [dir.path().join("a.csv"), dir.path().join("b.md")];
    let speakers: Vec<(Option<String>, Option<String>)> = records(&paths, ReadOptions::default())
        .into_iter()
        .map(|r| match r {
            Record::Article { article, .. } => (article.speaker, article.author),
            Record::Rejected(reject) => panic!("{reject}"),
        })
        .collect();
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        speakers,
        vec![(some("Mara Keel"), some("A. Writer")), (None, None), (some("Tom Brand"), some("Press Office")),]
    );
}
