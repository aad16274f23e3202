/// Errors of the analyzer. Analyses of text never fail (they return
/// diagnostics); only loading user files such as `actors.toml` can.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {path}: {source}")]
    Io { path: std::path::PathBuf, source: std::io::Error },
    #[error("parsing actor file {path}: {message}")]
    ActorFile { path: std::path::PathBuf, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
