//! The message catalogue: every user-facing text of the translator lives here.
//!
//! Each function returns a [`Message`] (headline, caret label, optional hint) and each
//! has a stable code (`PK0xxx`). Passes never format user-facing text themselves.

pub mod exports;
pub mod kernel;
pub mod numpy;

/// A catalogue entry, filled in with the specifics of one occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Stable code, e.g. `PK0101`.
    pub code: Option<&'static str>,
    /// The headline (`error: ...`).
    pub text: String,
    /// The label under the caret.
    pub label: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl Message {
    /// A message with a code, headline and label.
    pub fn new(code: &'static str, text: impl Into<String>, label: impl Into<String>) -> Self {
        Message {
            code: Some(code),
            text: text.into(),
            label: label.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}
