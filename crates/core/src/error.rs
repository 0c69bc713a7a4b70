use serde::Serialize;

/// One refused field: which one (a dotted path such as `last_seen.lat`) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    /// In English, for API clients and logs.
    pub message: String,
    /// The rule broken, when it is one of the common ones: pages say it in
    /// the reader's language (key `rule-…` of the message files).
    #[serde(skip)]
    #[schema(ignore)]
    pub rule: Option<Rule>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            rule: None,
        }
    }

    /// `field` breaks `rule`; the message is the rule's English.
    pub fn broke(field: impl Into<String>, rule: Rule) -> Self {
        Self {
            field: field.into(),
            message: rule.english(),
            rule: Some(rule),
        }
    }
}

/// The rules most input breaks, named so that each page can say them in
/// its own language; the API keeps the English of [`Rule::english`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Required,
    /// A number out of its range (bounds as written to people).
    Between {
        min: String,
        max: String,
    },
    NotInFuture,
    After1900,
    DateFormat,
    DateTimeFormat,
    TooLong {
        max: usize,
        count: usize,
    },
    TooShort {
        min: usize,
    },
    ControlCharacter {
        code: String,
    },
    PhoneCharacters,
    PhoneDigits,
    BirthDateOrAge,
    BornBeforeLastSeen,
    AgeMismatch {
        computed: i64,
    },
    OneZoneKind,
    RegionHasNoRadius,
    UnknownTown,
    AmbiguousTown {
        choices: String,
    },
    UnknownRegion,
    AmbiguousRegion {
        choices: String,
    },
    /// A photo over the upload limits.
    PhotoTooLarge {
        max_mb: usize,
        max_megapixels: u64,
    },
}

impl Rule {
    /// A number out of [`min`, `max`].
    pub fn between(min: impl ToString, max: impl ToString) -> Rule {
        Rule::Between {
            min: min.to_string(),
            max: max.to_string(),
        }
    }

    pub fn english(&self) -> String {
        match self {
            Rule::Required => "is required".into(),
            Rule::Between { min, max } => format!("must be between {min} and {max}"),
            Rule::NotInFuture => "must not be in the future".into(),
            Rule::After1900 => "must be after 1900".into(),
            Rule::DateFormat => "must be a date as YYYY-MM-DD".into(),
            Rule::DateTimeFormat => {
                "must be a date and time with offset, e.g. 2026-11-20T18:30:00-04:00".into()
            }
            Rule::TooLong { max, count } => {
                format!("must be at most {max} characters (got {count})")
            }
            Rule::TooShort { min } => format!("must be at least {min} characters"),
            Rule::ControlCharacter { code } => format!("contains a control character ({code})"),
            Rule::PhoneCharacters => "may hold only digits, spaces and + - ( ) .".into(),
            Rule::PhoneDigits => "must have at least 3 digits".into(),
            Rule::BirthDateOrAge => "give the birth date or the age".into(),
            Rule::BornBeforeLastSeen => "must be before the date last seen".into(),
            Rule::AgeMismatch { computed } => {
                format!("does not match the birth date (which gives {computed})")
            }
            Rule::OneZoneKind => "give one of: a place, a region, or lat and lng".into(),
            Rule::RegionHasNoRadius => "a region has no radius".into(),
            Rule::UnknownTown => {
                "is not a known town of 5 000 people or more: check the spelling, \
                 add the country code (\"Cochabamba, BO\"), or give lat, lng and radius_km"
                    .into()
            }
            Rule::AmbiguousTown { choices } => {
                format!("names several places; write one of: {choices}")
            }
            Rule::UnknownRegion => {
                "is not a country or region the boundary data knows: give its ISO 3166 \
                 code (\"BO\", \"BO-C\") or its name, a place, or lat, lng and radius_km"
                    .into()
            }
            Rule::AmbiguousRegion { choices } => {
                format!("names several regions; write one of: {choices}")
            }
            Rule::PhotoTooLarge {
                max_mb,
                max_megapixels,
            } => format!("is too large: at most {max_mb} MB and {max_megapixels} megapixels"),
        }
    }

    /// The key of its sentence in the message files.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Required => "rule-required",
            Rule::Between { .. } => "rule-between",
            Rule::NotInFuture => "rule-not-in-future",
            Rule::After1900 => "rule-after-1900",
            Rule::DateFormat => "rule-date-format",
            Rule::DateTimeFormat => "rule-date-time-format",
            Rule::TooLong { .. } => "rule-too-long",
            Rule::TooShort { .. } => "rule-too-short",
            Rule::ControlCharacter { .. } => "rule-control-character",
            Rule::PhoneCharacters => "rule-phone-characters",
            Rule::PhoneDigits => "rule-phone-digits",
            Rule::BirthDateOrAge => "rule-birth-date-or-age",
            Rule::BornBeforeLastSeen => "rule-born-before-last-seen",
            Rule::AgeMismatch { .. } => "rule-age-mismatch",
            Rule::OneZoneKind => "rule-one-zone-kind",
            Rule::RegionHasNoRadius => "rule-region-has-no-radius",
            Rule::UnknownTown => "rule-unknown-town",
            Rule::AmbiguousTown { .. } => "rule-ambiguous-town",
            Rule::UnknownRegion => "rule-unknown-region",
            Rule::AmbiguousRegion { .. } => "rule-ambiguous-region",
            Rule::PhotoTooLarge { .. } => "rule-photo-too-large",
        }
    }

    /// The values its sentence names.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Rule::Between { min, max } => vec![("min", min.clone()), ("max", max.clone())],
            Rule::TooLong { max, count } => {
                vec![("max", max.to_string()), ("count", count.to_string())]
            }
            Rule::TooShort { min } => vec![("min", min.to_string())],
            Rule::AgeMismatch { computed } => vec![("computed", computed.to_string())],
            Rule::ControlCharacter { code } => vec![("code", code.clone())],
            Rule::PhotoTooLarge {
                max_mb,
                max_megapixels,
            } => vec![
                ("max", max_mb.to_string()),
                ("megapixels", max_megapixels.to_string()),
            ],
            Rule::AmbiguousTown { choices } | Rule::AmbiguousRegion { choices } => {
                vec![("choices", choices.clone())]
            }
            _ => Vec::new(),
        }
    }
}

/// Input refused as a whole, with every field that was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid input: {}", .0.first().map(|e| format!("{}: {}", e.field, e.message)).unwrap_or_default())]
pub struct InvalidInput(pub Vec<FieldError>);

impl InvalidInput {
    pub fn one(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self(vec![FieldError::new(field, message)])
    }

    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }
}

/// Collects field errors while a whole input is checked, so the user hears
/// about every wrong field at once rather than one per round trip.
#[derive(Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// Records the error of `result`, if any, and passes its value on.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    pub fn finish(self) -> Result<(), InvalidInput> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(InvalidInput(self.errors))
        }
    }
}

/// An error with every cause under it, on one line ("a: b: c"), for the
/// log: an error's own message says what failed, its causes say why.
pub struct Chain<'a>(pub &'a (dyn std::error::Error + 'static));

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            write!(f, ": {error}")?;
            cause = error.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod chain_tests {
    use super::Chain;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot send the alert")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn a_chain_names_the_error_and_every_cause() {
        let error = Outer(std::io::Error::other("connection refused"));
        assert_eq!(
            Chain(&error).to_string(),
            "cannot send the alert: connection refused"
        );
    }
}
