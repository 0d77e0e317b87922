//! Compiles the dictionaries in the workspace's `dict/` folder into the library, so the `axis`
//! binary works from anywhere with no data files to install.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dict = manifest.join("../../dict");
    println!("cargo:rerun-if-changed={}", dict.display());
    let mut files = Vec::new();
    if dict.is_dir() {
        collect(&dict, &mut files);
    }
    files.sort();
    let mut out = String::from("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&dict).expect("under dict").to_string_lossy().replace('\\', "/");
        let abs = f.canonicalize().expect("file exists");
        out.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    out.push_str("]\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin_dict.rs");
    std::fs::write(dest, out).expect("write builtin_dict.rs");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}
