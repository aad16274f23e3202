//! Render the test fixture (Trump and Putin, hand-written analyses) in every
//! format, to look at the output without an index:
//! `cargo run -p stanceshift-report --example fixture_report -- OUT_DIR`.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use stanceshift_report::{render, Format};

fn main() -> std::io::Result<()> {
    let out = std::env::args_os().nth(1).map(std::path::PathBuf::from).unwrap_or_else(|| ".".into());
    std::fs::create_dir_all(&out)?;
    let analyses = [fixture::trump(), fixture::putin()];
    for format in Format::ALL {
        let path = out.join(format!("fixture-report.{}", format.extension()));
        std::fs::write(&path, render(format, &analyses, &fixture::meta()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
