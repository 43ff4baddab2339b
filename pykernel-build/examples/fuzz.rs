//! Mutation fuzzer of the translator (run it with `scripts/fuzz-translator.sh`).
//!
//! Mutates the differential corpus and the golden kernels (token and line deletions,
//! duplications and swaps, type words of export lines, huge and negative numbers,
//! unsupported statements, unicode, deep nesting, lines spliced from other files) and
//! runs `translate` on every mutant in child processes, a batch each, so that an abort
//! or a stack overflow is counted instead of ending the run: the input a child died on
//! is run again alone and saved. Panics, inputs slower than `--slow-ms`, and hangs are
//! saved too. A sample of the accepted mutants is compiled (`cargo check`, many
//! generated modules in one scratch crate against the runtime with its `pyo3` glue);
//! the mutants whose code rustc rejects are saved with its errors.
//!
//! Everything follows from `--seed`: input `i` of a run is the same in every run (and
//! `--only i` rebuilds it). The exit status is 1 if anything was found.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pykernel_build::{Config, translate};

const USAGE: &str = "usage: fuzz [--seed N] [--inputs N] [--batch N] [--jobs N] [--slow-ms N]
            [--hang-s N] [--compile-every N] [--compile-batch N] [--minutes N] [--findings DIR]
            [--corpus DIR]... [--only INDEX] [--print INDEX]";

/// Options of a run.
#[derive(Clone)]
struct Options {
    seed: u64,
    inputs: u64,
    batch: u64,
    jobs: usize,
    slow: Duration,
    hang: Duration,
    /// One input in this many is compiled when accepted (0: none).
    compile_every: u64,
    compile_batch: usize,
    /// Stop starting batches after this long (the run then reports what it did).
    budget: Option<Duration>,
    findings: PathBuf,
    corpus: Vec<PathBuf>,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1..]);
        return;
    }
    let mut o = Options {
        seed: 1,
        inputs: 10_000,
        batch: 200,
        jobs: 1,
        slow: Duration::from_millis(1000),
        hang: Duration::from_secs(60),
        compile_every: 20,
        compile_batch: 150,
        budget: None,
        findings: repo().join("target/fuzz-findings"),
        corpus: Vec::new(),
    };
    let (mut only, mut print) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || -> String {
            it.next().cloned().unwrap_or_else(|| {
                eprintln!("{a} needs a value\n{USAGE}");
                std::process::exit(2)
            })
        };
        let num = |v: String| -> u64 {
            v.replace('_', "").parse().unwrap_or_else(|_| {
                eprintln!("not a number: {v}\n{USAGE}");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--seed" => o.seed = num(value()),
            "--inputs" => o.inputs = num(value()),
            "--batch" => o.batch = num(value()).max(1),
            "--jobs" => o.jobs = num(value()).max(1) as usize,
            "--slow-ms" => o.slow = Duration::from_millis(num(value())),
            "--hang-s" => o.hang = Duration::from_secs(num(value())),
            "--compile-every" => o.compile_every = num(value()),
            "--compile-batch" => o.compile_batch = num(value()).max(1) as usize,
            "--minutes" => o.budget = Some(Duration::from_secs(60 * num(value()))),
            "--findings" => o.findings = PathBuf::from(value()),
            "--corpus" => o.corpus.push(PathBuf::from(value())),
            "--only" => only = Some(num(value())),
            "--print" => print = Some(num(value())),
            _ => {
                eprintln!("unknown argument {a}\n{USAGE}");
                std::process::exit(2)
            }
        }
    }
    if o.corpus.is_empty() {
        o.corpus = vec![
            repo().join("tests/corpus"),
            repo().join("pykernel-build/tests/golden"),
        ];
    }
    let pool = Pool::load(&o.corpus);
    if pool.files.is_empty() {
        eprintln!("no .py files under {:?}", o.corpus);
        std::process::exit(2);
    }
    if let Some(i) = print {
        print!("{}", pool.mutant(o.seed, i).text);
        return;
    }
    let range: Vec<u64> = match only {
        Some(i) => vec![i],
        None => (0..o.inputs).collect(),
    };
    let stats = run(&o, &pool, &range);
    println!("{}", stats.summary(&o));
    if stats.found() > 0 {
        println!("findings in {}", o.findings.display());
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------------------
// Random numbers and inputs

/// SplitMix64: small, fast, and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn for_input(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// The kernels mutants are made from.
struct Pool {
    files: Vec<(String, String)>,
}

/// One generated input.
struct Mutant {
    /// Which file it came from, and how it was changed.
    origin: String,
    text: String,
}

impl Pool {
    fn load(dirs: &[PathBuf]) -> Pool {
        let mut files = Vec::new();
        for d in dirs {
            collect_py(d, &mut files);
        }
        files.sort();
        let files = files
            .into_iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                Some((p.display().to_string(), text))
            })
            .collect();
        Pool { files }
    }

    /// Input `index` of a run with `seed`.
    fn mutant(&self, seed: u64, index: u64) -> Mutant {
        let mut r = Rng::for_input(seed, index);
        let (name, text) = r.pick(&self.files);
        let mut text = text.clone();
        let mut done = Vec::new();
        for _ in 0..1 + r.below(4) {
            let m = *r.pick(MUTATIONS);
            text = mutate(m, &text, &self.files, &mut r);
            done.push(format!("{m:?}"));
        }
        Mutant {
            origin: format!("{name}: {}", done.join(", ")),
            text,
        }
    }
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_py(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Mutations

#[derive(Clone, Copy, Debug)]
enum Mutation {
    DeleteToken,
    DuplicateToken,
    SwapTokens,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    ExportType,
    Number,
    Operator,
    Keyword,
    Unsupported,
    Unicode,
    Deep,
    Splice,
    Wrap,
}

use Mutation::*;

/// Token-level mutations come up more often: they make the subtler programs.
const MUTATIONS: &[Mutation] = &[
    DeleteToken,
    DeleteToken,
    DuplicateToken,
    SwapTokens,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    ExportType,
    ExportType,
    ExportType,
    Number,
    Number,
    Operator,
    Operator,
    Keyword,
    Unsupported,
    Unicode,
    Deep,
    Splice,
    Wrap,
    Wrap,
    Wrap,
];

const TYPE_WORDS: &[&str] = &[
    "int",
    "float",
    "bool",
    "complex",
    "float32",
    "float64",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "intp",
    "uintp",
    "complex64",
    "complex128",
    "list",
    "str",
    "void",
    "None",
    "capsule",
    "or",
    "set",
    "dict",
    "array",
    "float64[:]",
    "int64[:,:]",
    "float32[::]",
    "float64*",
    "int32*",
    "void*",
    "int list",
    "float list list",
    "(int, float) list",
    "(int, float)",
    "int?",
    "float[:,:,:]",
    "complex128[:]",
    "bool[:]",
    "uint8[:,:]",
];

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "-0.0",
    "0.0",
    "1e308",
    "-1e308",
    "1e-320",
    "5e-324",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "10**30",
    "2**63",
    "-2**63",
    "0x7fffffffffffffff",
    "0o777",
    "0b1010",
    "1_000_000",
    "3j",
    "1e400",
    "float('nan')",
    "-(2**62)",
    "255",
    "256",
    "-129",
    "65536",
    "4294967296",
    "0.1",
    "1.5",
    "100000000000000000000.0",
];

const OPERATORS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<", ">", "<=", ">=", "==", "!=", "&", "|", "^", "<<",
    ">>", "@", "=", "+=", "-=", "*=", "/=", "//=", "%=", ".", ",", ":", "~", "not ", "in", "is",
    "and", "or",
];

