//! The API handlers, one module per resource.

pub mod catalogue;
pub mod claims;
pub mod docs;
pub mod events;
pub mod export;
pub mod ingest;
pub mod network;
pub mod reviews;
