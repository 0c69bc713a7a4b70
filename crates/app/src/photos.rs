//! Upkeep of the photo copies mail and posters carry.

use alerta_store::{SizedJpeg, StoreError};

use crate::Alerta;

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
