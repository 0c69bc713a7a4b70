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
