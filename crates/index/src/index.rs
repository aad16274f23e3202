use std::path::{Path, PathBuf};

use tantivy::{IndexReader, ReloadPolicy};

use crate::checkpoint::{self, Checkpoint};
use crate::error::{Error, OrEngine, Result};
use crate::schema::{build_schema, Fields};
use crate::search::Searcher;
use crate::writer::{Writer, WriterOptions};

/// An index directory holding articles and their statements.
///
/// Opening never takes the writer lock, so any number of readers can search
/// while one [`Writer`] (in this or another process) is indexing; they see
/// the last commit.
pub struct Index {
    dir: PathBuf,
    inner: tantivy::Index,
    fields: Fields,
    reader: IndexReader,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Index {
    /// Opens the index in `dir`, creating the directory and an empty index
    /// when there is none yet.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if is_index(dir) {
            return Index::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let inner = tantivy::Index::create_in_dir(dir, build_schema()).or_engine()?;
        Index::from_tantivy(dir, inner)
    }

    /// Opens an existing index for reading (and, through [`Index::writer`],
    /// writing). Fails with [`Error::NotFound`] when `dir` holds no index and
    /// with [`Error::Incompatible`] when another version wrote it.
    pub fn open(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if !is_index(dir) {
            return Err(Error::NotFound(dir.to_path_buf()));
        }
        let directory = tantivy::directory::MmapDirectory::open(dir).or_engine()?;
        let inner = tantivy::Index::open(ReadableDirectory(directory)).or_engine()?;
        Index::from_tantivy(dir, inner)
    }

    fn from_tantivy(dir: &Path, inner: tantivy::Index) -> Result<Index> {
        let fields = Fields::resolve(&inner.schema(), dir)?;
        let reader = inner.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().or_engine()?;
        Ok(Index { dir: dir.to_path_buf(), inner, fields, reader })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Takes the writer lock. Fails with [`Error::Locked`] while another
    /// writer holds it. The lock is an OS file lock, so a killed job never
    /// leaves a stale lock behind.
    pub fn writer(&self, options: WriterOptions) -> Result<Writer> {
        Writer::new(self.inner.clone(), self.fields, &self.dir, options)
    }

    /// The checkpoint saved with the last commit, if the last commit carried one.
    pub fn last_checkpoint(&self) -> Result<Option<Checkpoint>> {
        let metas = self.inner.load_metas().or_engine()?;
        Ok(metas.payload.as_deref().and_then(checkpoint::from_payload))
    }

    /// A searcher over the last commit. Cheap; keep it for a batch of queries
    /// and ask for a new one to see later commits.
    pub fn searcher(&self) -> Result<Searcher> {
        self.reader.reload().or_engine()?;
        Searcher::new(&self.inner, self.fields, self.reader.searcher())
    }
}

/// Whether `dir` holds an index (tantivy's `meta.json` is written at creation).
pub fn is_index(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// The index directory as readers need it: where the lock that guards reading
/// `meta.json` cannot be taken because the directory is not writable for us (a
/// read-only mount, another user's index), reading goes on without it. The
/// writer's lock is never bypassed.
#[derive(Debug, Clone)]
struct ReadableDirectory(tantivy::directory::MmapDirectory);

mod readable {
    use super::ReadableDirectory;
    use std::path::Path;
    use std::sync::Arc;
    use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
    use tantivy::directory::{
        Directory, DirectoryLock, FileHandle, Lock, WatchCallback, WatchHandle, WritePtr,
    };

    impl Directory for ReadableDirectory {
        fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
            self.0.get_file_handle(path)
        }
        fn delete(&self, path: &Path) -> Result<(), DeleteError> {
            self.0.delete(path)
        }
        fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
            self.0.exists(path)
        }
        fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
            self.0.open_write(path)
        }
        fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
            self.0.atomic_read(path)
        }
        fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
            self.0.atomic_write(path, data)
        }
        fn sync_directory(&self) -> std::io::Result<()> {
            self.0.sync_directory()
        }
        fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
            match self.0.acquire_lock(lock) {
                Err(LockError::IoError(_)) if lock.filepath == tantivy::directory::META_LOCK.filepath => {
                    Ok(DirectoryLock::from(Box::new(())))
                }
                other => other,
            }
        }
        fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
            self.0.watch(watch_callback)
        }
    }
}
