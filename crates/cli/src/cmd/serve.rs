//! `claimtrace serve`: the HTTP JSON API and the analyst web page.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use claimtrace_extract::ExtractConfig;
use std::time::Duration;

use claimtrace_serve::{AppState, Limits, ServeConfig};

use crate::db::DbArgs;

/// Serve the API and the web page over the database.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on. Loopback by default; another address exposes
    /// the database to the network.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: SocketAddr,
    /// Secret that ingest and review requests must carry
    /// (`Authorization: Bearer TOKEN`); without it those requests are refused.
    #[arg(
        long,
        env = "CLAIMTRACE_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Origin allowed to call the API from another site; none by default.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 20 * 1024 * 1024, value_name = "BYTES")]
    pub max_body: usize,
    /// Extra actors for documents posted to /api/ingest (as `ingest --actors`); repeatable.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Extra weapon lexicon entries for posted documents; repeatable.
    #[arg(long, value_name = "FILE")]
    pub weapons: Vec<PathBuf>,
    /// Another Host name to answer (a reverse proxy's name: `example.org`
    /// for any port, `example.org:8443` for one); repeatable. The bound
    /// address and localhost/127.0.0.1/`[::1]` with the port are always
    /// answered; any other Host gets 421 (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
    /// Worker threads for reads (each with its own database connection).
    #[arg(long, default_value_t = Limits::default().readers, value_name = "N")]
    pub workers: usize,
    /// Requests that may wait for a worker; more are answered 503.
    #[arg(long, default_value_t = Limits::default().queue, value_name = "N")]
    pub queue: usize,
    /// Time budget of a read request, in milliseconds; past it the
    /// request's database work is interrupted and it is answered 503.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub budget_ms: u64,
    /// GeoNames table for posted documents (default: data/geonames when present, as `ingest`).
    #[arg(long, env = "CLAIMTRACE_GAZETTEER", value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gazetteer_dir = args.gazetteer.clone().or_else(|| {
        let default = PathBuf::from("data/geonames");
        default.is_dir().then_some(default)
    });
    let extract = ExtractConfig {
        actors_files: args.actors.clone(),
        weapons_files: args.weapons.clone(),
        gazetteer_dir,
        type_model: None,
    };
    let limits = Limits {
        readers: args.workers.max(1),
        queue: args.queue.max(1),
        budget: Duration::from_millis(args.budget_ms.max(1)),
        ..Limits::default()
    };
    let state = AppState::open_limited(&args.db.db, args.token.clone(), extract, limits)?;
    let cfg = ServeConfig {
        addr: args.addr,
        cors_origin: args.cors_origin.clone(),
        max_body: args.max_body,
        allowed_hosts: args.allow_hosts.clone(),
    };
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "claimtrace: warning: listening on {}, reachable from other machines \
             (only Host {} and those of --allow-host are answered)",
            args.addr, args.addr
        );
    }
    if !claimtrace_serve::page_built() {
        eprintln!(
            "claimtrace: the web page was not built into this binary (cd web && npm ci && npm run build, then rebuild); the API works"
        );
    }
    let writes = if args.token.is_some() {
        "ingest and review need the token"
    } else {
        "ingest and review are off (no --token)"
    };
    eprintln!(
        "claimtrace: serving {} on http://{} ({writes}); Ctrl-C stops",
        args.db.db.display(),
        args.addr
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(claimtrace_serve::serve(state, &cfg))?;
    Ok(ExitCode::SUCCESS)
}
