//! Running a subprocess while watching its peak resident memory.

use anyhow::{Context, Result};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Measured {
    pub status: ExitStatus,
    pub wall: Duration,
    /// Peak resident set size in bytes (`VmHWM`), when /proc could be read.
    pub peak_rss: Option<u64>,
    pub stderr: String,
}

/// Runs `command` to completion, timing it and polling `/proc/<pid>/status`.
///
/// `VmHWM` is the kernel's own high-water mark, so polling only has to read it
/// late enough, not at the peak itself; the last read before exit can miss at
/// most one poll interval of growth.
pub fn run_measured(command: &mut Command) -> Result<Measured> {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {command:?}"))?;
    let status_path = format!("/proc/{}/status", child.id());
    // Drain stderr on a thread so a chatty child never blocks on a full pipe.
    let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr_pipe, &mut text);
        text
    });
    let mut peak_rss = None;
    let status = loop {
        if let Some(hwm) = read_vm_hwm(&status_path) {
            peak_rss = Some(peak_rss.map_or(hwm, |p: u64| p.max(hwm)));
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let wall = started.elapsed();
    let stderr = stderr_reader.join().unwrap_or_default();
    Ok(Measured { status, wall, peak_rss, stderr })
}

fn read_vm_hwm(status_path: &str) -> Option<u64> {
    let status = std::fs::read_to_string(status_path).ok()?;
    parse_vm_hwm(&status)
}

/// `VmHWM: 123456 kB` -> bytes.
fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_status() {
        let status = "Name:\tx\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1000 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(2048 * 1024));
        assert_eq!(parse_vm_hwm("Name:\tx\n"), None);
    }
}
