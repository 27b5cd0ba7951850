use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{IngestError, one_line};

/// One unit of input as named by the user: a file found by walking, or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given (or as found under a given directory), or `-` for stdin.
    pub name: String,
    /// The file to read; `None` for stdin.
    pub path: Option<PathBuf>,
}

impl Input {
    /// Standard input.
    pub fn stdin() -> Input {
        Input {
            name: "-".into(),
            path: None,
        }
    }

    /// A file at `path`.
    pub fn file(path: &Path) -> Input {
        Input {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
        }
    }
}

/// Expands files, directories (recursively, sorted, hidden entries and
/// database files skipped, see `is_database_file`) and `-` (stdin) into inputs, in argument order. Paths that do not exist or
/// cannot be listed are errors; the other arguments still expand.
pub fn discover(args: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::stdin());
            continue;
        }
        match fs::metadata(arg) {
            Ok(m) if m.is_dir() => walk(arg, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::file(arg)),
            Err(e) => errors.push(IngestError::Read {
                input: arg.display().to_string(),
                reason: one_line(e),
            }),
        }
    }
    (inputs, errors)
}

/// Depth-first walk with an explicit stack (deep trees cannot overflow),
/// visiting entries in name order. Symlinked directories are not followed,
/// so a link cycle cannot loop.
fn walk(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<IngestError>) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                errors.push(IngestError::Read {
                    input: dir.display().to_string(),
                    reason: one_line(e),
                });
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        let mut subdirs = Vec::new();
        for p in paths {
            match fs::symlink_metadata(&p) {
                Ok(m) if m.is_dir() => subdirs.push(p),
                _ if is_database_file(&p) => {}
                Ok(m) if m.is_file() => inputs.push(Input::file(&p)),
                Ok(m) if m.file_type().is_symlink() && p.is_file() => inputs.push(Input::file(&p)),
                _ => {}
            }
        }
        // Reversed so the stack pops them in name order, files of a directory before its subdirectories' files.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// A database file or one of SQLite's side files (`x.db`, `x.db-wal`,
/// `x.sqlite-shm`, `x.db-journal`): skipped when a directory is walked, so
/// that `claimtrace ingest --db corpus/claims.db corpus` does not read its
/// own store. Named explicitly, such a file is still read (and refused as
/// binary).
pub fn is_database_file(p: &Path) -> bool {
    let Some(name) = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
    else {
        return false;
    };
    let base = ["-wal", "-shm", "-journal"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(&name);
    [".db", ".sqlite", ".sqlite3"]
        .iter()
        .any(|ext| base.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_skips_database_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "a.txt",
            "claims.db",
            "claims.db-wal",
            "claims.db-shm",
            "x.SQLITE",
            "b.html",
        ] {
            std::fs::write(dir.path().join(name), "text").expect("write");
        }
        let (inputs, errors) = discover(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| {
                i.path
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.html"]);
        // Named on the command line, a database file is an input like any other.
        let (inputs, _) = discover(&[dir.path().join("claims.db")]);
        assert_eq!(inputs.len(), 1);
        assert!(!is_database_file(Path::new("dbnotes.txt")));
    }
}
