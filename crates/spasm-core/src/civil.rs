//! Days since 1970-01-01 to a civil (proleptic Gregorian) date: Howard Hinnant's algorithm. Used
//! by the reminder file's UTC times (`ics.rs`) and by the build script's build date (`build.rs`
//! includes this file by its path), so the algorithm is written once.

/// The `(year, month, day)` of the day `days` days after 1970-01-01 (negative: before).
pub fn from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}
