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
unsubscribe-page-removed = You will no longer get the alerts of these areas:
unsubscribe-page-undo = Was it a mistake?
unsubscribe-page-undo-link = Subscribe again (we will ask you to confirm by mail).
unsubscribe-page-undo-hint = A mistake? This button undoes it for the next { $minutes } minutes: the same areas, no mail to confirm.
unsubscribe-page-undo-button = Undo: keep my alerts
unsubscribe-undone-title = Alerts on again
unsubscribe-undone = Undone: you will receive the alerts of these areas again, as before:
unsubscribe-undo-too-late = It is too late to undo it here. You can subscribe again; we will ask you to confirm by mail.
unsubscribe-page-invalid = This link is not valid or was already used.
link-invalid-title = Link not valid

## Alert mail
alert-subject = MISSING: { $name }, { $age } — { $place }
alert-who = { $name }, { $age ->
    [one] { $age } year old
   *[other] { $age } years old
  } — { $place }
alert-intro = Help us find { $name }. If you have seen them or know anything, call { $phone }.
alert-phone-2 = Or call { $phone }.
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
alert-poster-attached = The printable poster is attached (PDF): put it up in your neighbourhood.
alert-poster-link = Download the printable poster from the link below and put it up in your neighbourhood.
alert-poster-button = Printable poster (PDF)
alert-forward = Forward this message to your contacts in the area, or share this link: { $link }
alert-share-whatsapp = Share on WhatsApp
alert-share-telegram = Share on Telegram
found-subject-found = FOUND: { $name }
found-subject-closed = Case closed: { $name }
found-headline = FOUND
found-headline-closed = CASE CLOSED
found-body-found = { $name } has been found. Thank you for your help.
found-body-closed = The case of { $name } is closed. Thank you for your help.
found-posters = Please take down any posters you put up: { $name } went missing on { $date } at { $place }.
found-stop-sharing = Stop sharing the alert: the case page and the photo are no longer public.

## Alert mail to partners (terminals, border posts, hospitals…)
partner-why = You receive this alert because { $name } ({ $kind }, { $place }) works with Alerta and the alert's area reaches it. Please print the poster and put it up where people pass.
partner-print = Two PDF posters are attached, on A4 and on Letter paper: open the one for your paper and choose how many copies at the printer. You can also download them here:
partner-poster-a4 = Poster on A4 (PDF)
partner-poster-letter = Poster on Letter (PDF)
partner-stop = You receive these alerts because an Alerta administrator registered your organisation. To stop them, ask them to remove it.
partner-kind-bus_terminal = bus terminal
partner-kind-border_post = border post
partner-kind-airport = airport
partner-kind-hospital = hospital
partner-kind-school = school
partner-kind-media = news outlet
partner-kind-transport = transport company
partner-kind-other = partner organisation

## Digest for new volunteers
digest-subject = { $count ->
    [one] { $count } missing person in your area
   *[other] { $count } missing people in your area
  }
digest-intro = Thank you for joining. These people are still missing near you; from now on you will receive every new alert for your area.
digest-line = { $name }, { $age } — last seen { $when } at { $place }

## Updated information
update-subject = UPDATE: { $name } is still missing — { $place }
update-headline = UPDATE
update-intro = The information about this case has changed. This is what is known now:
update-changed = What changed: { $fields }.
update-changed-field = { $field ->
    [photo] the photo
    [name] the name
    [age] the age
    [when] the date and time last seen
    [place] the place
    [phone] the phone number to call
    [circumstances] the circumstances
    [clothing] the clothing
    [description] the description
   *[other] other details
  }

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %B %-d, %Y
format-date-short = %b %-d, %Y
format-time = %-I:%M %p
format-decimal-separator = .

## Poster
poster-headline = MISSING
poster-aliases = Also known as: { $aliases }
poster-label-age = Age:
poster-age = { $age ->
    [one] { $age } year
   *[other] { $age } years
  }
