//! # pykernel-build
//!
//! Compiles numeric Python kernels, annotated with Pythran-style export comments, into
//! Rust at `cargo build` time. Use it from `build.rs`:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), pykernel_build::Error> {
//!     pykernel_build::compile(&["kernels/testlib.py"])
//! }
//! ```
//!
//! and include the result with `pykernel::include_kernel!("testlib.py")`.
//!
//! The translator is a pipeline of passes, one module each: [`parse`](mod@parse) →
//! `exports` (export comments) → `lower` (AST to IR) → `bind` (exports to typed roots) →
//! `infer` (types, per specialisation) → `check` (capsules vs SciPy) → `analysis` (bounds
//! facts for loops) → `emit` (Rust), and `stubs` (the `.pyi` of the exports).
//! [`generate`] runs it on a string without I/O; [`compile`] and [`Config::compile`] read
//! files, write `$OUT_DIR/pykernel/*.rs` and talk to cargo.

mod analysis;
mod arrayexpr;
mod bind;
mod callgraph;
mod check;
mod compile;
pub mod diagnostics;
mod emit;
pub mod exports;
mod identifiers;
mod infer;
mod ir;
mod limits;
mod lower;
pub mod messages;
// The API of the issue-11 fusion pass, which is being wired in concurrently.
#[allow(dead_code, unused_imports)]
mod numpy;
pub mod parse;
mod pipeline;
mod polls;
mod scipy;
mod stubs;
#[cfg(test)]
mod testutil;
mod types;
mod webs;

pub use compile::{Config, Error, compile};
pub use diagnostics::{Diagnostic, Diagnostics, Severity, Span};
pub use pipeline::{Output, generate, translate};
