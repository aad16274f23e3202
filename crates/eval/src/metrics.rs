//! Scores shared by every evaluation.

use serde::Serialize;
use std::fmt;

/// Counts of true positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Pearson correlation of paired values; `None` with fewer than two pairs or zero variance.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = pairs.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        None
    } else {
        Some(sxy / (sxx.sqrt() * syy.sqrt()))
    }
}

/// Mean absolute error of paired values (predicted, gold).
pub fn mae(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.is_empty() {
        None
    } else {
        Some(pairs.iter().map(|(x, y)| (x - y).abs()).sum::<f64>() / pairs.len() as f64)
    }
}

/// Macro-averaged F1 over labels, from (gold, predicted) label pairs.
pub fn macro_f1<L: Ord + Clone>(pairs: &[(L, L)]) -> f64 {
    let mut labels: Vec<L> = pairs.iter().flat_map(|(g, p)| [g.clone(), p.clone()]).collect();
    labels.sort();
    labels.dedup();
    if labels.is_empty() {
        return 0.0;
    }
    let total: f64 = labels
        .iter()
        .map(|label| {
            let mut c = Counts::default();
            for (g, p) in pairs {
                match (g == label, p == label) {
                    (true, true) => c.tp += 1,
                    (false, true) => c.fp += 1,
                    (true, false) => c.fn_ += 1,
                    (false, false) => {}
                }
            }
            c.f1()
        })
        .sum();
    total / labels.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts() {
        let c = Counts { tp: 8, fp: 2, fn_: 8 };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 0.615_384_6).abs() < 1e-6);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn pearson_and_mae() {
        let pairs = [(1.0, 2.0), (2.0, 4.0), (3.0, 6.0)];
        assert!((pearson(&pairs).unwrap() - 1.0).abs() < 1e-9);
        assert!((mae(&pairs).unwrap() - 2.0).abs() < 1e-9);
        assert_eq!(pearson(&[(1.0, 1.0), (1.0, 2.0)]), None);
    }

    #[test]
    fn macro_f1_averages_labels() {
        let pairs = [("a", "a"), ("b", "a"), ("b", "b")];
        // a: tp1 fp1 fn0 -> 0.667; b: tp1 fp0 fn1 -> 0.667
        assert!((macro_f1(&pairs) - 2.0 / 3.0).abs() < 1e-9);
    }
}
