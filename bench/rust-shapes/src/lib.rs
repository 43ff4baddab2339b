//! `bench_shapes`: the loop-shape benchmark as a Python extension module.
//!
//! - `bench_shapes.<name>`: `../kernels/loop_shapes.py` compiled by pykernel as shipped;
//! - `bench_shapes.nocheck.<name>`: the same file with `Config::bounds_checks(false)`.

use pyo3::prelude::*;

mod shapes {
    pykernel::include_kernel!("loop_shapes.py");
}

mod nocheck {
    pykernel::include_kernel!("loop_shapes_nocheck.py");
}

#[pymodule]
fn bench_shapes(m: &Bound<'_, PyModule>) -> PyResult<()> {
    shapes::register(m)?;
    let sub = PyModule::new(m.py(), "nocheck")?;
    nocheck::register(&sub)?;
    m.add_submodule(&sub)?;
    Ok(())
}
