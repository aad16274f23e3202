use crate::{ActorId, DateWindow, Evidence, Topic};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    /// Reported done within the window.
    Kept,
    /// Not done in time, on the evidence: a later statement says it is still
    /// to come, or takes it back, or reports it done, after the window closed.
    Broken,
    /// The window passed (slack included) and nothing later says what became
    /// of it: late as far as the corpus knows, not shown broken.
    Overdue,
    /// Taken back by the actor or a proxy.
    Withdrawn,
    /// Restated, possibly with a new window.
    Renewed,
    /// Still open as of the corpus's last date.
    Pending,
}

/// A commitment with a deadline window, and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentEntry {
    pub actor: ActorId,
    pub topic: Topic,
    pub opened: Evidence,
    pub due: DateWindow,
    pub status: CommitmentStatus,
    /// The statement that settled the status, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_by: Option<Evidence>,
    /// Date the status holds as of (the corpus's last date for pending ones).
    pub as_of: NaiveDate,
}
