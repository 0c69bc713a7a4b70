# Alerta — English

confirm-subject = Confirm your subscription to Alerta alerts
confirm-greeting = Hello,
confirm-body = Someone (we hope you) asked to receive missing-person alerts for this area: { $zone }. Confirm by opening this link, valid for { $hours } hours:
confirm-ignore = If this was not you, ignore this message: you will receive nothing more.
confirm-page-title = Subscription confirmed
confirm-page-body = Thank you. From now on you will be told when someone goes missing in your area.
confirm-page-invalid = This link was already used or has expired. Subscribe again to get a new one.
unsubscribe-page-title = Stop receiving alerts
unsubscribe-page-question = Do you want to stop receiving Alerta alerts at this address?
unsubscribe-page-button = Yes, unsubscribe
unsubscribe-page-done = Done: you will receive no more alerts. Thank you for having helped.
unsubscribe-page-invalid = This link is not valid or was already used.
mail-footer = You receive this message because you subscribed to Alerta alerts. To unsubscribe: { $link }
link-invalid-title = Link not valid

## Alert mail
alert-subject = MISSING: { $name }, { $age } — { $place }
alert-intro = Help us find { $name }. If you have information, call { $phone }.
alert-last-seen = Last seen: { $when }, at { $place }.
alert-circumstances = Circumstances
alert-clothing = Clothing
alert-description = Description
alert-height = Height: { $cm } cm
alert-weight = Weight: { $kg } kg
alert-hair = Hair: { $hair }
alert-eyes = Eyes: { $eyes }
alert-marks = Distinguishing marks: { $marks }
alert-case = Case no. { $id }, published by { $organisation }.
alert-link = Case page, printable poster and a form to send a tip (anonymously if you wish): { $link }
alert-forward = Forward this message to your contacts in the area.
alert-poster-attached = The printable poster is attached (PDF): put it up in your neighbourhood.
found-subject-found = FOUND: { $name }
found-subject-closed = Case closed: { $name }
found-body-found = { $name } has been found. Thank you for your help: please take down any posters you put up and stop sharing the alert.
found-body-closed = The case of { $name } is closed. Thank you for your help: please take down any posters you put up and stop sharing the alert.

## Digest for new volunteers
digest-subject = { $count ->
    [one] One missing person in your area
   *[other] { $count } missing people in your area
  }
digest-intro = Thank you for joining. These people are still missing near you; from now on you will receive every new alert for your area.
digest-line = { $name }, { $age } — last seen { $when } at { $place }

## Updated information
update-subject = UPDATE: { $name } is still missing
update-intro = The information about this case has changed. This is what is known now:

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %B %-d, %Y
format-date-short = %m/%d/%Y
format-time = %-I:%M %p
format-decimal-separator = .

## Poster
poster-headline = MISSING
poster-aliases = Also known as: { $aliases }
poster-label-age = Age:
poster-age = { $age ->
    [one] 1 year
   *[other] { $age } years
  }
poster-age-now = { $age ->
    [one] now 1 year
   *[other] now { $age } years
  }
poster-label-sex = Sex:
poster-sex = { $sex ->
    [female] female
    [male] male
    [other] other
   *[unknown] not stated
  }
poster-label-height = Height:
poster-label-weight = Weight:
poster-label-hair = Hair:
poster-label-eyes = Eyes:
poster-label-marks = Distinguishing marks:
poster-label-clothing = Clothing:
poster-label-last-seen = Last seen:
poster-last-seen = { $date }, { $time } — { $place }
poster-label-circumstances = Circumstances:
poster-call = If you have seen this person or know anything, call
poster-case = Case no. { $id }
poster-issued-by = Issued by { $organisation }
poster-printed = Printed { $date }
poster-more-at = More at { $link }
poster-scan = Scan to open the case page and send a tip, anonymously if you wish
poster-no-photo = No photo
poster-strip-case = Case { $id }
poster-gone = This poster is no longer available: the case is closed. Thank you for helping; please take down any posters you put up.
