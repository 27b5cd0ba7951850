//! Sets of interned ids kept as sorted, deduplicated `Vec<u32>`: insert,
//! membership and Jaccard overlap, shared by the event index, event
//! building and contradiction finding.

/// Inserts into a sorted set; false when already there. Sets stay sorted so
/// that big events answer membership in O(log n).
pub(crate) fn insert_sorted(v: &mut Vec<u32>, x: u32) -> bool {
    match v.binary_search(&x) {
        Ok(_) => false,
        Err(i) => {
            v.insert(i, x);
            true
        }
    }
}

/// Whether the sorted set `v` holds `x`.
pub(crate) fn has(v: &[u32], x: u32) -> bool {
    v.binary_search(&x).is_ok()
}

/// Jaccard similarity of two sorted, deduplicated id lists.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[1]), 0.0);
        assert_eq!(jaccard(&[7], &[7]), 1.0);
    }
}
