//! Measures how long `translate` takes on kernel files (the issue target: the seed in
//! under 10 ms; Pythran's translation step alone takes about 1 s).
//!
//! `cargo run --release -p pykernel-build --example translate_time -- <kernel.py>...`
use std::time::Instant;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: translate_time <kernel.py>...");
        std::process::exit(2);
    }
    println!("| kernel | lines | translate (median of 50) |");
    println!("|---|---:|---:|");
    for path in paths {
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let cfg = pykernel_build::Config::new();
        let mut times = Vec::new();
        for _ in 0..50 {
            let t = Instant::now();
            let ok = pykernel_build::generate(&src, &path, &cfg).is_ok();
            times.push(t.elapsed());
            if !ok {
                eprintln!("{path}: translation failed");
                std::process::exit(1);
            }
        }
        times.sort();
        println!(
            "| {path} | {} | {:.2} ms |",
            src.lines().count(),
            times[25].as_secs_f64() * 1e3
        );
    }
}
