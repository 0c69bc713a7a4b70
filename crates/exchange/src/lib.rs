//! Alerta in the formats other systems read: CAP 1.2 alerts and their Atom
//! feed (alerting hubs, news sites, apps). No HTTP, no SQL: cases and their
//! history in, documents out.

pub mod cap;
pub mod feeds;
mod xml;
