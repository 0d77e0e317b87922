//! Actor dictionaries.
