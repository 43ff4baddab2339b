//! The symbolic value of an integer expression at a point of the walk: formulas over
//! leaves and atoms, through locals and small helper functions.

use std::collections::HashMap;

use super::extremes::Domain;
use super::sym::{LeafKind, Sx};
use super::ty_of;
use super::walk::Walk;
use crate::exports::Dtype;
use crate::infer::Instance;
use crate::ir::{BinOp, Builtin, Expr, ExprKind, Stmt, Target, UnaryOp};
use crate::types::{Ty, kind};

/// How deep helper functions are read into their callers.
const MAX_INLINE_DEPTH: usize = 3;
/// Statements of a helper that is read into its callers.
const MAX_HELPER_LEN: usize = 8;

/// A helper function being read: its instance, the formulas of its locals, and which of
/// its array parameters are which arrays of the analysed function.
pub(crate) struct Frame<'f> {
    inst: &'f Instance,
    env: HashMap<String, Sx>,
    arrays: HashMap<String, String>,
    depth: usize,
}

impl Walk<'_> {
    /// The value of `e` in the analysed function, if it is an integer the walk can follow.
    pub fn sym(&mut self, e: &Expr) -> Option<Sx> {
        self.sym_in(None, e)
    }

    /// The leaf of local `n`, if the loop never assigns it.
    pub fn local_leaf(&self, n: &str) -> Option<Sx> {
        (self.entry || !self.changed.contains(n))
            .then_some(())
            .filter(|_| self.int_local(n))
            .map(|_| Sx::leaf(n.to_owned(), LeafKind::Local(n.to_owned())))
    }

    /// The length leaf of array or list local `n` of the analysed function.
    fn len_leaf(&self, n: &str) -> Option<Sx> {
        if !self.entry && self.changed.contains(n) {
            return None;
        }
        match self.ctx.inst.locals.get(n)? {
            Ty::Array(..) => {}
            Ty::List(_) if self.stable_lists || self.entry => {}
            _ => return None,
        }
        Some(Sx::leaf(format!("len({n})"), LeafKind::Len(n.to_owned())))
    }

    fn sym_in(&mut self, frame: Option<&Frame<'_>>, e: &Expr) -> Option<Sx> {
        let inst = frame.map_or(self.ctx.inst, |f| f.inst);
        let t = ty_of(inst, e);
        let Ty::Scalar(s) = t else { return None };
        if kind(s.dtype) != 1 {
            return None;
        }
        let int64 = s.dtype == Dtype::Int64;
        let is_int = |x: &Expr| matches!(ty_of(inst, x), Ty::Scalar(s) if kind(s.dtype) == 1);
        let v = match &e.kind {
            ExprKind::Int(c) => Some(Sx::Const(*c)),
            ExprKind::Local(n) => match frame {
                Some(f) => f.env.get(n).cloned(),
                None if self.entry => self.local_leaf(n),
                None => self.env.get(n).cloned().or_else(|| self.local_leaf(n)),
            },
            ExprKind::Binary(op, a, b) if int64 && is_int(a) && is_int(b) => {
                let f = match op {
                    BinOp::Add => Sx::add,
                    BinOp::Sub => Sx::sub,
                    BinOp::Mul => Sx::mul,
                    BinOp::FloorDiv => Sx::floordiv,
                    BinOp::Mod => |a, b| Sx::Mod(Box::new(a), Box::new(b)),
                    _ => return self.leaf_expr(frame, e),
                };
                let x = self.sym_in(frame, a)?;
                let y = self.sym_in(frame, b)?;
                Some(f(x, y))
            }
            ExprKind::Unary(UnaryOp::Neg, a) if int64 && is_int(a) => {
                Some(Sx::neg(self.sym_in(frame, a)?))
            }
            ExprKind::Unary(UnaryOp::Pos, a) if is_int(a) => self.sym_in(frame, a),
            ExprKind::CallBuiltin(Builtin::Int, args) if args.len() == 1 && is_int(&args[0]) => {
                self.sym_in(frame, &args[0])
            }
            ExprKind::CallBuiltin(op @ (Builtin::Min | Builtin::Max), args)
                if int64 && args.len() >= 2 && args.iter().all(is_int) =>
            {
                let f = if *op == Builtin::Min {
                    Sx::min
                } else {
                    Sx::max
                };
                let mut acc = self.sym_in(frame, &args[0])?;
                for a in &args[1..] {
                    acc = f(acc, self.sym_in(frame, a)?);
                }
                Some(acc)
            }
            ExprKind::CallBuiltin(Builtin::Len, args) if args.len() == 1 => match &args[0].kind {
                ExprKind::Local(n) => match frame {
                    Some(f) => f.arrays.get(n).and_then(|c| self.len_leaf(c)),
                    None => self.len_leaf(n),
                },
                _ => None,
            },
            ExprKind::Index(b, k) => self.shape_leaf(frame, inst, b, k),
            ExprKind::CallUser(..) => self.helper(frame, inst, e),
            ExprKind::IfExp(c, a, b) if frame.is_none() => self.conditional(c, a, b),
            ExprKind::IfExp(_, a, b) => {
                let (x, y) = (self.sym_in(frame, a)?, self.sym_in(frame, b)?);
                Some(Sx::Either(Box::new(x), Box::new(y)))
            }
            _ => self.leaf_expr(frame, e),
        };
        v.filter(|v| v.size() <= 200)
    }

    /// `name.shape[k]` of an array.
    fn shape_leaf(
        &mut self,
        frame: Option<&Frame<'_>>,
        inst: &Instance,
        b: &Expr,
        k: &Expr,
    ) -> Option<Sx> {
        let ExprKind::Attr(a, attr) = &b.kind else {
            return None;
        };
        let (ExprKind::Local(n), ExprKind::Int(k)) = (&a.kind, &k.kind) else {
            return None;
        };
        let Ty::Array(_, rank) = ty_of(inst, a) else {
            return None;
        };
        let rank = i64::from(rank);
        let k = if *k < 0 { k + rank } else { *k };
        if attr != "shape" || !(0..rank).contains(&k) {
            return None;
        }
        let name = match frame {
            Some(f) => f.arrays.get(n)?.clone(),
            None => n.clone(),
        };
        if !self.entry && self.changed.contains(&name) {
            return None;
        }
        let k = k as usize;
        Some(Sx::leaf(
            format!("{name}.shape[{k}]"),
            LeafKind::Dim(name, k),
        ))
    }

    /// A pure, non-raising integer expression over locals the loop does not assign.
    fn leaf_expr(&mut self, frame: Option<&Frame<'_>>, e: &Expr) -> Option<Sx> {
        if frame.is_some() {
            return None;
        }
        let key = self.pure_key(e)?;
        Some(Sx::leaf(key, LeafKind::Expr(Box::new(e.clone()))))
    }

    /// A structural key of `e` if it is pure and cannot raise (its locals unassigned by
    /// the loop).
    fn pure_key(&self, e: &Expr) -> Option<String> {
        let k = |x: &Expr| self.pure_key(x);
        Some(match &e.kind {
            ExprKind::Int(c) => c.to_string(),
            ExprKind::Bool(b) => b.to_string(),
            ExprKind::Local(n) => {
                if !self.entry && self.changed.contains(n) {
                    return None;
                }
                if !matches!(self.ctx.inst.locals.get(n), Some(Ty::Scalar(_))) {
                    return None;
                }
                n.clone()
            }
            ExprKind::Binary(
                op @ (BinOp::Add
                | BinOp::Sub
                | BinOp::Mul
                | BinOp::BitAnd
                | BinOp::BitOr
                | BinOp::BitXor),
                a,
                b,
            ) if self.ints(&[a, b]) => format!("({} {} {})", k(a)?, op.symbol(), k(b)?),
            ExprKind::Binary(op @ (BinOp::FloorDiv | BinOp::Mod), a, b)
                if self.ints(&[a, b]) && matches!(b.kind, ExprKind::Int(c) if c != 0) =>
            {
                format!("({} {} {})", k(a)?, op.symbol(), k(b)?)
            }
            ExprKind::Unary(op @ (UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert), a)
                if self.ints(&[a]) =>
            {
                format!("({op:?} {})", k(a)?)
            }
            _ => return None,
        })
    }

    fn ints(&self, es: &[&Expr]) -> bool {
        es.iter()
            .all(|x| matches!(ty_of(self.ctx.inst, x), Ty::Scalar(s) if kind(s.dtype) == 1))
    }

    /// `a if c else b`: bounded by both branches, each under its side of the test.
    fn conditional(&mut self, c: &Expr, a: &Expr, b: &Expr) -> Option<Sx> {
        if self.nesting >= super::walk::MAX_FACT_NESTING {
            return None;
        }
        self.nesting += 1;
        let v = self.conditional_facts(c, a, b);
        self.nesting -= 1;
        v
    }

    fn conditional_facts(&mut self, c: &Expr, a: &Expr, b: &Expr) -> Option<Sx> {
        let saved = self.domains.clone();
        self.facts(c, true);
        let x = self.sym(a);
        let rx = x.as_ref().and_then(|x| self.range(x));
        self.restore(&saved);
        self.facts(c, false);
        let y = self.sym(b);
        let ry = y.as_ref().and_then(|y| self.range(y));
        self.restore(&saved);
        match (rx, ry) {
            (Some((l1, h1)), Some((l2, h2))) => {
                let lo = super::extremes::Bound {
                    sx: Sx::min(l1.sx, l2.sx),
                    reqs: [l1.reqs, l2.reqs].concat(),
                };
                let hi = super::extremes::Bound {
                    sx: Sx::max(h1.sx, h2.sx),
                    reqs: [h1.reqs, h2.reqs].concat(),
                };
                Some(self.atom(Domain {
                    lo: vec![lo],
                    hi: vec![hi],
                    moving: None,
                }))
            }
            _ => Some(Sx::Either(Box::new(x?), Box::new(y?))),
        }
    }

    /// A call of a small helper (`def wrap(i, n): return i % n`): the formula of its
    /// return value in terms of the arguments. The call itself still runs; the formula
    /// only describes the value it returns.
    fn helper(&mut self, frame: Option<&Frame<'_>>, inst: &Instance, e: &Expr) -> Option<Sx> {
        let ExprKind::CallUser(_, args) = &e.kind else {
            return None;
        };
        let depth = frame.map_or(0, |f| f.depth) + 1;
        if depth > MAX_INLINE_DEPTH {
            return None;
        }
        let callee = self.ctx.program.instances.get(*inst.calls.get(&e.id)?)?;
        let func = &self.ctx.module.functions[callee.key.func];
        if func.body.len() > MAX_HELPER_LEN {
            return None;
        }
        let mut inner = Frame {
            inst: callee,
            env: HashMap::new(),
            arrays: HashMap::new(),
            depth,
        };
        for ((p, _), a) in func.params.iter().zip(args) {
            match callee.locals.get(p) {
                Some(Ty::Scalar(s)) if kind(s.dtype) == 1 => {
                    let v = match self.sym_in(frame, a) {
                        Some(v) if s.dtype == Dtype::Int64 => v,
                        _ => self.fresh(),
                    };
                    inner.env.insert(p.clone(), v);
                }
                Some(Ty::Array(..) | Ty::List(_)) => {
                    if let ExprKind::Local(c) = &a.kind {
                        let name = match frame {
                            Some(f) => f.arrays.get(c).cloned(),
                            None => Some(c.clone()),
                        };
                        if let Some(name) = name {
                            inner.arrays.insert(p.clone(), name);
                        }
                    }
                }
                _ => {}
            }
        }
        for s in &func.body {
            match s {
                Stmt::Assign {
                    target: Target::Local(n, _),
                    value,
                    ..
                } => {
                    let int64 = matches!(callee.locals.get(n), Some(Ty::Scalar(s)) if s.dtype == Dtype::Int64);
                    let v = self.sym_in(Some(&inner), value).filter(|_| int64);
                    match v {
                        Some(v) => {
                            inner.env.insert(n.clone(), v);
                        }
                        None => {
                            inner.env.remove(n);
                        }
                    }
                }
                Stmt::Return(Some(v), _) => return self.sym_in(Some(&inner), v),
                Stmt::Pass | Stmt::Expr(_) => {}
                _ => return None,
            }
        }
        None
    }
}
