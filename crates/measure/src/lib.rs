//! Quantities and weapons named in news text.
//!
//! [`find_quantities`] finds numbers written in digits or words ("12",
//! "1,200", "3.5", "twelve", "two dozen", "a third", "$2 billion",
//! "2 million"), vague counts ("dozens", "hundreds", "tens of thousands",
//! "several") and zero expressions ("no casualties", "nobody"), each as a
//! model [`Quantity`] with the counted noun singularised ("UAVs" → "UAV",
//! "soldiers" → "soldier", `$` → "USD", `%` → "percent"). Years, dates, times,
//! ordinals, model designations ("F-16") and phone-like digit groups are not
//! quantities.
//!
//! Interval conventions (`value` is always the number as said; `min`/`max`
//! inclusive, `None` = unbounded):
//! - exact "300": 300..=300;
//! - "over/more than/above 300": min 301 (the number itself excluded; for a
//!   fraction like 3.5, min 3.5), no max;
//! - "at least 300": min 300; "up to/as many as/at most 300": max 300;
//! - "fewer than/less than/under 300": max 299;
//! - "about/around/approximately/roughly/some/an estimated 300": ±10 %
//!   (270..=330); "nearly/almost/close to 300": 270..=300;
//! - ranges "15 to 20", "15-20": min 15, max 20, no value;
//! - vague counts have no value: "dozens" 24..=99, "hundreds" 200..=999,
//!   "thousands" 2,000..=9,999, "tens of thousands" 20,000..=99,999,
//!   "hundreds of thousands" 200,000..=999,999, "several" 3..=9,
//!   "several hundred" 300..=900, "a few" 2..=5, "multiple" 2..;
//!   the qualifier is the vague word.
//!
//! The span covers qualifier, currency sign, number and `%`/"percent" but not
//! the counted noun ("over 300" in "over 300 UAVs").
//!
//! [`WeaponLexicon`] maps weapon surface forms (system types such as "FPV
//! drone", "cruise missile", "MANPADS" and named systems such as
//! "Shahed-136"/"Geran-2", "Bayraktar TB2", "HIMARS", "S-400") to a canonical
//! name and a category; users add entries with [`WeaponLexicon::load_extra`].
//!
//! ```
//! use claimtrace_measure::{find_quantities, WeaponLexicon};
//!
//! let text = "Russia launched over 300 Ukrainian-manufactured drones and 4 Kalibr missiles.";
//! let q = find_quantities(text);
//! assert_eq!(q[0].text, "over 300");
//! assert_eq!((q[0].value, q[0].min, q[0].max), (Some(300.0), Some(301.0), None));
//! assert_eq!(q[0].unit.as_deref(), Some("drone"));
//!
//! let lex = WeaponLexicon::builtin();
//! let names: Vec<String> = lex.find(text).into_iter().map(|m| m.canonical).collect();
//! assert_eq!(names, ["drone", "Kalibr", "missile"]);
//! ```

mod error;
mod number;
mod quantity;
mod token;
mod unit;
mod weapon;

pub use claimtrace_model::{Quantity, Span};
pub use error::{MeasureError, Result};
pub use quantity::find_quantities;
pub use weapon::{WeaponEntry, WeaponLexicon, WeaponMatch, parse_lexicon};