const KEYWORDS: &[&str] = &[
    "if",
    "elif",
    "else",
    "for",
    "while",
    "return",
    "and",
    "or",
    "not",
    "in",
    "is",
    "lambda",
    "None",
    "True",
    "False",
    "break",
    "continue",
    "pass",
    "def",
    "global",
    "yield",
    "del",
    "assert",
    "import",
    "from",
    "as",
    "with",
    "class",
    "try",
    "except",
    "raise",
    "range",
    "len",
    "enumerate",
    "zip",
    "reversed",
    "min",
    "max",
    "abs",
    "sum",
    "sorted",
    "int",
    "float",
    "bool",
    "complex",
    "list",
    "np",
    "math",
    "cmath",
];

const UNSUPPORTED: &[&str] = &[
    "try:\n    pass\nexcept Exception:\n    pass",
    "with open('f') as f:\n    pass",
    "class C:\n    pass",
    "global g",
    "nonlocal q",
    "del x",
    "yield 1",
    "raise ValueError('x')",
    "import os",
    "from math import *",
    "print(1)",
    "x = {1: 2}",
    "x = {1, 2}",
    "x = f'{1}'",
    "x = 'text'",
    "x = b'bytes'",
    "x = a @ b",
    "*a, b = [1, 2, 3]",
    "x = [i for i in range(3) for j in range(i)]",
    "x = (i for i in range(3))",
    "x = lambda: 0",
    "async def g():\n    pass",
    "def inner():\n    return 1",
    "match x:\n    case 1:\n        pass",
    "x: int = 1",
    "a = b = 1",
    "x = None",
    "x = ...",
    "assert False, 'no'",
    "for i in range(3):\n    pass\nelse:\n    pass",
    "while False:\n    pass\nelse:\n    pass",
    "x = 1 if True else None",
    "x = (1, 2)[5]",
    "x = [][0]",
    "x = []",
    "x.append(1)",
    "return",
    "return 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13",
    "x = [[[1]]]",
    "x = np.zeros((2, 3, 4, 5))",
    "x = np.empty(3, dtype=np.complex64)",
];

