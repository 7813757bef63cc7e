//! Text made for templates: money, dates, query-string encoding, short summaries.

use jiff::civil::Date;

use crate::content::dates::month_name;

/// Formats an amount with its currency: symbol for the common ones, code otherwise.
pub fn money(amount: f64, currency: &str) -> String {
    let whole = amount.trunc() as i64;
    let cents = ((amount - amount.trunc()) * 100.0).round() as i64;
    let symbol = match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "CAD" => "CA$",
        "AUD" => "A$",
        _ => "",
    };
    let mut out = String::with_capacity(currency.len() + 16);
    if symbol.is_empty() {
        out.push_str(currency);
        out.push(' ');
    } else {
        out.push_str(symbol);
    }
    // Digits grouped in threes with commas ("1,234,567").
    let digits = whole.unsigned_abs().to_string();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if cents != 0 {
        // Two digits at least, like `{:02}`.
        let cents = cents.unsigned_abs();
        out.push('.');
        if cents < 10 {
            out.push('0');
        }
        out.push_str(&cents.to_string());
    }
    out
}

/// "28 November 2026".
pub fn date_label(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// Percent-encodes text for a URL query value.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Slugs joined with single spaces.
pub(super) fn join_slugs<'a>(slugs: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for slug in slugs {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(slug);
    }
    out
}

/// The first `max` characters of `text` and `…`, or all of it when it is not longer.
pub(super) fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_symbol() {
        assert_eq!(money(55000.0, "EUR"), "€55,000");
        assert_eq!(money(1234567.5, "CHF"), "CHF 1,234,567.50");
        assert_eq!(money(18.0, "USD"), "$18");
        assert_eq!(money(999.0, "GBP"), "£999");
        assert_eq!(money(1000.0, "JPY"), "¥1,000");
        assert_eq!(money(-1234.05, "CAD"), "CA$1,234.05");
        assert_eq!(money(0.5, "AUD"), "A$0.50");
    }

    #[test]
    fn cut_counts_characters_like_teras_truncate() {
        assert_eq!(cut("short", 220), "short");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("日本語hello", 3), "日本語…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(join_slugs(["a", "b-c"].into_iter()), "a b-c");
        assert_eq!(join_slugs(std::iter::empty()), "");
    }

    #[test]
    fn percent_encoding_keeps_unreserved_bytes() {
        assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(percent_encode("Dev & Ops/ü"), "Dev%20%26%20Ops%2F%C3%BC");
    }
}
