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