/// Valid Python around a name (`{}`): other types and operations on the same values.
const WRAPS: &[&str] = &[
    "abs({})",
    "(-{})",
    "float({})",
    "int({})",
    "({} + 0)",
    "({} * 1.0)",
    "({} if {} else {})",
    "min({}, {})",
    "max({}, 0)",
    "[{}][0]",
    "({},)[0]",
    "np.float32({})",
    "np.int8({})",
    "np.uint16({})",
    "np.int64({})",
    "complex({})",
    "{}.real",
    "(not {})",
    "({} and {})",
    "({} or 1)",
    "{} ** 2",
    "{} // 3",
    "{} % 7",
    "({} < {})",
    "len([{}])",
    "sum([{}, {}])",
    "round({})",
    "bool({})",
    "({} == {})",
    "divmod({}, 3)[0]",
    "math.sqrt(abs({}))",
    "math.floor({})",
    "(lambda t: t)({})",
    "[{} for _ in range(2)][1]",
    "({} >> 1)",
    "(~{})",
    "({} / 2)",
];

const UNICODE: &[&str] = &[
    "é",
    "ψ",
    "变量",
    "ｘ",
    "\u{200b}",
    "\u{feff}",
    "\t",
    "\r\n",
    "\r",
    "\u{0}",
    "\u{1f600}",
    "'é'",
    "#é\n",
    "µ",
    "ﬁ",
    "\u{2028}",
    "Ω",
    "\u{301}",
    "\\",
    "\"",
];

