//! Layered configuration: config file, then command-line overrides, resolved
//! into one `Settings` value that is passed to each command by value.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::args::{ColorArg, GlobalArgs};
use crate::terminal::Color;

pub const DEFAULT_CONFIG: &str = "stanceshift.toml";
pub const DEFAULT_INDEX: &str = "stanceshift-index";

/// The config file as written; every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    index: Option<PathBuf>,
    actors: Option<PathBuf>,
}

/// Resolved settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub index: PathBuf,
    /// Where `index` came from: `demo` writes its own index unless told one.
    pub index_origin: IndexOrigin,
    pub actors: Actors,
    pub quiet: bool,
    pub color: Color,
}

/// Which actor file the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Actors {
    /// Neither `--actors`, `--no-actors` nor `actors` in the config file:
    /// commands on an index use the actor file recorded in it, if any.
    #[default]
    Unset,
    /// `--actors FILE`, else `actors = "FILE"` in the config file.
    File(PathBuf),
    /// `--no-actors`: the built-in actors only.
    BuiltinOnly,
}

impl Actors {
    /// The file asked for, if any.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Actors::File(path) => Some(path),
            Actors::Unset | Actors::BuiltinOnly => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexOrigin {
    /// `--index DIR`.
    Flag,
    /// `index = "DIR"` in the config file.
    ConfigFile,
    /// Neither: ./stanceshift-index.
    Default,
}

impl Settings {
    pub fn resolve(global: &GlobalArgs) -> Result<Settings> {
        let (file, base) = match &global.config {
            Some(path) => (read_config(path)?, path.parent().map(Path::to_path_buf)),
            None if Path::new(DEFAULT_CONFIG).is_file() => (read_config(Path::new(DEFAULT_CONFIG))?, None),
            None => (FileConfig::default(), None),
        };
        // Paths in a config file are relative to the file, not to the working directory.
        let rebase = |p: PathBuf| match &base {
            Some(dir) if p.is_relative() && !dir.as_os_str().is_empty() => dir.join(p),
            _ => p,
        };
        let (index, index_origin) = match (global.index.clone(), file.index) {
            (Some(flag), _) => (flag, IndexOrigin::Flag),
            (None, Some(configured)) => (rebase(configured), IndexOrigin::ConfigFile),
            (None, None) => (PathBuf::from(DEFAULT_INDEX), IndexOrigin::Default),
        };
        Ok(Settings {
            index,
            index_origin,
            actors: match global.actors.clone().or_else(|| file.actors.map(rebase)) {
                _ if global.no_actors => Actors::BuiltinOnly,
                Some(path) => Actors::File(path),
                None => Actors::Unset,
            },
            quiet: global.quiet,
            color: color(
                global.color,
                std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
                std::io::IsTerminal::is_terminal(&std::io::stdout()),
            ),
        })
    }
}

/// `--color`, then NO_COLOR (any non-empty value, no-color.org), then
/// whether standard output is a terminal.
fn color(flag: ColorArg, no_color: bool, terminal: bool) -> Color {
    match flag {
        ColorArg::Always => Color::Ansi,
        ColorArg::Never => Color::Plain,
        ColorArg::Auto if no_color || !terminal => Color::Plain,
        ColorArg::Auto => Color::Ansi,
    }
}

fn read_config(path: &Path) -> Result<FileConfig> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading config {}", path.display()))?;
    parse_config(&text).with_context(|| format!("parsing config {}", path.display()))
}

fn parse_config(text: &str) -> Result<FileConfig> {
    Ok(toml::from_str(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_overrides_file() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("s.toml");
        std::fs::write(&cfg, "index = \"idx\"\nactors = \"actors.toml\"\n").unwrap();
        let global = GlobalArgs { config: Some(cfg.clone()), ..Default::default() };
        let s = Settings::resolve(&global).unwrap();
        assert_eq!(s.index, dir.path().join("idx"));
        assert_eq!(s.index_origin, IndexOrigin::ConfigFile);
        assert_eq!(s.actors, Actors::File(dir.path().join("actors.toml")));
        let global =
            GlobalArgs { config: Some(cfg.clone()), index: Some("other".into()), ..Default::default() };
        assert_eq!(Settings::resolve(&global).unwrap().index, PathBuf::from("other"));
        // --no-actors overrides the config file's actor file too.
        let global = GlobalArgs { config: Some(cfg), no_actors: true, ..Default::default() };
        assert_eq!(Settings::resolve(&global).unwrap().actors, Actors::BuiltinOnly);
        let empty = dir.path().join("empty.toml");
        std::fs::write(&empty, "").unwrap();
        assert_eq!(
            Settings::resolve(&GlobalArgs { config: Some(empty), ..Default::default() }).unwrap().actors,
            Actors::Unset
        );
    }

    #[test]
    fn no_color_turns_auto_off_and_the_flag_wins() {
        assert_eq!(color(ColorArg::Auto, false, true), Color::Ansi);
        assert_eq!(color(ColorArg::Auto, true, true), Color::Plain);
        assert_eq!(color(ColorArg::Auto, false, false), Color::Plain);
        assert_eq!(color(ColorArg::Always, true, false), Color::Ansi);
        assert_eq!(color(ColorArg::Never, false, true), Color::Plain);
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(parse_config("indx = 1").is_err());
    }
}
