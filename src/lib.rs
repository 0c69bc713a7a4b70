//! The `alerta` program: settings, wiring and the command line. The work
//! itself lives in the crates under `crates/`.

pub mod accounts;
pub mod app;
pub mod backup;
pub mod bounces;
pub mod demo;
pub mod dispatch;
pub mod dkim;
pub mod import;
pub mod orgs;
pub mod partners;
pub mod poster;
pub mod serve;
pub mod settings;

pub use settings::Settings;
