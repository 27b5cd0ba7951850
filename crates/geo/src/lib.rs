//! Place names in news text, and where they are.
//!
//! A [`Gazetteer`] holds named places ([`GeoEntry`]: name, aliases, feature
//! type, ISO country, coordinates, population, GeoNames id).
//! [`Gazetteer::builtin`] has the project's own table (`data/builtin.tsv`:
//! every country with its common aliases, first-level regions, towns of the
//! conflicts the project follows, and facilities such as air bases, airports
//! and bridges). [`Gazetteer::load`] adds the GeoNames populated places table
//! that `scripts/setup-data.sh` builds with [`build_table`], read through its
//! index ([`INDEX_FILE`], built by [`Gazetteer::build_index`] or on the first
//! load): opening it reads one file, and entries are decoded per lookup.
//!
//! [`Gazetteer::find_places`] finds capitalised, word-bounded names in text
//! (leftmost-longest) and resolves each to one entry: countries before
//! regions before capitals before other towns, bigger towns first, project
//! entries before GeoNames ones, and places in countries the same text names
//! before others. [`Gazetteer::lookup`] resolves one name.
//!
//! ```
//! use claimtrace_geo::Gazetteer;
//!
//! let gaz = Gazetteer::builtin();
//! let text = "Drones hit the Engels air base and a depot near Kharkiv, Ukraine said.";
//! let found = gaz.find_places(text);
//! let names: Vec<&str> = found.iter().map(|m| m.place.name.as_str()).collect();
//! assert_eq!(names, ["Engels air base", "Kharkiv", "Ukraine"]);
//! assert_eq!(found[0].place.feature.as_deref(), Some("facility"));
//! assert_eq!(found[1].place.country.as_deref(), Some("UA"));
//! let t = gaz.lookup("Turkey", None).unwrap();
//! assert_eq!(t.name, "Türkiye");
//! ```

mod entry;
mod error;
mod gazetteer;
mod index;
mod index_file;
mod places;
mod record;
#[cfg(test)]
mod reference;
mod table;

pub use claimtrace_model::{Place, PlaceRole, Span};
pub use entry::{Feature, GeoEntry, distance_km};
pub use error::{GeoError, Result};
pub use gazetteer::Gazetteer;
pub use index_file::INDEX_FILE;
pub use places::{PlaceMatch, is_event_place_context};
pub use table::{CITY_FILES, TABLE_FILE, build_table};
