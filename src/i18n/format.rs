//! Dates, numbers, money, plural categories and country names as CLDR writes them in each
//! language, from the ICU4X compiled data: no formatting rule is written here by hand.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};

use fixed_decimal::{Decimal, Sign};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date as IsoDate;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::{
    CurrencyFormatter, CurrencyFormatterPreferences,
};
use icu_experimental::dimension::provider::currency::essentials::CurrencyEssentialsV1;
use icu_experimental::dimension::provider::currency::symbols::CurrencySymbolsV1;
use icu_experimental::displaynames::multi::{LanguageDisplayNames, RegionDisplayNames};
use icu_experimental::displaynames::provider::LocaleNamesRegionV0;
use icu_locale_core::subtags::{Language, Region};
use icu_locale_core::{Locale, locale};
use icu_plurals::{PluralCategory, PluralRules};
use icu_provider::prelude::*;

#[cfg(test)]
mod tests;

/// The separator between the two ends of a range: an en dash, as CLDR's range patterns write it.
const RANGE_DASH: char = '–';

/// ISO 4217 "no currency": stands in for a code ICU cannot take, then is replaced by it.
const PLACEHOLDER_CODE: &str = "XXX";

/// A currency formatter that writes amounts of one currency in one language.
type Money = CurrencyFormatter<DecimalFormatter>;

/// CLDR formatting for one language, made once per language per build and shared by threads.
pub(crate) struct Formats {
    /// The normalised tag in use, for `lang` attributes.
    tag: String,
    /// The locale the currency formatters are made for, one per currency on first use.
    locale: Locale,
    /// Long dates (year, month name, day) in the language's default calendar.
    date: DateTimeFormatter<YMD>,
    /// Plain numbers with the language's separators and digits.
    decimal: DecimalFormatter,
    /// The cardinal plural rules.
    plurals: PluralRules,
    /// Country names in the language.
    regions: RegionDisplayNames,
    /// Language names in the language.
    languages: LanguageDisplayNames,
    /// The currency formatters made so far, so each currency loads its data once.
    currencies: RwLock<HashMap<CurrencyType, Money>>,
}

/// Loading the formatters of one language, and the strings careers asks them for.
impl Formats {
    /// Formats for the BCP 47 tag `language` ("de", "de-CH", "pt-BR", "EN_gb"); a tag that does not
    /// parse, or names a language CLDR has no data for, falls back to English ("en").
    pub(crate) fn new(language: &str) -> Formats {
        parse_tag(language)
            .filter(has_data)
            .and_then(Formats::load)
            .or_else(|| Formats::load(locale!("en")))
            .expect("the compiled CLDR data always has English")
    }

    /// Loads every formatter but the per-currency ones for `locale`; None when any data is missing.
    fn load(locale: Locale) -> Option<Formats> {
        Some(Formats {
            tag: locale.to_string(),
            date: DateTimeFormatter::try_new((&locale).into(), YMD::long()).ok()?,
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok()?,
            plurals: PluralRules::try_new_cardinal((&locale).into()).ok()?,
            regions: RegionDisplayNames::try_new((&locale).into(), Default::default()).ok()?,
            languages: LanguageDisplayNames::try_new((&locale).into(), Default::default()).ok()?,
            currencies: RwLock::new(HashMap::new()),
            locale,
        })
    }

    /// The long date as CLDR writes it: en "November 28, 2026", en-GB "28 November 2026",
    /// de "31. März 2027", ja "2027年3月31日" (a date ICU cannot take prints as ISO 8601).
    pub(crate) fn date(&self, d: jiff::civil::Date) -> String {
        let iso = match (u8::try_from(d.month()), u8::try_from(d.day())) {
            (Ok(month), Ok(day)) => IsoDate::try_new_iso(i32::from(d.year()), month, day).ok(),
            _ => None,
        };
        match iso {
            Some(iso) => self.date.format(&iso).to_string(),
            None => d.to_string(),
        }
    }

    /// `n` rounded to at most 2 fraction digits, without trailing zeros, with the language's
    /// grouping and decimal separators: en "52,000", de "52.000", fr "52 000" (U+202F).
    pub(crate) fn number(&self, n: f64) -> String {
        match decimal(n, 2) {
            Some(value) => self.decimal.format(&value).to_string(),
            None => non_finite(n),
        }
    }

    /// `amount` of `currency` (ISO 4217, any case) in the language's CLDR currency format with the
    /// currency's symbol: en "$52,000", de "52.000 €"; whole amounts print no fraction digits,
    /// others the currency's own ("$18.50"); a code with no symbol in the language prints the code.
    pub(crate) fn money(&self, amount: f64, currency: &str) -> String {
        self.money_with(amount, currency, false)
    }

