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

## Alert mail
alert-subject = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO/A
  }: { $name }, { $age } años — { $place }
alert-intro = Ayúdanos a encontrar a { $name }. Si tienes información, llama al { $phone }.
alert-last-seen = Vista/o por última vez: { $when }, en { $place }.
alert-circumstances = Circunstancias
alert-clothing = Vestimenta
alert-description = Descripción
alert-height = Estatura: { $cm } cm
alert-weight = Peso: { $kg } kg
alert-hair = Cabello: { $hair }
alert-eyes = Ojos: { $eyes }
alert-marks = Señas particulares: { $marks }
alert-case = Caso N.º { $id }, publicado por { $organisation }.
alert-link = Ficha, cartel para imprimir y formulario para enviar pistas (también anónimas): { $link }
alert-forward = Reenvía este mensaje a tus contactos de la zona.
alert-poster-attached = El cartel para imprimir va adjunto (PDF): pégalo en tu barrio.
found-subject-found = ENCONTRADA/O: { $name }
found-subject-closed = Caso cerrado: { $name }
found-body-found = { $name } fue encontrada/o. Gracias por tu ayuda: por favor retira los carteles que hayas pegado y deja de compartir la alerta.
found-body-closed = El caso de { $name } fue cerrado. Gracias por tu ayuda: por favor retira los carteles que hayas pegado y deja de compartir la alerta.

## Digest for new volunteers
digest-subject = { $count ->
    [one] Una persona desaparecida en tu zona
   *[other] { $count } personas desaparecidas en tu zona
  }
digest-intro = Gracias por sumarte. Estas personas siguen desaparecidas cerca de ti; desde ahora recibirás cada nueva alerta de tu zona.
digest-line = { $name }, { $age } años — vista/o por última vez el { $when } en { $place }

## Updated information
update-subject = ACTUALIZACIÓN: { $name } sigue desaparecida/o
update-intro = La información de este caso cambió. Esto es lo que se sabe ahora:

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %-d de %B de %Y
format-date-short = %d/%m/%Y
format-time = %H:%M
format-decimal-separator = ,

## Poster
poster-headline = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO/A
  }
poster-aliases = También conocida/o como: { $aliases }
poster-label-age = Edad:
poster-age = { $age ->
    [one] 1 año
   *[other] { $age } años
  }
poster-age-now = { $age ->
    [one] hoy 1 año
   *[other] hoy { $age } años
  }
poster-label-sex = Sexo:
poster-sex = { $sex ->
    [female] femenino
    [male] masculino
    [other] otro
   *[unknown] no indicado
  }
poster-label-height = Estatura:
poster-label-weight = Peso:
poster-label-hair = Cabello:
poster-label-eyes = Ojos:
poster-label-marks = Señas particulares:
poster-label-clothing = Vestimenta:
poster-label-last-seen = { $sex ->
    [female] Vista por última vez:
    [male] Visto por última vez:
   *[other] Vista/o por última vez:
  }
poster-last-seen = { $date }, { $time } — { $place }
poster-label-circumstances = Circunstancias:
poster-call = { $sex ->
    [female] Si la viste o sabes algo, llama al
    [male] Si lo viste o sabes algo, llama al
   *[other] Si la/lo viste o sabes algo, llama al
  }
poster-case = Caso N.º { $id }
poster-issued-by = Emitido por { $organisation }
poster-printed = Impreso el { $date }
poster-more-at = Más en { $link }
poster-scan = Escanea para ver la ficha y enviar una pista, también anónima
poster-no-photo = Sin foto
poster-strip-case = Caso { $id }
poster-gone = Este cartel ya no está disponible: el caso fue cerrado. Gracias por ayudar; por favor retira los carteles que hayas pegado.
