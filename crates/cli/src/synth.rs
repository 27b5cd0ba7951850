//! A generator of synthetic news articles for benchmarks: deterministic,
//! varied enough to exercise every extraction rule (attribution, hedges,
//! dates, places, numbers, weapons), and about the size of a real article.

use claimtrace_model::{Document, InputFormat, content_hash};

/// A small deterministic PRNG (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

const ACTORS: &[&str] = &[
    "Ukrainian forces",
    "the Russian army",
    "the Rapid Support Forces",
    "JNIM fighters",
    "the Malian army",
    "Houthi forces",
    "the Sudanese Armed Forces",
    "Wagner Group mercenaries",
    "the Israeli military",
    "al-Shabaab militants",
    "the Burkinabe army",
    "M23 rebels",
];
const PLACES: &[&str] = &[
    "Kharkiv",
    "Belgorod",
    "El Fasher",
    "Omdurman",
    "Port Sudan",
    "Gao",
    "Kidal",
    "Djibo",
    "Sanaa",
    "Hodeidah",
    "Goma",
    "Mogadishu",
    "Kursk",
    "Timbuktu",
    "Niamey",
    "Khartoum",
];
const SOURCES: &[&str] = &[
    "the defence ministry said",
    "a military spokesman told reporters",
    "according to local officials",
    "witnesses said",
    "the army said in a statement",
    "according to state media",
    "analysts said",
    "a UN report said",
    "according to Reuters",
];
const WEAPONS: &[&str] = &[
    "drones",
    "Shahed-136 drones",
    "Bayraktar TB2 drones",
    "cruise missiles",
    "artillery shells",
    "FPV drones",
    "loitering munitions",
    "rockets",
    "Lancet drones",
];
const HEDGES: &[&str] = &["reportedly", "allegedly", "apparently", ""];
const OUTLETS: &[&str] = &[
    "Sahel Wire Service",
    "Meridian Daily",
    "Eastern Front Monitor",
    "Red Sea Herald",
];

/// Article number `i` of a generated corpus (the same `i` gives the same text).
pub fn article(i: u64) -> Document {
    let mut r = Rng(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let year = r.range(2022, 2025);
    let month = r.range(1, 12);
    let day = r.range(1, 28);
    let mut text = String::with_capacity(4096);
    let place = r.pick(PLACES);
    text.push_str(&format!(
        "Fighting intensifies near {place} as strikes continue\n\n"
    ));
    let paragraphs = r.range(5, 9);
    for p in 0..paragraphs {
        let sentences = r.range(2, 4);
        for s in 0..sentences {
            let a = r.pick(ACTORS);
            let b = r.pick(ACTORS);
            let pl = r.pick(PLACES);
            let w = r.pick(WEAPONS);
            let n = r.range(2, 450);
            let src = r.pick(SOURCES);
            let hedge = r.pick(HEDGES);
            let m = r.pick(&claimtrace_model::MONTH_NAMES);
            let sentence = match (p * 7 + s + r.range(0, 11)) % 11 {
                0 => format!(
                    "On {m} {day}, {year}, {a} launched {n} {w} at targets in {pl}, {src}. "
                ),
                1 => format!("At least {n} people were killed in {pl} overnight, {src}. "),
                2 => format!("{a} {hedge} received {w} from abroad, {src}. ").replace("  ", " "),
                3 => format!(
                    "The government in {pl} severed diplomatic ties with its neighbour last week. "
                ),
                4 => format!("Officials denied that {a} had supplied {w} to {b} near {pl}. "),
                5 => "The strike may have been aimed at derailing talks, observers said. "
                    .to_string(),
                6 => format!("{a} said it had shot down {n} {w} over {pl} on Tuesday. "),
                7 => format!("More than {n} fighters were deployed to {pl} in {m} {year}. "),
                8 => format!(
                    "Analysts believe {a} could expand operations around {pl} in the coming months. "
                ),
                9 => format!(
                    "The United Nations designated the group a terrorist organisation in {year}. "
                ),
                _ => format!(
                    "Talks between envoys resumed in {pl} on {m} {day}, according to diplomats. "
                ),
            };
            text.push_str(&sentence);
        }
        text.push_str("\n\n");
    }
    let hash = content_hash(&text);
    Document {
        id: format!("synthetic-{i:07}"),
        title: Some(format!("Fighting intensifies near {place}")),
        url: Some(format!("https://example.invalid/{i}")),
        outlet: Some(r.pick(OUTLETS).to_string()),
        published: Some(format!("{year}-{month:02}-{day:02}")),
        lang: Some("en".into()),
        author: None,
        format: InputFormat::Text,
        origin: format!("synthetic:{i}"),
        hash,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_article_sized() {
        let a = article(7);
        let b = article(7);
        assert_eq!(a.text, b.text);
        assert_ne!(article(8).text, a.text);
        assert!(a.text.len() > 800, "{}", a.text.len());
    }
}
