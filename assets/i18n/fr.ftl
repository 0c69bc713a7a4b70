# Alerta — français

confirm-subject = Confirmez votre inscription aux alertes d'Alerta
confirm-greeting = Bonjour,
confirm-body = Quelqu'un (vous, nous l'espérons) a demandé à recevoir les alertes de personnes disparues dans cette zone : { $zone }. Confirmez en ouvrant ce lien, valable { $hours } heures :
confirm-ignore = Si ce n'était pas vous, ignorez ce message : vous ne recevrez rien d'autre.
confirm-page-title = Inscription confirmée
confirm-page-body = Merci. Vous recevrez désormais un avis lorsqu'une personne disparaîtra dans votre zone.
confirm-page-invalid = Ce lien a déjà servi ou a expiré. Inscrivez-vous à nouveau pour en recevoir un autre.
unsubscribe-page-title = Ne plus recevoir d'alertes
unsubscribe-page-question = Voulez-vous ne plus recevoir les alertes d'Alerta à cette adresse ?
unsubscribe-page-button = Oui, me désinscrire
unsubscribe-page-done = C'est fait : vous ne recevrez plus d'alertes. Merci de votre aide.
unsubscribe-page-removed = Vous ne recevrez plus les alertes de ces zones :
unsubscribe-page-undo = C’était une erreur ?
unsubscribe-page-undo-link = Réinscrivez-vous (nous vous demanderons de confirmer par courriel).
unsubscribe-page-undo-hint = Une erreur ? Ce bouton l’annule pendant les { $minutes } prochaines minutes : les mêmes zones, sans courriel de confirmation.
unsubscribe-page-undo-button = Annuler : garder mes alertes
unsubscribe-undone-title = Alertes réactivées
unsubscribe-undone = C’est annulé : vous recevrez de nouveau les alertes de ces zones, comme avant :
unsubscribe-undo-too-late = Il est trop tard pour l’annuler ici. Vous pouvez vous réinscrire ; nous vous demanderons de confirmer par courriel.
unsubscribe-page-invalid = Ce lien n'est pas valable ou a déjà servi.
link-invalid-title = Lien non valable

## Alert mail
alert-subject = { $sex ->
    [female] DISPARUE
    [male] DISPARU
   *[other] DISPARU(E)
  } : { $name }, { $age } ans — { $place }
alert-who = { $name }, { $age ->
    [one] { $age } an
   *[other] { $age } ans
  } — { $place }
alert-intro = { $sex ->
    [female] Aidez-nous à retrouver { $name }. Si vous l’avez vue ou savez quelque chose, appelez le { $phone }.
    [male] Aidez-nous à retrouver { $name }. Si vous l’avez vu ou savez quelque chose, appelez le { $phone }.
   *[other] Aidez-nous à retrouver { $name }. Si vous l’avez vu(e) ou savez quelque chose, appelez le { $phone }.
  }
alert-phone-2 = Ou le { $phone }.
alert-last-seen = { $sex ->
    [female] Vue pour la dernière fois
    [male] Vu pour la dernière fois
   *[other] Vu(e) pour la dernière fois
  } : { $when }, à { $place }.
alert-circumstances = Circonstances
alert-clothing = Vêtements
alert-description = Signalement
alert-height = Taille : { $cm } cm
alert-weight = Poids : { $kg } kg
alert-hair = Cheveux : { $hair }
alert-eyes = Yeux : { $eyes }
alert-marks = Signes particuliers : { $marks }
alert-case = Dossier n° { $id }, publié par { $organisation }.
alert-link = Fiche, affiche à imprimer et formulaire pour envoyer un renseignement (même anonyme) : { $link }
alert-poster-attached = L’affiche à imprimer est jointe (PDF) : posez-la dans votre quartier.
alert-poster-link = Téléchargez l’affiche à imprimer par le lien ci-dessous et posez-la dans votre quartier.
alert-poster-button = Affiche à imprimer (PDF)
alert-forward = Transférez ce message à vos contacts de la région, ou partagez ce lien : { $link }
alert-share-whatsapp = Partager sur WhatsApp
alert-share-telegram = Partager sur Telegram
found-subject-found = { $sex ->
    [female] RETROUVÉE
    [male] RETROUVÉ
   *[other] RETROUVÉ(E)
  } : { $name }
found-subject-closed = Dossier clos : { $name }
found-headline = { $sex ->
    [female] RETROUVÉE
    [male] RETROUVÉ
   *[other] RETROUVÉ(E)
  }
