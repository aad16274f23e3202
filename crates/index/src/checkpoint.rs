//! Job progress saved in the commit payload, so that what the index holds and
//! how far the job got are written in the same atomic step.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Version of the payload layout; a payload of another version is ignored
/// (the job then simply starts over, which upserts make safe).
const PAYLOAD_FORMAT: u32 = 1;

/// How far an indexing job got, as of one commit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Files whose every record is in the index.
    pub files_done: Vec<FileStamp>,
    /// The file being read at commit time and how many of its records
    /// (articles and rejects) were handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<FileProgress>,
    /// Running totals of the job.
    pub counts: Counts,
    /// Analyzer version the job ran with (0: `--no-analyze`).
    pub analyzer_version: u32,
    /// True once the job read all its input; a later run starts from scratch
    /// (and finds everything unchanged) instead of resuming.
    pub complete: bool,
    /// The rejects file as of this commit: a resumed job cuts it back to this
    /// length, dropping what the killed job wrote after its last commit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejects: Option<RejectsMark>,
}

/// A rejects file and how many bytes of it belong to committed records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectsMark {
    pub path: PathBuf,
    pub bytes: u64,
}

/// Identity of an input file (by its canonical path, as the job stores it): a
/// file is only skipped on resume when its size and modification time still match.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 if unknown).
    pub modified_ns: i64,
}

impl FileStamp {
    /// Stamps `path` as it is on disk now.
    pub fn of(path: &Path) -> std::io::Result<FileStamp> {
        let meta = std::fs::metadata(path)?;
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Ok(FileStamp { path: path.to_path_buf(), size: meta.len(), modified_ns })
    }

    /// True when the file at this path still has the same size and mtime.
    pub fn is_unchanged(&self) -> bool {
        FileStamp::of(&self.path).is_ok_and(|now| now == *self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileProgress {
    pub file: FileStamp,
    /// Records of this file handled (in reading order).
    pub records: u64,
    /// Bytes of this file handled.
    pub bytes: u64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
}

#[derive(Serialize, Deserialize)]
struct Payload {
    format: u32,
    checkpoint: Checkpoint,
}

pub(crate) fn to_payload(checkpoint: &Checkpoint) -> String {
    let payload = Payload { format: PAYLOAD_FORMAT, checkpoint: checkpoint.clone() };
    serde_json::to_string(&payload).expect("a checkpoint always serializes")
}

pub(crate) fn from_payload(payload: &str) -> Option<Checkpoint> {
    let payload: Payload = serde_json::from_str(payload).ok()?;
    (payload.format == PAYLOAD_FORMAT).then_some(payload.checkpoint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips_and_ignores_foreign_payloads() {
        let checkpoint = Checkpoint {
            files_done: vec![FileStamp { path: "a.jsonl".into(), size: 10, modified_ns: 5 }],
            current: Some(FileProgress {
                file: FileStamp { path: "b.jsonl".into(), size: 20, modified_ns: 6 },
                records: 3,
                bytes: 12,
            }),
            counts: Counts { added: 4, updated: 0, unchanged: 1, rejected: 1 },
            analyzer_version: 2,
            complete: false,
            rejects: Some(RejectsMark { path: "rejects.jsonl".into(), bytes: 120 }),
        };
        assert_eq!(from_payload(&to_payload(&checkpoint)), Some(checkpoint));
        assert_eq!(from_payload("not json"), None);
        assert_eq!(from_payload(r#"{"format":99,"checkpoint":{}}"#), None);
    }

    #[test]
    fn stamps_notice_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        std::fs::write(&path, "one").unwrap();
        let stamp = FileStamp::of(&path).unwrap();
        assert!(stamp.is_unchanged());
        std::fs::write(&path, "one more").unwrap();
        assert!(!stamp.is_unchanged());
    }
}
