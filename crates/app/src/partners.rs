//! Partners an administrator vouches for: the command line (trusted as
//! the operator) and the admin page add and remove them.

use alerta_core::{Actor, NewPartner, Partner, PartnerId, PartnerInput, policy};

use crate::{Alerta, CommandError};

impl Alerta {
    /// Registers a partner from the command line (the operator vouches):
    /// it gets alerts at once.
    pub async fn add_partner(&self, input: &PartnerInput) -> Result<Partner, CommandError> {
        let partner = NewPartner::parse(input, &alerta_places::WORLD)?;
        Ok(self.store.add_partner(&partner, self.now()).await?)
    }

    /// Registers a partner from the admin page.
    pub async fn add_partner_as(
        &self,
        actor: &Actor,
        input: &PartnerInput,
    ) -> Result<Partner, CommandError> {
        policy::may_manage_partners(Some(actor))?;
        self.add_partner(input).await
    }

    /// Takes a partner off the list: no more alerts. Answers whether it was on it.
    pub async fn remove_partner(&self, actor: &Actor, id: PartnerId) -> Result<bool, CommandError> {
        policy::may_manage_partners(Some(actor))?;
        Ok(self.store.remove_partner(id, self.now()).await?)
    }
}
