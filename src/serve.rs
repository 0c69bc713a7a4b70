//! The HTTP server loop: HTTP/1.1 over hyper, with the bounds a public
//! server needs and `axum::serve` does not set. A client that drips its
//! request headers is cut off after a deadline; a request body that stops
//! coming is cut off after a while without a byte; one client address holds
//! a bounded number of connections, so a few slow clients cannot take every
//! socket the process has.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// How long clients may take, and how many connections each may hold.
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    /// From the connection (or the previous request) to the end of a
    /// request's headers.
    pub header_timeout: Duration,
    /// Longest wait for the next piece of a request's body.
    pub body_timeout: Duration,
    /// Open connections per client address; None for no bound (behind a
    /// reverse proxy every connection comes from the proxy).
    pub connections_per_client: Option<usize>,
}

/// Open connections per client address.
#[derive(Clone, Default)]
struct OpenConnections(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One open connection of a client, counted until it is dropped.
struct ConnectionSlot {
    open: OpenConnections,
    client: IpAddr,
}

impl OpenConnections {
    /// A slot for a new connection of `client`, unless it holds `max` already.
    fn take(&self, client: IpAddr, max: Option<usize>) -> Option<ConnectionSlot> {
        let mut open = self.0.lock().expect("not poisoned");
        let held = open.entry(client).or_insert(0);
        if max.is_some_and(|max| *held >= max) {
            return None;
        }
        *held += 1;
        Some(ConnectionSlot {
            open: self.clone(),
            client,
        })
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut open = self.open.0.lock().expect("not poisoned");
        if let Some(held) = open.get_mut(&self.client) {
            *held -= 1;
            if *held == 0 {
                open.remove(&self.client);
            }
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the
/// requests in progress finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let open = OpenConnections::default();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset while
                    // queued: wait a moment rather than spin.
                    tracing::warn!(error = %alerta_core::Chain(&e), "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let Some(slot) = open.take(peer.ip(), limits.connections_per_client) else {
            metrics::counter!("alerta_connections_refused_total").increment(1);
            tracing::debug!("a client holds too many connections: one more refused");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(
                TokioIo::new(stream),
                TowerToHyperService::new(service_for(&app, peer, limits.body_timeout)),
            );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _slot = slot;
            if let Err(e) = connection.await {
                tracing::debug!(error = %alerta_core::Chain(&e), "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// The application as one connection sees it: its client's address for
/// [`ConnectInfo`], and a body that must keep coming.
fn service_for(
    app: &Router,
    peer: SocketAddr,
    body_timeout: Duration,
) -> impl tower::Service<
    hyper::Request<Incoming>,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone
+ Send
+ 'static {
    ServiceBuilder::new()
        .map_request(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        })
        .layer(RequestBodyTimeoutLayer::new(body_timeout))
        .map_request(|request: hyper::Request<_>| request.map(Body::new))
        .service(app.clone())
}
