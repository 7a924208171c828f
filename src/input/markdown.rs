//! Markdown with front matter. (Minimal: fleshed out in the input-formats work.)

use super::InputError;
use crate::document::Document;

pub(super) fn parse(path: &str, source: String) -> Result<Document, InputError> {
    super::plain::parse(path, source)
}
