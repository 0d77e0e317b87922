//! Shared output helpers: broken-pipe detection and plain-text table layout.

/// Whether an error chain bottoms out in a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `q2 g+1.9`: an event's quad class and Goldstein score, `?` for either a code has not (a
/// PETRARCH dictionary's own code).
pub fn quad_goldstein(quad: Option<u8>, goldstein: Option<f32>) -> String {
    let q = quad.map_or("?".to_string(), |q| q.to_string());
    let g = goldstein.map_or("?".to_string(), |g| format!("{g:+}"));
    format!("q{q} g{g}")
}

/// Pads `s` with spaces to `width` characters (not bytes), for aligned tables.
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}
