//! Emission of recursive functions: CPython's `RecursionError` instead of a crash.
//!
//! An instance on a cycle of the call graph ([`crate::callgraph`]) becomes two functions:
//! the *entry* `__pk_f_N`, with the usual signature, for calls from outside the cycle
//! (exports, non-recursive callers), which reads the thread's recursion budget; and the
//! *body* `__pk_f_N_r`, which takes the budget as an extra `Depth` argument, opens one
//! frame of it first (`RecursionError` when none is left or the stack is nearly full)
//! and passes the rest to the calls inside the cycle. Every other function, and every
//! call outside a cycle, is emitted exactly as without recursion.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::FnEmitter;
use super::instance_name;

impl FnEmitter<'_> {
    /// Is the instance being emitted on a cycle of the call graph?
    pub(crate) fn is_recursive(&self) -> bool {
        self.calls.is_recursive(self.index)
    }

    /// The body function of recursive instance `idx`.
    fn body_name(&self, idx: usize) -> Ident {
        format_ident!("{}_r", instance_name(self.program, self.module, idx))
    }

    /// A call of instance `callee` with the emitted `args`, propagating its error.
    pub(crate) fn user_call(&self, callee: usize, args: &[TokenStream]) -> TokenStream {
        if self.calls.same_cycle(self.index, callee) {
            let f = self.body_name(callee);
            return quote!(#f(#(#args,)* __pk_depth)?);
        }
        let f = self.fn_name(callee);
        if self.is_recursive() && self.calls.reaches_recursion(callee) {
            // Another cycle, through non-recursive code: it starts from what this one
            // has left, so nested cycles add up as in CPython.
            return quote!({
                let __pk_publish = __pk_depth.publish();
                #f(#(#args),*)?
            });
        }
        quote!(#f(#(#args),*)?)
    }

    /// The entry and body functions of a recursive instance, from the pieces of
    /// [`FnEmitter::function`].
    pub(crate) fn recursive_function(
        &self,
        params: &[TokenStream],
        prologue: &[TokenStream],
        body: &TokenStream,
        tail: &TokenStream,
        rt: &TokenStream,
        doc: &str,
    ) -> TokenStream {
        let name = self.fn_name(self.index);
        let body_name = self.body_name(self.index);
        let args: Vec<Ident> = self
            .func
            .params
            .iter()
            .map(|(p, _)| super::types::ident(p))
            .collect();
        let body_doc = format!("{doc} Recursive: counts its frames in `__pk_depth`.");
        let poll = self.entry_poll();
        quote! {
            #[doc = #doc]
            #[inline]
            pub(super) unsafe fn #name(#(#params),*) -> ::pykernel::__private::KResult<#rt> {
                unsafe { #body_name(#(#args,)* ::pykernel::__private::Depth::enter()) }
            }

            #[doc = #body_doc]
            pub(super) unsafe fn #body_name(
                #(#params,)*
                __pk_depth: ::pykernel::__private::Depth,
            ) -> ::pykernel::__private::KResult<#rt> {
                let __pk_depth = __pk_depth.frame()?;
                #poll
                #(#prologue)*
                unsafe {
                    #body
                }
                #tail
            }
        }
    }
}