found-headline-closed = DOSSIER CLOS
found-body-found = { $sex ->
    [female] { $name } a été retrouvée. Merci de votre aide.
    [male] { $name } a été retrouvé. Merci de votre aide.
   *[other] { $name } a été retrouvé(e). Merci de votre aide.
  }
found-body-closed = Le dossier de { $name } est clos. Merci de votre aide.
found-posters = Retirez les affiches que vous avez posées : { $sex ->
    [female] elle avait disparu
    [male] il avait disparu
   *[other] la personne avait disparu
  } le { $date } à { $place }.
found-stop-sharing = Cessez de partager l’alerte : la fiche et la photo ne sont plus publiques.

## Alert mail to partners (terminals, border posts, hospitals…)
partner-why = Vous recevez cette alerte parce que { $name } ({ $kind }, { $place }) collabore avec Alerta et que la zone de l’alerte va jusque-là. Merci d’imprimer l’affiche et de la placer là où les gens passent.
partner-print = Deux affiches en PDF sont jointes, en format A4 et en format Lettre : ouvrez celle de votre papier et choisissez le nombre de copies sur l’imprimante. Vous pouvez aussi les télécharger ici :
partner-poster-a4 = Affiche en A4 (PDF)
partner-poster-letter = Affiche en Lettre (PDF)
partner-stop = Vous recevez ces alertes parce qu’un administrateur d’Alerta a inscrit votre organisation. Pour ne plus les recevoir, demandez-lui de la retirer.
partner-kind-bus_terminal = gare routière
partner-kind-border_post = poste frontière
partner-kind-airport = aéroport
partner-kind-hospital = hôpital
partner-kind-school = école
partner-kind-media = média
partner-kind-transport = entreprise de transport
partner-kind-other = organisation partenaire

## Digest for new volunteers
digest-subject = { $count ->
    [one] { $count } personne disparue dans votre zone
   *[other] { $count } personnes disparues dans votre zone
  }
digest-intro = Merci de nous rejoindre. Ces personnes sont toujours recherchées près de chez vous ; vous recevrez désormais chaque nouvelle alerte de votre zone.
digest-line = { $name }, { $age } ans — { $sex ->
    [female] vue
    [male] vu
   *[other] vu(e)
  } pour la dernière fois le { $when } à { $place }

## Updated information
update-subject = MISE À JOUR : { $name } est toujours { $sex ->
    [female] recherchée
    [male] recherché
   *[other] recherché(e)
  } — { $place }
update-headline = MISE À JOUR
update-intro = Les informations de ce dossier ont changé. Voici ce que l'on sait maintenant :
update-changed = Ce qui a changé : { $fields }.
update-changed-field = { $field ->
    [photo] la photo
    [name] le nom
    [age] l’âge
    [when] la date et l’heure où la personne a été vue
    [place] le lieu
    [phone] le téléphone à appeler
    [circumstances] les circonstances
    [clothing] les vêtements
    [description] le signalement
   *[other] d’autres informations
  }

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %-d %B %Y
format-date-short = %-d %b %Y
format-time = %H h %M
format-decimal-separator = ,

## Poster
poster-headline = { $sex ->
    [female] DISPARUE
    [male] DISPARU
   *[other] DISPARU(E)
  }
poster-aliases = { $sex ->
    [female] Aussi appelée : { $aliases }
    [male] Aussi appelé : { $aliases }
   *[other] Aussi appelé(e) : { $aliases }
  }
poster-label-age = Âge :
poster-age = { $age ->
    [one] { $age } an
   *[other] { $age } ans
  }
poster-age-now = { $age ->
    [one] aujourd’hui { $age } an
   *[other] aujourd’hui { $age } ans
  }
poster-label-sex = Sexe :
poster-sex = { $sex ->
    [female] féminin
    [male] masculin
    [other] autre
   *[unknown] non précisé
  }
poster-label-height = Taille :
poster-label-weight = Poids :
poster-label-hair = Cheveux :
poster-label-eyes = Yeux :
poster-label-marks = Signes particuliers :
poster-label-clothing = Vêtements :
poster-label-last-seen = { $sex ->
    [female] Vue pour la dernière fois :
    [male] Vu pour la dernière fois :
   *[other] Vu(e) pour la dernière fois :
  }
poster-last-seen = { $date }, { $time } — { $place }
poster-last-seen-when = { $date }, { $time }
poster-warning = Alerta et la police ne demandent jamais d’argent : signalez quiconque le fait.
poster-label-circumstances = Circonstances :
poster-call = { $sex ->
    [female] Si vous l’avez vue ou savez quelque chose, appelez le
    [male] Si vous l’avez vu ou savez quelque chose, appelez le
   *[other] Si vous l’avez vu(e) ou savez quelque chose, appelez le
  }
