use crate::util::*;

const TABLE: &str = "# test table\n\
    Zyzzyvka\tcity\tUA\t47.10\t37.55\t4300\t999001\tZyzzyvka-Nova\n";
const ARTICLE: &str =
    "Russian drones struck a power plant in Zyzzyvka on Tuesday, the governor said.\n";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data/geonames")).unwrap();
    std::fs::write(dir.path().join("data/geonames/geonames.tsv"), TABLE).unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    dir
}

fn place_id(dir: &std::path::Path) -> serde_json::Value {
    let out = run(dir, &["extract", "a.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 1, "{}", stdout(&out));
    recs[0]["place"]["geonameid"].clone()
}

#[test]
fn the_index_is_built_once_and_a_damaged_one_is_rebuilt() {
    let dir = setup();
    let idx = dir.path().join("data/geonames/geonames.idx");
    let out = run(dir.path(), &["gazetteer", "index"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("geonames.idx"), "{}", stderr(&out));
    let built = std::fs::read(&idx).unwrap();
    let mtime = || std::fs::metadata(&idx).unwrap().modified().unwrap();
    let written = mtime();
    assert_eq!(place_id(dir.path()), 999001);
    assert_eq!(mtime(), written, "a fresh index was rebuilt");

    std::fs::write(&idx, &built[..built.len() / 3]).unwrap();
    assert_eq!(place_id(dir.path()), 999001);
    assert_eq!(
        std::fs::read(&idx).unwrap(),
        built,
        "the damaged index was not rebuilt"
    );
}

#[test]
fn indexing_without_a_table_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["gazetteer", "index", "--dir", "nowhere"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("nowhere") && err.contains("no GeoNames table"),
        "{err}"
    );
}
