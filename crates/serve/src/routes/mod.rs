//! The API handlers, one module per resource.

pub mod catalogue;
pub mod claims;
pub mod docs;
pub mod network;
pub mod reviews;
