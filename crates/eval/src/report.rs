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
}

impl Report {
    pub fn to_text(&self) -> String {
        let mut s = String::new();
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
            "- Figures are P / R / F1 unless stated; *target* is the issue's acceptance threshold.\n"
        );
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
    }
}
