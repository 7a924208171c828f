//! factlint: a fact-consistency linter for news articles.
//!
//! The pipeline reads as the module list: input -> text -> analysis -> rules ->
//! finding -> report -> render.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diff;
pub mod document;
pub mod finding;
pub mod input;
pub mod render;
pub mod report;
pub mod rules;
pub mod text;

pub use document::Document;
pub use finding::{Finding, Severity};
pub use rules::RuleSet;
