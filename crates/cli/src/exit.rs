//! Exit codes, documented in the README. grep's convention: 0 when something
//! was found or done, 1 when a search or analysis found nothing, 2 on error.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The job ran; for `search`/`statements`/`analyze`, something was found.
    Success,
    /// The job ran and found nothing (no hits, no statements, no shifts).
    NothingFound,
    /// Bad arguments, unreadable input, a locked index, or a bad record under `--strict`.
    Error,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Success => ExitCode::SUCCESS,
            Status::NothingFound => ExitCode::from(1),
            Status::Error => ExitCode::from(2),
        }
    }
}

impl Status {
    pub fn found(found: bool) -> Status {
        if found {
            Status::Success
        } else {
            Status::NothingFound
        }
    }
}
