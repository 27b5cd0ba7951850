//! The web page is built by npm into `web/dist` and embedded with rust-embed.
//! rust-embed does not notice files added to the folder, so ask cargo to
//! rebuild this crate whenever the built page changes (or first appears).

fn main() {
    println!("cargo:rerun-if-changed=../../web/dist");
    println!("cargo:rerun-if-changed=../../web/dist/index.html");
    println!("cargo:rerun-if-changed=../../web/dist/assets");
}