    /// A range of money with the currency written once, where the language's pattern puts it:
    /// de "52.000–64.000 €", en "$52,000–64,000", ja "￥1,500–2,000".
    ///
    /// The upper amount is formatted as money, and its number (the span from its first digit to
    /// its last) is replaced by the lower amount's number, an en dash and its own. Negative or
    /// non-finite amounts, or a string without digits, print as two amounts joined by the dash;
    /// two ends that print the same print once.
    pub(crate) fn money_range(&self, min: f64, max: f64, currency: &str) -> String {
        let cents = has_cents(min) || has_cents(max);
        let low = self.money_with(min, currency, cents);
        let high = self.money_with(max, currency, cents);
        if low == high {
            return high;
        }
        let spans = (digit_span(&low), digit_span(&high));
        match spans {
            (Some((l0, l1)), Some((h0, h1))) if min >= 0.0 && max >= 0.0 => {
                let before = high.get(..h0).unwrap_or_default();
                let low_number = low.get(l0..l1).unwrap_or_default();
                let high_number = high.get(h0..h1).unwrap_or_default();
                let after = high.get(h1..).unwrap_or_default();
                format!("{before}{low_number}{RANGE_DASH}{high_number}{after}")
            }
            _ => format!("{low}{RANGE_DASH}{high}"),
        }
    }

    /// The CLDR cardinal plural category of `n`: "zero", "one", "two", "few", "many" or "other".
    pub(crate) fn plural(&self, n: u64) -> &'static str {
        category_name(self.plurals.category_for(n))
    }

    /// The CLDR category of a number that may have a fraction (cs "37,5 hodiny" is `many`).
    pub(crate) fn plural_of(&self, n: f64) -> &'static str {
        match decimal(n, 3) {
            Some(d) => category_name(self.plurals.category_for(&d)),
            None => "other",
        }
    }

    /// The language's own name for the country with ISO 3166 alpha-2 `code` (any case), from CLDR
    /// display names: de "DE" → "Deutschland"; None when the code is invalid or CLDR has no name.
    pub(crate) fn country(&self, code: &str) -> Option<String> {
        let region = Region::try_from_str(code.trim()).ok()?;
        self.regions.of(region).map(str::to_string)
    }

    /// The name of the language with ISO 639 `code` in this language, from CLDR display names:
    /// de "en" → "Englisch"; None when the code is invalid or CLDR has no name.
    pub(crate) fn language_name(&self, code: &str) -> Option<String> {
        let language = Language::try_from_str(code.trim()).ok()?;
        self.languages.of(language).map(str::to_string)
    }

    /// The two-letter code of the language this language's CLDR names call `name` (any case):
    /// en "German" → "de". Tries every two-letter code, so it is for error messages only.
    pub(crate) fn language_code_for_name(&self, name: &str) -> Option<String> {
        let wanted = name.trim().to_lowercase();
        (b'a'..=b'z')
            .flat_map(|a| (b'a'..=b'z').map(move |b| String::from_utf8_lossy(&[a, b]).into_owned()))
            .find(|code| {
                self.language_name(code)
                    .is_some_and(|n| n.to_lowercase() == wanted)
            })
    }

    /// The normalised tag in use ("de-CH", or "en" after a fallback), for `lang` attributes.
    pub(crate) fn language(&self) -> &str {
        &self.tag
    }

    /// `amount` as money: rounded to the currency's digits (at most 3) and padded to them when
    /// `cents` is set or the amount has cents, else whole, without fraction digits.
    fn money_with(&self, amount: f64, currency: &str, cents: bool) -> String {
        let (Some(cents_value), Some(mut value)) = (decimal(amount, 2), decimal(amount, 3)) else {
            return non_finite(amount);
        };
        let code = currency.trim();
        if code.is_empty() {
            return self.number(amount);
        }
        let whole = !cents && *cents_value.absolute.magnitude_range().start() >= 0;
        if whole {
            value = cents_value;
        } else {
            value.absolute.pad_end(-2);
        }
        let text = match CurrencyType::try_from_str(code) {
            Ok(currency) => self.with_currency(currency, |money| {
                money.format_fixed_decimal(&value).to_string()
            }),
            Err(_) => self.with_code_placeholder(&value, code),
        };
        let Some(text) = text else {
            return format!("{} {code}", self.number(amount));
        };
        if whole {
            let integer_digits = usize::try_from(*value.absolute.magnitude_range().end() + 1);
            strip_fraction(&text, integer_digits.unwrap_or(1))
        } else {
            text
        }
    }

    /// Runs `f` with the formatter for `currency`, made and kept on first use; None when ICU has
    /// no currency data for the language.
    fn with_currency<R>(&self, currency: CurrencyType, f: impl FnOnce(&Money) -> R) -> Option<R> {
        let made = self
            .currencies
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(money) = made.get(&currency) {
            return Some(f(money));
        }
        drop(made);
        let money = self.make_currency(currency)?;
        let result = f(&money);
        let mut made = self
            .currencies
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        made.entry(currency).or_insert(money);
        Some(result)
    }

    /// A formatter for `currency`: its symbol in the language when CLDR has one, else its code.
    ///
    /// The symbol is looked up first, silently, so that a missing one is no warning on stderr.
    fn make_currency(&self, currency: CurrencyType) -> Option<Money> {
        let prefs = CurrencyFormatterPreferences::from(&self.locale);
        let locale = CurrencyEssentialsV1::make_locale(prefs.locale_preferences);
        let mut attributes = Default::default();
        let mut metadata = DataRequestMetadata::default();
        metadata.silent = true;
        let request = DataRequest {
            id: DataIdentifierBorrowed::for_marker_attributes_and_locale(
                CurrencySymbolsV1::make_attributes(
                    currency,
                    CurrencySymbolsV1::SHORT,
                    &mut attributes,
                ),
                &locale,
            ),
            metadata,
        };
        let symbol =
            DataProvider::<CurrencySymbolsV1>::load(&icu_experimental::provider::Baked, request);
        match symbol {
            Ok(_) => Money::try_new_symbol(prefs, currency, Default::default()).ok(),
            Err(_) => Money::try_new_code(prefs, currency, Default::default()).ok(),
        }
    }

    /// `value` in the language's pattern for a currency code, with `code` (which ICU cannot take,
    /// such as "€" or "EURO") written where the pattern puts the code.
    fn with_code_placeholder(&self, value: &Decimal, code: &str) -> Option<String> {
        let prefs = CurrencyFormatterPreferences::from(&self.locale);
        let placeholder = CurrencyType::try_from_str(PLACEHOLDER_CODE).ok()?;
        let money = Money::try_new_code(prefs, placeholder, Default::default()).ok()?;
        let text = money.format_fixed_decimal(value).to_string();
        Some(text.replacen(PLACEHOLDER_CODE, code, 1))
    }
}

