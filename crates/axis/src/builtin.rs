//! The data files compiled into axis: everything under the workspace's `dict/` folder, embedded by
//! `build.rs` so the binary needs no files at run time.

/// `(path under dict/, text)` of every embedded file, in sorted order.
const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_dict.rs"));

/// Folders of `dict/` that hold event data (or import tables) rather than actor dictionaries.
pub(crate) const EVENT_FOLDERS: &[&str] = &["verbs/", "cameo/", "import/"];

/// Embedded files whose path starts with one of `folders`.
pub(crate) fn files_under<'a>(
    folders: &'a [&'a str],
) -> impl Iterator<Item = (&'static str, &'static str)> + 'a {
    FILES.iter().copied().filter(move |(p, _)| folders.iter().any(|f| p.starts_with(f)))
}

/// Embedded actor-dictionary files: everything outside [`EVENT_FOLDERS`].
pub(crate) fn actor_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().copied().filter(|(p, _)| !EVENT_FOLDERS.iter().any(|f| p.starts_with(f)))
}
