//! Rendered posters kept in memory, so a case shared a thousand times is
//! rendered once per language, paper and day.
//!
//! The key holds the case's version: an edit makes new keys and the old
//! entries simply age out. Because a key names exactly what was rendered,
//! several server processes may each keep their own cache without ever
//! serving one another's stale poster.

use std::sync::Arc;

use alerta_core::{Case, CaseId, Language};
use chrono::{DateTime, NaiveDate, Utc};
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::{Paper, PhotoJpeg, PosterCase, PosterError, print_date, render};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Pdf(Paper),
    Card,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub case: CaseId,
    pub version: i64,
    pub kind: Kind,
    pub language: Language,
    /// Posters print the date and today's age.
    pub printed: NaiveDate,
}

impl Key {
    /// The key of `case`'s poster of `kind` in `language`, printed at `now`.
    pub fn of(case: &Case, kind: Kind, language: Language, now: DateTime<Utc>) -> Key {
        Key {
            case: case.id,
            version: case.version,
            kind,
            language,
            printed: print_date(&case.details, now),
        }
    }
}

#[derive(Clone)]
struct Bytes;

impl Weighter<Key, Arc<[u8]>> for Bytes {
    fn weight(&self, _key: &Key, value: &Arc<[u8]>) -> u64 {
        value.len() as u64 + 64
    }
}

pub struct PosterCache {
    rendered: Cache<Key, Arc<[u8]>, Bytes>,
}

impl PosterCache {
    /// A cache holding at most `max_bytes` of posters.
    pub fn new(max_bytes: u64) -> PosterCache {
        // quick_cache sizes its tables from an estimate of the item count.
        let estimated_items = (max_bytes / 200_000).max(16) as usize;
        PosterCache {
            rendered: Cache::with_weighter(estimated_items, max_bytes, Bytes),
        }
    }

    pub fn get(&self, key: &Key) -> Option<Arc<[u8]>> {
        self.rendered.get(key)
    }

    /// The poster for `key`, rendered by `render` if it is not kept yet.
    pub fn get_or_render(
        &self,
        key: Key,
        render: impl FnOnce() -> Result<Vec<u8>, PosterError>,
    ) -> Result<Arc<[u8]>, PosterError> {
        self.rendered
            .get_or_insert_with(&key, || render().map(Arc::from))
    }

    /// `case`'s poster for `key` (see [`Key::of`]): kept, or rendered now and
    /// kept. Rendering is CPU work: call this off the async runtime.
    pub fn case_poster(
        &self,
        key: Key,
        case: &Case,
        page_url: &str,
        photo: Option<&PhotoJpeg>,
    ) -> Result<Arc<[u8]>, PosterError> {
        self.get_or_render(key, || {
            let poster_case = PosterCase::of(case, page_url);
            render(&poster_case, key.kind, key.language, key.printed, photo)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(version: i64) -> Key {
        Key {
            case: CaseId(1),
            version,
            kind: Kind::Pdf(Paper::A4),
            language: Language::Es,
            printed: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        }
    }

    #[test]
    fn a_poster_is_rendered_once_per_key() {
        let cache = PosterCache::new(1 << 20);
        let mut renders = 0;
        for _ in 0..3 {
            let bytes = cache
                .get_or_render(key(1), || {
                    renders += 1;
                    Ok(vec![1, 2, 3])
                })
                .unwrap();
            assert_eq!(&bytes[..], &[1, 2, 3]);
        }
        assert_eq!(renders, 1);
        let edited = cache.get_or_render(key(2), || Ok(vec![4])).unwrap();
        assert_eq!(&edited[..], &[4]);
    }

    #[test]
    fn a_failed_render_is_not_kept() {
        let cache = PosterCache::new(1 << 20);
        let failed = cache.get_or_render(key(1), || Err(PosterError::Font("x".into())));
        assert!(failed.is_err());
        assert!(cache.get(&key(1)).is_none());
    }
}
