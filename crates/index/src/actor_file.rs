//! The actor file an index was built with, recorded in the index directory so
//! that queries and incremental re-runs use the same actors without being
//! told again.
//!
//! - `actors.toml`: a byte-for-byte copy of the actor file the last indexing
//!   run analyzed with. Byte-for-byte, not with a header line naming its
//!   origin: the analyzer version stored with each article includes a
//!   fingerprint of these bytes, so the copy must fingerprint exactly as the
//!   original did, and `--actors INDEX/actors.toml` must read as the same
//!   file rather than as a changed one.
//! - `actors.source`: one line, the absolute path the copy was made from. It
//!   is only ever shown to people (which file the index was built with);
//!   nothing is decided on it, so it is written before the copy and a crash
//!   between the two can at worst name the wrong origin.
//!
//! Both are written atomically (a complete temporary file, synced, renamed
//! over the old one). A sharded index directory holds the copy of its
//! current generation's shards, placed there by `shards publish`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::shards::{is_sharded, Manifest};

/// The recorded copy of the actor file, in an index directory.
pub const ACTOR_FILE: &str = "actors.toml";
/// Where the recorded copy was made from (informational).
pub const ACTOR_SOURCE: &str = "actors.source";

/// An actor file recorded in an index directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedActors {
    /// The file's bytes, exactly as they were read when the index was built.
    pub bytes: Vec<u8>,
    /// The recorded copy.
    pub path: PathBuf,
    /// The file the copy was made from, when known.
    pub source: Option<PathBuf>,
}

/// What an index directory says about the actor file it was built with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorRecord {
    /// The recorded actor file; `None` when the index was built without one
    /// (or by a version that recorded none).
    pub actors: Option<RecordedActors>,
    /// Sharded indexes only: the directory's own copy, when it is not what
    /// the current generation's shards recorded (a `shards publish`
    /// interrupted or under way); `actors` is then the shards' record.
    pub stale_copy: Option<PathBuf>,
}

/// The actor file recorded in the index directory `dir`, plain or sharded.
///
/// For a sharded index the directory's copy is checked against the one the
/// first shard of the current manifest recorded, which is what the
/// generation's statements were attributed with; when they differ, the
/// shard's record wins and [`ActorRecord::stale_copy`] names the directory's.
pub fn recorded_actors(dir: &Path) -> Result<ActorRecord> {
    let copy = read_recorded(dir)?;
    if !is_sharded(dir) {
        return Ok(ActorRecord { actors: copy, stale_copy: None });
    }
    let manifest = Manifest::read(dir)?;
    let Some(first) = manifest.shards.first() else {
        return Ok(ActorRecord { actors: copy, stale_copy: None });
    };
    let shards = read_recorded(&dir.join(first))?;
    let bytes = |r: &Option<RecordedActors>| r.as_ref().map(|r| r.bytes.clone());
    if bytes(&copy) == bytes(&shards) {
        return Ok(ActorRecord { actors: copy, stale_copy: None });
    }
    let stale_copy = Some(dir.join(ACTOR_FILE));
    Ok(ActorRecord { actors: shards, stale_copy })
}

/// The copy in `dir` itself, without looking at shards.
fn read_recorded(dir: &Path) -> Result<Option<RecordedActors>> {
    let path = dir.join(ACTOR_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path, source }),
    };
    let source = std::fs::read_to_string(dir.join(ACTOR_SOURCE))
        .ok()
        .map(|s| PathBuf::from(s.trim_end_matches(['\n', '\r'])))
        .filter(|p| !p.as_os_str().is_empty());
    Ok(Some(RecordedActors { bytes, path, source }))
}

/// Records `bytes`, read from `source`, as the actor file of the index in `dir`.
pub fn record_actors(dir: &Path, bytes: &[u8], source: &Path) -> Result<()> {
    let mut line = source.as_os_str().as_encoded_bytes().to_vec();
    line.push(b'\n');
    write_atomic(dir, ACTOR_SOURCE, &line)?;
    write_atomic(dir, ACTOR_FILE, bytes)
}

/// Removes the recorded actor file of the index in `dir`, if any.
pub fn forget_actors(dir: &Path) -> Result<()> {
    for name in [ACTOR_FILE, ACTOR_SOURCE] {
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::Io { path, source: e }),
            _ => {}
        }
    }
    sync_dir(dir);
    Ok(())
}

/// Writes `dir/name` atomically: a complete temporary file, synced, then
/// renamed over the old one.
pub(crate) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .map_err(io(&tmp));
    if let Err(err) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(err);
    }
    let path = dir.join(name);
    std::fs::rename(&tmp, &path).map_err(io(&path))?;
    sync_dir(dir);
    Ok(())
}

/// Makes a rename or removal in `dir` durable. Best effort.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_reads_back_and_forgets() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(recorded_actors(dir.path()).unwrap(), ActorRecord::default());
        record_actors(dir.path(), b"[[actor]]\nname = \"A\"\n", Path::new("/src/actors.toml")).unwrap();
        let record = recorded_actors(dir.path()).unwrap();
        assert_eq!(record.stale_copy, None);
        let recorded = record.actors.unwrap();
        assert_eq!(recorded.bytes, b"[[actor]]\nname = \"A\"\n");
        assert_eq!(recorded.path, dir.path().join(ACTOR_FILE));
        assert_eq!(recorded.source.as_deref(), Some(Path::new("/src/actors.toml")));
        // No temporary file is left behind.
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [ACTOR_SOURCE, ACTOR_FILE]);
        forget_actors(dir.path()).unwrap();
        assert_eq!(recorded_actors(dir.path()).unwrap(), ActorRecord::default());
        forget_actors(dir.path()).unwrap();
    }

    #[test]
    fn a_sharded_index_answers_with_its_shards_record_when_its_copy_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let part = dir.path().join("gen-1/part-0");
        std::fs::create_dir_all(&part).unwrap();
        let manifest = Manifest { generation: 1, analyzer_version: 1, shards: vec!["gen-1/part-0".into()] };
        manifest.write(dir.path()).unwrap();
        // Neither recorded one.
        assert_eq!(recorded_actors(dir.path()).unwrap(), ActorRecord::default());
        record_actors(&part, b"new", Path::new("/new.toml")).unwrap();
        record_actors(dir.path(), b"old", Path::new("/old.toml")).unwrap();
        let record = recorded_actors(dir.path()).unwrap();
        assert_eq!(record.stale_copy, Some(dir.path().join(ACTOR_FILE)));
        let recorded = record.actors.unwrap();
        assert_eq!((recorded.bytes.as_slice(), recorded.path), (&b"new"[..], part.join(ACTOR_FILE)));
        // Once published, the directory's own copy.
        record_actors(dir.path(), b"new", Path::new("/new.toml")).unwrap();
        let record = recorded_actors(dir.path()).unwrap();
        assert_eq!((record.actors.unwrap().path, record.stale_copy), (dir.path().join(ACTOR_FILE), None));
        // Shards that recorded none, under a stale copy: no actor file.
        forget_actors(&part).unwrap();
        let record = recorded_actors(dir.path()).unwrap();
        assert_eq!((record.actors, record.stale_copy), (None, Some(dir.path().join(ACTOR_FILE))));
    }
}
