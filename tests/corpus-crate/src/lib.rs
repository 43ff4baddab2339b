//! `pykernel_corpus`: every kernel of tests/corpus compiled by pykernel, one Python
//! submodule per corpus file (`pykernel_corpus.int_arith.add`, ...). Built by maturin
//! for tests/python.

use pyo3::prelude::*;

#[allow(missing_docs, clippy::all)]
mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus_mods.rs"));
}

#[pymodule]
fn pykernel_corpus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    corpus::register_all(m)?;
    m.add("CORPUS_FILES", corpus::CORPUS_FILES.to_vec())?;
    Ok(())
}
