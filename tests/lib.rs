//! Every integration test but the browser suite, in one test binary: the CLI on fixture
//! sites, hostile input and faults, the HR workflow, incremental rebuilds, search-engine
//! output, themes, and `watch`/`serve` end to end. The browser suite is its own target
//! (`tests/browser.rs`), run by `tests/run`.

mod common;

mod authoring;
mod body;
mod build;
mod explain;
mod facts;
mod hostile;
mod hr_workflow;
mod incremental;
mod init_site;
mod job_ad_laws;
mod job_boards;
mod languages;
mod pasted;
mod related;
mod schema;
mod scripts;
mod seo;
mod theme;
mod watch_serve;
