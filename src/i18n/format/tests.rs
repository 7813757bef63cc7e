//! The CLDR outputs each language is expected to give, locked in as ICU4X writes them.

use super::Formats;
use jiff::civil::date;

/// Fails to compile unless `T` can be shared by the build's threads.
fn assert_send_sync<T: Send + Sync>() {}

/// Formats are made once per language and shared by rayon threads.
#[test]
fn formats_are_send_and_sync() {
    assert_send_sync::<Formats>();
}

/// The long date of the examples, in each language's own words and order.
#[test]
fn long_dates() {
    let d = date(2027, 3, 31);
    assert_eq!(
        Formats::new("en").date(date(2026, 11, 28)),
        "November 28, 2026"
    );
    assert_eq!(
        Formats::new("en-GB").date(date(2026, 11, 28)),
        "28 November 2026"
    );
    for (language, expected) in [
        ("en", "March 31, 2027"),
        ("en-GB", "31 March 2027"),
        ("de", "31. März 2027"),
        ("de-CH", "31. März 2027"),
        ("fr", "31 mars 2027"),
        ("ja", "2027年3月31日"),
        ("zh", "2027年3月31日"),
        ("ko", "2027년 3월 31일"),
        ("pl", "31 marca 2027"),
        ("cs", "31. března 2027"),
        ("es", "31 de marzo de 2027"),
    ] {
        assert_eq!(Formats::new(language).date(d), expected, "{language}");
    }
}

/// Dates are in the language's default CLDR calendar, which a `-u-ca-` tag can override.
#[test]
fn calendars() {
    let d = date(2027, 3, 31);
    assert_eq!(Formats::new("th").date(d), "31 มีนาคม 2570");
    assert_eq!(
        Formats::new("th-u-ca-gregory").date(d),
        "31 มีนาคม ค.ศ. 2027"
    );
    assert_eq!(Formats::new("en-u-ca-nonsense").date(d), "March 31, 2027");
}

/// The extremes of jiff's date range still format, with the era where CLDR writes one.
#[test]
fn extreme_dates() {
    let en = Formats::new("en");
    assert_eq!(en.date(date(-9999, 1, 1)), "January 1, 10000 BC");
    assert_eq!(en.date(date(9999, 12, 31)), "December 31, 9999");
}

/// Grouping and decimal separators come from CLDR, including its no-break spaces.
#[test]
fn number_separators() {
    for (language, expected) in [
        ("en", "52,000"),
        ("de", "52.000"),
        ("de-CH", "52'000"),
        ("fr", "52\u{202f}000"),
        ("pl", "52\u{a0}000"),
        ("ja", "52,000"),
    ] {
        assert_eq!(
            Formats::new(language).number(52000.0),
            expected,
            "{language}"
        );
    }
    let de = Formats::new("de");
    assert_eq!(de.number(1234.567), "1.234,57");
    assert_eq!(de.number(18.5), "18,5");
    assert_eq!(de.number(-1234.5), "-1.234,5");
    assert_eq!(de.number(-0.0), "0");
}

/// Numbers ICU cannot format print as CLDR's root symbols instead of panicking.
#[test]
fn non_finite_numbers() {
    let en = Formats::new("en");
    assert_eq!(en.number(f64::NAN), "NaN");
    assert_eq!(en.number(f64::INFINITY), "∞");
    assert_eq!(en.money(f64::NEG_INFINITY, "USD"), "-∞");
    assert_eq!(en.money_range(f64::NAN, 5.0, "EUR"), "NaN–€5");
}

/// Money in each language's currency pattern with the currency's symbol there.
#[test]
fn money_in_each_language() {
    for (language, amount, currency, expected) in [
        ("en", 52000.0, "USD", "$52,000"),
        ("en", 18.5, "USD", "$18.50"),
        ("de", 52000.0, "EUR", "52.000\u{a0}€"),
        ("de-CH", 110000.0, "CHF", "CHF\u{a0}110'000"),
        ("fr", 52000.0, "EUR", "52\u{202f}000\u{a0}€"),
        ("ja", 1500.0, "JPY", "￥1,500"),
        ("zh", 1500.0, "JPY", "JP¥1,500"),
        ("ko", 52000.0, "EUR", "€52,000"),
        ("pl", 52000.0, "EUR", "52\u{a0}000\u{a0}€"),
        ("cs", 18.5, "USD", "18,50\u{a0}US$"),
        ("en-GB", 18.5, "USD", "US$18.50"),
    ] {
        let got = Formats::new(language).money(amount, currency);
        assert_eq!(got, expected, "{language} {amount} {currency}");
    }
}

/// Currency codes in any case or unknown to CLDR still print, the unknown ones as their code.
#[test]
fn money_with_odd_currencies() {
    let en = Formats::new("en");
    assert_eq!(en.money(5.0, "eur"), "€5");
    assert_eq!(en.money(5.0, " Eur "), "€5");
    assert_eq!(en.money(5.0, "XYZ"), "XYZ\u{a0}5");
    assert_eq!(en.money(5.0, "CHF"), "CHF\u{a0}5");
    assert_eq!(en.money(5.0, "€"), "€\u{a0}5");
    assert_eq!(Formats::new("de").money(5.0, "EURO"), "5\u{a0}EURO");
    assert_eq!(en.money(5.0, ""), "5");
    assert_eq!(en.money(2.125, "KWD"), "KWD\u{a0}2.125");
    assert_eq!(en.money(1500.5, "JPY"), "¥1,501");
}

