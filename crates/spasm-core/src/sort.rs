//! A stable sort for the short lists the widget orders: reasons, safety nets and search hits, a few
//! dozen items at most. Insertion sort is quick at that size, and each use costs a few hundred bytes
//! of wasm where `slice::sort_by` costs about 3 kB per element type (it is built for long slices).
//! Pure.

/// Sorts `v` so that an item comes before another whenever `before(item, other)` is true. Items
/// for which it is false both ways keep their order (the sort is stable).
pub(crate) fn sort_small<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_small;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every list of up to 7 items drawn from 3 keys, each item tagged with its position.
        for len in 0..=7u32 {
            for code in 0..3u32.pow(len) {
                let v: Vec<(u32, usize)> = (0..len).map(|i| (code / 3u32.pow(i) % 3, i as usize)).collect();
                let mut ours = v.clone();
                sort_small(&mut ours, |a, b| a.0 > b.0);
                let mut std = v.clone();
                std.sort_by_key(|a| std::cmp::Reverse(a.0));
                assert_eq!(ours, std, "{v:?}");
            }
        }
    }
}
