//! Dates as HR write them: `YYYY-MM-DD` only, with plain-words errors for every other spelling
//! (US and European orders, impossible days) and English month names for labels.

use jiff::civil::Date;

/// Parses `YYYY-MM-DD`; the error says what is wrong and how to write it instead.
pub fn parse_date(text: &str) -> Result<Date, (String, String)> {
    if let Some(date) = plain_iso_date(text) {
        return Ok(date);
    }
    let general = || {
        (
            format!("must be a date written YYYY-MM-DD, like 2026-11-28, not `{text}`"),
            "write the year, then the month, then the day, with dashes: YYYY-MM-DD".to_string(),
        )
    };
    if let Some(date) = text.get(..10).and_then(plain_iso_date)
        && matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' '))
    {
        return Err((
            format!("must be a date without a time, not `{text}`"),
            format!("write only the date: {date}"),
        ));
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let numbers: Option<Vec<i32>> = parts.iter().map(|p| p.trim().parse::<i32>().ok()).collect();
    let Some(numbers) = numbers.filter(|n| n.len() == 3) else {
        return Err(general());
    };
    if text.contains('/') || text.contains('.') || parts[0].len() != 4 {
        // 11/28/2026 (US) or 28.11.2026 (European): suggest the ISO spelling when unambiguous.
        let (a, b, y) = (numbers[0], numbers[1], numbers[2]);
        if let Some(help) = both_orders(parts[2], a, b, y) {
            return Err((general().0, help));
        }
        let guess = if parts.get(2).is_some_and(|p| p.len() == 4) {
            // a > 12 can only be a day (28.11.2026); b > 12 only a day (11/28/2026); otherwise
            // slashes suggest the US order and dots the European one.
            let day_first = a > 12 || (b <= 12 && !text.contains('/'));
            if day_first {
                Some((y, b, a))
            } else {
                Some((y, a, b))
            }
        } else if parts[0].len() == 4 {
            Some((a, b, numbers[2]))
        } else {
            None
        };
        let (message, _) = general();
        let help = match guess.and_then(|(y, m, d)| Date::new(y as i16, m as i8, d as i8).ok()) {
            Some(date) => format!("write it as {date} (year-month-day)"),
            None => {
                "write the year, then the month, then the day, with dashes: YYYY-MM-DD".to_string()
            }
        };
        return Err((message, help));
    }
    let (y, m, d) = (numbers[0], numbers[1], numbers[2]);
    if parts[1].len() != 2 || parts[2].len() != 2 {
        let (message, _) = general();
        return Err((
            message,
            format!("write the month and day with two digits, like {y:04}-{m:02}-{d:02}"),
        ));
    }
    if !(1..=12).contains(&m) {
        return Err((
            format!("has month {m}, but months go from 01 to 12"),
            "write the date as YYYY-MM-DD: the month comes second".into(),
        ));
    }
    match Date::new(y as i16, m as i8, d as i8) {
        Ok(date) if (1900..=2200).contains(&y) => Ok(date),
        Ok(_) => Err((
            format!("has the year {y}, which looks like a typo"),
            "write a four-digit year, like 2026".into(),
        )),
        Err(_) => {
            let month = MONTHS[(m - 1) as usize];
            Err((
                format!("is not a real day: {month} {y} has no day {d}"),
                "check the calendar and correct the day".into(),
            ))
        }
    }
}

/// The usual case without splitting: exactly `YYYY-MM-DD` in digits, a real day in
/// 1900–2200. Anything else (`None`) goes through [`parse_date`]'s checks and explanations.
fn plain_iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)?.iter().try_fold(0i32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if !(1..=12).contains(&m) || !(1900..=2200).contains(&y) {
        return None;
    }
    Date::new(y as i16, m as i8, d as i8).ok()
}

/// `3/12/2026`: the first two numbers could each be the month, so the fix offers both days
/// (year-month-day) instead of guessing an order; `None` when only one reading is a date.
fn both_orders(year: &str, a: i32, b: i32, y: i32) -> Option<String> {
    let date = |m: i32, d: i32| Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok();
    if year.len() != 4 || a == b || !(1..=12).contains(&a) || !(1..=12).contains(&b) {
        return None;
    }
    let (first, second) = (date(a, b)?, date(b, a)?);
    let name = |d: Date| format!("{} {}", d.day(), MONTHS[d.month() as usize - 1]);
    Some(format!(
        "the day and month could be either way round: write {first} for {}, or {second} for {} (year-month-day)",
        name(first),
        name(second)
    ))
}

const MONTHS: [&str; 12] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_explain() {
        assert_eq!(
            parse_date("2026-11-28").map(|d| d.to_string()),
            Ok("2026-11-28".to_string())
        );
        let (msg, help) = parse_date("11/28/2021").expect_err("US date");
        assert!(msg.contains("YYYY-MM-DD"), "{msg}");
        assert_eq!(help, "write it as 2021-11-28 (year-month-day)");
        let (msg, _) = parse_date("2021-02-30").expect_err("no such day");
        assert_eq!(msg, "is not a real day: February 2021 has no day 30");
        let (msg, _) = parse_date("2021-13-01").expect_err("no such month");
        assert!(msg.contains("month 13"), "{msg}");
        assert!(
            parse_date("1899-12-31")
                .expect_err("typo")
                .0
                .contains("1899")
        );
        assert!(parse_date("2026-11-2x").is_err());
        assert!(parse_date("2026+11-28").is_err());
        let (_, help) = parse_date("3/12/2026").expect_err("either order");
        assert_eq!(
            help,
            "the day and month could be either way round: write 2026-03-12 for 12 March, or 2026-12-03 for 3 December (year-month-day)"
        );
        assert_eq!(
            parse_date("3.3.2026").expect_err("same").1,
            "write it as 2026-03-03 (year-month-day)"
        );
        let (msg, help) = parse_date("2021-11-02T08:52:29Z").expect_err("a time");
        assert_eq!(
            (msg.as_str(), help.as_str()),
            (
                "must be a date without a time, not `2021-11-02T08:52:29Z`",
                "write only the date: 2021-11-02"
            )
        );
        let (msg, _) = parse_date("2021-00-01").expect_err("no such month");
        assert!(msg.contains("month 0"), "{msg}");
    }
}
