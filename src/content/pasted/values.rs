//! Pay written as other sites print it: `80k-100k` for a range, `55.000` with a German
//! thousands separator. Both are read only once the value is already known to be unusual.

use crate::content::fields::Reader;
use crate::yaml::{Node, Value};

/// A `salary:` written as one text (`80k-100k`, `€55,000 – €70,000`): the range to write
/// instead, as `{min: …, max: …, currency: …}`, when the text is two amounts.
pub(crate) fn salary_text_fix(text: &str) -> Option<String> {
    let (currency, rest) = currency_of(text.trim());
    let (low, high) = ["-", "–", "—", " to "]
        .iter()
        .find_map(|sep| rest.split_once(sep))?;
    let (low, high) = (amount(low)?, amount(high)?);
    let code = currency.unwrap_or("…");
    Some(format!(
        "`salary: {{min: {low}, max: {high}, currency: {code}}}`"
    ))
}

/// The currency a range is written with (a symbol or a code anywhere), and the text with it removed.
fn currency_of(text: &str) -> (Option<&'static str>, String) {
    const SIGNS: [(&str, &str); 6] = [
        ("€", "EUR"),
        ("£", "GBP"),
        ("EUR", "EUR"),
        ("USD", "USD"),
        ("GBP", "GBP"),
        ("CHF", "CHF"),
    ];
    let found = SIGNS.iter().find(|(sign, _)| text.contains(sign));
    let mut rest = text.to_string();
    for (sign, _) in SIGNS {
        rest = rest.replace(sign, "");
    }
    rest.retain(|c| c != '$');
    (found.map(|(_, code)| *code), rest)
}

/// One amount of a range: `80k`, `80,000`, `80.000`, `80000`, as a whole number.
fn amount(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, factor) = match text.strip_suffix(['k', 'K']) {
        Some(d) => (d.trim(), 1000),
        None => (text, 1),
    };
    let grouped = digits.split([',', '.']).skip(1).all(|g| g.len() == 3);
    let plain: String = digits.chars().filter(|c| !matches!(c, ',' | '.')).collect();
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) || !grouped && factor == 1 {
        return None;
    }
    if factor == 1000 && digits.contains(['.', ',']) {
        // `82.5k`: a fraction of a thousand.
        let value: f64 = digits.replace(',', ".").parse().ok()?;
        return Some((value * 1000.0).round() as u64);
    }
    plain.parse::<u64>().ok()?.checked_mul(factor)
}

/// `min: 55.000`: a number with exactly three digits after one dot, which YAML reads as 55.0
/// but which is 55000 with a German thousands separator; the source text when it is one.
pub(crate) fn thousands_dot(r: &Reader, node: &Node) -> Option<String> {
    if !matches!(node.value, Value::Float(_)) {
        return None;
    }
    let line = super::source_line(r, node.pos)?;
    let skip = node.pos.col.saturating_sub(1) as usize;
    let token: String = line
        .chars()
        .skip(skip)
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']' | '#'))
        .collect();
    let (whole, fraction) = token.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && whole.len() <= 3 && fraction.len() == 3 && digits(fraction)).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_written_as_text_become_min_and_max() {
        assert_eq!(
            salary_text_fix("80k-100k").as_deref(),
            Some("`salary: {min: 80000, max: 100000, currency: …}`")
        );
        assert_eq!(
            salary_text_fix("€55.000 – €65.000").as_deref(),
            Some("`salary: {min: 55000, max: 65000, currency: EUR}`")
        );
        assert_eq!(
            salary_text_fix("$82.5k to $90k").as_deref(),
            Some("`salary: {min: 82500, max: 90000, currency: …}`")
        );
        assert_eq!(salary_text_fix("competitive"), None);
        assert_eq!(salary_text_fix("3-6 months"), None);
        assert_eq!(salary_text_fix("-"), None);
        assert_eq!(salary_text_fix("99999999999999999999k-1k"), None);
    }
}
