//! meantime evaluation (being built).
