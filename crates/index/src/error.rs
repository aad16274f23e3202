use std::path::PathBuf;

/// Everything that can go wrong opening, writing or searching an index.
///
/// Engine errors are boxed so no tantivy type leaks into this crate's API.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The directory holds no index (no `meta.json`).
    #[error("no index at {} (create one with `stanceshift index CORPUS --index {}`)", .0.display(), .0.display())]
    NotFound(PathBuf),
    /// Another writer (in this or another process) holds the index's writer lock.
    #[error("index is locked by another job (lock file {})", .0.display())]
    Locked(PathBuf),
    /// The index was written with a different schema than this version uses.
    #[error("index at {} was written by an incompatible version of stanceshift ({detail}); re-index with --rebuild", .path.display())]
    Incompatible { path: PathBuf, detail: String },
    /// The query text does not parse.
    #[error("bad query {query:?}: {message}")]
    Query { query: String, message: String },
    /// A stored document could not be decoded (a bug, or a damaged index).
    #[error("corrupt stored document: {0}")]
    Corrupt(String),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A sharded index's manifest is missing, unreadable or inconsistent.
    #[error("sharded index {}: {detail}", .path.display())]
    Manifest { path: PathBuf, detail: String },
    /// An error from the search engine underneath.
    #[error("index engine: {0}")]
    Engine(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Converts engine errors at the call site (`.or_engine()?`) instead of through
/// a public `From` impl, which would put tantivy types in this crate's API.
pub(crate) trait OrEngine<T> {
    fn or_engine(self) -> Result<T>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> OrEngine<T> for std::result::Result<T, E> {
    fn or_engine(self) -> Result<T> {
        self.map_err(|err| Error::Engine(Box::new(err)))
    }
}
