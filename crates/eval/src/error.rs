#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {path}: {source}")]
    Io { path: std::path::PathBuf, source: std::io::Error },
    #[error("{path}: {message}")]
    Format { path: std::path::PathBuf, message: String },
    #[error("no gold files found under {0}")]
    NoGold(std::path::PathBuf),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
