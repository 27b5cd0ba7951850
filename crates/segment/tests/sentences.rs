//! Data-driven sentence-splitting cases (`tests/sentences.txt`) and
//! property tests of the tiling invariant.

use claimtrace_segment::{check_tiling, sentences};
use proptest::prelude::*;

struct Case {
    name: String,
    input: String,
    expected: Vec<String>,
}

fn parse_cases(data: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut current: Option<(String, Vec<&str>, Vec<String>, bool)> = None;
    for line in data.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            if let Some((n, i, e, _)) = current.take() {
                cases.push(Case {
                    name: n,
                    input: i.join("\n"),
                    expected: e,
                });
            }
            current = Some((name.to_string(), Vec::new(), Vec::new(), false));
            continue;
        }
        let Some((_, input, expected, in_expected)) = current.as_mut() else {
            continue;
        };
        if line == "---" {
            *in_expected = true;
        } else if *in_expected {
            expected.push(line.replace("\\n", "\n"));
        } else {
            input.push(line);
        }
    }
    if let Some((n, i, e, _)) = current {
        cases.push(Case {
            name: n,
            input: i.join("\n"),
            expected: e,
        });
    }
    cases
}

#[test]
fn sentence_cases() {
    let cases = parse_cases(include_str!("sentences.txt"));
    assert!(cases.len() >= 20, "only {} cases parsed", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let input = if case.name == "windows line endings" {
            case.input.replace('\n', "\r\n")
        } else {
            case.input.clone()
        };
        let got = sentences(&input);
        check_tiling(&input, &got).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let got: Vec<String> = got
            .iter()
            .filter_map(|s| s.trimmed.slice(&input))
            .filter(|s| !s.is_empty())
            .map(|s| s.replace("\r\n", "\n"))
            .collect();
        if got != case.expected {
            failures.push(format!(
                "case '{}'\n  expected: {:#?}\n  got:      {:#?}",
                case.name, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn empty_and_blank_texts() {
    assert!(sentences("").is_empty());
    let s = sentences(" \n\t ");
    check_tiling(" \n\t ", &s).unwrap();
    assert_eq!(s.len(), 1);
    assert!(s[0].trimmed.is_empty());
}

fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Gen.", "U.S.", "said", "“", "”", "\"", ".", "!", "?", "…", "...", "\n", "\n\n", " ", "  ",
        "3.5", "1,200", "J.", "Türkiye", "Erdoğan", "the", "The", "drones", "No.", "5", "Jan.",
        "(", ")", "e.g.", "—", "’s", "\r\n", "é", "日本", "🚀",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn tiles_news_like_text(text in news_like()) {
        let s = sentences(&text);
        prop_assert!(check_tiling(&text, &s).is_ok(), "{:?}", check_tiling(&text, &s));
    }

    #[test]
    fn tiles_arbitrary_text(text in any::<String>()) {
        let s = sentences(&text);
        prop_assert!(check_tiling(&text, &s).is_ok());
        for x in &s {
            prop_assert!(text.is_char_boundary(x.trimmed.start) && text.is_char_boundary(x.trimmed.end));
        }
    }
}
