//! Helpers to run the built binary in a temp dir.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_stanceshift"))
}

/// Root of the repository, for the bundled sample corpus under `data/`.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct TestDir {
    pub dir: tempfile::TempDir,
}

impl TestDir {
    pub fn new() -> TestDir {
        TestDir { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Run the binary with `args` in this directory, `input` on its standard
    /// input (written from another thread, so a large input cannot deadlock
    /// against a full stdout pipe).
    pub fn run_with_stdin(&self, args: &[&str], input: impl Into<Vec<u8>>) -> Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = Command::new(bin())
            .args(args)
            .current_dir(self.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run stanceshift");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.into();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().expect("wait for stanceshift");
        writer.join().expect("stdin writer").expect("write stdin");
        out
    }

    /// Run the binary with `args` in this directory.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(bin()).args(args).current_dir(self.path()).output().expect("run stanceshift")
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
