//! The evaluation report: one section per component and data set, each a
//! table of figures beside their peer or target, rendered for the terminal
//! and as Markdown (EVALUATION.md).

use std::fmt::Write as _;

/// A table of pre-formatted cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn widths(&self) -> Vec<usize> {
        let mut w: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                if i < w.len() {
                    w[i] = w[i].max(c.chars().count());
                }
            }
        }
        w
    }

    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let line = |cells: &[String]| {
            format!(
                "| {} |\n",
                cells
                    .iter()
                    .map(|c| c.replace('|', "\\|"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        };
        s.push_str(&line(&self.header));
        s.push_str(&format!(
            "|{}\n",
            self.header
                .iter()
                .enumerate()
                .map(|(i, _)| if i == 0 { "---|" } else { "---:|" })
                .collect::<String>()
        ));
        for r in &self.rows {
            s.push_str(&line(r));
        }
        s
    }

    pub fn to_text(&self) -> String {
        let w = self.widths();
        let mut s = String::new();
        let fmt_row = |cells: &[String], s: &mut String| {
            for (i, c) in cells.iter().enumerate() {
                let width = w.get(i).copied().unwrap_or(0);
                let pad = width.saturating_sub(c.chars().count());
                if i == 0 {
                    let _ = write!(s, "  {c}{}", " ".repeat(pad));
                } else {
                    let _ = write!(s, "  {}{c}", " ".repeat(pad));
                }
            }
            s.push('\n');
        };
        fmt_row(&self.header, &mut s);
        for r in &self.rows {
            fmt_row(r, &mut s);
        }
        s
    }
}

/// What a headline figure is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// The minimum.
    AtLeast(f64),
    /// Must beat the peer's figure on the same data in the same run.
    AbovePeer,
    /// No target: shown for context.
    None,
}

/// One figure of the summary table: claimtrace's value beside its peer
/// (or baseline) and the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub metric: String,
    pub value: f64,
    /// `(name, value)` of the peer or baseline on the same documents.
    pub peer: Option<(String, f64)>,
    pub target: Target,
}

impl Headline {
    pub fn new(metric: &str, value: f64, peer: Option<(String, f64)>, target: Target) -> Self {
        Headline {
            metric: metric.to_string(),
            value,
            peer,
            target,
        }
    }

    /// `Some(true)` when the target is met, `None` when there is none to meet
    /// (or the peer it depends on did not run).
    pub fn met(&self) -> Option<bool> {
        match self.target {
            Target::AtLeast(min) => Some(self.value >= min),
            Target::AbovePeer => self.peer.as_ref().map(|(_, p)| self.value > *p),
            Target::None => None,
        }
    }

    fn target_text(&self) -> String {
        match self.target {
            Target::AtLeast(min) => format!("≥ {min:.2}"),
            Target::AbovePeer => "> peer".into(),
            Target::None => "—".into(),
        }
    }
}

/// One component measured on one data set.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// Component measured (`Hedge cues`).
    pub component: String,
    /// Data set and part (`Szeged Uncertainty Corpus, FactBank part (news)`).
    pub dataset: String,
    /// Folder under the data directory, licence, what was scored.
    pub source: String,
    pub table: Table,
    pub notes: Vec<String>,
    /// The figures repeated in the summary table.
    pub headlines: Vec<Headline>,
}

/// The whole run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// UTC date and time of the run.
    pub generated: String,
    pub split: String,
    pub data_dir: String,
    pub command: String,
    pub sections: Vec<Section>,
    /// Components that could not run, with the reason.
    pub skipped: Vec<String>,
    /// Seconds each component took (peers included).
    pub timings: Vec<(String, f64)>,
    /// Seconds the whole run took.
    pub wall_seconds: f64,
    /// Cores and load while the run was measured (speeds depend on it).
    pub machine: String,
}

