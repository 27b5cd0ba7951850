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
    /// What a document of this input is called when it carries no id of
    /// its own: the path relative to the walked directory (`a/index.html`,
    /// so two saved pages called `index.html` stay two documents), the file
    /// name of a file named on the command line; `None` for stdin.
    pub id_base: Option<String>,
    /// Found by walking a directory rather than named: a file that is not
    /// an article (a script, a stylesheet, an image) is skipped, not a failure.
    pub walked: bool,
}

impl Input {
    /// Standard input.
    pub fn stdin() -> Input {
        Input {
            name: "-".into(),
            path: None,
            id_base: None,
            walked: false,
        }
    }

    /// A file at `path`, named on the command line.
    pub fn file(path: &Path) -> Input {
        Input {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
            id_base: Some(
                path.file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string()),
            ),
            walked: false,
        }
    }

    /// A file at `path` found by walking `root`.
    pub fn walked(root: &Path, path: &Path) -> Input {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let id: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Input {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
            id_base: Some(id.join("/")),
            walked: true,
        }
    }
}

/// What a path is when it is neither a regular file nor a directory
/// (reading a FIFO would wait for a writer forever).
fn special_kind(m: &fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = m.file_type();
    if t.is_file() || t.is_dir() {
        None
    } else if t.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_block_device() || t.is_char_device() {
        Some("a device")
    } else {
        Some("not a regular file")
    }
}

/// The error for a path that is not a regular file, when it is not.
pub(crate) fn refuse_special(name: &str, m: &fs::Metadata) -> Option<IngestError> {
    special_kind(m).map(|kind| IngestError::NotRegularFile {
        input: name.to_string(),
        kind: kind.to_string(),
    })
}

/// Expands files, directories (recursively, sorted, hidden entries and
/// database files skipped, see `is_database_file`) and `-` (stdin) into
/// inputs, in argument order. Paths that do not exist or cannot be listed
/// are errors, and so is anything that is not a regular file or directory
/// (a FIFO, a socket, a device), which is never opened; the other arguments
/// still expand.
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
            Ok(m) => match refuse_special(&arg.display().to_string(), &m) {
                Some(e) => errors.push(e),
                None => inputs.push(Input::file(arg)),
            },
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
                Ok(m) if m.is_file() => inputs.push(Input::walked(root, &p)),
                // A link to a file is read; a link to a FIFO is refused like one.
                Ok(m) if m.file_type().is_symlink() => match fs::metadata(&p) {
                    Ok(t) if t.is_file() => inputs.push(Input::walked(root, &p)),
                    Ok(t) => errors.extend(refuse_special(&p.display().to_string(), &t)),
                    Err(_) => {}
                },
                Ok(m) => errors.extend(refuse_special(&p.display().to_string(), &m)),
                Err(_) => {}
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

    #[test]
    fn walked_files_are_named_by_their_path_under_the_root() {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["a", "b"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
            std::fs::write(dir.path().join(sub).join("index.html"), "<p>x</p>").expect("write");
        }
        let (inputs, _) = discover(&[dir.path().to_path_buf()]);
        let ids: Vec<_> = inputs.iter().map(|i| i.id_base.clone().unwrap()).collect();
        assert_eq!(ids, ["a/index.html", "b/index.html"]);
        assert!(inputs.iter().all(|i| i.walked));
        let (named, _) = discover(&[dir.path().join("a/index.html")]);
        assert_eq!(named[0].id_base.as_deref(), Some("index.html"));
        assert!(!named[0].walked);
    }

    /// A FIFO named or found is refused without being opened (opening it
    /// would wait for a writer forever).
    #[test]
    fn fifos_are_refused_unopened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        std::fs::write(dir.path().join("a.txt"), "Words.").expect("write");
        let (inputs, errors) = discover(&[dir.path().to_path_buf(), fifo.clone()]);
        assert_eq!(inputs.len(), 1);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors.iter().all(|e| e.to_string().contains("FIFO")),
            "{errors:?}"
        );
    }
}