poster-case = Dossier n° { $id }
poster-issued-by = Diffusé par { $organisation }
poster-printed = Imprimé le { $date }
poster-more-at = Suite sur { $link }
poster-scan = Scannez pour voir la fiche et envoyer un signalement, même anonyme
poster-no-photo = Pas de photo
poster-strip-case = Dossier { $id }
poster-gone = Cette affiche n’est plus disponible : le dossier est clos. Merci de votre aide ; retirez s’il vous plaît les affiches que vous avez posées.

## Pages: frame and navigation
page-languages = Langue
page-footer = Alerta : réseau de bénévoles pour retrouver les personnes disparues. En cas d’urgence, appelez la police.
page-data-credits = Lieux © GeoNames (geonames.org), CC BY 4.0 ; limites © contributeurs d’OpenStreetMap, ODbL ; régions d’Amérique latine : réalisé avec Natural Earth ; Argentine et Brésil : DCW-GMT, LGPL 3.0 ou ultérieure.
nav-cases = Avis de recherche
nav-subscribe = Recevoir les alertes
nav-police = Police
nav-family = Mes dossiers
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
optional = (facultatif)
locate-done = Position obtenue.
locate-failed = Impossible d’obtenir votre position : écrivez le lieu.
place-unknown = Nous ne connaissons pas cette ville : vérifiez l’orthographe ou ajoutez le pays (« Port-au-Prince, HT »).
place-did-you-mean = Peut-être vouliez-vous dire :
place-ambiguous = Plusieurs lieux portent ce nom. Lequel ?
form-invalid = Vérifiez cette information
form-has-errors = Certaines informations manquent ou ne sont pas valables : elles sont signalées ci-dessous.

## Rules input breaks, shown beside the field
rule-required = Cette information manque.
rule-between = Doit être entre { $min } et { $max }.
rule-not-in-future = Ne peut pas être dans le futur.
rule-after-1900 = Doit être après 1900.
rule-date-format = Écrivez la date comme année-mois-jour (2026-11-20).
rule-date-time-format = Écrivez la date et l'heure avec le décalage horaire (2026-11-20T18:30:00-04:00).
rule-too-long = Au plus { $max } caractères (il y en a { $count }).
rule-too-short = Au moins { $min } caractères.
rule-control-character = Contient un caractère qui ne s'imprime pas ({ $code }) : retirez-le.
rule-phone-characters = Seulement des chiffres, des espaces et + - ( ) . s'il vous plaît.
rule-phone-digits = Un numéro de téléphone a au moins 3 chiffres.
rule-birth-date-or-age = Indiquez la date de naissance ou l'âge.
rule-born-before-last-seen = La date de naissance doit précéder la date où la personne a été vue pour la dernière fois.
rule-age-mismatch = Ne correspond pas à la date de naissance, qui donne { $computed }.
rule-one-zone-kind = Choisissez une ville, un pays ou une région, ou un point sur la carte.
rule-region-has-no-radius = Un pays ou une région n'a pas de rayon : laissez vide.
rule-unknown-town = Nous ne connaissons pas cette ville (villes de 5 000 habitants ou plus) : vérifiez l'orthographe, ajoutez le code du pays (« Cochabamba, BO ») ou choisissez un point sur la carte.
rule-ambiguous-town = Plusieurs lieux portent ce nom ; écrivez l'un de ceux-ci : { $choices }
rule-unknown-region = Nous ne connaissons pas ce pays ou cette région : écrivez son nom (« Cochabamba ») ou son code ISO (« BO », « BO-C »).
rule-ambiguous-region = Plusieurs régions portent ce nom ; écrivez l'une de celles-ci : { $choices }

## Pages: errors
error-title = Impossible
error-home = Retour à l’accueil
error-not-found = Nous ne trouvons pas cette page ou ce dossier.
error-sign-in = Connectez-vous pour voir cette page.
error-forbidden = Votre compte ne peut pas faire cela.
error-wrong-state = Le dossier n’est plus dans un état qui le permet. Rechargez la page.
error-rate-limited = Trop de tentatives d’affilée. Attendez quelques minutes puis réessayez.
error-account-locked = Trop d'échecs de connexion sur ce compte depuis de nombreux endroits : il est bloqué pour l'instant. Demandez à qui administre Alerta de le débloquer, ou réessayez dans une heure.
error-expired-form = Ce formulaire a expiré ou ne vient pas de cette page. Revenez en arrière, rechargez la page et renvoyez-le.
error-bad-request = Quelque chose dans l’envoi n’est pas valable. Revenez en arrière et vérifiez.
error-internal = Une erreur s’est produite de notre côté. Réessayez dans un instant.
error-unavailable = Le site n’atteint pas ses données pour un instant. Réessayez dans quelques secondes : rien de ce que vous avez envoyé n’est perdu.

