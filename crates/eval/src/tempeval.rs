//! tempeval evaluation (being built).
