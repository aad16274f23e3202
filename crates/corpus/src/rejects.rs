//! A JSON Lines log of rejected records, one `{"file","line","error","raw"}` object per line.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Reject, Result};

pub struct RejectsWriter {
    out: Box<dyn Write + Send>,
    /// Shown in errors; `None` for writers that are not files.
    path: Option<PathBuf>,
}

#[derive(Serialize)]
struct RejectLine<'a> {
    file: String,
    line: u64,
    error: String,
    raw: &'a str,
}

impl RejectsWriter {
    /// Creates (or truncates) the rejects file.
    pub fn create(path: impl AsRef<Path>) -> Result<RejectsWriter> {
        let path = path.as_ref();
        let file = File::create(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        Ok(RejectsWriter { out: Box::new(BufWriter::new(file)), path: Some(path.to_path_buf()) })
    }

    /// Writes to any writer (a `Vec<u8>`, stderr...).
    pub fn new(out: impl Write + Send + 'static) -> RejectsWriter {
        RejectsWriter { out: Box::new(out), path: None }
    }

    pub fn write(&mut self, reject: &Reject) -> Result<()> {
        let line = RejectLine {
            file: reject.origin.path.display().to_string(),
            line: reject.origin.line,
            error: reject.error.to_string(),
            raw: &reject.raw,
        };
        serde_json::to_writer(&mut self.out, &line).map_err(|e| self.error(e.into()))?;
        self.out.write_all(b"\n").map_err(|e| self.error(e))
    }

    pub fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| self.error(e))
    }

    fn error(&self, source: io::Error) -> Error {
        Error::Io { path: self.path.clone().unwrap_or_else(|| PathBuf::from("<rejects>")), source }
    }
}

impl Drop for RejectsWriter {
    fn drop(&mut self) {
        // Errors cannot be reported from drop; call `flush` to see them.
        let _ = self.out.flush();
    }
}