## Pages: home
home-title = Personnes disparues
home-intro = Ces personnes sont portées disparues. Si vous en avez vu une, ouvrez sa fiche et envoyez un signalement : il peut être anonyme.
home-search-place = Près de (ville)
home-search-name = Nom
home-search = Rechercher
home-use-location = Utiliser ma position
home-your-location = votre position
home-latest = Avis récents
home-near = Près de { $place }
home-named = Nom : { $name }
home-none = Aucun avis en cours pour ces critères.
home-subscribe = Recevoir par courriel les alertes de ma zone

## Pages: case
case-draft-notice = Ce dossier n’est pas encore public : la police doit le vérifier avant de le publier.
case-posters = Affiches à imprimer
case-posters-hint = Imprimez l’affiche et collez-la dans votre quartier, ou envoyez-la à vos contacts.
case-image = image
case-share = Partager
case-share-phone = Partager depuis le téléphone
case-share-mail = Courriel
status-draft = À vérifier
status-active = En cours
status-resolved = Clos
outcome-found_safe = { $sex ->
    [female] Retrouvée en vie
    [male] Retrouvé en vie
   *[other] Retrouvé(e) en vie
  }
outcome-found_deceased = { $sex ->
    [female] Retrouvée sans vie
    [male] Retrouvé sans vie
   *[other] Retrouvé(e) sans vie
  }
outcome-withdrawn = Retiré

## Pages: tips
tip-title = { $sex ->
    [female] Vous l’avez vue ? Envoyez un signalement
    [male] Vous l’avez vu ? Envoyez un signalement
   *[other] Vous l’avez vu(e) ? Envoyez un signalement
  }
tip-intro = Votre message n’arrive qu’à la police chargée du dossier. Vous pouvez l’envoyer sans donner votre nom.
tip-message = Ce que vous avez vu ou savez
tip-seen-place = Où
tip-seen-at = Quand
tip-use-location = { $sex ->
    [female] Je suis là où je l’ai vue : utiliser ma position
    [male] Je suis là où je l’ai vu : utiliser ma position
   *[other] Je suis là où je l’ai vu(e) : utiliser ma position
  }
tip-nickname = Pseudonyme
tip-contact = Téléphone ou courriel pour être rappelé(e) par la police
tip-privacy = Seule la police lit les signalements. Sans contact, personne ne saura qui l’a envoyé.
tip-send = Envoyer le signalement
tip-sent-title = Signalement envoyé
tip-thanks = Merci. Votre signalement est parvenu à la police chargée du dossier.
tip-back = Retour à la fiche

## Pages: subscribe
subscribe-title = Recevoir les alertes de ma zone
subscribe-intro = Quand quelqu’un disparaît près de votre zone, nous vous envoyons un courriel avec l’affiche à imprimer ou à transférer. Désinscription en un clic à tout moment.
subscribe-email = Votre adresse électronique
subscribe-language = Langue des alertes
subscribe-zone = Votre zone
subscribe-place = Ville
subscribe-place-hint = Écrivez-la comme vous la dites : « Port-au-Prince », « Cap-Haitien », « Montreal, CA ».
subscribe-radius = Distance autour
subscribe-radius-default = selon la taille du lieu
subscribe-use-location = Utiliser ma position plutôt que le nom
subscribe-region = Ou tout un pays ou un département
subscribe-region-hint = Son nom ou son code ISO, par exemple Haïti, HT, Ouest ou HT-OU.
subscribe-privacy = Votre adresse ne sert qu’à vous envoyer les alertes : elle n’est ni affichée ni partagée.
subscribe-send = M’inscrire
subscribe-sent-title = Consultez vos courriels
subscribe-check-mail = Nous vous avons envoyé un courriel avec un lien de confirmation. Les alertes commencent quand vous l’ouvrez.

## Pages: sign in
login-title = Se connecter
login-email = Adresse électronique
login-password = Mot de passe
login-send = Se connecter
login-accounts = Les comptes de la police et des familles sont créés par l’administration d’Alerta.
login-wrong = L’adresse ou le mot de passe est incorrect.

