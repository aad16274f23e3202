//! End-to-end tests of [`Corpus`]: files written to temp dirs, every record
//! summarised as one line so that "nothing lost" is visible at a glance.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::*;

// CSV and other delimited input.
mod delimited;

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn write_gz(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        self.write(name, gzip(contents.as_ref()))
    }

    /// Reads the given paths (relative to the dir) and summarises every record.
    fn read(&self, names: &[&str]) -> String {
        self.read_with(names, ReadOptions::default())
    }

    fn read_with(&self, names: &[&str], opts: ReadOptions) -> String {
        let paths: Vec<PathBuf> = names.iter().map(|n| self.path().join(n)).collect();
        let corpus = Corpus::open(&paths, opts).unwrap();
        corpus.map(|record| summarize(&record, self.path())).collect::<Vec<_>>().join("\n")
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// `file:line title|date|body` for articles, `file:line ! error` for rejects.
fn summarize(record: &Record, root: &Path) -> String {
    let origin = record.origin();
    let file = origin.path.strip_prefix(root).unwrap_or(&origin.path).display();
    match record {
        Record::Article { article, .. } => {
            let body: String = article.body.chars().take(24).collect();
            let body = body.trim_end();
            format!(
                "{file}:{} {}|{}|{}",
                origin.line,
                article.title.as_deref().unwrap_or("-"),
                article.date.to_rfc3339(),
                body.replace('\r', "␍").replace('\n', "⏎")
            )
        }
        Record::Rejected(reject) => format!("{file}:{} ! {}", origin.line, reject.error),
    }
}

fn records(paths: &[PathBuf], opts: ReadOptions) -> Vec<Record> {
    Corpus::open(paths, opts).unwrap().collect()
}

const JSONL: &str = concat!(
    "\u{feff}{\"id\":\"a\",\"date\":\"2025-10-21\",\"title\":\"One\",\"body\":\"First body.\"}\r\n",
    "\n",
    "   \n",
    "{\"published_at\":\"2025-10-21T09:30:00-04:00\",\"headline\":\"Two\",\"text\":\"Second\\nbody.\"}\n",
    "{\"timestamp\":1761039000,\"content\":\"Third body.\",\"source\":{\"name\":\"Wire\"}}",
);

#[test]
fn jsonl_with_bom_blank_lines_crlf_and_aliases() {
    let dir = Dir::new();
    dir.write("news.jsonl", JSONL);
    insta::assert_snapshot!(dir.read(&["news.jsonl"]), @r"
    news.jsonl:1 One|2025-10-21T00:00:00+00:00|First body.
    news.jsonl:4 Two|2025-10-21T09:30:00-04:00|Second⏎body.
    news.jsonl:5 -|2025-10-21T09:30:00+00:00|Third body.
    ");
}

#[test]
fn origin_bytes_and_ids() {
    let dir = Dir::new();
    let path = dir.write("news.ndjson", JSONL);
    let records = records(&[path], ReadOptions::default());
    let bytes: Vec<u64> = records.iter().map(|r| r.origin().bytes).collect();
    // Line terminators count; the BOM is part of the first line.
    assert_eq!(bytes, [70, 85, 73]);
    let ids: Vec<&str> = records.iter().map(|r| r.article().unwrap().id.as_str()).collect();
    assert_eq!(ids[0], "a");
    assert!(ids[1].starts_with("h:") && ids[2].starts_with("h:") && ids[1] != ids[2]);
}

#[test]
fn every_bad_jsonl_line_is_rejected_and_nothing_else_is_lost() {
    let dir = Dir::new();
    let good =
        |n: usize| format!("{{\"date\":\"2025-10-{n:02}\",\"title\":\"good {n}\",\"body\":\"Body {n}.\"}}\n");
    let mut data = Vec::new();
    let bad: Vec<&[u8]> = vec![
        b"{\"date\":\"2025-10-21\",\"body\":\"unterminated}\n",
        b"not json at all\n",
        b"{\"body\":\"no date\"}\n",
        b"{\"date\":\"someday\",\"body\":\"bad date\"}\n",
        b"{\"date\":\"2025-10-21\",\"body\":\"   \"}\n",
        b"{\"date\":\"2025-10-21\",\"title\":\"no body\"}\n",
        b"{\"date\":\"2025-10-21\",\"body\":\"nul \x00 byte\"}\n",
        b"{\"date\":\"2025-10-21\",\"body\":\"latin-1 caf\xe9\"}\n",
        b"[1,2,3]\n",
        b"{\"date\":\"2025-10-21\",\"body\":\"x\"} trailing\n",
    ];
    for (n, line) in bad.iter().enumerate() {
        data.extend_from_slice(good(n + 1).as_bytes());
        data.extend_from_slice(line);
    }
    data.extend_from_slice(good(11).as_bytes());
    dir.write("bad.jsonl", &data);
    insta::assert_snapshot!(dir.read(&["bad.jsonl"]), @r#"
    bad.jsonl:1 good 1|2025-10-01T00:00:00+00:00|Body 1.
    bad.jsonl:2 ! invalid JSON: EOF while parsing a string at column 42
    bad.jsonl:3 good 2|2025-10-02T00:00:00+00:00|Body 2.
    bad.jsonl:4 ! invalid JSON: expected ident at column 2
    bad.jsonl:5 good 3|2025-10-03T00:00:00+00:00|Body 3.
    bad.jsonl:6 ! missing field `date`
    bad.jsonl:7 good 4|2025-10-04T00:00:00+00:00|Body 4.
    bad.jsonl:8 ! unparseable date "someday"
    bad.jsonl:9 good 5|2025-10-05T00:00:00+00:00|Body 5.
    bad.jsonl:10 ! empty body
    bad.jsonl:11 good 6|2025-10-06T00:00:00+00:00|Body 6.
    bad.jsonl:12 ! missing field `body`
    bad.jsonl:13 good 7|2025-10-07T00:00:00+00:00|Body 7.
    bad.jsonl:14 ! binary data (NUL bytes or control characters)
    bad.jsonl:15 good 8|2025-10-08T00:00:00+00:00|Body 8.
    bad.jsonl:16 ! invalid UTF-8 at byte 40
    bad.jsonl:17 good 9|2025-10-09T00:00:00+00:00|Body 9.
    bad.jsonl:18 ! invalid JSON: invalid type: sequence, expected an article object
    bad.jsonl:19 good 10|2025-10-10T00:00:00+00:00|Body 10.
    bad.jsonl:20 ! invalid JSON: trailing characters at column 34
    bad.jsonl:21 good 11|2025-10-11T00:00:00+00:00|Body 11.
    "#);
}

#[test]
fn reject_display_and_raw() {
    let dir = Dir::new();
    let path = dir.write("news.jsonl", "{\"date\":\"2025-10-21\",\"body\":\"ok\"}\n\n{oops\n");
    let records = records(std::slice::from_ref(&path), ReadOptions::default());
    let Record::Rejected(reject) = &records[1] else { panic!("expected a reject: {records:?}") };
    assert_eq!(
        reject.to_string(),
        format!("{}:3: invalid JSON: key must be a string at column 2", path.display())
    );
    assert_eq!(reject.raw, "{oops");
}

#[test]
fn line_longer_than_the_limit_is_skipped_without_stopping() {
    let dir = Dir::new();
    let mut data =
        b"{\"date\":\"2025-10-21\",\"body\":\"before\"}\n{\"date\":\"2025-10-21\",\"body\":\"".to_vec();
    data.extend(std::iter::repeat_n(b'x', 100_000));
    data.extend_from_slice(b"\"}\n{\"date\":\"2025-10-22\",\"body\":\"after\"}\n");
    dir.write("long.jsonl", &data);
    let opts = ReadOptions { max_record_bytes: 1000, ..ReadOptions::default() };
    insta::assert_snapshot!(dir.read_with(&["long.jsonl"], opts), @r"
    long.jsonl:1 -|2025-10-21T00:00:00+00:00|before
    long.jsonl:2 ! record of 100032 bytes is longer than the limit of 1000 bytes
    long.jsonl:3 -|2025-10-22T00:00:00+00:00|after
    ");
}

/// The brief's stress case: a 50 MB line with the default 16 MiB limit.
#[test]
fn fifty_megabyte_line_does_not_stop_the_stream() {
    let dir = Dir::new();
    let path = dir.path().join("huge.jsonl");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        file.write_all(
            b"{\"date\":\"2025-10-21\",\"body\":\"before\"}\n{\"date\":\"2025-10-21\",\"body\":\"",
        )
        .unwrap();
        let chunk = vec![b'y'; 1 << 20];
        for _ in 0..50 {
            file.write_all(&chunk).unwrap();
        }
        file.write_all(b"\"}\n{\"date\":\"2025-10-22\",\"body\":\"after\"}\n").unwrap();
    }
    let records = records(&[path], ReadOptions::default());
    assert_eq!(records.len(), 3, "{:?}", records.iter().map(|r| r.origin()).collect::<Vec<_>>());
    assert_eq!(records[0].article().unwrap().body, "before");
    assert_eq!(records[2].article().unwrap().body, "after");
    assert_eq!(records[2].origin().line, 3);
    let Record::Rejected(reject) = &records[1] else { panic!("expected a reject") };
    let bytes = 50 * (1 << 20) + 32;
    assert_eq!(reject.error, RecordError::TooLong { bytes, limit: 16 * 1024 * 1024 });
    assert_eq!(reject.origin.line, 2);
    let marker = format!("…[truncated {} bytes]", bytes - RAW_KEEP_BYTES as u64);
    assert!(reject.raw.starts_with("{\"date\":\"2025-10-21\",\"body\":\"yyy"));
    assert!(reject.raw.ends_with(&marker), "{}", &reject.raw[reject.raw.len() - 60..]);
    assert_eq!(reject.raw.len(), RAW_KEEP_BYTES + marker.len());
}

#[test]
fn json_array_streamed_with_line_numbers() {
    let dir = Dir::new();
    dir.write(
        "array.json",
        r#"[
  {"date": "2025-10-21", "title": "Braces } in ] strings \" {", "body": "One [x] {y}."},
  {
    "title": "no date",
    "body": "x"
  },
  {"date": "2025-10-23",
   "body": "Three",
   "tags": [{"a": [1, 2]}, "z"]},
  42,
  {"date": "2025-10-24", "body": "Four", oops},
  {"date": "2025-10-25", "body": "Five"}
]
"#,
    );
    dir.write(
        "unterminated.json",
        "[{\"date\":\"2025-10-21\",\"body\":\"ok\"},\n{\"date\":\"2025-10-22\",\"bo",
    );
    dir.write("objects.json", "{\"date\":\"2025-10-21\",\"body\":\"lines too\"}\n");
    insta::assert_snapshot!(dir.read(&["array.json", "unterminated.json", "objects.json"]), @r#"
    array.json:2 Braces } in ] strings " {|2025-10-21T00:00:00+00:00|One [x] {y}.
    array.json:3 ! missing field `date`
    array.json:7 -|2025-10-23T00:00:00+00:00|Three
    array.json:10 ! invalid JSON: invalid type: integer `42`, expected an article object at column 2
    array.json:11 ! invalid JSON: key must be a string at column 40
    array.json:12 -|2025-10-25T00:00:00+00:00|Five
    unterminated.json:1 -|2025-10-21T00:00:00+00:00|ok
    unterminated.json:2 ! invalid JSON: end of file inside the value
    objects.json:1 -|2025-10-21T00:00:00+00:00|lines too
    "#);
}

#[test]
fn several_arrays_and_objects_in_one_json_file() {
    let dir = Dir::new();
    dir.write(
        "mixed.json",
        "\u{feff}[{\"date\":\"2025-10-21\",\"body\":\"a\"}]\n[{\"date\":\"2025-10-22\",\"body\":\"b\"},]\n{\"date\":\"2025-10-23\",\n\"body\":\"c\"}\n}",
    );
    insta::assert_snapshot!(dir.read(&["mixed.json"]), @r"
    mixed.json:1 -|2025-10-21T00:00:00+00:00|a
    mixed.json:2 -|2025-10-22T00:00:00+00:00|b
    mixed.json:3 -|2025-10-23T00:00:00+00:00|c
    mixed.json:5 ! invalid JSON: unexpected `}`
    ");
}

#[test]
fn multi_line_array_element_errors_use_file_lines() {
    let dir = Dir::new();
    dir.write("a.json", "[\n{\"date\": \"2025-10-21\",\n \"body\": \"x\",\n \"title\": nope\n}\n]");
    insta::assert_snapshot!(dir.read(&["a.json"]), @"a.json:2 ! invalid JSON: expected ident at line 4 column 12");
}

#[test]
fn text_and_markdown_files() {
    let dir = Dir::new();
    dir.write("a.txt", "date 2025-10-21\nThe minister said talks would resume.\n");
    dir.write(
        "b.md",
        "---\ntitle: Summit\ndate: 2025-10-22T10:00:00+02:00\nsource: Wire\n---\n\nBody of b.\n",
    );
    dir.write("c.markdown", "Date: Oct. 23, 2025\n\n# Heading C\n\nBody of c.");
    dir.write("d.txt", "No date here.\nJust text.");
    dir.write("e.txt", "Tuesday, October 21, 2025\n   \n");
    insta::assert_snapshot!(dir.read(&["."]), @r"
    a.txt:0 -|2025-10-21T00:00:00+00:00|The minister said talks
    b.md:0 Summit|2025-10-22T10:00:00+02:00|Body of b.
    c.markdown:0 Heading C|2025-10-23T00:00:00+00:00|Body of c.
    d.txt:0 ! no date: put a date on the first line (e.g. `date 2025-10-21`), a `date:` key in front matter, or a date in the file name
    e.txt:0 ! empty body
    ");
}

#[test]
fn directories_are_walked_sorted_skipping_hidden_files_and_listing_unknown_ones() {
    let dir = Dir::new();
    let article = |d: &str| format!("{{\"date\":\"{d}\",\"body\":\"b\"}}\n");
    dir.write("corpus/b.jsonl", article("2025-10-02"));
    dir.write("corpus/a/z.jsonl", article("2025-10-01"));
    dir.write("corpus/c.csv", "date,body\n2025-10-03,b\n");
    dir.write("corpus/.hidden.jsonl", article("2025-10-09"));
    dir.write("corpus/.git/x.jsonl", article("2025-10-09"));
    dir.write("corpus/notes.pdf", "whatever");
    dir.write("corpus/README", "whatever");
    dir.write("corpus/d.jsonl.gz", gzip(article("2025-10-04").as_bytes()));
    dir.write("named.data", article("2025-10-05"));
    let paths = [dir.path().join("corpus"), dir.path().join("named.data"), dir.path().join("corpus/b.jsonl")];
    let corpus = Corpus::open(&paths, ReadOptions::default()).unwrap();
    let files: Vec<String> =
        corpus.files().iter().map(|f| f.strip_prefix(dir.path()).unwrap().display().to_string()).collect();
    assert_eq!(
        files,
        [
            "corpus/README",
            "corpus/a/z.jsonl",
            "corpus/b.jsonl",
            "corpus/c.csv",
            "corpus/d.jsonl.gz",
            "named.data"
        ]
    );
    let on_disk: u64 = corpus.files().iter().map(|f| std::fs::metadata(f).unwrap().len()).sum();
    assert_eq!(corpus.total_bytes(), on_disk);
    let records: Vec<Record> = corpus.collect();
    let dates: Vec<String> =
        records.iter().filter_map(|r| r.article()).map(|a| a.date.format("%d").to_string()).collect();
    assert_eq!(dates, ["01", "02", "03", "04", "05"]);
    // Nothing vanishes: the file of another type is listed as skipped, the
    // file without an extension is read (as text without a date here).
    let rejects: Vec<String> = records
        .iter()
        .filter_map(|r| match r {
            Record::Rejected(reject) => Some(format!(
                "{} {}",
                reject.origin.path.strip_prefix(dir.path()).unwrap().display(),
                reject.error
            )),
            Record::Article { .. } => None,
        })
        .collect();
    assert_eq!(rejects.len(), 2, "{rejects:?}");
    assert!(rejects[0].starts_with("corpus/notes.pdf skipped: `.pdf` is not a corpus format"), "{rejects:?}");
    assert!(rejects[1].starts_with("corpus/README no date"), "{rejects:?}");
}

#[test]
fn missing_named_path_is_an_error() {
    let dir = Dir::new();
    let missing = dir.path().join("missing.jsonl");
    let error = Corpus::open(std::slice::from_ref(&missing), ReadOptions::default()).unwrap_err();
    assert!(matches!(&error, Error::NotFound(p) if *p == missing));
    assert!(error.to_string().ends_with("missing.jsonl: no such file or directory"));
}

#[cfg(unix)]
#[test]
fn broken_symlink_in_a_directory_is_reported_and_reading_goes_on() {
    let dir = Dir::new();
    dir.write("c/a.jsonl", "{\"date\":\"2025-10-21\",\"body\":\"a\"}\n");
    std::os::unix::fs::symlink(dir.path().join("nowhere.jsonl"), dir.path().join("c/b.jsonl")).unwrap();
    let text = dir.read(&["c"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("c/b.jsonl:0 ! read error:"), "{text}");
    assert_eq!(lines[1], "c/a.jsonl:1 -|2025-10-21T00:00:00+00:00|a");
}

#[test]
fn gzip_of_every_format() {
    let dir = Dir::new();
    dir.write_gz("a.jsonl.gz", JSONL);
    dir.write_gz("b.csv.gz", "date,body\n2025-10-21,csv body\n");
    dir.write_gz("c.md.gz", "date 2025-10-21\n# T\nmarkdown body");
    dir.write_gz("d.json.gz", "[{\"date\":\"2025-10-21\",\"body\":\"array body\"}]");
    // Named, with a misleading extension: gzip is detected by its magic bytes.
    dir.write_gz("e.bin", "{\"date\":\"2025-10-21\",\"body\":\"sniffed\"}");
    insta::assert_snapshot!(dir.read(&[".", "e.bin"]), @r"
    a.jsonl.gz:1 One|2025-10-21T00:00:00+00:00|First body.
    a.jsonl.gz:4 Two|2025-10-21T09:30:00-04:00|Second⏎body.
    a.jsonl.gz:5 -|2025-10-21T09:30:00+00:00|Third body.
    b.csv.gz:2 -|2025-10-21T00:00:00+00:00|csv body
    c.md.gz:0 T|2025-10-21T00:00:00+00:00|markdown body
    d.json.gz:1 -|2025-10-21T00:00:00+00:00|array body
    e.bin:1 -|2025-10-21T00:00:00+00:00|sniffed
    ");
}

#[test]
fn truncated_gzip_rejects_at_the_line_reached_then_next_file() {
    let dir = Dir::new();
    let mut data = String::new();
    for n in 0..2000 {
        data.push_str(&format!(
            "{{\"date\":\"2025-10-21\",\"body\":\"article number {n} with some words\"}}\n"
        ));
    }
    let compressed = gzip(data.as_bytes());
    dir.write("a.jsonl.gz", &compressed[..compressed.len() / 2]);
    let mut corrupt = compressed.clone();
    corrupt.truncate(compressed.len() - 8);
    dir.write("b.jsonl.gz", &corrupt);
    dir.write("c.jsonl", "{\"date\":\"2025-10-22\",\"body\":\"next file\"}\n");
    let records = records(&[dir.path().to_path_buf()], ReadOptions::default());
    let rejects: Vec<&Reject> =
        records.iter().filter_map(|r| if let Record::Rejected(r) = r { Some(r) } else { None }).collect();
    assert_eq!(rejects.len(), 2, "{rejects:?}");
    let articles_of = |name: &str| {
        records.iter().filter(|r| r.article().is_some() && r.origin().path.ends_with(name)).count() as u64
    };
    let first = rejects[0];
    assert!(first.origin.path.ends_with("a.jsonl.gz"));
    assert!(
        matches!(&first.error, RecordError::Io(m) if m.starts_with("corrupt or truncated gzip data")),
        "{first}"
    );
    // Every complete line before the break came out, and the reject names the next line.
    assert!(articles_of("a.jsonl.gz") > 100);
    assert_eq!(first.origin.line, articles_of("a.jsonl.gz") + 1);
    // Only the trailer (CRC and size) is missing: all data came out, then the error.
    assert_eq!(articles_of("b.jsonl.gz"), 2000);
    assert!(rejects[1].origin.path.ends_with("b.jsonl.gz"));
    assert_eq!(rejects[1].origin.line, 2001);
    assert_eq!(records.last().unwrap().article().unwrap().body, "next file");
}

#[test]
fn binary_files_are_rejected_whole_when_named() {
    let dir = Dir::new();
    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    dir.write("image.png", &noise);
    dir.write("data.jsonl", &noise);
    dir.write("z.jsonl", "{\"date\":\"2025-10-21\",\"body\":\"fine\"}\n");
    insta::assert_snapshot!(dir.read(&["image.png", "data.jsonl", "z.jsonl"]), @r"
    image.png:0 ! binary data (NUL bytes or control characters)
    data.jsonl:0 ! binary data (NUL bytes or control characters)
    z.jsonl:1 -|2025-10-21T00:00:00+00:00|fine
    ");
}

#[test]
fn derived_ids_are_stable_across_formats() {
    let dir = Dir::new();
    dir.write(
        "a.jsonl",
        "{\"date\":\"2025-10-21\",\"title\":\"T\",\"source\":\"S\",\"body\":\"Same body.\"}\n",
    );
    dir.write("b.csv", "source,title,date,body\nS,T,2025-10-21,Same body.\n");
    dir.write("c.md", "---\nsource: S\ndate: 2025-10-21\n---\n# T\n\nSame body.\n");
    let ids: Vec<String> = records(&[dir.path().to_path_buf()], ReadOptions::default())
        .iter()
        .map(|r| r.article().unwrap().id.to_string())
        .collect();
    let date = date::parse_date("2025-10-21").unwrap();
    let expected = Article::derived_id(Some("S"), &date, Some("T"), "Same body.").to_string();
    assert_eq!(ids, [expected.clone(), expected.clone(), expected]);
}

#[test]
fn rejects_writer_writes_one_json_object_per_line() {
    let dir = Dir::new();
    let input =
        dir.write("in.jsonl", "{\"body\":\"no date\"}\n{\"date\":\"2025-10-21\",\"body\":\"ok\"}\n{bad\n");
    let out = dir.path().join("rejects.jsonl");
    {
        let mut writer = RejectsWriter::create(&out).unwrap();
        for record in Corpus::open(std::slice::from_ref(&input), ReadOptions::default()).unwrap() {
            if let Record::Rejected(reject) = record {
                writer.write(&reject).unwrap();
            }
        }
    }
    let written = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = written.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], input.display().to_string());
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["error"], "missing field `date`");
    assert_eq!(lines[0]["raw"], "{\"body\":\"no date\"}");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["raw"], "{bad");
}

#[test]
fn bytes_read_reaches_total() {
    let dir = Dir::new();
    dir.write("a.jsonl", JSONL);
    dir.write_gz("b.jsonl.gz", JSONL);
    let mut corpus = Corpus::open(&[dir.path().to_path_buf()], ReadOptions::default()).unwrap();
    assert_eq!(corpus.bytes_read(), 0);
    corpus.next().unwrap();
    assert!(corpus.bytes_read() > 0);
    while corpus.next().is_some() {}
    assert_eq!(corpus.bytes_read(), corpus.total_bytes());
}

#[test]
fn pretty_printed_json_objects() {
    let dir = Dir::new();
    dir.write(
        "one.json",
        "{\n  \"date\": \"2025-10-21\",\n  \"title\": \"Pretty\",\n  \"body\": \"One object.\"\n}\n",
    );
    dir.write(
        "many.json",
        "{\n \"date\": \"2025-10-22\", \"body\": \"A\"\n}\n{\n \"date\": \"nope\", \"body\": \"B\"\n}\n\n{\n \"date\": \"2025-10-23\",\n \"body\": \"C\"\n}",
    );
    insta::assert_snapshot!(dir.read(&["one.json", "many.json"]), @r#"
    one.json:1 Pretty|2025-10-21T00:00:00+00:00|One object.
    many.json:1 -|2025-10-22T00:00:00+00:00|A
    many.json:4 ! unparseable date "nope"
    many.json:8 -|2025-10-23T00:00:00+00:00|C
    "#);
}

#[test]
fn corpus_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<Corpus>();
    assert_send::<Record>();
    assert_send::<RejectsWriter>();
}

#[test]
fn json_array_element_longer_than_the_limit() {
    let dir = Dir::new();
    let long = "w".repeat(3000);
    dir.write(
        "a.json",
        format!(
            "[{{\"date\":\"2025-10-21\",\"body\":\"a\"}},\n{{\"date\":\"2025-10-21\",\"body\":\"{long}\"}},\n{{\"date\":\"2025-10-22\",\"body\":\"c\"}}]"
        ),
    );
    insta::assert_snapshot!(dir.read_with(&["a.json"], ReadOptions { max_record_bytes: 500, ..ReadOptions::default() }), @r"
    a.json:1 -|2025-10-21T00:00:00+00:00|a
    a.json:2 ! record of 3031 bytes is longer than the limit of 500 bytes
    a.json:3 -|2025-10-22T00:00:00+00:00|c
    ");
}

#[test]
fn text_file_limits_and_encoding() {
    let dir = Dir::new();
    dir.write("big.txt", format!("date 2025-10-21\n{}", "v".repeat(5000)));
    dir.write("latin1.txt", b"date 2025-10-21\ncaf\xe9\n");
    dir.write("empty.md", "");
    dir.write("ok.txt", "2025-10-21\nfine");
    insta::assert_snapshot!(dir.read_with(&["."], ReadOptions { max_record_bytes: 1000, ..ReadOptions::default() }), @r"
    big.txt:0 ! record of 5016 bytes is longer than the limit of 1000 bytes
    empty.md:0 ! empty body
    latin1.txt:0 ! invalid UTF-8 at byte 19
    ok.txt:0 -|2025-10-21T00:00:00+00:00|fine
    ");
}

#[test]
fn invalid_utf8_offset_is_within_the_line() {
    let dir = Dir::new();
    dir.write("u.jsonl", b"   {\"date\":\"2025-10-21\",\"body\":\"\xc3\x28\"}\n");
    insta::assert_snapshot!(dir.read(&["u.jsonl"]), @"u.jsonl:1 ! invalid UTF-8 at byte 32");
}

/// A small deterministic generator, so that failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Garbage lines of many kinds between good ones: every good line comes out,
/// in order, and every garbage line is one reject on its own line number.
#[test]
fn garbage_between_good_jsonl_lines_loses_nothing() {
    let fragments: &[&[u8]] = &[
        b"{\"date\":\"2025-10-21\",\"body\":\"unterminated",
        b"{\"date\":",
        b"]]]",
        b"\"just a string\"",
        b"{\"date\":\"2025-10-21\",\"body\":\"\\",
        b"{\"body\":\"x\",\"date\":[]}",
        b"\x00\x01\x02",
        b"\xff\xfe",
        b"{\"date\":\"2025-10-21\",\"body\":\"x\",}",
        b"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
    ];
    let mut rng = Lcg(7);
    let mut data = Vec::new();
    let mut expected_good = Vec::new();
    let mut expected_bad_lines = Vec::new();
    let mut line = 0u64;
    for n in 0..400 {
        if rng.below(3) == 0 {
            let mut garbage = fragments[rng.below(fragments.len())].to_vec();
            for _ in 0..rng.below(20) {
                garbage.push(match rng.below(256) as u8 {
                    b'\n' => b'n',
                    byte => byte,
                });
            }
            data.extend_from_slice(&garbage);
            data.push(b'\n');
            line += 1;
            expected_bad_lines.push(line);
        }
        let body = format!("good article {n} with \\\"quotes\\\" and \\u00e9");
        data.extend_from_slice(format!("{{\"date\":\"2025-10-21\",\"body\":\"{body}\"}}\n").as_bytes());
        line += 1;
        expected_good.push((line, format!("good article {n} with \"quotes\" and é")));
    }
    let dir = Dir::new();
    let path = dir.write("fuzz.jsonl", &data);
    let records = records(&[path], ReadOptions::default());
    let good: Vec<(u64, String)> =
        records.iter().filter_map(|r| r.article().map(|a| (r.origin().line, a.body.clone()))).collect();
    let bad: Vec<u64> = records.iter().filter(|r| r.article().is_none()).map(|r| r.origin().line).collect();
    assert_eq!(good, expected_good);
    assert_eq!(bad, expected_bad_lines);
}

/// Random byte damage to files of every format never panics or hangs, and the
/// stream always goes on to the next file.
#[test]
fn damaged_files_never_stop_the_stream() {
    let csv = "id,date,title,body\n1,2025-10-21,\"T, t\",\"multi\nline\"\n2,2025-10-22,T,plain\n";
    let array =
        "[{\"date\":\"2025-10-21\",\"body\":\"a [ { \\\" \"},\n {\"date\":\"2025-10-22\",\"body\":\"b\"}]";
    let markdown = "---\ndate: 2025-10-21\ntitle: x\n---\n# T\nbody";
    let originals: Vec<(&str, Vec<u8>)> = vec![
        ("a.jsonl", JSONL.as_bytes().to_vec()),
        ("b.csv", csv.as_bytes().to_vec()),
        ("c.json", array.as_bytes().to_vec()),
        ("d.md", markdown.as_bytes().to_vec()),
        ("e.jsonl.gz", gzip(JSONL.as_bytes())),
        ("f.csv.gz", gzip(csv.as_bytes())),
    ];
    let mut rng = Lcg(11);
    for round in 0..150 {
        let dir = Dir::new();
        for (name, original) in &originals {
            let mut damaged = original.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(damaged.len());
                match rng.below(3) {
                    0 => damaged[at] = rng.below(256) as u8,
                    1 => damaged.truncate(at),
                    _ => damaged.insert(at, [b'"', b'{', b'[', b'\n', b',', 0][rng.below(6)]),
                }
                if damaged.is_empty() {
                    break;
                }
            }
            dir.write(name, &damaged);
        }
        dir.write("z.jsonl", "{\"date\":\"2025-10-21\",\"body\":\"sentinel\"}\n");
        let records = records(
            &[dir.path().to_path_buf()],
            ReadOptions { max_record_bytes: 4096, ..ReadOptions::default() },
        );
        let last = records.last().and_then(Record::article).map(|a| a.body.as_str());
        assert_eq!(last, Some("sentinel"), "round {round}");
        for record in &records {
            if let Record::Rejected(reject) = record {
                assert!(!reject.to_string().is_empty());
            }
        }
    }
}

#[test]
fn gzip_members_and_misnamed_gzip() {
    let dir = Dir::new();
    let mut members = gzip(b"{\"date\":\"2025-10-21\",\"body\":\"first member\"}\n");
    members.extend(gzip(b"{\"date\":\"2025-10-22\",\"body\":\"second member\"}\n"));
    dir.write("members.jsonl.gz", members);
    // Named .gz but not compressed: read as what it is.
    dir.write("plain.jsonl.gz", "{\"date\":\"2025-10-23\",\"body\":\"not compressed\"}\n");
    insta::assert_snapshot!(dir.read(&["."]), @r"
    members.jsonl.gz:1 -|2025-10-21T00:00:00+00:00|first member
    members.jsonl.gz:2 -|2025-10-22T00:00:00+00:00|second member
    plain.jsonl.gz:1 -|2025-10-23T00:00:00+00:00|not compressed
    ");
}

#[test]
fn file_vanishing_after_open_is_a_reject_and_reading_goes_on() {
    let dir = Dir::new();
    let gone = dir.write("a.jsonl", "{\"date\":\"2025-10-21\",\"body\":\"a\"}\n");
    dir.write("b.jsonl", "{\"date\":\"2025-10-22\",\"body\":\"b\"}\n");
    let corpus = Corpus::open(&[dir.path().to_path_buf()], ReadOptions::default()).unwrap();
    std::fs::remove_file(&gone).unwrap();
    let summary: Vec<String> = corpus.map(|r| summarize(&r, dir.path())).collect();
    assert_eq!(summary.len(), 2, "{summary:?}");
    assert!(summary[0].starts_with("a.jsonl:0 ! read error: "), "{summary:?}");
    assert_eq!(summary[1], "b.jsonl:1 -|2025-10-22T00:00:00+00:00|b");
}
