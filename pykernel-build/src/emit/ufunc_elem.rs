//! The element code of one ufunc loop: the catalogue's runtime function
//! (`::pykernel::__private::ufunc::<types>::<ufunc>`, NumPy's inner loop element by
//! element), applied to operands already converted to the loop's input dtypes.

use proc_macro2::TokenStream;

use crate::infer::ufunc_types::Loop;

/// The loop `l` on `args` (of its input dtypes), giving its output dtype. `varying`: an
/// operand of the exponent of `power` changes along the loop (NumPy's shortcuts for
/// `x ** 2`, `x ** 0.5`, ... apply to an exponent fixed along the loop only).
pub(crate) fn ufunc_element(l: &Loop, args: &[TokenStream], varying: bool) -> TokenStream {
    if varying && l.ufunc == "power" && crate::types::kind(l.output) == 2 {
        let mut l = l.clone();
        l.function = l.function.replace("::power", "::power_varying");
        return l.call(args);
    }
    l.call(args)
}