## Pages: families
family-title = Mes dossiers
family-new-case = Signaler une disparition
family-none = Vous n’avez encore signalé aucune disparition.
family-form-intro = Remplissez ce que vous savez. La police vérifie chaque dossier avant de le publier ; ensuite, les alertes partent vers les bénévoles de la zone.
family-register = Enregistrer le dossier
family-duplicate = Un dossier est déjà ouvert pour une personne de même nom et de même âge (dossier n° { $id }).
family-duplicate-confirm = C’est une autre personne : enregistrer quand même (choisissez à nouveau la photo)
family-status-draft = La police ne l’a pas encore vérifié.
family-status-active = Publié : les alertes sont parties vers les bénévoles.
family-status-resolved = Dossier clos.
case-given-name = Prénoms
case-family-name = Noms de famille
case-aliases = Surnoms
case-birth-date = Date de naissance
case-or-age = (ou l’âge)
case-age = Âge
case-photo = Photo récente
case-photo-hint = JPEG, PNG, WebP ou GIF, jusqu’à 20 Mo. Une photo du visage, bien éclairée.
card-no-photo = Sans photo
case-height-hint = En centimètres (152) ou en mètres (1,52)
case-weight-hint = En kilos (45 ou 45,5)
case-photo-kept = La photo choisie est gardée et ira avec le dossier. N’en choisissez une autre que pour la remplacer.
case-photo-kept-alt = La photo choisie
case-no-photo-yet = Ce dossier n’a pas encore de photo : l’affiche sort sans. Ajoutez une photo récente avec « Corriger les informations ».
police-no-photo = Pas encore de photo : l’affiche sortira sans.
case-saved = Modifications enregistrées.
case-last-seen-at = Vu(e) pour la dernière fois (date et heure)
case-time-zone = Fuseau horaire
case-last-seen-place = Où (rue, quartier, lieu)
case-town = Ville
case-town-hint = Pour savoir quels bénévoles prévenir.
case-use-location = Je suis sur place : utiliser ma position
case-contact-phone = Téléphone à indiquer sur l’affiche
case-contact-phone-2 = Autre téléphone (facultatif : la famille, un autre service)
case-contact-name = Nom du contact
case-language = Langue de l’affiche

## Pages: police
police-title = Police
police-drafts = Dossiers à vérifier
police-no-drafts = Aucun dossier en attente de vérification.
police-active = Dossiers en cours
police-no-active = Aucun dossier en cours.
police-col-case = Personne
police-col-last-seen = Vu(e) pour la dernière fois
police-last-seen = { $sex ->
    [female] Vue pour la dernière fois
    [male] Vu pour la dernière fois
   *[other] Vu(e) pour la dernière fois
  }
police-col-reach = Bénévoles dans la zone maintenant
police-col-sent = Courriels envoyés
police-public-page = Voir la fiche publique
police-phone = Téléphone de l’affiche
police-radius = Rayon de l’alerte
police-publish-hint = À la publication, l’alerte part vers { $count ->
    [one] { $count } bénévole
   *[other] { $count } bénévoles
  } de la zone.
police-publish-confirm = { $count ->
    [one] Je confirme avoir vérifié le dossier : l’alerte part vers { $count } bénévole.
   *[other] Je confirme avoir vérifié le dossier : l’alerte part vers { $count } bénévoles.
  }
police-publish-nobody = Aucun bénévole ne suit encore cette zone : personne ne recevra l’alerte par courriel. Vous pouvez la publier quand même (la fiche et l’affiche restent publiques) et élargir le rayon ensuite.
police-publish-unconfirmed = Cochez la case pour confirmer vers combien de bénévoles part l’alerte.
police-checking = Ce que vous allez vérifier
police-poster-preview = Voir l’affiche telle qu’elle s’imprimera (PDF)
history-action = { $action ->
    [created] Enregistré
    [imported] Importé (PFIF)
    [edited] Informations corrigées
    [photo_set] Photo changée
    [published] Publié
    [widened] Zone élargie
    [widening_planned] Élargissements programmés
    [realerted] Alerte répétée
    [update_notified] Correction envoyée
    [hidden] Masqué
    [shown] De nouveau visible
    [resolved] Clos
    [organisation_informed] Autre unité informée
    [tip] Signalement reçu
    [about_me] Message de la personne recherchée
   *[other] { $action }
  }
police-done-published = Publié. L’alerte part vers { $count ->
    [one] { $count } bénévole.
   *[other] { $count } bénévoles.
  }
police-done-widened = Zone élargie. L’alerte part vers { $count ->
    [one] { $count } bénévole de plus.
   *[other] { $count } bénévoles de plus.
  }
police-done-update_mailed = La correction part vers { $count ->
    [one] { $count } bénévole.
   *[other] { $count } bénévoles.
  }
