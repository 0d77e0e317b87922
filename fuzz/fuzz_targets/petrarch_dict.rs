//! PETRARCH/Phoenix dictionaries: the input, split at the first two NUL bytes, becomes a verb
//! file, an actor file and an agent file; loading gives a dictionary and problems naming their
//! file and line — never a panic.
#![no_main]

use axis::petrarch::{Petrarch, PetrarchFiles};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let (verbs, actors, agents) =
        (parts.next().unwrap_or(&[]), parts.next().unwrap_or(&[]), parts.next().unwrap_or(&[]));
    let dir = std::env::temp_dir().join(format!("axis-fuzz-petrarch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = PetrarchFiles {
        verbs: vec![dir.join("fuzz.verbs.txt")],
        actors: vec![dir.join("fuzz.actors.txt")],
        agents: vec![dir.join("fuzz.agents.txt")],
        ..PetrarchFiles::default()
    };
    std::fs::write(&files.verbs[0], verbs).unwrap();
    std::fs::write(&files.actors[0], actors).unwrap();
    std::fs::write(&files.agents[0], agents).unwrap();
    let p = Petrarch::load(&files);
    for e in p.problems.iter().chain(&p.notes) {
        let s = e.to_string();
        assert!(s.contains("fuzz."), "problem without its file: {s}");
    }
});
