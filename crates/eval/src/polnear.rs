//! polnear evaluation (being built).
