//! The `axis` command-line tool.
fn main() {}