/// Tokens: identifier/number runs, whitespace runs, and single other characters.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind = 0u8;
    for (i, c) in s.char_indices() {
        let k = if c.is_alphanumeric() || c == '_' || c == '.' && kind == 1 {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if i > start && (k != kind || k == 3) {
            out.push(&s[start..i]);
            start = i;
        }
        kind = k;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn is_word(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn mutate(m: Mutation, text: &str, files: &[(String, String)], r: &mut Rng) -> String {
    let toks = tokens(text);
    let solid: Vec<usize> = (0..toks.len())
        .filter(|&i| !toks[i].trim().is_empty())
        .collect();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let join = |t: &[&str]| t.concat();
    match m {
        DeleteToken | DuplicateToken | SwapTokens if solid.is_empty() => text.to_owned(),
        DeleteToken => {
            let i = *r.pick(&solid);
            let mut t = toks.clone();
            t.remove(i);
            join(&t)
        }
        DuplicateToken => {
            let i = *r.pick(&solid);
            let mut t = toks.clone();
            t.insert(i, toks[i]);
            join(&t)
        }
        SwapTokens => {
            let (i, j) = (*r.pick(&solid), *r.pick(&solid));
            let mut t = toks.clone();
            t.swap(i, j);
            join(&t)
        }
        DeleteLine | DuplicateLine | SwapLines if lines.is_empty() => text.to_owned(),
        DeleteLine => {
            let mut l = lines.clone();
            l.remove(r.below(l.len()));
            l.concat()
        }
        DuplicateLine => {
            let mut l = lines.clone();
            let i = r.below(l.len());
            l.insert(i, lines[i]);
            l.concat()
        }
        SwapLines => {
            let mut l = lines.clone();
            let (i, j) = (r.below(l.len()), r.below(l.len()));
            l.swap(i, j);
            l.concat()
        }
        ExportType => export_type(&lines, r).unwrap_or_else(|| text.to_owned()),
        Number => {
            let nums: Vec<usize> = (0..toks.len())
                .filter(|&i| toks[i].starts_with(|c: char| c.is_ascii_digit()))
                .collect();
            if nums.is_empty() {
                return text.to_owned();
            }
            let mut t = toks.clone();
            t[*r.pick(&nums)] = *r.pick(NUMBERS);
            join(&t)
        }
        Operator => {
            let ops: Vec<usize> = (0..toks.len())
                .filter(|&i| toks[i].len() == 1 && "+-*/%<>=&|^.,:~@".contains(toks[i]))
                .collect();
            if ops.is_empty() {
                return text.to_owned();
            }
            let mut t = toks.clone();
            t[*r.pick(&ops)] = *r.pick(OPERATORS);
            join(&t)
        }
        Keyword => {
            let words: Vec<usize> = (0..toks.len()).filter(|&i| is_word(toks[i])).collect();
            if words.is_empty() {
                return text.to_owned();
            }
            let mut t = toks.clone();
            t[*r.pick(&words)] = *r.pick(KEYWORDS);
            join(&t)
        }
        Unsupported => {
            let at = r.below(lines.len() + 1);
            let indent: String = lines
                .get(at)
                .map(|l| l.chars().take_while(|c| *c == ' ').collect())
                .unwrap_or_default();
            let stmt: String = r
                .pick(UNSUPPORTED)
                .lines()
                .map(|l| format!("{indent}{l}\n"))
                .collect();
            let mut l: Vec<&str> = lines.clone();
            l.insert(at, &stmt);
            l.concat()
        }
        Unicode => {
            let u = *r.pick(UNICODE);
            let words: Vec<usize> = (0..toks.len()).filter(|&i| is_word(toks[i])).collect();
            let mut t = toks.clone();
            if !words.is_empty() && r.chance(2) {
                // A name changed everywhere it appears stays a name (or becomes an error).
                let i = *r.pick(&words);
                let renamed = format!("{}{u}", toks[i]);
                let old = toks[i];
                return toks
                    .iter()
                    .map(|x| if *x == old { renamed.as_str() } else { x })
                    .collect();
            }
            t.insert(r.below(t.len() + 1), u);
            join(&t)
        }
        Deep => deep(&toks, r).unwrap_or_else(|| text.to_owned()),
        Wrap => {
            // A name read in a function body (not a definition, call or attribute name).
            let before = |i: usize| toks[..i].iter().rev().find(|t| !t.trim().is_empty());
            let names: Vec<usize> = (0..toks.len())
                .filter(|&i| {
                    is_word(toks[i])
                        && !toks[i].starts_with(|c: char| c.is_ascii_digit())
                        && !KEYWORDS.contains(&toks[i])
                        && toks.get(i + 1).is_none_or(|n| *n != "(" && *n != "=")
                        && !matches!(before(i), Some(&("." | "def" | "export" | "as" | "import")))
                })
                .collect();
            if names.is_empty() {
                return text.to_owned();
            }
            let i = *r.pick(&names);
            let wrapped = r.pick(WRAPS).replace("{}", toks[i]);
            let mut t: Vec<&str> = toks.clone();
            t[i] = &wrapped;
            join(&t)
        }
        Splice => {
            let (_, other) = r.pick(files);
            let other: Vec<&str> = other.split_inclusive('\n').collect();
            if other.is_empty() {
                return text.to_owned();
            }
            let mut l = lines.clone();
            let take = 1 + r.below(6);
            let from = r.below(other.len());
            let at = r.below(l.len() + 1);
            for (k, line) in other[from..(from + take).min(other.len())]
                .iter()
                .enumerate()
            {
                l.insert(at + k, line);
            }
            l.concat()
        }
    }
}

/// Changes one type word of an export line (or adds one).
fn export_type(lines: &[&str], r: &mut Rng) -> Option<String> {
    let exports: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(" export "))
        .collect();
    let &i = exports.get(r.below(exports.len()))?;
    let line = lines[i];
    let toks = tokens(line);
    let words: Vec<usize> = (0..toks.len())
        .filter(|&k| TYPE_WORDS.contains(&toks[k]) || toks[k] == "[" || toks[k] == "*")
        .collect();
    let mut t: Vec<String> = toks.iter().map(|x| (*x).to_owned()).collect();
    let word = *r.pick(TYPE_WORDS);
    match words.get(r.below(words.len() + 1)) {
        Some(&k) if r.chance(4) => t.insert(k + 1, format!(" {word}")),
        Some(&k) => t[k] = word.to_owned(),
        None => {
            // One more argument.
            let close = t.iter().rposition(|x| x == ")")?;
            t.insert(close, format!(", {word}"));
        }
    }
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    out[i] = t.concat();
    Some(out.concat())
}

/// Nests a name deeply: brackets, unary operators, long operator chains, conditionals.
fn deep(toks: &[&str], r: &mut Rng) -> Option<String> {
    let names: Vec<usize> = (0..toks.len())
        .filter(|&i| {
            is_word(toks[i])
                && !toks[i].starts_with(|c: char| c.is_ascii_digit())
                && !KEYWORDS.contains(&toks[i])
        })
        .collect();
    let &i = names.get(r.below(names.len()))?;
    let name = toks[i];
    let n = *r.pick(&[3usize, 60, 199, 201, 700, 2990, 3100]);
    let nested = match r.below(7) {
        0 => format!("{}{name}{}", "(".repeat(n), ")".repeat(n)),
        1 => format!("{}{name}", "-".repeat(n)),
        2 => format!("({})", vec![name; n].join(" + ")),
        3 => format!("({})", vec![name; n].join(" < ")),
        4 => format!("({})", vec![name; n].join(" ** ")),
        5 => format!("({})", vec![name; n].join(" and ")),
        _ => {
            let arms: Vec<String> = (0..n).map(|k| format!("{name} if {name} > {k}")).collect();
            format!("({} else {name})", arms.join(" else "))
        }
    };
    let mut t: Vec<String> = toks.iter().map(|x| (*x).to_owned()).collect();
    t[i] = nested;
    Some(t.concat())
}

// ---------------------------------------------------------------------------------------
// Child: translate a batch

/// Reads `dir/batch-<k>.in`, translates each input, and prints `<index> <ok|err|panic>
/// <microseconds>` per input as soon as it is done. Accepted inputs marked for
/// compilation leave their code in `dir/m<index>.rs`, panics their message in
/// `dir/panic-<index>.txt`.
fn child(args: &[String]) {
    let (Some(file), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: fuzz --child <batch file> <dir>");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let mut data = Vec::new();
    if std::fs::File::open(file)
        .and_then(|mut f| f.read_to_end(&mut data))
        .is_err()
    {
        std::process::exit(2);
    }
    let message: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
    let hook_message = Arc::clone(&message);
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut m) = hook_message.lock() {
            *m = info.to_string();
        }
    }));
    let mut stdout = std::io::stdout().lock();
    for (index, flags, text) in decode(&data) {
        let mut config = Config::new();
        config.bounds_checks(flags & 2 == 0);
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| match translate(text, "fuzz.py", &config) {
            Ok(o) => {
                let _ = o.warnings.render();
                Some(o.code)
            }
            Err(d) => {
                let _ = d.render();
                None
            }
        });
        let micros = start.elapsed().as_micros();
        let status = match result {
            Ok(Some(code)) => {
                if flags & 1 != 0 {
                    let _ = std::fs::write(dir.join(format!("m{index}.rs")), code);
                }
                "ok"
            }
            Ok(None) => "err",
            Err(_) => {
                let m = message.lock().map(|m| m.clone()).unwrap_or_default();
                let _ = std::fs::write(dir.join(format!("panic-{index}.txt")), m);
                "panic"
            }
        };
        let _ = writeln!(stdout, "{index} {status} {micros}");
        let _ = stdout.flush();
    }
}

