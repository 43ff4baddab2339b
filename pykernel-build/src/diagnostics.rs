//! Diagnostics: spans, collected errors and warnings, and their rustc-style rendering.
//!
//! Every pass reports problems as [`Diagnostic`]s built from the message catalogue
//! ([`crate::messages`]); nothing in the translator prints or panics on user input.

use std::fmt;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Chars, Config as TermConfig};

use crate::messages::Message;

/// A byte range in a kernel source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span covering `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The build fails.
    Error,
    /// Reported as `cargo:warning=`; the build goes on (unless warnings are errors).
    Warning,
}

/// One problem found in a kernel file, with its place and the catalogue message.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the source.
    pub span: Span,
    /// What the catalogue says about it.
    pub message: Message,
    /// Other places that explain the problem (e.g. "first assigned here").
    pub secondary: Vec<(Span, String)>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message,
            secondary: Vec::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message,
            secondary: Vec::new(),
        }
    }

    /// Adds a secondary label.
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push((span, label.into()));
        self
    }

    /// Is this an error?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// All diagnostics of one kernel file, with what is needed to render them.
#[derive(Clone, Default, PartialEq)]
pub struct Diagnostics {
    /// Path shown in `path:line:col`.
    pub path: String,
    /// Source text the spans point into.
    pub source: String,
    /// The diagnostics, in source order.
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty set for `path`.
    pub fn new(path: impl Into<String>, source: impl Into<String>) -> Self {
        Diagnostics {
            path: path.into(),
            source: source.into(),
            items: Vec::new(),
        }
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds many.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// Any error among them?
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Only the warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    /// `(line, column)`, both 1-based, of a byte offset (column counts characters).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.source, offset)
    }

    /// Renders every diagnostic rustc-style, without colours. The same message on the
    /// same line is shown once (`[p < q, p < q, ...]` would repeat the whole line).
    pub fn render(&self) -> String {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by_key(|d| (d.span.start, d.span.end));
        // Built once: codespan indexes the lines of the whole source.
        let file = SimpleFile::new(self.path.as_str(), self.source.as_str());
        let newlines: Vec<usize> = self.source.match_indices('\n').map(|(i, _)| i).collect();
        let mut seen = std::collections::HashSet::new();
        let mut out = items
            .into_iter()
            .filter(|d| {
                let line = newlines.partition_point(|&n| n < d.span.start);
                seen.insert((d.is_error(), d.message.code, d.message.text.as_str(), line))
            })
            .map(|d| self.render_in(&file, d).trim_end().to_owned())
            .collect::<Vec<_>>()
            .join("\n\n");
        out.push('\n');
        out
    }

    /// Renders one diagnostic rustc-style.
    pub fn render_one(&self, d: &Diagnostic) -> String {
        let file = SimpleFile::new(self.path.as_str(), self.source.as_str());
        self.render_in(&file, d)
    }

    fn render_in(&self, file: &SimpleFile<&str, &str>, d: &Diagnostic) -> String {
        let clamp = |s: Span| {
            let end = s.end.min(self.source.len());
            let start = s.start.min(end);
            start..end
        };
        let mut labels =
            vec![Label::primary((), clamp(d.span)).with_message(d.message.label.clone())];
        for (s, l) in &d.secondary {
            labels.push(Label::secondary((), clamp(*s)).with_message(l.clone()));
        }
        let base = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        };
        let mut cs = base
            .with_message(d.message.text.clone())
            .with_labels(labels);
        if let Some(code) = d.message.code {
            cs = cs.with_code(code);
        }
        if let Some(hint) = &d.message.hint {
            cs = cs.with_notes(vec![format!("help: {hint}")]);
        }
        let mut out = Vec::new();
        // Rendering into memory cannot fail except on a broken span; fall back to a plain line.
        let config = TermConfig {
            chars: Chars::ascii(),
            ..TermConfig::default()
        };
        if term::emit_to_io_write(&mut out, &config, file, &cs).is_err() {
            let (l, c) = self.line_col(d.span.start);
            return format!("{}:{l}:{c}: {}\n", self.path, d.message.text);
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// One line per diagnostic: `path:line:col: severity: message` (used for `cargo:warning=`).
    pub fn short(&self, d: &Diagnostic) -> String {
        let (l, c) = self.line_col(d.span.start);
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let hint = d
            .message
            .hint
            .as_ref()
            .map(|h| format!(" (help: {h})"))
            .unwrap_or_default();
        format!("{}:{l}:{c}: {sev}: {}{hint}", self.path, d.message.text)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl fmt::Debug for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostics {}

/// `(line, column)`, both 1-based, of a byte offset in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let src = "ab\ncd\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 4), (2, 2));
        assert_eq!(line_col(src, 100), (3, 1));
    }

    #[test]
    fn render_has_path_line_col_and_caret() {
        let mut ds = Diagnostics::new("k.py", "x = 1\ny = zz\n");
        ds.push(Diagnostic::error(
            Span::new(10, 12),
            Message::new("E0000", "unknown name `zz`", "not defined").hint("define it first"),
        ));
        let out = ds.render();
        assert!(out.contains("k.py:2:5"), "{out}");
        assert!(out.contains("^^"), "{out}");
        assert!(out.contains("help: define it first"), "{out}");
    }
}
