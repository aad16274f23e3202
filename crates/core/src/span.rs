use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `None` if it is out of bounds or not on
    /// a char boundary (spans coming from gold files may be off).
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes shared with `other`.
    pub fn intersection_len(&self, other: &Span) -> usize {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        end.saturating_sub(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        let c = Span::new(10, 12);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert_eq!(a.intersection_len(&b), 5);
        assert!(a.contains(&Span::new(2, 3)));
        assert_eq!(Span::new(4, 9).slice("the president"), Some("presi"));
        assert_eq!(Span::new(4, 90).slice("short"), None);
    }
}
