use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something an analysis noticed but worked around. Analyses never fail on
/// messy text; they return diagnostics beside their results instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, message: message.into(), span }
    }

    pub fn info(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic { severity: Severity::Info, message: message.into(), span }
    }
}
