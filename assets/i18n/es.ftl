# Alerta — español (idioma por defecto)

confirm-subject = Confirma tu suscripción a las alertas de Alerta
confirm-greeting = Hola:
confirm-body = Alguien (esperamos que tú) pidió recibir alertas de personas desaparecidas en esta zona: { $zone }. Confirma abriendo este enlace, válido por { $hours } horas:
confirm-ignore = Si no fuiste tú, ignora este mensaje: no recibirás nada más.
confirm-page-title = Suscripción confirmada
confirm-page-body = Gracias. Desde ahora recibirás un aviso cuando desaparezca alguien en tu zona.
confirm-page-invalid = Este enlace ya fue usado o venció. Suscríbete de nuevo para recibir otro.
unsubscribe-page-title = Dejar de recibir alertas
unsubscribe-page-question = ¿Quieres dejar de recibir las alertas de Alerta en esta dirección?
unsubscribe-page-button = Sí, dar de baja
unsubscribe-page-done = Listo: ya no recibirás alertas. Gracias por haber ayudado.
unsubscribe-page-invalid = Este enlace no es válido o ya fue usado.
mail-footer = Recibes este mensaje porque te suscribiste a las alertas de Alerta. Para darte de baja: { $link }
link-invalid-title = Enlace no válido