police-done-resolved = Dossier clos : les bénévoles qui ont reçu l’alerte sont prévenus.
police-widenings = Élargissements programmés
police-widening-radius = { $km } km
police-widening-road = { $road } km de chaque côté de la route
police-widening-both = { $km } km ; { $road } km de chaque côté de la route
police-widening-planned = { $hours } h après la publication : { $what } (à venir)
police-widening-done = { $hours } h après la publication : { $what }, fait ({ $count ->
    [one] { $count } bénévole de plus
   *[other] { $count } bénévoles de plus
  })
police-publish = Vérifié : publier
police-dispatch = Envoi de l’alerte
police-recipients = Alertes envoyées ou à envoyer
police-queued = En attente
police-sent = Envoyés
police-undeliverable = Non distribués (rejetés)
police-failed = En échec
police-widen = Élargir la zone d’alerte à (km)
police-widen-send = Élargir
police-widen-route = Élargir la distance à la route à (km)
police-area = Alerte le long des routes ou sur une zone
police-area-hint = Si la personne a pu être emmenée par une route, ou s’il y a une zone où chercher, l’alerte atteint aussi ceux qui y vivent.
police-route = Route : villes dans l’ordre
police-route-hint = Séparées par des virgules, depuis l’endroit où la personne a été vue pour la dernière fois : « Cochabamba, Chimoré, Santa Cruz de la Sierra ».
police-route-width = Distance de chaque côté de la route (km)
police-polygon = Zone : villes à ses coins
police-polygon-hint = Au moins trois, dans l’ordre autour de la zone. Laissez vide si inutile.
police-area-save = Enregistrer la zone d’alerte
police-done-area = Zone d’alerte enregistrée. { $count ->
    [one] L’alerte part à { $count } bénévole de plus.
   *[other] L’alerte part à { $count } bénévoles de plus.
  }
police-route-fact = Par la route
police-route-value = { $towns } ; { $km } km de chaque côté
police-polygon-fact = Zone dessinée
police-reach-parts = Autour du lieu : { $circle } · le long de la route : { $road } · dans la zone : { $area }
map-also-road = Aussi le long de la route jusqu’à { $to }, { $km } km de chaque côté.
map-also-area = Aussi la zone dessinée par la police.
police-outcome = Issue
police-note = Note (facultatif)
police-resolve = Clore le dossier
police-tips = { $count ->
    [one] { $count } signalement
   *[other] { $count } signalements
  }
police-anonymous = anonyme
police-audit = Historique du dossier

## Pages: partners (administrators)
partners-title = Organisations partenaires
partners-intro = Gares routières, postes frontières, aéroports, hôpitaux, écoles, médias et entreprises de transport qui affichent les alertes là où les gens passent. Elles reçoivent l’alerte des cas dont la zone atteint leur lieu, quand la police choisit leur type. Vous répondez de chacune : aucune confirmation ne leur est demandée.
partners-none = Aucune organisation partenaire pour l’instant.
partners-col-name = Nom
partners-col-kind = Type
partners-col-place = Lieu (ville)
partners-col-email = Courriel
partners-radius = Distance autour (km, facultatif)
partners-language = Langue des courriels
partners-remove = Retirer
partners-add = Inscrire une organisation
partners-add-send = Inscrire
partners-kind-bus_terminal = Gares routières
partners-kind-border_post = Postes frontières
partners-kind-airport = Aéroports
partners-kind-hospital = Hôpitaux
partners-kind-school = Écoles
partners-kind-media = Médias
partners-kind-transport = Entreprises de transport
partners-kind-other = Autres organisations
police-partner-kinds = Envoyer aussi à
police-partner-kinds-hint = Les organisations partenaires de ces types dont le lieu est dans la zone reçoivent l’affiche pour la poser.

## Tip mail to police
tip-mail-subject = Nouveau signalement — dossier n° { $id } : { $name }
tip-mail-intro = Un signalement est arrivé pour le dossier n° { $id } ({ $name }) :
tip-mail-desk = Tous les signalements du dossier : { $link }

## Pages: statistics
nav-stats = Chiffres
stats-title = Chiffres du réseau
stats-headline = Au total, { $reported } personnes signalées et { $located } retrouvées.
stats-total = Au total
stats-all = Tous les dossiers
stats-by-country = Par pays
stats-by-age = Par âge
stats-age = { $group } ans
stats-unknown-country = Pays inconnu ou en mer
stats-reported = Signalées
stats-located = Retrouvées
stats-open = En cours
stats-withdrawn = Retirées
stats-note = Compte les dossiers publiés par la police ; « retrouvées » inclut les personnes retrouvées sans vie. Le pays est celui du lieu où la personne a été vue pour la dernière fois.

