//! Expiry lints: postings past their closing date, closing within a week, or with no end.

use super::Ctx;
use crate::diagnostics::Diagnostic;

/// Days ahead within which a closing date earns an `expires-soon` warning.
pub const SOON_DAYS: i64 = 7;

/// Adds `expired`, `expires-soon` and `no-expiry` warnings for one posting.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let doc = ctx.doc;
    let p = ctx.posting;
    let Some(until) = p.valid_through else {
        if !p.evergreen {
            out.push(doc.warn(
                doc.key_or_top(&["date_posted", "title"]),
                "no-expiry",
                "this posting has no closing date, so it stays online until someone deletes it".to_string(),
                "add `valid_through: YYYY-MM-DD` (the last day to apply), or `evergreen: true` if you hire for this role all year round",
            ));
        }
        return;
    };
    let spot = doc.key_or_top(&["valid_through", "date_posted"]);
    let days = ctx
        .today
        .until(until)
        .map_or(i64::MAX, |span| i64::from(span.get_days()));
    if until < ctx.today {
        out.push(doc.warn(
            spot,
            "expired",
            format!(
                "this posting closed on {until} (`valid_through`), so the site shows it as \"This position is closed\" and lists it nowhere"
            ),
            "if you are still hiring, move `valid_through` to a later date; if the role is filled, leave the file as it is (its page says the position is closed) or delete it",
        ));
    } else if days <= SOON_DAYS {
        let when = match days {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            n => format!("in {n} days"),
        };
        out.push(doc.warn(
            spot,
            "expires-soon",
            format!("applications close {when} ({until}); after that the posting leaves the site's listings"),
            "if you are still hiring after that day, move `valid_through` to a later date",
        ));
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::lint::tests_support::{ctx_for, posting};

    #[test]
    fn warns_by_closing_date_against_a_fixed_today() {
        let codes = |valid: Option<jiff::civil::Date>, evergreen: bool| {
            let mut p = posting();
            p.valid_through = valid;
            p.evergreen = evergreen;
            let mut out = Vec::new();
            ctx_for(&p, date(2026, 3, 10), |ctx| super::check(ctx, &mut out));
            out.iter()
                .map(|d| format!("{} {}", d.code, d.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(Some(date(2026, 3, 9)), false),
            [
                "expired this posting closed on 2026-03-09 (`valid_through`), so the site shows it as \"This position is closed\" and lists it nowhere"
            ]
        );
        assert_eq!(
            codes(Some(date(2026, 3, 10)), false),
            [
                "expires-soon applications close today (2026-03-10); after that the posting leaves the site's listings"
            ]
        );
        assert_eq!(
            codes(Some(date(2026, 3, 17)), false),
            [
                "expires-soon applications close in 7 days (2026-03-17); after that the posting leaves the site's listings"
            ]
        );
        assert_eq!(codes(Some(date(2026, 3, 18)), false), Vec::<String>::new());
        assert_eq!(codes(None, true), Vec::<String>::new());
        assert_eq!(
            codes(None, false),
            [
                "no-expiry this posting has no closing date, so it stays online until someone deletes it"
            ]
        );
    }
}
