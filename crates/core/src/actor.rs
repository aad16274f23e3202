use serde::{Deserialize, Serialize};
use std::fmt;

/// Canonical actor id: a lowercase slug such as `donald-trump` or `trump-administration`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(String);

impl ActorId {
    pub fn new(id: impl Into<String>) -> ActorId {
        ActorId(id.into())
    }

    /// Slug of a display name: "Donald J. Trump" -> "donald-j-trump".
    pub fn from_name(name: &str) -> ActorId {
        let mut slug = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_alphanumeric() {
                slug.extend(c.to_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        ActorId(slug)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    Person,
    /// A government, administration, ministry or office ("the Kremlin").
    Government,
    Organization,
}

/// A canonical actor with the names it goes by. `affiliation` links a person
/// or office to the principal it speaks for (White House -> Trump administration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    #[serde(default)]
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<ActorId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(ActorId::from_name("Donald J. Trump").as_str(), "donald-j-trump");
        assert_eq!(ActorId::from_name("  the Kremlin ").as_str(), "the-kremlin");
    }
}