## Pages: managing a subscription
manage-title = Vos alertes
manage-zones = Vos zones
manage-no-zones = Vous n’avez aucune zone : ajoutez-en une pour recevoir les alertes.
manage-unconfirmed = à confirmer
manage-remove = Retirer
manage-add-zone = Ajouter une zone
manage-add-zone-hint = Nous vous enverrons un courriel pour confirmer la nouvelle zone.
manage-add = Ajouter
manage-save = Enregistrer
poster-delivery = L’affiche de chaque alerte
poster-delivery-attached = Jointe au courriel (PDF, prête à imprimer)
poster-delivery-link = Seulement un lien vers l’affiche : courriel léger, pour les forfaits prépayés
manage-poster-attached = C’est fait : vos alertes contiendront l’affiche en pièce jointe.
manage-poster-link = C’est fait : vos alertes contiendront seulement un lien vers l’affiche.
manage-zone-added = C’est noté : consultez vos courriels pour confirmer la nouvelle zone.

## Pages: "this report is about me"
about-me-title = Cet avis vous concerne et il est faux, ou vous êtes en sécurité ?
about-me-intro = Écrivez à la police chargée du dossier. Elle a besoin d’un moyen de vous joindre pour vérifier qui vous êtes ; en attendant, elle peut retirer l’avis de la vue du public.
about-me-message = Ce que vous voulez dire à la police
about-me-contact = Téléphone ou courriel où la police peut vous joindre
about-me-send = Envoyer à la police
about-me-sent-title = Message envoyé
about-me-thanks = Votre message est parvenu à la police chargée du dossier. Elle vous contactera pour vérifier.
about-me-mail-subject = URGENT — dossier n° { $id } ({ $name }) : une personne dit que l’avis la concerne et qu’il est faux
about-me-mail-intro = Une personne dit que l’avis du dossier n° { $id } ({ $name }) la concerne et qu’il est faux, ou qu’elle est en sécurité. Vérifiez ; en attendant, vous pouvez retirer le dossier de la vue du public depuis la fiche police :
police-hidden = Masqué au public
police-hide = Retirer de la vue du public pendant la vérification
police-show = Montrer de nouveau au public
police-about-me = Dit que l’avis la concerne
police-about-me-warning = Une personne dit que cet avis la concerne et qu’il est faux, ou qu’elle est en sécurité : vérifiez au plus vite.

## Pages: editing a case
case-edit = Corriger les informations
case-edit-title = Corriger : { $name }
case-save = Enregistrer les modifications
police-edit = Corriger
police-notify-update = Envoyer les informations corrigées
police-notify-update-hint = Après avoir corrigé un dossier publié, envoyez les nouvelles informations aux bénévoles qui ont reçu l’alerte (corriger seul n’envoie rien).

## Following one case
confirm-follow-body = Quelqu'un (vous, nous l'espérons) a demandé à suivre ce dossier : { $cases }. Nous vous écrirons si ses informations sont corrigées et quand la personne sera retrouvée. Confirmez en ouvrant ce lien, valable { $hours } heures :
follow-title = Suivre ce dossier
follow-intro = Recevez par courriel les nouvelles de ce dossier et l’avis quand la personne sera retrouvée, où que vous viviez. Nous vous demanderons de confirmer votre adresse.
follow-email = Votre adresse électronique
follow-send = Suivre le dossier
follow-sent-title = Consultez vos courriels
follow-check-mail = Nous vous avons envoyé un courriel avec un lien de confirmation. Les nouvelles arriveront une fois ouvert.

## Pages: a case's history for its family
case-history = Ce qui est arrivé au dossier
case-registered = Enregistré
case-published = Publié par la police
case-closed = Clos

## CAP alerts
cap-event = Personne disparue
cap-instruction = { $sex ->
    [female] Si vous l’avez vue, envoyez un signalement (anonyme possible) sur { $link }
    [male] Si vous l’avez vu, envoyez un signalement (anonyme possible) sur { $link }
   *[other] Si vous l’avez vu(e), envoyez un signalement (anonyme possible) sur { $link }
  }
cap-poster = Affiche à imprimer (PDF)
cap-photo = Photo

## PFIF notes (the text other repositories show under the record)
pfif-note-published = Disparition signalée et publiée par la police sur Alerta : toute personne ayant des informations est priée d'appeler le numéro indiqué dans la description.
pfif-note-found-safe = { $sex ->
    [female] Retrouvée saine et sauve. Les recherches sont terminées.
    [male] Retrouvé sain et sauf. Les recherches sont terminées.
   *[other] Retrouvé(e) sain(e) et sauf(ve). Les recherches sont terminées.
  }
