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
unsubscribe-page-invalid = Ce lien n'est pas valable ou a déjà servi.
mail-footer = Vous recevez ce message parce que vous êtes inscrit aux alertes d'Alerta. Pour vous désinscrire : { $link }
link-invalid-title = Lien non valable

## Alert mail
alert-subject = { $sex ->
    [female] DISPARUE
    [male] DISPARU
   *[other] DISPARU(E)
  } : { $name }, { $age } ans — { $place }
alert-intro = Aidez-nous à retrouver { $name }. Si vous avez des informations, appelez le { $phone }.
alert-last-seen = Vu(e) pour la dernière fois : { $when }, à { $place }.
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
alert-forward = Transférez ce message à vos contacts de la région.
alert-poster-attached = L’affiche à imprimer est jointe (PDF) : posez-la dans votre quartier.
found-subject-found = RETROUVÉ(E) : { $name }
found-subject-closed = Dossier clos : { $name }
found-body-found = { $name } a été retrouvé(e). Merci de votre aide : retirez les affiches que vous avez posées et cessez de partager l'alerte.
found-body-closed = Le dossier de { $name } est clos. Merci de votre aide : retirez les affiches que vous avez posées et cessez de partager l'alerte.

## Digest for new volunteers
digest-subject = { $count ->
    [one] Une personne disparue dans votre zone
   *[other] { $count } personnes disparues dans votre zone
  }
digest-intro = Merci de nous rejoindre. Ces personnes sont toujours recherchées près de chez vous ; vous recevrez désormais chaque nouvelle alerte de votre zone.
digest-line = { $name }, { $age } ans — vu(e) pour la dernière fois le { $when } à { $place }

## Updated information
update-subject = MISE À JOUR : { $name } est toujours recherché(e)
update-intro = Les informations de ce dossier ont changé. Voici ce que l'on sait maintenant :

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %-d %B %Y
format-date-short = %d/%m/%Y
format-time = %H h %M
format-decimal-separator = ,

## Poster
poster-headline = { $sex ->
    [female] DISPARUE
    [male] DISPARU
   *[other] DISPARU(E)
  }
poster-aliases = Aussi appelé(e) : { $aliases }
poster-label-age = Âge :
poster-age = { $age ->
    [one] 1 an
   *[other] { $age } ans
  }
poster-age-now = { $age ->
    [one] aujourd’hui 1 an
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
