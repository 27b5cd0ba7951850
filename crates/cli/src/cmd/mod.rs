//! One module per subcommand: its clap `Args` and its `run`.

pub mod bench;
pub mod claims;
pub mod completions;
pub mod docs;
pub mod eval;
pub mod event;
pub mod events;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod outlets;
pub mod profile;
pub mod serve;
pub mod train;

/// Some input failed (the rest were processed), or the command failed.
pub const EXIT_FAILURE: u8 = 1;
/// The command line was wrong (clap uses the same code).
pub const EXIT_USAGE: u8 = 2;

/// A `--since`/`--until` value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real
/// month and day. Checked by clap, so a bad value is a usage error (exit 2)
/// like any other bad argument.
pub fn date_arg(s: &str) -> Result<String, String> {
    let bad = || format!("'{s}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Result<u32, String> {
        if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let year = num(parts.first().copied().unwrap_or(""), 4)?;
    if let Some(m) = parts.get(1) {
        let month = num(m, 2)?;
        if !(1..=12).contains(&month) {
            return Err(format!("'{s}': month {month} is not 01-12"));
        }
        if let Some(d) = parts.get(2) {
            let day = num(d, 2)?;
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&day) {
                return Err(format!("'{s}': day {day} is not in that month"));
            }
        }
    }
    if parts.len() > 3 {
        return Err(bad());
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::date_arg;

    #[test]
    fn dates_are_checked() {
        for ok in ["2025", "2025-06", "2025-06-30", "2024-02-29"] {
            assert_eq!(date_arg(ok).as_deref(), Ok(ok));
        }
        for bad in [
            "2025-13",
            "2025-00",
            "2025-02-29",
            "2025-6",
            "25",
            "2025-06-31",
            "x",
            "2025-01-01-01",
        ] {
            assert!(date_arg(bad).is_err(), "{bad}");
        }
    }
}
