//! Upkeep of the photo copies mail and posters carry, and photos waiting
//! for their case (sent with a form that came back for another field).

use alerta_core::Actor;
use alerta_credentials::token_hash;
use alerta_store::{PendingPhoto, SizedJpeg, StoreError, StoredPhoto};

use crate::Alerta;

/// What the store keeps of an upload: the original and its copies.
pub fn stored_photo(original: Vec<u8>, photo: alerta_photo::NormalizedPhoto) -> StoredPhoto {
    let copy = |c: alerta_photo::PhotoCopy| SizedJpeg {
        jpeg: c.jpeg,
        width: c.width,
        height: c.height,
    };
    StoredPhoto {
        original,
        original_type: photo.original_type.to_string(),
        normalized: photo.jpeg,
        width: photo.width,
        height: photo.height,
        print: copy(photo.copies.print),
        screen: copy(photo.copies.screen),
    }
}

impl Alerta {
    /// Makes the print and screen copies of photos stored before copies
    /// existed (an upgraded installation), one photo at a time off the
    /// runtime. Until then those photos travel as their normalised JPEG:
    /// heavier, never missing. Answers how many were made; a photo that
    /// cannot be read is logged and left as it is.
    pub async fn make_missing_photo_copies(&self) -> Result<usize, StoreError> {
        let mut made = 0;
        for id in self.store.photos_without_copies().await? {
            let Some(normalized) = self.store.normalized_photo(id).await? else {
                continue;
            };
            let jpeg = normalized.jpeg;
            let (copies, jpeg) =
                tokio::task::spawn_blocking(move || (alerta_photo::copies_of_jpeg(&jpeg), jpeg))
                    .await
                    .expect("making copies does not panic");
            match copies {
                Ok(copies) => {
                    let sized = |c: alerta_photo::PhotoCopy| SizedJpeg {
                        jpeg: c.jpeg,
                        width: c.width,
                        height: c.height,
                    };
                    let (print, screen) = (sized(copies.print), sized(copies.screen));
                    self.store
                        .set_photo_copies(id, &jpeg, &print, &screen)
                        .await?;
                    made += 1;
                }
                Err(error) => {
                    tracing::warn!(case = id.0, %error, "the photo's copies cannot be made");
                }
            }
        }
        Ok(made)
    }
}

/// How long a photo sent with a refused case form waits for its case.
pub const PENDING_PHOTO_TTL: chrono::Duration = chrono::Duration::days(1);

impl Alerta {
    /// Keeps the checked photo of a case form refused for another field,
    /// for the account that sent it; answers the token the returned form
    /// carries, so that sending the form again brings the photo.
    pub async fn keep_pending_photo(
        &self,
        actor: &Actor,
        photo: &StoredPhoto,
    ) -> Result<String, StoreError> {
        let token = alerta_credentials::new_token();
        let expires = self.now() + PENDING_PHOTO_TTL;
        self.store
            .keep_pending_photo(actor.user_id, &token_hash(&token), photo, expires)
            .await?;
        Ok(token)
    }

    /// The photo `actor` left under `token`, if it has not expired.
    pub async fn pending_photo(
        &self,
        actor: &Actor,
        token: &str,
    ) -> Result<Option<PendingPhoto>, StoreError> {
        self.store
            .pending_photo(actor.user_id, &token_hash(token), self.now())
            .await
    }

    /// The small copy of `actor`'s pending photo, for the returned form.
    pub async fn pending_thumbnail(
        &self,
        actor: &Actor,
        token: &str,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        self.store
            .pending_thumbnail(actor.user_id, &token_hash(token), self.now())
            .await
    }

    /// Forgets a pending photo once its case holds it.
    pub async fn forget_pending_photo(&self, token: &str) -> Result<(), StoreError> {
        self.store.forget_pending_photo(&token_hash(token)).await
    }
}