impl Report {
    /// The summary table: every headline figure of every section.
    pub fn summary(&self) -> Table {
        let mut t = Table::new(&[
            "component",
            "data set",
            "metric",
            "claimtrace",
            "peer / baseline",
            "target",
            "met",
        ]);
        for sec in &self.sections {
            for h in &sec.headlines {
                t.row(vec![
                    sec.component.clone(),
                    sec.dataset.clone(),
                    h.metric.clone(),
                    f3(h.value),
                    h.peer
                        .as_ref()
                        .map(|(n, v)| format!("{} ({n})", f3(*v)))
                        .unwrap_or_else(|| "—".into()),
                    h.target_text(),
                    match h.met() {
                        Some(true) => "✓".into(),
                        Some(false) => "✗".into(),
                        None => String::new(),
                    },
                ]);
            }
        }
        t
    }

    fn timing_line(&self) -> String {
        let parts: Vec<String> = self
            .timings
            .iter()
            .map(|(c, s)| format!("{c} {s:.1} s"))
            .collect();
        format!("{:.1} s in all ({})", self.wall_seconds, parts.join(", "))
    }

    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let summary = self.summary();
        if !summary.rows.is_empty() {
            let _ = writeln!(s, "\n== Summary ({} split)", self.split);
            s.push_str(&summary.to_text());
        }
        let _ = writeln!(s, "   * Runtime: {}.", self.timing_line());
        if !self.machine.is_empty() {
            let _ = writeln!(s, "   * Machine: {}.", self.machine);
        }
        for sec in &self.sections {
            let _ = writeln!(s, "\n== {} — {}", sec.component, sec.dataset);
            let _ = writeln!(s, "   {}", sec.source);
            s.push_str(&sec.table.to_text());
            for n in &sec.notes {
                let _ = writeln!(s, "   * {n}");
            }
        }
        for k in &self.skipped {
            let _ = writeln!(s, "\n!! skipped: {k}");
        }
        s
    }

    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        s.push_str("# EVALUATION\n\n");
        let _ = writeln!(
            s,
            "claimtrace's components measured on third-party gold data (annotated by others), \
             with peer tools run on the same documents where one exists.\n"
        );
        let _ = writeln!(s, "- Generated: {}", self.generated);
        let _ = writeln!(s, "- Command: `{}`", self.command);
        let _ = writeln!(
            s,
            "- Split: **{}**. Every data set is split by a stable hash of its document ids \
             (`crates/eval/src/split.rs`: FNV-1a of `dataset/doc_id`, 40 % dev, 60 % test). \
             Rules may be tuned on dev documents only; figures below are on {} documents.",
            self.split, self.split
        );
        let _ = writeln!(
            s,
            "- Data: read at run time from `{}` (never copied into the repository); each section names \
             the folder, whose README gives source, licence and format.",
            self.data_dir
        );
        let _ = writeln!(
            s,
            "- Figures are P / R / F1 unless stated; *target* is the issue's acceptance threshold."
        );
        let _ = writeln!(
            s,
            "- Set-up the command expects: `bench/peers/setup.sh` (spaCy en_core_web_sm and trafilatura in \
             `~/.cache/claimtrace-peers`; without it the peer columns are empty) and `scripts/setup-data.sh` \
             (the GeoNames table `data/geonames/geonames.tsv`; without it claimtrace uses its builtin gazetteer \
             only, which the geocoding notes say)."
        );
        let _ = writeln!(s, "- Runtime: {}.", self.timing_line());
        if !self.machine.is_empty() {
            let _ = writeln!(
                s,
                "- Machine: {}. Throughput figures (MB/s, words/s) are wall-clock on one core and move with the load.",
                self.machine
            );
        }
        s.push('\n');
        let summary = self.summary();
        if !summary.rows.is_empty() {
            s.push_str("## Summary\n\n");
            s.push_str(
                "The headline figure of each section, beside the peer tool (or baseline) run on the \
                 same documents in the same run, and the issue's target.\n\n",
            );
            s.push_str(&summary.to_markdown());
            s.push('\n');
        }
        let mut last = String::new();
        for sec in &self.sections {
            if sec.component != last {
                let _ = writeln!(s, "## {}\n", sec.component);
                last = sec.component.clone();
            }
            let _ = writeln!(s, "### {}\n", sec.dataset);
            let _ = writeln!(s, "{}\n", sec.source);
            s.push_str(&sec.table.to_markdown());
            s.push('\n');
            for n in &sec.notes {
                let _ = writeln!(s, "- {n}");
            }
            if !sec.notes.is_empty() {
                s.push('\n');
            }
        }
        if !self.skipped.is_empty() {
            s.push_str("## Not measured in this run\n\n");
            for k in &self.skipped {
                let _ = writeln!(s, "- {k}");
            }
            s.push('\n');
        }
        s
    }
}

