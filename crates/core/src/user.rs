use serde::{Deserialize, Serialize};

use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub i64);

/// What an account may do. Admins can do everything police can, plus manage accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Police,
    Family,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Police => "police",
            Role::Family => "family",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        match value {
            "admin" => Ok(Role::Admin),
            "police" => Ok(Role::Police),
            "family" => Ok(Role::Family),
            _ => Err(FieldError::new("role", "must be admin, police or family")),
        }
    }

    /// Police and admins verify, publish and resolve cases.
    pub fn is_police(self) -> bool {
        matches!(self, Role::Admin | Role::Police)
    }
}

/// An email address that passed our checks; stored and compared in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    /// Accepts what people type, refuses what would break a mail header or
    /// cannot be an address. Full RFC 5322 is not the goal: deliverable addresses are.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let value = value.trim();
        let refuse = |why: &str| Err(FieldError::new(field, why));
        if value.is_empty() {
            return refuse("is required");
        }
        if value.len() > Self::MAX_LEN {
            return refuse("must be at most 254 characters");
        }
        if value
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>,;:\"()[]\\".contains(c))
        {
            return refuse("must be a plain address such as ana@example.org");
        }
        let Some((local, domain)) = value.rsplit_once('@') else {
            return refuse("must contain @");
        };
        if local.is_empty() || local.len() > 64 || local.contains('@') {
            return refuse("has an invalid part before @");
        }
        let labels_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !labels_ok {
            return refuse("has an invalid domain after @");
        }
        Ok(Email(value.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_lowercases() {
        assert_eq!(
            Email::parse("email", " Ana.Quispe@Example.ORG ")
                .unwrap()
                .as_str(),
            "ana.quispe@example.org"
        );
        assert!(Email::parse("email", "joão@exemplo.com.br").is_ok());
    }

    #[test]
    fn refuses_malformed_and_injected() {
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.org",
            "ana@localhost",
            "a@b@c.org",
            "ana@x.org\r\nBcc: y@z.org",
            "ana @x.org",
            "<ana@x.org>",
            "ana@-x.org",
        ] {
            let err = Email::parse("email", bad).unwrap_err();
            assert_eq!(err.field, "email", "{bad:?}");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert!(Email::parse("email", &long).is_err());
    }
}
