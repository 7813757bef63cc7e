//! Placeholder formats until the CLDR module lands: English only.

use jiff::civil::Date;

/// Formatting for one language.
pub(crate) struct Formats {
    /// The tag used.
    language: String,
}

impl Formats {
    /// Formats for `language`.
    pub(crate) fn new(language: &str) -> Formats {
        Formats {
            language: language.to_string(),
        }
    }
    /// Long date.
    pub(crate) fn date(&self, d: Date) -> String {
        crate::render::views::date_label(d)
    }
    /// A number.
    pub(crate) fn number(&self, n: f64) -> String {
        n.to_string()
    }
    /// Money.
    pub(crate) fn money(&self, amount: f64, currency: &str) -> String {
        crate::render::views::money(amount, currency)
    }
    /// A range.
    pub(crate) fn money_range(&self, min: f64, max: f64, currency: &str) -> String {
        format!("{}–{}", self.money(min, currency), self.money(max, currency))
    }
    /// Plural category.
    pub(crate) fn plural(&self, n: u64) -> &'static str {
        if n == 1 { "one" } else { "other" }
    }
    /// Country name.
    pub(crate) fn country(&self, _code: &str) -> Option<String> {
        None
    }
    /// The tag.
    pub(crate) fn language(&self) -> &str {
        &self.language
    }
}
