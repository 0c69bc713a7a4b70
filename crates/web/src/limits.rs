//! Rate limits: how often one client (or one address) may knock.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::AppState;
use crate::error::ApiError;

/// A limit: at most `max` hits per `window_minutes`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub max: i64,
    pub window_minutes: i64,
}

/// Subscriptions from one client: enough for a family filling in several
/// zones, far too few to subscribe strangers in bulk.
pub const SUBSCRIBE_PER_CLIENT: Limit = Limit {
    name: "subscribe-client",
    max: 20,
    window_minutes: 60,
};
/// Subscription requests naming one address, whoever sends them.
pub const SUBSCRIBE_PER_ADDRESS: Limit = Limit {
    name: "subscribe-address",
    max: 5,
    window_minutes: 60,
};
/// Tips from one client: a witness with several things to say, not a flood.
pub const TIPS_PER_CLIENT: Limit = Limit {
    name: "tips-client",
    max: 10,
    window_minutes: 10,
};
/// Sign-in attempts from one client.
pub const SIGN_IN_PER_CLIENT: Limit = Limit {
    name: "sign-in-client",
    max: 20,
    window_minutes: 10,
};

/// Counts a hit for `subject` (an IP, or a hash: never an address in clear)
/// and refuses it with 429 past the limit.
pub async fn check(state: &AppState, limit: Limit, subject: &str) -> Result<(), ApiError> {
    let window = chrono::Duration::minutes(limit.window_minutes);
    let key = format!("{}:{subject}", limit.name);
    let hits = state.store.hit(&key, window, state.now()).await?;
    if hits > limit.max {
        return Err(ApiError::RateLimited {
            retry_after_seconds: limit.window_minutes * 60,
        });
    }
    Ok(())
}

/// The address a request came from: the socket's, or, behind a reverse proxy
/// the operator trusts, the last hop that proxy recorded in X-Forwarded-For.
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if state.settings.trust_forwarded_for
            && let Some(ip) = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
                .next_back()
        {
            return Ok(ClientIp(ip));
        }
        let socket = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientIp(socket.unwrap_or(IpAddr::from([0, 0, 0, 0]))))
    }
}
