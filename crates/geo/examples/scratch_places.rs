fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let g = claimtrace_geo::Gazetteer::builtin();
    for p in g.find_places(&text) {
        println!(
            "{:?} {:?} {} ctx={}",
            p.span,
            p.place.name,
            p.place.feature.clone().unwrap_or_default(),
            claimtrace_geo::is_event_place_context(&text, p.span)
        );
    }
}