/// The locale for a tag from a user's file: surrounding spaces and "_" separators are accepted.
fn parse_tag(language: &str) -> Option<Locale> {
    Locale::try_from_str(&language.trim().replace('_', "-")).ok()
}

/// Whether CLDR has data for the language of `locale`, rather than only the root fallback.
fn has_data(locale: &Locale) -> bool {
    let requested = DataLocale::from(locale);
    let mut metadata = DataRequestMetadata::default();
    metadata.silent = true;
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_locale(&requested),
        metadata,
    };
    let names =
        DataProvider::<LocaleNamesRegionV0>::load(&icu_experimental::provider::Baked, request);
    match names {
        Ok(response) => !response
            .metadata
            .locale
            .as_ref()
            .unwrap_or(&requested)
            .is_unknown(),
        Err(_) => false,
    }
}

/// `n` rounded to `places` fraction digits, trailing fraction zeros removed; None when not finite.
fn decimal(n: f64, places: usize) -> Option<Decimal> {
    if !n.is_finite() {
        return None;
    }
    // Most pay is whole: no detour through text.
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let mut value = Decimal::from(n as i64);
        if value.absolute.is_zero() {
            value.sign = Sign::None;
        }
        return Some(value);
    }
    let mut value = Decimal::try_from_str(&format!("{n:.places$}")).ok()?;
    value.absolute.trim_end();
    if value.absolute.is_zero() {
        value.sign = Sign::None;
    }
    Some(value)
}

/// Whether `amount` has a non-zero fraction once rounded to cents.
fn has_cents(amount: f64) -> bool {
    decimal(amount, 2).is_some_and(|value| *value.absolute.magnitude_range().start() < 0)
}

/// NaN and the infinities, which ICU does not format, as CLDR's root symbols write them.
fn non_finite(n: f64) -> String {
    match n {
        n if n.is_nan() => "NaN".to_string(),
        n if n > 0.0 => "∞".to_string(),
        _ => "-∞".to_string(),
    }
}

/// The byte span from the first digit in `text` to the end of the last: the formatted number.
fn digit_span(text: &str) -> Option<(usize, usize)> {
    let start = text.find(char::is_numeric)?;
    let (last, c) = text.char_indices().rfind(|(_, c)| c.is_numeric())?;
    Some((start, last + c.len_utf8()))
}

/// `text` without the decimal separator and fraction digits after its first `integer_digits`
/// digits: the zeros a currency pattern adds to a whole amount ("$52,000.00" → "$52,000").
fn strip_fraction(text: &str, integer_digits: usize) -> String {
    let digits: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| c.is_numeric())
        .collect();
    let last_integer = integer_digits.checked_sub(1).and_then(|i| digits.get(i));
    let (Some(&(int_at, int_c)), Some(&(frac_at, _)), Some(&(last_at, last_c))) =
        (last_integer, digits.get(integer_digits), digits.last())
    else {
        return text.to_string();
    };
    let cut = int_at + int_c.len_utf8();
    let separator = text.get(cut..frac_at).unwrap_or_default();
    if separator.is_empty() || separator.chars().count() > 2 {
        return text.to_string();
    }
    let end = last_at + last_c.len_utf8();
    format!(
        "{}{}",
        text.get(..cut).unwrap_or_default(),
        text.get(end..).unwrap_or_default()
    )
}

/// The name translation files use for a plural category.
fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}
