//! Which shard of a sharded index an article belongs to.

use crate::ArticleId;

/// The shard (`0..shards`) of the article with this id: xxh3-64 of the id's
/// UTF-8 bytes, modulo `shards`. Stable across builds and platforms, so an
/// article updated later lands in the shard that already holds it.
/// `shards` of 0 is taken as 1.
pub fn shard_of(id: &ArticleId, shards: u32) -> u32 {
    (xxhash_rust::xxh3::xxh3_64(id.as_str().as_bytes()) % u64::from(shards.max(1))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const PINNED: u32 = 921_276;

    #[test]
    fn shards_are_stable_and_in_range() {
        // Pinned: a change here moves articles between the shards of existing indexes.
        assert_eq!(shard_of(&ArticleId::new("a1"), 1_000_000), PINNED);
        let ids: Vec<ArticleId> = (0..300).map(|i| ArticleId::new(format!("article-{i}"))).collect();
        let mut seen = [0u32; 3];
        for id in &ids {
            let k = shard_of(id, 3);
            assert!(k < 3);
            assert_eq!(k, shard_of(id, 3));
            seen[k as usize] += 1;
        }
        assert!(seen.iter().all(|&n| n > 60), "{seen:?}");
        assert_eq!(shard_of(&ids[0], 0), 0);
        assert_eq!(shard_of(&ids[0], 1), 0);
    }
}
