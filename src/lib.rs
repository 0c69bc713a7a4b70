//! The `alerta` program: settings, wiring and the command line. The work
//! itself lives in the crates under `crates/`.

pub mod app;
pub mod demo;
pub mod dispatch;
pub mod import;
pub mod poster;
pub mod settings;

pub use settings::Settings;
