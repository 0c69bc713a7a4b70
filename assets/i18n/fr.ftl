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
