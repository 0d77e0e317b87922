//! `axis serve` as a user runs it: the real binary on a free loopback port, the token from the
//! environment, answering until told to stop.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

fn get(addr: &str, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    out
}

#[test]
fn serve_answers_on_the_address_it_prints() {
    let dir = std::env::temp_dir().join(format!("axis-cli-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("new.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_axis"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env("AXIS_TOKEN", "from-the-environment")
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("line");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let health = get(&addr, "/v1/health");
    let events = get(&addr, "/v1/events");
    let page = get(&addr, "/");
    // SIGTERM (what a service manager sends) stops it cleanly.
    let term = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    if !term.is_ok_and(|s| s.success()) {
        child.kill().ok();
    }
    let status = child.wait().expect("wait");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).ok();
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains("\"ingest\":true"), "the token from AXIS_TOKEN enables ingest: {health}");
    // A database that did not exist is created, empty.
    assert!(events.contains("{\"events\":[],\"next_cursor\":null}"), "{events}");
    assert!(page.contains("<script src=\"/assets/app.js\""), "{page}");
    assert!(db.exists());
    assert!(status.success() && rest.contains("axis: stopped"), "{status:?} {rest}");
    std::fs::remove_dir_all(&dir).ok();
}
