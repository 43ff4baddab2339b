//! `pykernel_external`: the programs of the external suites (`../shared/external`)
//! compiled by pykernel, one Python submodule per program that translates. Built by
//! `scripts/external_suites.py` (see `build.rs` for how the programs are chosen).

use pyo3::prelude::*;

#[allow(missing_docs, unused, clippy::all)]
mod programs {
    include!(concat!(env!("OUT_DIR"), "/external_mods.rs"));
}

#[pymodule]
fn pykernel_external(m: &Bound<'_, PyModule>) -> PyResult<()> {
    programs::register_all(m)?;
    m.add("PROGRAMS", programs::PROGRAMS.to_vec())?;
    Ok(())
}