/// A ratio as a three-decimal figure.
pub fn f3(x: f64) -> String {
    format!("{x:.3}")
}

/// `P / R / F1` of counts.
pub fn prf(c: &crate::metrics::Counts) -> String {
    format!("{:.3} / {:.3} / {:.3}", c.precision(), c.recall(), c.f1())
}

/// Whether `value` meets a minimum target, as a table cell.
pub fn target_cell(value: f64, min: f64) -> String {
    if value >= min {
        format!("≥ {min:.2} ✓")
    } else {
        format!("≥ {min:.2} ✗")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Counts;

    #[test]
    fn renders_markdown_and_text() {
        let mut t = Table::new(&["metric", "claimtrace", "peer"]);
        t.row(vec!["F1".into(), prf(&Counts::new(3, 1, 2)), "a|b".into()]);
        let md = t.to_markdown();
        assert!(md.starts_with("| metric | claimtrace | peer |\n|---|---:|---:|\n"));
        assert!(md.contains("| F1 | 0.750 / 0.600 / 0.667 | a\\|b |"));
        let txt = t.to_text();
        assert!(
            txt.lines()
                .all(|l| l.chars().count() == txt.lines().next().unwrap().chars().count())
        );
        assert_eq!(target_cell(0.7, 0.85), "≥ 0.85 ✗");
        let r = Report {
            sections: vec![Section {
                component: "Hedge cues".into(),
                dataset: "X".into(),
                table: t,
                ..Default::default()
            }],
            split: "test".into(),
            ..Default::default()
        };
        let m = r.to_markdown();
        assert!(m.contains("## Hedge cues") && m.contains("### X") && m.contains("**test**"));
        // No headline: no summary table.
        assert!(!m.contains("## Summary"));
    }

    #[test]
    fn headlines_and_summary() {
        let peer = Some(("spaCy".to_string(), 0.6));
        assert_eq!(
            Headline::new("a", 0.7, peer.clone(), Target::AbovePeer).met(),
            Some(true)
        );
        assert_eq!(
            Headline::new("a", 0.5, peer.clone(), Target::AbovePeer).met(),
            Some(false)
        );
        assert_eq!(Headline::new("a", 0.5, None, Target::AbovePeer).met(), None);
        assert_eq!(
            Headline::new("a", 0.8, None, Target::AtLeast(0.8)).met(),
            Some(true)
        );
        assert_eq!(Headline::new("a", 0.8, None, Target::None).met(), None);
        let r = Report {
            sections: vec![Section {
                component: "NER".into(),
                dataset: "D".into(),
                headlines: vec![Headline::new("PER F1", 0.7, peer, Target::AbovePeer)],
                ..Default::default()
            }],
            timings: vec![("ner".into(), 1.25)],
            wall_seconds: 1.5,
            ..Default::default()
        };
        let m = r.to_markdown();
        assert!(m.contains("## Summary"), "{m}");
        assert!(
            m.contains("| NER | D | PER F1 | 0.700 | 0.600 (spaCy) | > peer | ✓ |"),
            "{m}"
        );
        assert!(
            m.contains("1.5 s in all (ner 1.2 s)") || m.contains("1.5 s in all (ner 1.3 s)"),
            "{m}"
        );
        assert!(r.to_text().contains("== Summary"));
    }
}
