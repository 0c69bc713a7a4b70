//! Alerta's domain: cases, people, accounts and the rules between them.
//!
//! Nothing here knows about HTTP, SQL or files; the other crates translate
//! between the outside world and these types.

pub mod case;
pub mod error;
pub mod policy;
pub mod text;
pub mod user;
pub mod volunteer;

pub use case::{
    Case, CaseDetails, CaseId, CaseInput, CaseStatus, Coordinates, Language, Outcome, Sex,
};
pub use error::{FieldError, InvalidInput};
pub use policy::Actor;
pub use user::{Email, Role, UserId};
pub use volunteer::{
    BoundingBox, Circle, NewSubscription, SubscriptionInput, VolunteerId, ZoneInput,
};
