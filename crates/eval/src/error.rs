#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {path}: {source}")]
    Io { path: std::path::PathBuf, source: std::io::Error },
    #[error("{path}: {message}")]
    Format { path: std::path::PathBuf, message: String },
    #[error("no gold files found under {0}")]
    NoGold(std::path::PathBuf),
    #[error("none of the corpora the gold points into is under {0}")]
    NoCorpus(std::path::PathBuf),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether the error only says that third-party data is absent (a task to skip, not a failure).
    pub fn is_missing_data(&self) -> bool {
        matches!(self, Error::NoGold(_) | Error::NoCorpus(_))
    }
}
