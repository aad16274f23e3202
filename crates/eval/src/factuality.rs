//! factuality evaluation (being built).
