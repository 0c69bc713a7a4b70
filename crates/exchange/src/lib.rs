//! Alerta in the formats other systems read: CAP 1.2 alerts and their Atom
//! feed (alerting hubs, news sites, apps), and PFIF 1.4 records both ways
//! (Person Finder and its peers). No HTTP, no SQL: cases and their history
//! in, documents out; documents in, checked case details out.

pub mod cap;
pub mod feeds;
pub mod pfif;
mod xml;
