//! Month and weekday names, spelt once for every stage (date rules, the
//! synthetic corpus, name guessing).

/// English month names, January first: `MONTH_NAMES[m - 1]` is month `m`.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first (ISO 8601 order).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The name of month `m` (1 = January); `None` outside 1..=12.
pub fn month_name(m: u32) -> Option<&'static str> {
    let i = usize::try_from(m).ok()?.checked_sub(1)?;
    MONTH_NAMES.get(i).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_number() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
    }
}
