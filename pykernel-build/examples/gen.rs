//! Prints the Rust generated for a kernel file (debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: gen <kernel.py>");
    let src = std::fs::read_to_string(&path).expect("read");
    match pykernel_build::translate(&src, &path, &pykernel_build::Config::new()) {
        Ok(o) => {
            print!("{}", o.code);
            eprint!("{}", o.warnings.render());
        }
        Err(d) => {
            eprint!("{d}");
            std::process::exit(1);
        }
    }
}