pfif-note-found-deceased = { $sex ->
    [female] Retrouvée décédée. Les recherches sont terminées.
    [male] Retrouvé décédé. Les recherches sont terminées.
   *[other] Retrouvé(e) décédé(e). Les recherches sont terminées.
  }
pfif-note-withdrawn = Le signalement a été retiré. Les recherches sont terminées.

# Forwarded alerts carry no personal link; a manage link is asked for by address.
mail-why = Alerta envoie ses alertes aux bénévoles inscrits pour la zone où la personne a été vue pour la dernière fois.
mail-manage-stop = Pour gérer vos alertes ou ne plus les recevoir, demandez un lien sur { $link } (nous vous l'envoyons par e-mail).
mail-join = On vous a transféré ce message ? Recevez les alertes de votre propre zone : { $link }
manage-mail-subject = Votre lien pour gérer vos alertes Alerta
manage-mail-body = Quelqu'un (nous espérons que c'est vous) a demandé à gérer les alertes Alerta de cette adresse. Ouvrez ce lien dans les { $hours } heures pour changer vos zones ou la langue, ou pour ne plus recevoir d'alertes. Il ne sert qu'une fois :
manage-ask-intro = Indiquez l'adresse où vous recevez les alertes. Nous lui enverrons un lien pour changer vos zones ou la langue, ou pour ne plus recevoir d'alertes.
manage-ask-button = M'envoyer un lien
manage-ask-sent = Si cette adresse reçoit les alertes d'Alerta, un lien lui a été envoyé. Il est valable { $hours } heures et ne sert qu'une fois.
manage-open-intro = Ouvrez les réglages de vos alertes : vos zones, la langue, ou l'arrêt des alertes.
manage-open-button = Ouvrir mes alertes
manage-link-used = Ce lien a déjà servi ou a expiré. Demandez-en un nouveau ci-dessous.
manage-instead = Je préfère changer mes zones ou la langue

# Confirmation links show what they confirm and a button: mail scanners open links.
confirm-ask-title = Confirmez votre inscription
confirm-ask-zones = Vous allez recevoir les alertes de personnes disparues pour :
confirm-ask-follows = Et des nouvelles de ces cas :
confirm-ask-button = Confirmer
confirm-used-title = Ce lien ne fonctionne plus
confirm-page-zones = Alertes activées pour :
confirm-page-manage = Changer vos zones ou la langue

# Police act on the version they read.
police-point = Point sur la carte
police-changed = Le cas a changé depuis que vous l'avez ouvert : rien n'a été fait.
police-changed-unseen = Aucune donnée affichée n'a changé : la photo a peut-être été remplacée. Regardez-la de nouveau.
police-changed-field = Donnée
police-changed-before = Quand vous l'avez ouvert
police-changed-now = Maintenant
police-changed-again = Relisez-le ci-dessous ; les boutons agissent désormais sur cette version.

# A case whose alert reaches into another organisation's jurisdiction.
org-notice-subject = Personne disparue près de votre juridiction : { $name } (dossier n° { $id })
org-notice-intro = { $owner } a publié ce dossier ; sa zone d'alerte atteint la juridiction de { $organisation }. Vos agents peuvent lire le dossier et ses indices sur Alerta.
org-notice-desk = Dossier et indices (connectez-vous comme agent de { $organisation }) : { $link }
police-informed = L'alerte de ce dossier atteint la juridiction de votre organisation : vous pouvez le lire ainsi que ses indices ; c'est l'organisation responsable qui le modifie.
error-sign-in-wait = Plusieurs mots de passe erronés d'affilée depuis ici : attendez un moment avant de réessayer (chaque nouvel échec allonge l'attente).

# Sightings that come within a few minutes are mailed together.
tips-mail-subject = { $count } nouveaux indices — dossier n° { $id } : { $name }
tips-mail-intro = { $count } indices sont arrivés pour le dossier n° { $id } ({ $name }) en quelques minutes ; les voici ensemble (tous sont aussi sur la page du dossier) :
rule-photo-too-large = Cette photo est trop grande (au plus { $max } Mo et { $megapixels } mégapixels) : choisissez-en une plus légère (la taille « moyenne » du téléphone, ou une capture d'écran). Les autres renseignements sont conservés ci-dessous.

## The alert area's map
map-heading = Zone d’alerte
map-title = Carte de la zone d’alerte : { $km } km autour de { $place }
map-km = { $km } km
map-zone-title = Carte de votre zone : { $zone }