poster-age-now = { $age ->
    [one] now { $age } year
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
poster-last-seen-when = { $date }, { $time }
poster-warning = Alerta and the police never ask for money: report anyone who does.
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

## Pages: frame and navigation
page-languages = Language
page-footer = Alerta: a volunteer network to find missing people. In an emergency, call the police.
page-data-credits = Places © GeoNames (geonames.org), CC BY 4.0; boundaries © OpenStreetMap contributors, ODbL; Latin American regions: made with Natural Earth; Argentina and Brazil: DCW-GMT, LGPL 3.0 or later.
nav-cases = Missing
nav-subscribe = Get alerts
nav-police = Police
nav-family = My cases
nav-sign-in = Sign in
nav-sign-out = Sign out
optional = (optional)
locate-done = Location taken.
locate-failed = Your location could not be read: type the place instead.
place-unknown = We do not know that town: check the spelling or add the country ("Belize City, BZ").
place-did-you-mean = Perhaps you meant:
place-ambiguous = Several places have that name. Which one?
form-invalid = Check this
form-has-errors = Some details are missing or not valid: they are marked below.

## Rules input breaks, shown beside the field
rule-required = This is missing.
rule-between = Must be between { $min } and { $max }.
rule-not-in-future = Cannot be in the future.
rule-after-1900 = Must be after 1900.
rule-date-format = Write the date as year-month-day (2026-11-20).
rule-date-time-format = Write the date and time with the UTC offset (2026-11-20T18:30:00-04:00).
rule-too-long = At most { $max } characters (this has { $count }).
rule-too-short = At least { $min } characters.
rule-control-character = Contains a character that cannot be printed ({ $code }): remove it.
rule-phone-characters = Only digits, spaces and + - ( ) . please.
rule-phone-digits = A phone number has at least 3 digits.
rule-birth-date-or-age = Give the birth date or the age.
rule-born-before-last-seen = The birth date must come before the date last seen.
rule-age-mismatch = Does not match the birth date, which gives { $computed }.
rule-one-zone-kind = Choose a town, a country or region, or a point on the map.
rule-region-has-no-radius = A country or region has no radius: leave it empty.
rule-unknown-town = We do not know this town (towns of 5 000 people or more): check the spelling, add the country code ("Cochabamba, BO"), or choose a point on the map.
rule-ambiguous-town = Several places have this name; write one of: { $choices }
rule-unknown-region = We do not know this country or region: write its name ("Cochabamba") or its ISO code ("BO", "BO-C").
rule-ambiguous-region = Several regions have this name; write one of: { $choices }

## Pages: errors
error-title = That did not work
error-home = Back to the start
error-not-found = We cannot find this page or this case.
error-sign-in = Sign in to see this page.
error-forbidden = Your account cannot do this.
error-wrong-state = The case is no longer in a state that allows this. Reload the page.
error-rate-limited = Too many tries in a row. Wait a few minutes and try again.
error-account-locked = Too many failed sign-ins on this account from many places: it is locked for now. Ask whoever runs Alerta to unlock it, or try again in an hour.
error-expired-form = This form expired or did not come from this page. Go back, reload the page and send it again.
error-bad-request = Something in what was sent is not valid. Go back and check it.
error-internal = Something failed on our side. Try again in a moment.
error-unavailable = The site cannot reach its data for a moment. Try again in a few seconds: nothing you sent is lost.

## Pages: home
home-title = Missing people
home-intro = These people are missing now. If you saw one of them, open their page and send a tip: it can be anonymous.
home-search-place = Near (town or city)
home-search-name = Name
home-search = Search
home-use-location = Use my location
home-your-location = your location
home-latest = Latest cases
home-near = Near { $place }
home-named = Name: { $name }
home-none = No active cases match.
home-subscribe = Get the alerts for my area by email

## Pages: case
case-draft-notice = This case is not public yet: police must verify it before publishing it.
case-posters = Posters to print
case-posters-hint = Print the poster and put it up in your neighbourhood, or send it to your contacts.
case-image = image
case-share = Share
case-share-phone = Share from this phone
case-share-mail = Email
status-draft = To verify
status-active = Active
status-resolved = Closed
outcome-found_safe = Found alive
outcome-found_deceased = Found dead
outcome-withdrawn = Withdrawn

## Pages: tips
tip-title = { $sex ->
    [female] Did you see her? Send a tip
    [male] Did you see him? Send a tip
   *[other] Did you see them? Send a tip
  }
tip-intro = Your message goes only to the police in charge of the case. You can send it without giving your name.
tip-message = What you saw or know
tip-seen-place = Where
tip-seen-at = When
tip-use-location = { $sex ->
    [female] I am where I saw her: use my location
    [male] I am where I saw him: use my location
   *[other] I am where I saw them: use my location
  }
tip-nickname = Nickname
tip-contact = Phone or email where police can reach you
tip-privacy = Only police read tips. If you leave no contact, nobody will know who sent it.
tip-send = Send the tip
tip-sent-title = Tip sent
tip-thanks = Thank you. Your tip reached the police in charge of the case.
tip-back = Back to the case

## Pages: subscribe
subscribe-title = Get alerts for my area
subscribe-intro = When someone goes missing near your area, we send you an email with the poster to print or forward. Unsubscribe in one click at any time.
subscribe-email = Your email address
subscribe-language = Language of the alerts
subscribe-zone = Your area
subscribe-place = Town or city
subscribe-place-hint = Write it as you say it: "Belize City", "Kingston, JM", "San Juan, PR".
subscribe-radius = Distance around it
subscribe-radius-default = by the size of the place
subscribe-use-location = Use my location instead of a name
subscribe-region = Or a whole country, state or department
subscribe-region-hint = Its name or ISO code, e.g. Bolivia, BO, Cochabamba or BO-C.
subscribe-privacy = Your address is used only to send you the alerts: it is never shown or shared.
subscribe-send = Subscribe
subscribe-sent-title = Check your email
subscribe-check-mail = We sent you an email with a link to confirm. Alerts start once you open it.

## Pages: sign in
login-title = Sign in
login-email = Email address
login-password = Password
login-send = Sign in
login-accounts = Police and family accounts are created by whoever runs Alerta.
login-wrong = The email or password is wrong.

## Pages: families
family-title = My cases
family-new-case = Report a missing person
family-none = You have not reported anyone yet.
family-form-intro = Fill in what you know. Police verify every case before publishing it; then the alerts go to the volunteers of the area.
family-register = Register the case
family-duplicate = A case is already open for a person with the same name and age (case no. { $id }).
family-duplicate-confirm = This is someone else: register anyway (choose the photo again)
family-status-draft = Police have not verified it yet.
family-status-active = Published: the alerts went out to volunteers.
family-status-resolved = Case closed.
case-given-name = Given names
case-family-name = Family names
case-aliases = Nicknames
case-birth-date = Date of birth
case-or-age = (or the age)
case-age = Age
case-photo = Recent photo
case-photo-hint = JPEG, PNG, WebP or GIF, up to 20 MB. A well-lit photo of the face.
card-no-photo = No photo
case-height-hint = In centimetres (152) or metres (1.52)
case-weight-hint = In kilograms (45 or 45.5)
case-photo-kept = The photo you chose is kept and goes with the case. Choose another only to replace it.
case-photo-kept-alt = The photo you chose
case-no-photo-yet = This case has no photo yet: the poster prints without one. Add a recent photo with “Correct the details”.
police-no-photo = No photo yet: the poster will print without one.
case-saved = Changes saved.
case-last-seen-at = Last seen (date and time)
case-time-zone = Time zone
case-last-seen-place = Where (street, neighbourhood, place)
case-town = Town or city
case-town-hint = So we know which volunteers to alert.
case-use-location = I am at that place: use my location
case-contact-phone = Contact phone for the poster
case-contact-phone-2 = Another phone (optional: the family, another office)
case-contact-name = Contact name
case-language = Language of the poster

## Pages: police
police-title = Police
police-drafts = Cases to verify
police-no-drafts = No cases are waiting for verification.
police-active = Active cases
police-no-active = No active cases.
police-col-case = Person
police-col-last-seen = Last seen
police-last-seen = Last seen
police-col-reach = Volunteers in the area now
police-col-sent = Emails sent
police-public-page = See the public page
police-phone = Phone on the poster
police-radius = Alert radius
police-publish-hint = Publishing sends the alert to { $count ->
    [one] { $count } volunteer
   *[other] { $count } volunteers
  } of the area.
police-publish-confirm = { $count ->
    [one] I checked the case: the alert goes to { $count } volunteer.
   *[other] I checked the case: the alert goes to { $count } volunteers.
  }
police-publish-nobody = No volunteer watches this area yet: nobody will get the alert by mail. You may publish it all the same (its page and poster become public) and widen the area afterwards.
police-publish-unconfirmed = Tick the box to confirm how many volunteers the alert goes to.
police-checking = What you are verifying
police-poster-preview = See the poster as it will print (PDF)
history-action = { $action ->
    [created] Registered
    [imported] Imported (PFIF)
    [edited] Details corrected
    [photo_set] Photo changed
    [published] Published
    [widened] Area widened
    [widening_planned] Widenings planned
    [realerted] Alert repeated
    [update_notified] Correction mailed
    [hidden] Hidden
    [shown] Shown again
    [resolved] Closed
    [organisation_informed] Another unit informed
    [tip] Tip received
    [about_me] Word from the person sought
   *[other] { $action }
  }
police-done-published = Published. The alert goes to { $count ->
    [one] { $count } volunteer.
   *[other] { $count } volunteers.
  }
police-done-widened = Area widened. The alert goes to { $count ->
    [one] { $count } more volunteer.
   *[other] { $count } more volunteers.
  }
police-done-update_mailed = The correction goes to { $count ->
    [one] { $count } volunteer.
   *[other] { $count } volunteers.
  }
police-done-resolved = Case closed: the volunteers who got the alert are told.
police-widenings = Planned widenings
police-widening-radius = { $km } km
police-widening-road = { $road } km either side of the road
police-widening-both = { $km } km; { $road } km either side of the road
police-widening-planned = { $hours } h after publication: { $what } (to come)
police-widening-done = { $hours } h after publication: { $what }, done ({ $count ->
    [one] { $count } more volunteer
   *[other] { $count } more volunteers
  })
police-publish = Verified: publish
police-dispatch = Alert mail
police-recipients = Alert mails, sent or to send
police-queued = Queued
police-sent = Sent
police-undeliverable = Undeliverable (bounced)
police-failed = Failed
police-widen = Widen the alert area to (km)
police-widen-send = Widen
police-widen-route = Widen the distance either side of the road to (km)
police-area = Alert along roads or over an area
police-area-hint = If the person may have been taken along a road, or there is an area to search, the alert also reaches those who live there.
police-route = Road: towns in order
police-route-hint = Separated by commas, from where the person was last seen: “Cochabamba, Chimoré, Santa Cruz de la Sierra”.
police-route-width = Distance either side of the road (km)
police-polygon = Area: towns at its corners
police-polygon-hint = At least three, in order around the area. Leave it empty if not needed.
police-area-save = Save the alert area
police-done-area = Alert area saved. { $count ->
    [one] The alert goes to { $count } more volunteer.
   *[other] The alert goes to { $count } more volunteers.
  }
police-route-fact = Along the road
police-route-value = { $towns }; { $km } km either side
police-polygon-fact = Drawn area
police-reach-parts = Around the place: { $circle } · along the road: { $road } · in the area: { $area }
map-also-road = Also along the road to { $to }, { $km } km either side.
map-also-area = Also the area police drew.
police-outcome = Outcome
police-note = Note (optional)
police-resolve = Close the case
police-tips = { $count ->
    [one] { $count } tip
   *[other] { $count } tips
  }
police-anonymous = anonymous
police-audit = Case history

## Pages: partners (administrators)
partners-title = Partner organisations
partners-intro = Bus terminals, border posts, airports, hospitals, schools, news outlets and transport companies that put posters up where people pass. They get the alert of the cases whose area reaches their place, when police choose their kind. You vouch for each: they are not asked to confirm.
partners-none = No partner organisations yet.
partners-col-name = Name
partners-col-kind = Kind
partners-col-place = Place (town)
partners-col-email = Email
partners-radius = Distance around (km, optional)
partners-language = Language of the mail
partners-remove = Remove
partners-add = Register an organisation
partners-add-send = Register
partners-kind-bus_terminal = Bus terminals
partners-kind-border_post = Border posts
partners-kind-airport = Airports
partners-kind-hospital = Hospitals
partners-kind-school = Schools
partners-kind-media = News outlets
partners-kind-transport = Transport companies
partners-kind-other = Other organisations
police-partner-kinds = Also send to
police-partner-kinds-hint = Partner organisations of these kinds whose place lies in the area get the poster to put up.

## Tip mail to police
tip-mail-subject = New tip — case no. { $id }: { $name }
tip-mail-intro = A tip arrived for case no. { $id } ({ $name }):
tip-mail-desk = All the tips of the case: { $link }

## Pages: statistics
nav-stats = Figures
stats-title = Network figures
stats-headline = In all, { $reported } people reported missing and { $located } located.
stats-total = In all
stats-all = All cases
stats-by-country = By country
stats-by-age = By age
stats-age = aged { $group }
stats-unknown-country = Unknown country or at sea
stats-reported = Reported
stats-located = Located
stats-open = Open
stats-withdrawn = Withdrawn
stats-note = Counts the cases police published; located includes people found dead. The country is that of the place the person was last seen.

## Pages: managing a subscription
manage-title = Your alerts
manage-zones = Your areas
manage-no-zones = You have no area: add one to receive alerts.
manage-unconfirmed = to confirm
manage-remove = Remove
manage-add-zone = Add an area
manage-add-zone-hint = We will email you to confirm the new area.
manage-add = Add
manage-save = Save
poster-delivery = The poster of each alert
poster-delivery-attached = Attached to the mail (PDF, ready to print)
poster-delivery-link = Only a link to the poster: light mail, for prepaid phone plans
manage-poster-attached = Done: your alerts will carry the poster attached.
manage-poster-link = Done: your alerts will carry only a link to the poster.
manage-zone-added = Done: check your email to confirm the new area.

## Pages: "this report is about me"
about-me-title = Is this report about you and false, or are you safe?
about-me-intro = Write to the police in charge of the case. They need a way to reach you to check who you are; meanwhile they can take the report out of public view.
about-me-message = What you want to tell the police
about-me-contact = Phone or email where police can reach you
about-me-send = Send to the police
about-me-sent-title = Message sent
about-me-thanks = Your message reached the police in charge of the case. They will contact you to check it.
about-me-mail-subject = URGENT — case no. { $id } ({ $name }): someone says the report is about them and false
about-me-mail-intro = Someone says the report of case no. { $id } ({ $name }) is about them and false, or that they are safe. Check it; meanwhile you can take the case out of public view from its police page:
police-hidden = Hidden from the public
police-hide = Take out of public view while checking
police-show = Show to the public again
police-about-me = Says the report is about them
police-about-me-warning = Someone says this report is about them and false, or that they are safe: check it as soon as you can.

## Pages: editing a case
case-edit = Correct the details
case-edit-title = Correct: { $name }
case-save = Save the changes
police-edit = Correct
police-notify-update = Send the corrected details
police-notify-update-hint = After correcting a published case, send the new details to the volunteers who got the alert (correcting alone mails nobody).

## Following one case
confirm-follow-body = Someone (we hope you) asked to follow this case: { $cases }. We will write if its details are corrected and when the person is found. Confirm by opening this link, valid for { $hours } hours:
follow-title = Follow this case
follow-intro = Get this case's news by email, and word when the person is found, wherever you live. We will ask you to confirm your address.
follow-email = Your email address
follow-send = Follow the case
follow-sent-title = Check your email
follow-check-mail = We sent you an email with a link to confirm. News will come once you open it.

## Pages: a case's history for its family
case-history = What happened to the case
case-registered = Registered
case-published = Published by police
case-closed = Closed

## CAP alerts
cap-event = Missing person
cap-instruction = { $sex ->
    [female] If you saw her, send a tip (anonymous is fine) at { $link }
    [male] If you saw him, send a tip (anonymous is fine) at { $link }
   *[other] If you saw them, send a tip (anonymous is fine) at { $link }
  }
cap-poster = Poster to print (PDF)
cap-photo = Photo

## PFIF notes (the text other repositories show under the record)
pfif-note-published = Reported missing and published by the police on Alerta: anyone with information, please call the phone in the description.
pfif-note-found-safe = Found safe. The search is over.
pfif-note-found-deceased = Found deceased. The search is over.
pfif-note-withdrawn = The report was withdrawn. The search is over.

# Forwarded alerts carry no personal link; a manage link is asked for by address.
mail-why = Alerta sends its alerts to the volunteers who signed up for the area where the person was last seen.
mail-manage-stop = To manage or stop your alerts, ask for a link at { $link } (we email it to you).
mail-join = Did someone forward you this message? Get alerts for your own area: { $link }
manage-mail-subject = Your link to manage your Alerta alerts
manage-mail-body = Someone (we hope you) asked to manage the Alerta alerts of this address. Open this link within { $hours } hours to change your areas or the language, or to stop the alerts. It works once:
manage-ask-intro = Enter the address where you receive the alerts. We will email it a link to change your areas or the language, or to stop the alerts.
manage-ask-button = Email me a link
manage-ask-sent = If this address receives Alerta alerts, a link is on its way to it. It is valid for { $hours } hours and works once.
manage-open-intro = Open the settings of your alerts: your areas, the language, or stopping them.
manage-open-button = Open my alerts
manage-link-used = This link was already used or has expired. Ask for a new one below.
manage-instead = I would rather change my areas or the language

# Confirmation links show what they confirm and a button: mail scanners open links.
confirm-ask-title = Confirm your subscription
confirm-ask-zones = You are about to receive missing-person alerts for:
confirm-ask-follows = And news of these cases:
confirm-ask-button = Confirm
confirm-used-title = This link no longer works
confirm-page-zones = Alerts on for:
confirm-page-manage = Change your areas or the language

# Police act on the version they read.
police-point = Map point
police-changed = The case changed since you opened it: nothing was done.
police-changed-unseen = None of the fields shown changed: the photo may have been replaced. Look at it again.
police-changed-field = Field
police-changed-before = When you opened it
police-changed-now = Now
police-changed-again = Read it again below; the buttons now act on this version.

# A case whose alert reaches into another organisation's jurisdiction.
org-notice-subject = Missing person near your jurisdiction: { $name } (case no. { $id })
org-notice-intro = { $owner } published this case; its alert area reaches into the jurisdiction of { $organisation }. Your officers can read the case and its tips on Alerta.
org-notice-desk = Case and tips (sign in as an officer of { $organisation }): { $link }
police-informed = This case's alert reaches into your organisation's jurisdiction: you can read it and its tips; the organisation in charge changes it.
error-sign-in-wait = Several wrong passwords in a row from here: wait a moment before trying again (each new failure makes the wait longer).

# Sightings that come within a few minutes are mailed together.
tips-mail-subject = { $count } new tips — case no. { $id }: { $name }
tips-mail-intro = { $count } tips arrived for case no. { $id } ({ $name }) within a few minutes; here they are together (every tip is on the case's page too):
rule-photo-too-large = This photo is too large (at most { $max } MB and { $megapixels } megapixels): choose a smaller one (a phone's "medium" size, or a screenshot of it). The other details are kept below.

## The alert area's map
map-heading = Alert area
map-title = Map of the alert area: { $km } km around { $place }
map-km = { $km } km
map-zone-title = Map of your zone: { $zone }