/// Negative, zero and huge amounts format without panicking.
#[test]
fn money_extremes() {
    let en = Formats::new("en");
    assert_eq!(en.money(-5.0, "EUR"), "-€5");
    assert_eq!(en.money(-18.5, "EUR"), "-€18.50");
    assert_eq!(en.money(-0.001, "USD"), "$0");
    assert_eq!(en.money(1e20, "USD"), "$100,000,000,000,000,000,000");
    assert!(
        en.money(f64::MAX, "EUR")
            .starts_with("€179,769,313,486,231,570")
    );
    assert_eq!(Formats::new("de").money(-5.0, "EUR"), "-5\u{a0}€");
}

/// A range names the currency once, where the language's pattern puts it.
#[test]
fn money_ranges() {
    for (language, expected) in [
        ("de", "52.000–64.000\u{a0}€"),
        ("en", "€52,000–64,000"),
        ("fr", "52\u{202f}000–64\u{202f}000\u{a0}€"),
        ("nl", "€\u{a0}52.000–64.000"),
        ("ja", "€52,000–64,000"),
    ] {
        let got = Formats::new(language).money_range(52000.0, 64000.0, "EUR");
        assert_eq!(got, expected, "{language}");
    }
    let en = Formats::new("en");
    assert_eq!(en.money_range(52000.0, 64000.0, "USD"), "$52,000–64,000");
    assert_eq!(en.money_range(18.5, 20.0, "USD"), "$18.50–20.00");
    assert_eq!(en.money_range(52000.0, 52000.0, "USD"), "$52,000");
    assert_eq!(en.money_range(-5.0, 5.0, "EUR"), "-€5–€5");
    assert_eq!(
        Formats::new("ja").money_range(1500.0, 2000.0, "JPY"),
        "￥1,500–2,000"
    );
}

/// Plural categories follow each language's CLDR rules.
#[test]
fn plural_categories() {
    let pl = Formats::new("pl");
    let got = [1, 3, 5, 22, 25, 0].map(|n| pl.plural(n));
    assert_eq!(got, ["one", "few", "many", "few", "many", "many"]);
    let cs = Formats::new("cs");
    assert_eq!([1, 2, 5].map(|n| cs.plural(n)), ["one", "few", "other"]);
    let en = Formats::new("en");
    assert_eq!([0, 1, 2].map(|n| en.plural(n)), ["other", "one", "other"]);
    let ja = Formats::new("ja");
    assert_eq!([0, 1, 2, 5].map(|n| ja.plural(n)), ["other"; 4]);
}

/// Country names in the language, from codes in any case.
#[test]
fn country_names() {
    assert_eq!(
        Formats::new("de").country("DE").as_deref(),
        Some("Deutschland")
    );
    assert_eq!(Formats::new("ja").country("JP").as_deref(), Some("日本"));
    assert_eq!(
        Formats::new("fr").country("us").as_deref(),
        Some("États-Unis")
    );
    assert_eq!(
        Formats::new("en").country(" de ").as_deref(),
        Some("Germany")
    );
    for code in ["", "D", "DEU", "1", "€€"] {
        assert_eq!(Formats::new("en").country(code), None, "{code:?}");
    }
}

/// Tags are normalised, and ones without CLDR data fall back to English.
#[test]
fn language_tags() {
    for (tag, used) in [
        ("de", "de"),
        ("de-CH", "de-CH"),
        ("pt-BR", "pt-BR"),
        ("zh-Hans", "zh-Hans"),
        ("EN_gb", "en-GB"),
        (" ja ", "ja"),
        ("garbage", "en"),
        ("xx", "en"),
        ("und", "en"),
        ("", "en"),
        ("-", "en"),
        ("de-", "en"),
        ("12", "en"),
        ("🙂", "en"),
        ("en-u-ca-nonsense", "en-u-ca-nonsense"),
    ] {
        assert_eq!(Formats::new(tag).language(), used, "{tag:?}");
    }
    assert_eq!(
        Formats::new("garbage").date(date(2027, 3, 31)),
        "March 31, 2027"
    );
}

/// No language, amount or currency panics, in any combination.
#[test]
fn odd_inputs_never_panic() {
    let amounts = [
        0.0,
        -0.0,
        1e-9,
        -1.0,
        0.005,
        1e300,
        f64::MIN,
        f64::NAN,
        f64::INFINITY,
    ];
    for tag in [
        "ar",
        "fa",
        "th",
        "hi",
        "de-AT",
        "sr-Latn",
        "root",
        "x-private",
        "a-b-c",
    ] {
        let f = Formats::new(tag);
        for amount in amounts {
            for currency in ["EUR", "", "€", "JPYY", "kwd", "XXX", "1a2"] {
                assert!(!f.money(amount, currency).is_empty() || currency.is_empty());
                let _ = f.money_range(amount, 1.0, currency);
            }
            let _ = f.number(amount);
        }
        let _ = (f.plural(u64::MAX), f.country("ZZ"), f.date(date(1, 1, 1)));
    }
}

#[test]
fn numbers_with_a_fraction_get_their_own_plural_category() {
    assert_eq!(Formats::new("cs").plural_of(37.5), "many");
    assert_eq!(Formats::new("cs").plural_of(3.0), "few");
    assert_eq!(Formats::new("pl").plural_of(37.5), "other");
    assert_eq!(Formats::new("en").plural_of(1.0), "one");
    assert_eq!(Formats::new("en").plural_of(f64::NAN), "other");
}

#[test]
fn language_names_come_from_cldr_and_read_back() {
    assert_eq!(
        Formats::new("de").language_name("en").as_deref(),
        Some("Englisch")
    );
    assert_eq!(
        Formats::new("en")
            .language_code_for_name("German")
            .as_deref(),
        Some("de")
    );
    assert_eq!(
        Formats::new("en").language_code_for_name("Klingonish"),
        None
    );
}
