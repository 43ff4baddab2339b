//! Printing the interrupt polls that [`crate::polls`] decided: Ctrl-C in long kernels.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::FnEmitter;
use crate::ir::Stmt;
use crate::polls::{CHUNK, LoopPoll};

/// One poll: a relaxed load of the runtime's flag (and, once a SIGINT has come, a look
/// at the stack pointer); the kernel stops, and the Python wrapper raises what Python's
/// signal handler raises. No call, so that a tight loop keeps its values in registers.
pub(crate) fn poll() -> TokenStream {
    quote! {
        if ::pykernel::__private::interrupted() {
            return Err(::pykernel::__private::interrupted_error());
        }
    }
}

impl FnEmitter<'_> {
    /// How the loop with body `body` polls.
    pub(crate) fn loop_poll(&self, body: &[Stmt]) -> LoopPoll {
        self.polls.loop_poll(self.index, body)
    }

    /// The poll at the top of each iteration of the loop with body `body` (empty unless
    /// it polls on every iteration).
    pub(crate) fn iteration_poll(&self, body: &[Stmt]) -> TokenStream {
        if self.loop_poll(body) == LoopPoll::EachIteration {
            poll()
        } else {
            quote!()
        }
    }

    /// The poll on entry of a recursive function.
    pub(crate) fn entry_poll(&self) -> TokenStream {
        if self.polls.polls_on_entry(self.index) {
            poll()
        } else {
            quote!()
        }
    }
}

/// `loop_over(s, e)`, a loop over the `i64` values `s..e` by a positive step `step`, run
/// for `lo..hi` in chunks of [`CHUNK`] iterations with a poll between two chunks. Each
/// chunk is the same plain counted loop (it vectorises as before). A range of at most
/// one chunk (the common case: a short inner loop of a nest) runs the plain loop over
/// `lo..hi` itself, unchanged: the chunk bookkeeping around short loops measured up to
/// 15% on a convolution.
pub(crate) fn chunked_range(
    lo: &Ident,
    hi: &Ident,
    step: u64,
    loop_over: impl Fn(&TokenStream, &TokenStream) -> TokenStream,
) -> TokenStream {
    let span = CHUNK.saturating_mul(step).min(i64::MAX as u64);
    let plain = loop_over(&quote!(#lo), &quote!(#hi));
    let chunk = loop_over(&quote!(__pk_cs), &quote!(__pk_ce));
    let poll = poll();
    quote! {
        if #hi <= #lo || (#hi.wrapping_sub(#lo) as u64) <= #span {
            #plain
        } else {
            let mut __pk_cs: i64 = #lo;
            loop {
                let __pk_ce: i64 = if (#hi.wrapping_sub(__pk_cs) as u64) > #span {
                    __pk_cs.wrapping_add(#span as i64)
                } else {
                    #hi
                };
                #chunk
                if __pk_ce >= #hi {
                    break;
                }
                __pk_cs = __pk_ce;
                #poll
            }
        }
    }
}

/// `loop_over(range)`, a loop over the `u64` range `range` (`(s..e)` or `(s..e).rev()`),
/// for `0..n` (or its reverse) in chunks of [`CHUNK`] iterations with a poll between two
/// chunks; at most one chunk runs the plain loop, as in [`chunked_range`].
pub(crate) fn chunked_count(
    n: &Ident,
    reversed: bool,
    loop_over: impl Fn(&TokenStream) -> TokenStream,
) -> TokenStream {
    let (plain, range) = if reversed {
        (
            quote!((0..#n).rev()),
            quote!(((#n - __pk_ce)..(#n - __pk_cs)).rev()),
        )
    } else {
        (quote!((0..#n)), quote!((__pk_cs..__pk_ce)))
    };
    let plain = loop_over(&plain);
    let chunk = loop_over(&range);
    let poll = poll();
    quote! {
        if #n <= #CHUNK {
            #plain
        } else {
            let mut __pk_cs: u64 = 0;
            loop {
                let __pk_ce: u64 = if #n - __pk_cs > #CHUNK { __pk_cs + #CHUNK } else { #n };
                #chunk
                if __pk_ce >= #n {
                    break;
                }
                __pk_cs = __pk_ce;
                #poll
            }
        }
    }
}
