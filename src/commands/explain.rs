//! `careers explain [CODE]`: one diagnostic code's documentation, or the list of codes.

use std::io::Write;

use crate::cli::ExplainArgs;
use crate::console::Console;
use crate::diagnostics::did_you_mean;

/// Prints the explanation (exit 0), or says the code is unknown with the closest one (exit 2).
pub(crate) fn run(args: &ExplainArgs, console: &Console) -> i32 {
    let Some(code) = args.code.as_deref() else {
        print(&list());
        return 0;
    };
    if let Some(law) = crate::lint::laws::by_id(code) {
        print(&crate::lint::laws::explain(law));
        return 0;
    }
    match crate::explain::text(code) {
        Some(text) => {
            print(&with_footer(code, text));
            0
        }
        None => {
            console.fail(&unknown(code));
            2
        }
    }
}

/// The explanation, and for a lint how to switch it off.
fn with_footer(code: &str, text: &str) -> String {
    if !crate::lint::CODES.contains(&code) {
        return text.to_string();
    }
    format!(
        "{text}\nTo switch it off for one posting, add `lint: {{allow: [{code}]}}` to its front matter; \
         for the whole site, write the same in content/site.yaml.\n"
    )
}

/// The message for a code that has no explanation.
fn unknown(code: &str) -> String {
    let codes = crate::explain::codes();
    match did_you_mean(code, &codes) {
        Some(near) => format!(
            "careers has no code `{code}`; did you mean `{near}`? (`careers explain` lists every code)"
        ),
        None => format!("careers has no code `{code}`; `careers explain` lists every code"),
    }
}

/// Every code, one a line.
fn list() -> String {
    let mut out = String::from("Codes `careers explain CODE` explains:\n");
    for code in crate::explain::codes() {
        out.push_str("  ");
        out.push_str(code);
        out.push('\n');
    }
    out.push_str("\nJob-ad laws `careers explain CODE` describes (codes of `pay_transparency`):\n");
    for law in crate::lint::laws::LAWS {
        out.push_str(&format!("  {:<14} {}\n", law.id, law.name));
    }
    out
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_gets_the_closest_code() {
        assert!(unknown("title-has-salry").contains("did you mean `title-has-salary`?"));
        assert!(!unknown("zzzzzzzz").contains("did you mean"));
    }

    #[test]
    fn lints_say_how_to_switch_them_off() {
        let text = with_footer("expired", "x\n");
        assert!(text.contains("`lint: {allow: [expired]}`"), "{text}");
    }
}
