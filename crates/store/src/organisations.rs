//! Organisations (police units, NGOs) and their jurisdictions.

use alerta_core::{Jurisdiction, Organisation, OrganisationId};
use chrono::{DateTime, Utc};

use crate::{Result, Store, on_tx, to_millis, with_db};

type OrganisationRow = (i64, String, String, Option<String>);

fn organisation((id, name, jurisdiction, contact_email): OrganisationRow) -> Organisation {
    Organisation {
        id: OrganisationId(id),
        name,
        jurisdiction: Jurisdiction::from_stored(&jurisdiction),
        contact_email,
    }
}

impl Store {
    /// Creates the organisation `name`, or gives the existing one this
    /// jurisdiction and contact. Answers it, and whether it is new.
    pub async fn put_organisation(
        &self,
        name: &str,
        jurisdiction: &Jurisdiction,
        contact_email: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(Organisation, bool)> {
        let mut tx = self.begin_write().await?;
        let (row, created) = on_tx!(tx, db => {
            let updated: Option<OrganisationRow> = sqlx::query_as(
                "UPDATE organisations SET jurisdiction = $2, contact_email = $3 WHERE name = $1
                 RETURNING id, name, jurisdiction, contact_email")
                .bind(name)
                .bind(jurisdiction.to_stored())
                .bind(contact_email)
                .fetch_optional(&mut *db)
                .await?;
            match updated {
                Some(row) => (row, false),
                None => {
                    let row: OrganisationRow = sqlx::query_as(
                        "INSERT INTO organisations (name, jurisdiction, contact_email, created_at)
                         VALUES ($1, $2, $3, $4) RETURNING id, name, jurisdiction, contact_email")
                        .bind(name)
                        .bind(jurisdiction.to_stored())
                        .bind(contact_email)
                        .bind(to_millis(now))
                        .fetch_one(&mut *db)
                        .await?;
                    (row, true)
                }
            }
        });
        tx.commit().await?;
        Ok((organisation(row), created))
    }

    /// The organisation `name`, created without a jurisdiction (acting
    /// anywhere) when there is none yet; answers whether it was created.
    pub async fn organisation_named(
        &self,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<(Organisation, bool)> {
        if let Some(found) = self.organisation_by_name(name).await? {
            return Ok((found, false));
        }
        self.put_organisation(name, &Jurisdiction::anywhere(), None, now)
            .await
    }

    pub async fn organisation_by_name(&self, name: &str) -> Result<Option<Organisation>> {
        let row: Option<OrganisationRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT id, name, jurisdiction, contact_email FROM organisations WHERE name = $1")
            .bind(name)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(organisation))
    }

    pub async fn organisation(&self, id: OrganisationId) -> Result<Option<Organisation>> {
        let row: Option<OrganisationRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT id, name, jurisdiction, contact_email FROM organisations WHERE id = $1")
            .bind(id.0)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(organisation))
    }

    /// Every organisation, by name, with how many accounts it has.
    pub async fn organisations(&self) -> Result<Vec<(Organisation, i64)>> {
        let rows: Vec<(i64, String, String, Option<String>, i64)> = with_db!(self, pool => sqlx::query_as(
            "SELECT o.id, o.name, o.jurisdiction, o.contact_email,
                    (SELECT COUNT(*) FROM users u WHERE u.organisation_id = o.id)
             FROM organisations o ORDER BY o.name")
            .fetch_all(pool)
            .await?);
        Ok(rows
            .into_iter()
            .map(|(id, name, jurisdiction, contact, users)| {
                (organisation((id, name, jurisdiction, contact)), users)
            })
            .collect())
    }
}
