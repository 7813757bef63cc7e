//! careers: a static careers-site generator.
//!
//! The build is a pipeline, and the module tree follows it:
//! [`config`] (site.yaml) → [`content`] (discover and parse postings, pages, FAQ) →
//! [`validate`] (checks across files) → [`render`] (Markdown, templates, structured data,
//! feeds) → [`output`] (staging folder swapped in atomically). [`build`] runs the pipeline;
//! [`commands`], [`watch`] and [`serve`] are the CLI on top of it.

// Diagnostics are returned by value on purpose: failures are rare, and a plain struct keeps
// every stage's error handling simple. Boxing them would only satisfy this size lint.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod cli;
pub mod commands;
pub mod config;
pub mod console;
pub mod content;
pub(crate) mod decap;
pub mod diagnostics;
pub(crate) mod explain;
pub mod i18n;
pub(crate) mod lint;
pub mod markdown;
pub mod output;
mod platform;
pub mod render;
pub(crate) mod schema;
pub mod serve;
pub mod source;
pub mod timings;
pub mod validate;
pub mod watch;
pub(crate) mod yaml;
