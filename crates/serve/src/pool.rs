//! A fixed pool of worker threads, each holding its own SQLite connection,
//! fed through a bounded queue.
//!
//! Every store call blocks, so it cannot run on the async threads. Tokio's
//! blocking pool would grow a thread per waiting request (hundreds under
//! load); here the thread count is fixed at start-up, a request waits in a
//! queue of bounded length, and when the queue is full it is answered 503
//! at once. Each job carries a deadline: a job still queued at its deadline
//! is not run, and SQLite work running past it is interrupted
//! ([`SqliteStore::set_deadline`]), both answered 503.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use claimtrace_store::SqliteStore;

use crate::error::{ApiError, Error, Result};

type Job = Box<dyn FnOnce(&mut SqliteStore) + Send>;

/// Worker threads sharing one bounded queue.
pub struct Pool {
    queue: SyncSender<Job>,
    name: &'static str,
}

impl Pool {
    /// One thread per store, named `claimtrace-{name}-{i}`; at most `queue`
    /// jobs wait for a free worker.
    pub fn start(name: &'static str, stores: Vec<SqliteStore>, queue: usize) -> Result<Pool> {
        let (tx, rx) = sync_channel::<Job>(queue);
        let rx = Arc::new(Mutex::new(rx));
        for (i, store) in stores.into_iter().enumerate() {
            let rx = Arc::clone(&rx);
            std::thread::Builder::new()
                .name(format!("claimtrace-{name}-{i}"))
                .spawn(move || work(store, &rx))
                .map_err(Error::Io)?;
        }
        Ok(Pool { queue: tx, name })
    }

    /// Run `f` on a worker's connection within `budget` from now.
    pub async fn run<T, F>(&self, budget: Duration, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let deadline = Instant::now() + budget;
        let (done, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |store| {
            let _ = done.send(run_job(store, deadline, budget, f));
        });
        self.queue.try_send(job).map_err(|e| match e {
            TrySendError::Full(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                format!(
                    "the server is busy: every {} worker is taken and the queue is full; \
                     retry shortly",
                    self.name
                ),
            ),
            TrySendError::Disconnected(_) => ApiError::internal("the request workers stopped"),
        })?;
        // A job stuck behind slow ones answers at its deadline; the worker
        // skips it when it comes up.
        match tokio::time::timeout_at(deadline.into(), answer).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(ApiError::internal("request worker failed")),
            Err(_) => Err(timeout(budget)),
        }
    }
}

fn work(mut store: SqliteStore, rx: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while taking the next job.
        let job = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        match job {
            Ok(job) => job(&mut store),
            Err(_) => return,
        }
    }
}

fn run_job<T>(
    store: &mut SqliteStore,
    deadline: Instant,
    budget: Duration,
    f: impl FnOnce(&mut SqliteStore) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    if Instant::now() >= deadline {
        return Err(timeout(budget));
    }
    store.set_deadline(Some(deadline))?;
    // A panic in a handler is a bug; it must not take the worker down.
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut *store)))
        .unwrap_or_else(|_| Err(ApiError::internal("the request handler panicked")));
    store.set_deadline(None)?;
    result
}

/// The answer for work past its time budget.
pub fn timeout(budget: Duration) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "timeout",
        format!(
            "the request did not finish within its time budget of {} ms; narrow it \
             (filters, fewer search words, a smaller page)",
            budget.as_millis()
        ),
    )
}