/// A batch file: `index: u64, flags: u8, length: u32, text` repeated (little endian).
fn encode(items: &[(u64, u8, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (index, flags, text) in items {
        out.extend_from_slice(&index.to_le_bytes());
        out.push(*flags);
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    out
}

fn decode(mut data: &[u8]) -> Vec<(u64, u8, &str)> {
    let mut out = Vec::new();
    while data.len() >= 13 {
        let index = u64::from_le_bytes(data[..8].try_into().unwrap_or_default());
        let flags = data[8];
        let len = u32::from_le_bytes(data[9..13].try_into().unwrap_or_default()) as usize;
        let Some(text) = data.get(13..13 + len) else {
            break;
        };
        out.push((index, flags, std::str::from_utf8(text).unwrap_or("")));
        data = &data[13 + len..];
    }
    out
}

// ---------------------------------------------------------------------------------------
// Parent: batches, children, findings, compilation

#[derive(Default)]
struct Stats {
    inputs: u64,
    accepted: u64,
    rejected: u64,
    panics: u64,
    aborts: u64,
    hangs: u64,
    slow: u64,
    slowest: (u128, u64),
    compiled: u64,
    /// Sampled accepted mutants not compiled: generated code over `MAX_COMPILED_BYTES`.
    too_big: u64,
    rustc_errors: u64,
    elapsed: Duration,
}

/// Sampled modules larger than this are not type-checked (they take rustc minutes).
const MAX_COMPILED_BYTES: usize = 4 << 20;

impl Stats {
    fn found(&self) -> u64 {
        self.panics + self.aborts + self.hangs + self.slow + self.rustc_errors
    }

    fn summary(&self, o: &Options) -> String {
        format!(
            "seed {}: {} inputs ({} accepted, {} refused with diagnostics) in {:.0} s; \
             panics {}, aborts {}, hangs {}, slow (> {} ms) {}; slowest input {} ({:.1} ms); \
             accepted mutants compiled {} (not compiled, over 4 MiB: {}), rustc errors {}",
            o.seed,
            self.inputs,
            self.accepted,
            self.rejected,
            self.elapsed.as_secs_f64(),
            self.panics,
            self.aborts,
            self.hangs,
            o.slow.as_millis(),
            self.slow,
            self.slowest.1,
            self.slowest.0 as f64 / 1000.0,
            self.compiled,
            self.too_big,
            self.rustc_errors,
        )
    }
}

/// Shared by the worker threads.
struct Shared {
    next_batch: u64,
    stats: Stats,
    /// Generated code of accepted mutants waiting to be compiled: index → code.
    to_compile: BTreeMap<u64, String>,
}

fn run(o: &Options, pool: &Pool, range: &[u64]) -> Stats {
    let start = Instant::now();
    let _ = std::fs::create_dir_all(&o.findings);
    let work = std::env::temp_dir().join(format!("pykernel-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&work);
    let shared = Mutex::new(Shared {
        next_batch: 0,
        stats: Stats::default(),
        to_compile: BTreeMap::new(),
    });
    let batches: Vec<&[u64]> = range.chunks(o.batch as usize).collect();
    let progress = Mutex::new(Instant::now());
    std::thread::scope(|s| {
        for job in 0..o.jobs {
            let (shared, batches, work, progress, start) =
                (&shared, &batches, &work, &progress, &start);
            s.spawn(move || {
                let dir = work.join(format!("job{job}"));
                let _ = std::fs::create_dir_all(&dir);
                loop {
                    let b = {
                        let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
                        let b = sh.next_batch;
                        sh.next_batch += 1;
                        b
                    };
                    let Some(batch) = batches.get(b as usize) else {
                        break;
                    };
                    if o.budget.is_some_and(|b| start.elapsed() > b) {
                        break;
                    }
                    let items: Vec<(u64, u8, String)> = batch
                        .iter()
                        .map(|&i| (i, flags(o, i), pool.mutant(o.seed, i).text))
                        .collect();
                    run_batch(o, pool, &dir, &items, shared);
                    let ready = {
                        let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
                        if sh.to_compile.len() >= o.compile_batch {
                            std::mem::take(&mut sh.to_compile)
                        } else {
                            BTreeMap::new()
                        }
                    };
                    if !ready.is_empty() {
                        compile(o, pool, &ready, shared, job);
                    }
                    let mut last = progress.lock().unwrap_or_else(|e| e.into_inner());
                    if last.elapsed() > Duration::from_secs(30) {
                        *last = Instant::now();
                        let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
                        sh.stats.elapsed = start.elapsed();
                        eprintln!("fuzz: {}", sh.stats.summary(o));
                    }
                }
            });
        }
    });
    let rest = std::mem::take(&mut shared.lock().unwrap_or_else(|e| e.into_inner()).to_compile);
    if !rest.is_empty() {
        compile(o, pool, &rest, &shared, 0);
    }
    let _ = std::fs::remove_dir_all(&work);
    let mut stats = std::mem::take(&mut shared.lock().unwrap_or_else(|e| e.into_inner()).stats);
    stats.elapsed = start.elapsed();
    stats
}

/// Bit 0: compile the code if accepted; bit 1: translate without bounds checks.
fn flags(o: &Options, index: u64) -> u8 {
    let mut r = Rng::for_input(o.seed ^ 0xc0de, index);
    let compile = o.compile_every > 0 && r.next() % o.compile_every == 0;
    let unchecked = r.chance(4);
    u8::from(compile) | (u8::from(unchecked) << 1)
}

/// What a child reported about one input.
enum Outcome {
    Done(String, u128),
    /// The child died (signal or exit status) or hung on this input.
    Died(String),
}

/// Runs `items` in one child; on a crash, the input it died on is run alone to confirm,
/// saved, and the rest of the batch goes on in a new child.
fn run_batch(
    o: &Options,
    pool: &Pool,
    dir: &Path,
    items: &[(u64, u8, String)],
    shared: &Mutex<Shared>,
) {
    let mut rest = items;
    while !rest.is_empty() {
        let outcomes = run_child(o, dir, rest);
        let done = outcomes.len();
        for (k, mut outcome) in outcomes.into_iter().enumerate() {
            let (index, flags, text) = &rest[k];
            // Slow once may be a busy machine: timed again alone, the faster time counts.
            if let Outcome::Done(_, micros) = &mut outcome
                && *micros > o.slow.as_micros()
                && let Some(Outcome::Done(_, again)) = run_child(o, dir, &rest[k..=k]).first()
            {
                *micros = (*micros).min(*again);
            }
            let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
            sh.stats.inputs += 1;
            match outcome {
                Outcome::Done(status, micros) => {
                    if micros > sh.stats.slowest.0 {
                        sh.stats.slowest = (micros, *index);
                    }
                    if micros > o.slow.as_micros() {
                        sh.stats.slow += 1;
                        let note = format!("translate took {:.1} ms", micros as f64 / 1000.0);
                        save(o, pool, "slow", *index, text, &note);
                    }
                    match status.as_str() {
                        "ok" => {
                            sh.stats.accepted += 1;
                            if flags & 1 != 0 {
                                let file = dir.join(format!("m{index}.rs"));
                                // Huge modules (thousands-deep expressions) take rustc
                                // minutes each and stall the whole batch: counted apart.
                                match std::fs::read_to_string(&file) {
                                    Ok(code) if code.len() > MAX_COMPILED_BYTES => {
                                        sh.stats.too_big += 1;
                                    }
                                    Ok(code) => {
                                        sh.to_compile.insert(*index, code);
                                    }
                                    Err(_) => {}
                                }
                                let _ = std::fs::remove_file(file);
                            }
                        }
                        "err" => sh.stats.rejected += 1,
                        _ => {
                            sh.stats.panics += 1;
                            let file = dir.join(format!("panic-{index}.txt"));
                            let m = std::fs::read_to_string(&file).unwrap_or_default();
                            let _ = std::fs::remove_file(file);
                            save(o, pool, "panic", *index, text, &m);
                        }
                    }
                }
                Outcome::Died(why) => {
                    drop(sh);
                    // Confirm alone (a crash of the batch's process may come from an
                    // earlier input's leftovers).
                    let alone = run_child(o, dir, &rest[k..=k]);
                    let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
                    match alone.first() {
                        Some(Outcome::Died(why)) => {
                            if why.starts_with("hang") {
                                sh.stats.hangs += 1;
                            } else {
                                sh.stats.aborts += 1;
                            }
                            save(
                                o,
                                pool,
                                if why.starts_with("hang") {
                                    "hang"
                                } else {
                                    "abort"
                                },
                                *index,
                                text,
                                why,
                            );
                        }
                        _ => {
                            sh.stats.aborts += 1;
                            let note = format!("{why} in a batch, not when run alone");
                            save(o, pool, "abort", *index, text, &note);
                        }
                    }
                }
            }
        }
        rest = &rest[done.min(rest.len())..];
    }
}

/// Runs one child on `items`: an outcome per input it finished, then at most one
/// `Died` for the input it was on when it died.
fn run_child(o: &Options, dir: &Path, items: &[(u64, u8, String)]) -> Vec<Outcome> {
    let batch = dir.join("batch.in");
    if std::fs::write(&batch, encode(items)).is_err() {
        return vec![Outcome::Died("cannot write the batch file".into())];
    }
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => return vec![Outcome::Died(format!("no executable: {e}"))],
    };
    let spawned = Command::new(exe)
        .arg("--child")
        .arg(&batch)
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child: Child = match spawned {
        Ok(c) => c,
        Err(e) => return vec![Outcome::Died(format!("cannot start a child: {e}"))],
    };
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        if let Some(out) = stdout {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        }
    });
    let mut stderr_text = String::new();
    let mut stderr = child.stderr.take();
    let mut outcomes = Vec::new();
    let mut hung = false;
    while outcomes.len() < items.len() {
        match rx.recv_timeout(o.hang) {
            Ok(line) => {
                let mut parts = line.split(' ');
                let (_, status, micros) = (parts.next(), parts.next(), parts.next());
                let micros = micros.and_then(|m| m.parse().ok()).unwrap_or(0);
                outcomes.push(Outcome::Done(status.unwrap_or("?").to_owned(), micros));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                hung = true;
                let _ = child.kill();
                break;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait();
    let _ = reader.join();
    if let Some(e) = stderr.as_mut() {
        let _ = e.read_to_string(&mut stderr_text);
    }
    if outcomes.len() < items.len() {
        let why = if hung {
            format!("hang: no result within {} s", o.hang.as_secs())
        } else {
            let tail: String = stderr_text
                .lines()
                .rev()
                .take(5)
                .collect::<Vec<_>>()
                .join(" | ");
            format!("child died ({}): {tail}", describe(status))
        };
        outcomes.push(Outcome::Died(why));
    }
    outcomes
}

fn describe(status: std::io::Result<std::process::ExitStatus>) -> String {
    match status {
        Ok(s) => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(sig) = s.signal() {
                    return format!("signal {sig}");
                }
            }
            format!("{s}")
        }
        Err(e) => format!("unknown status: {e}"),
    }
}

/// Saves a finding: the input as `<kind>-s<seed>-i<index>.py` with a note next to it.
fn save(o: &Options, pool: &Pool, kind: &str, index: u64, text: &str, note: &str) {
    let base = o.findings.join(format!("{kind}-s{}-i{index}", o.seed));
    let _ = std::fs::write(base.with_extension("py"), text);
    let origin = pool.mutant(o.seed, index).origin;
    let replay = format!(
        "scripts/fuzz-translator.sh --seed {} --only {index}",
        o.seed
    );
    let _ = std::fs::write(
        base.with_extension("txt"),
        format!("{kind}: {note}\nfrom {origin}\nreplay: {replay}\n"),
    );
    eprintln!(
        "fuzz: {kind} on input {index} (saved {}.py)",
        base.display()
    );
}

/// Type-checks generated modules in one scratch crate; the modules rustc complains about
/// are saved with its errors.
fn compile(
    o: &Options,
    pool: &Pool,
    modules: &BTreeMap<u64, String>,
    shared: &Mutex<Shared>,
    job: usize,
) {
    let failing = check(modules, job);
    let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
    sh.stats.compiled += modules.len() as u64;
    match failing {
        Ok(()) => {}
        Err(errors) => {
            let named: BTreeSet<u64> = errors
                .lines()
                .filter(|l| l.contains(": error"))
                .filter_map(|l| l.split("src/m").nth(1))
                .filter_map(|rest| rest.split(".rs").next()?.parse().ok())
                .filter(|i| modules.contains_key(i))
                .collect();
            drop(sh);
            // Unattributed (e.g. rustc crashed): check one module at a time.
            let named = if named.is_empty() {
                modules
                    .iter()
                    .filter(|(i, code)| {
                        let one = BTreeMap::from([(**i, (*code).clone())]);
                        check(&one, job).is_err()
                    })
                    .map(|(i, _)| *i)
                    .collect()
            } else {
                named
            };
            let mut sh = shared.lock().unwrap_or_else(|e| e.into_inner());
            if named.is_empty() {
                sh.stats.rustc_errors += 1;
                eprintln!("fuzz: the scratch crate failed, no single module does:\n{errors}");
            }
            for i in named {
                sh.stats.rustc_errors += 1;
                let text = pool.mutant(o.seed, i).text;
                let code = modules.get(&i).cloned().unwrap_or_default();
                let base = o.findings.join(format!("rustc-s{}-i{i}", o.seed));
                let _ = std::fs::write(base.with_extension("rs"), code);
                let mine: String = errors
                    .lines()
                    .filter(|e| e.contains(&format!("src/m{i}.rs:")) && e.contains(": error"))
                    .collect::<Vec<_>>()
                    .join("\n");
                save(
                    o,
                    pool,
                    "rustc",
                    i,
                    &text,
                    if mine.is_empty() { &errors } else { &mine },
                );
            }
        }
    }
}

/// `cargo check` of a scratch crate with the modules; `Err(stderr)` if it fails.
fn check(modules: &BTreeMap<u64, String>, job: usize) -> Result<(), String> {
    let dir = repo().join(format!("target/tmp/fuzz-compile-{job}"));
    let src = dir.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).map_err(|e| e.to_string())?;
    let mut lib = String::from("#![allow(dead_code, unused)]\n");
    for (i, code) in modules {
        std::fs::write(src.join(format!("m{i}.rs")), code).map_err(|e| e.to_string())?;
        let _ = writeln!(lib, "mod m{i} {{ include!(\"m{i}.rs\"); }}");
    }
    std::fs::write(src.join("lib.rs"), lib).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"fuzz-compile\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n\n\
         [dependencies]\npykernel = {{ path = {:?}, features = [\"pyo3\"] }}\n",
        repo().join("pykernel").to_string_lossy()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "check",
            "--quiet",
            "--message-format=short",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo().join("target/accepted-compiles"))
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}
