//! End-to-end tests: each starts Alerta on a free port with a fresh database
//! (SQLite by default; PostgreSQL when ALERTA_TEST_DATABASE_URL names a
//! server) and talks to it over HTTP, as a client would.

mod common;

mod authorization;
mod backup;
mod bad_input;
mod bounces;
mod browser;
mod cases;
mod cli;
mod cluster;
mod concurrency;
mod corridors;
mod crash;
mod delivery;
mod disk;
mod dispatch;
mod dkim;
mod exchange;
mod forwarding;
mod jobs;
mod limits;
mod mail;
mod openapi;
mod ops;
mod organisations;
mod pages;
mod partners;
mod pfif;
mod posters;
mod security;
mod sessions;
mod smtp;
mod subscriptions;
mod volunteers;
