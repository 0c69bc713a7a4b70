//! Alerta's domain: cases, people, accounts and the rules between them.
//!
//! Nothing here knows about HTTP, SQL or files; the other crates translate
//! between the outside world and these types.

pub mod area;
pub mod bounce;
pub mod case;
pub mod enrolment;
pub mod error;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod grid;
pub mod history;
pub mod organisation;
pub mod partner;
pub mod policy;
pub mod sign_in;
pub mod stats;
pub mod text;
pub mod tip;
pub mod transition;
pub mod user;
pub mod volunteer;

pub use case::{
    Case, CaseDetails, CaseId, CaseInput, CaseStatus, Coordinates, CoordinatesInput, Language,
    Outcome, PartnerKind, Sex,
};
pub use error::{Chain, FieldError, InvalidInput, Rule};

/// The clock everything reads "now" from; tests replace it to travel in time.
pub type Clock = std::sync::Arc<dyn Fn() -> chrono::DateTime<chrono::Utc> + Send + Sync>;
pub use organisation::{Jurisdiction, Organisation, OrganisationId};
pub use partner::{NewPartner, Partner, PartnerId, PartnerInput};
pub use policy::Actor;
pub use tip::{NewTip, Tip, TipInput, TipKind, TipMail};
pub use user::{Email, Role, UserId};
pub use volunteer::{
    BoundingBox, Cap, Circle, Geography, NamedPlace, NewSubscription, PlaceError, PosterDelivery,
    SubscriptionInput, VolunteerId, Zone, ZoneInput, town_radius_km,
};
