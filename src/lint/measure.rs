//! How long text is for the people who read it, in any script: words, characters, and width
//! in Latin letters.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A width limit as warnings about wide text say it: "80 Latin letters or 40 Chinese,
/// Japanese or Korean characters".
pub fn limit_in_letters(limit: usize) -> String {
    format!(
        "{limit} Latin letters or {} Chinese, Japanese or Korean characters",
        limit / 2
    )
}

/// Words per UAX #29: each Chinese character and each kana counts as one word, as those
/// scripts write no spaces between words; a Hangul word between spaces is one.
pub fn words(text: &str) -> usize {
    text.unicode_words().count()
}

/// How long a text looks: its characters, and how many Latin letters wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    /// Characters as people see them (an accent with its letter, an emoji with its
    /// skin tone: one each).
    pub chars: usize,
    /// Width in Latin letters: a Chinese, Japanese or Korean character (or an emoji) counts
    /// two, as search results and job boards, which cut text by width, show it.
    pub width: usize,
}

impl Length {
    /// The length of `text`.
    pub fn of(text: &str) -> Length {
        // Printable ASCII is one character, one letter wide, per byte: no segmenting needed.
        if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return Length {
                chars: text.len(),
                width: text.len(),
            };
        }
        let mut length = Length { chars: 0, width: 0 };
        for grapheme in text.graphemes(true) {
            length.chars += 1;
            length.width += grapheme.width().clamp(1, 2);
        }
        length
    }

    /// Whether some characters are wider than a Latin letter (the messages then say both).
    pub fn has_wide(self) -> bool {
        self.width > self.chars
    }

    /// "95 characters", or "50 characters, as wide as 100 Latin letters".
    pub fn describe(self) -> String {
        match self.has_wide() {
            false => format!("{} characters", self.chars),
            true => format!(
                "{} characters, as wide as {} Latin letters",
                self.chars, self.width
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_in_every_script() {
        // Punctuation, such as the dash, is no word.
        assert_eq!(words("Plan routes, keep the map — and mentor."), 7);
        assert_eq!(words("物流チームで配送ルートを計画します"), 13);
        assert_eq!(words("서울에서 일하기"), 2);
        assert_eq!(words("Москва и Санкт-Петербург"), 4);
    }

    #[test]
    fn printable_ascii_is_measured_as_the_slow_way_does() {
        for text in [
            "",
            "Backend Engineer (m/w/d) - Berlin",
            "a\tb",
            "line\r\nbreak",
            "~!@#$%^&*()",
        ] {
            let mut slow = Length { chars: 0, width: 0 };
            for grapheme in text.graphemes(true) {
                slow.chars += 1;
                slow.width += grapheme.width().clamp(1, 2);
            }
            assert_eq!(Length::of(text), slow, "{text:?}");
        }
    }

    #[test]
    fn wide_characters_count_as_two_latin_letters() {
        let latin = Length::of("Zürich");
        assert_eq!((latin.chars, latin.width, latin.has_wide()), (6, 6, false));
        assert_eq!(Length::of("Zu\u{308}rich"), latin);
        let japanese = Length::of("東京の営業");
        assert_eq!((japanese.chars, japanese.width), (5, 10));
        assert_eq!(
            japanese.describe(),
            "5 characters, as wide as 10 Latin letters"
        );
        assert_eq!(Length::of("Hi 👋🏽").width, 5);
        assert_eq!(latin.describe(), "6 characters");
    }
}
