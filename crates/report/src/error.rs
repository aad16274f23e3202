/// Errors of the report crate. Rendering itself cannot fail (it is a pure
/// function of its input); only choosing a format from user input can.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("unknown report format {0:?}; expected md, html or json")]
    UnknownFormat(String),
    #[error("cannot tell the report format from {0:?}; give the format explicitly (md, html or json)")]
    NoFormatForPath(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
