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
unsubscribe-page-removed = Ya no recibirás las alertas de estas zonas:
unsubscribe-page-undo = ¿Fue un error?
unsubscribe-page-undo-link = Vuelve a suscribirte (te pediremos confirmarlo por correo).
unsubscribe-page-undo-hint = ¿Fue un error? Este botón lo deshace durante los próximos { $minutes } minutos: las mismas zonas, sin correo de confirmación.
unsubscribe-page-undo-button = Deshacer: seguir recibiendo alertas
unsubscribe-undone-title = Alertas activadas de nuevo
unsubscribe-undone = Listo: volverás a recibir las alertas de estas zonas, como antes:
unsubscribe-undo-too-late = Ya no se puede deshacer aquí. Puedes suscribirte de nuevo; te pediremos confirmar por correo.
unsubscribe-page-invalid = Este enlace no es válido o ya fue usado.
link-invalid-title = Enlace no válido

## Alert mail
alert-subject = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO/A
  }: { $name }, { $age } años — { $place }
alert-who = { $name }, { $age ->
    [one] { $age } año
   *[other] { $age } años
  } — { $place }
alert-intro = { $sex ->
    [female] Ayúdanos a encontrar a { $name }. Si la viste o sabes algo, llama al { $phone }.
    [male] Ayúdanos a encontrar a { $name }. Si lo viste o sabes algo, llama al { $phone }.
   *[other] Ayúdanos a encontrar a { $name }. Si la/lo viste o sabes algo, llama al { $phone }.
  }
alert-phone-2 = O al { $phone }.
alert-last-seen = { $sex ->
    [female] Vista por última vez
    [male] Visto por última vez
   *[other] Vista/o por última vez
  }: { $when }, en { $place }.
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
alert-poster-attached = El cartel para imprimir va adjunto (PDF): pégalo en tu barrio.
alert-poster-link = Descarga el cartel para imprimir con el enlace de abajo y pégalo en tu barrio.
alert-poster-button = Cartel para imprimir (PDF)
alert-forward = Reenvía este mensaje a tus contactos de la zona, o comparte este enlace: { $link }
alert-share-whatsapp = Compartir por WhatsApp
alert-share-telegram = Compartir por Telegram
found-subject-found = { $sex ->
    [female] ENCONTRADA
    [male] ENCONTRADO
   *[other] ENCONTRADA/O
  }: { $name }
found-subject-closed = Caso cerrado: { $name }
found-headline = { $sex ->
    [female] ENCONTRADA
    [male] ENCONTRADO
   *[other] ENCONTRADA/O
  }
found-headline-closed = CASO CERRADO
found-body-found = { $sex ->
    [female] { $name } fue encontrada. Gracias por tu ayuda.
    [male] { $name } fue encontrado. Gracias por tu ayuda.
   *[other] { $name } fue encontrada/o. Gracias por tu ayuda.
  }
found-body-closed = El caso de { $name } fue cerrado. Gracias por tu ayuda.
found-posters = Por favor retira los carteles que hayas pegado: había desaparecido el { $date } en { $place }.
found-stop-sharing = Deja de compartir la alerta: la ficha y la foto ya no son públicas.

## Alert mail to partners (terminals, border posts, hospitals…)
partner-why = Recibe esta alerta porque { $name } ({ $kind }, { $place }) colabora con Alerta y la zona de la alerta llega hasta allí. Por favor, imprima el cartel y colóquelo donde pasa la gente.
partner-print = Van adjuntos dos carteles en PDF, en papel A4 y en papel Carta: abra el de su papel y elija en la impresora cuántas copias quiere. También puede descargarlos aquí:
partner-poster-a4 = Cartel en A4 (PDF)
partner-poster-letter = Cartel en Carta (PDF)
partner-stop = Recibe estas alertas porque un administrador de Alerta registró a su organización. Para dejar de recibirlas, pídale que la retire.
partner-kind-bus_terminal = terminal de buses
partner-kind-border_post = puesto fronterizo
partner-kind-airport = aeropuerto
partner-kind-hospital = hospital
partner-kind-school = escuela
partner-kind-media = medio de comunicación
partner-kind-transport = empresa de transporte
partner-kind-other = organización colaboradora

## Digest for new volunteers
digest-subject = { $count ->
    [one] { $count } persona desaparecida en tu zona
   *[other] { $count } personas desaparecidas en tu zona
  }
digest-intro = Gracias por sumarte. Estas personas siguen desaparecidas cerca de ti; desde ahora recibirás cada nueva alerta de tu zona.
digest-line = { $name }, { $age } años — { $sex ->
    [female] vista
    [male] visto
   *[other] vista/o
  } por última vez el { $when } en { $place }

## Updated information
update-subject = ACTUALIZACIÓN: { $name } sigue { $sex ->
    [female] desaparecida
    [male] desaparecido
   *[other] desaparecida/o
  } — { $place }
update-headline = ACTUALIZACIÓN
update-intro = La información de este caso cambió. Esto es lo que se sabe ahora:
update-changed = Qué cambió: { $fields }.
update-changed-field = { $field ->
    [photo] la foto
    [name] el nombre
    [age] la edad
    [when] la fecha y la hora en que se la/lo vio
    [place] el lugar
    [phone] el teléfono de contacto
    [circumstances] las circunstancias
    [clothing] la vestimenta
    [description] la descripción
   *[other] otros datos
  }

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %-d de %B de %Y
format-date-short = %-d %b %Y
format-time = %H:%M
format-decimal-separator = ,

## Poster
poster-headline = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO/A
  }
poster-aliases = { $sex ->
    [female] También conocida como: { $aliases }
    [male] También conocido como: { $aliases }
   *[other] También conocida/o como: { $aliases }
  }
poster-label-age = Edad:
poster-age = { $age ->
    [one] { $age } año
   *[other] { $age } años
  }
poster-age-now = { $age ->
    [one] hoy { $age } año
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
poster-last-seen-when = { $date }, { $time }
poster-warning = Alerta y la policía nunca piden dinero: denuncia a quien te lo pida.
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

## Pages: frame and navigation
page-languages = Idioma
page-footer = Alerta: red de voluntarios para encontrar a personas desaparecidas. Ante una emergencia, llama a la policía.
page-data-credits = Lugares © GeoNames (geonames.org), CC BY 4.0; límites © colaboradores de OpenStreetMap, ODbL; regiones de América Latina: hecho con Natural Earth; Argentina y Brasil: DCW-GMT, LGPL 3.0 o posterior.
nav-cases = Casos
nav-subscribe = Recibir alertas
nav-police = Policía
nav-family = Mis casos
nav-sign-in = Ingresar
nav-sign-out = Salir
optional = (opcional)
locate-done = Ubicación tomada.
locate-failed = No se pudo obtener tu ubicación: escribe el lugar.
place-unknown = No conocemos esa ciudad o pueblo: revisa cómo se escribe o agrega el país («Cochabamba, BO»).
place-did-you-mean = Quizás quisiste decir:
place-ambiguous = Hay varios lugares con ese nombre. ¿Cuál?
form-invalid = Revisa este dato
form-has-errors = Algunos datos faltan o no son válidos: están marcados abajo.

## Rules input breaks, shown beside the field
rule-required = Falta este dato.
rule-between = Debe estar entre { $min } y { $max }.
rule-not-in-future = No puede ser en el futuro.
rule-after-1900 = Debe ser posterior a 1900.
rule-date-format = Escribe la fecha como año-mes-día (2026-11-20).
rule-date-time-format = Escribe la fecha y la hora con el desfase horario (2026-11-20T18:30:00-04:00).
rule-too-long = Como máximo { $max } caracteres (tiene { $count }).
rule-too-short = Como mínimo { $min } caracteres.
rule-control-character = Contiene un carácter que no se puede imprimir ({ $code }): quítalo.
rule-phone-characters = Solo cifras, espacios y + - ( ) . por favor.
rule-phone-digits = Un teléfono tiene al menos 3 cifras.
rule-birth-date-or-age = Indica la fecha de nacimiento o la edad.
rule-born-before-last-seen = La fecha de nacimiento debe ser anterior a la fecha en que se le vio por última vez.
rule-age-mismatch = No coincide con la fecha de nacimiento, que da { $computed }.
rule-one-zone-kind = Elige una ciudad, un país o región, o un punto en el mapa.
rule-region-has-no-radius = Un país o región no tiene radio: déjalo vacío.
rule-unknown-town = No conocemos esta ciudad (ciudades de 5 000 habitantes o más): revisa cómo se escribe, añade el código del país ("Cochabamba, BO") o elige un punto en el mapa.
rule-ambiguous-town = Varios lugares se llaman así; escribe uno de estos: { $choices }
rule-unknown-region = No conocemos este país o región: escribe su nombre ("Cochabamba") o su código ISO ("BO", "BO-C").
rule-ambiguous-region = Varias regiones se llaman así; escribe una de estas: { $choices }

## Pages: errors
error-title = No se pudo
error-home = Volver al inicio
error-not-found = No encontramos esta página o este caso.
error-sign-in = Ingresa con tu cuenta para ver esta página.
error-forbidden = Tu cuenta no puede hacer esto.
error-wrong-state = El caso ya no está en un estado que permita esto. Vuelve a cargar la página.
error-rate-limited = Demasiados intentos seguidos. Espera unos minutos y vuelve a probar.
error-account-locked = Demasiados intentos fallidos con esta cuenta desde muchos lugares: quedó bloqueada por ahora. Pide a quien administra Alerta que la desbloquee, o vuelve a probar en una hora.
error-expired-form = Este formulario venció o no vino de esta página. Vuelve atrás, recarga la página y envíalo de nuevo.
error-bad-request = Algo en lo enviado no es válido. Vuelve atrás y revisa los datos.
error-internal = Algo falló de nuestro lado. Vuelve a probar en un momento.
error-unavailable = Por un momento el sitio no llega a sus datos. Vuelve a probar en unos segundos: no se perdió nada de lo que enviaste.

## Pages: home
home-title = Personas desaparecidas
home-intro = Estas personas están desaparecidas ahora. Si viste a alguna, abre su ficha y envía una pista: puede ser anónima.
home-search-place = Cerca de (ciudad o pueblo)
home-search-name = Nombre
home-search = Buscar
home-use-location = Usar mi ubicación
home-your-location = tu ubicación
home-latest = Casos recientes
home-near = Cerca de { $place }
home-named = Nombre: { $name }
home-none = No hay casos activos con esos criterios.
home-subscribe = Recibir alertas de mi zona por correo

## Pages: case
case-draft-notice = Este caso todavía no es público: la policía debe verificarlo antes de publicarlo.
case-posters = Carteles para imprimir
case-posters-hint = Imprime el cartel y pégalo en tu barrio, o envíalo a tus contactos.
case-image = imagen
case-share = Compartir
case-share-phone = Compartir desde el teléfono
case-share-mail = Correo
status-draft = Por verificar
status-active = Activo
status-resolved = Cerrado
outcome-found_safe = { $sex ->
    [female] Encontrada con vida
    [male] Encontrado con vida
   *[other] Encontrada/o con vida
  }
outcome-found_deceased = { $sex ->
    [female] Encontrada sin vida
    [male] Encontrado sin vida
   *[other] Encontrada/o sin vida
  }
outcome-withdrawn = Retirado

## Pages: tips
tip-title = { $sex ->
    [female] ¿La viste? Envía una pista
    [male] ¿Lo viste? Envía una pista
   *[other] ¿La/lo viste? Envía una pista
  }
tip-intro = Tu mensaje llega solo a la policía a cargo del caso. Puedes enviarlo sin dar tu nombre.
tip-message = Qué viste o qué sabes
tip-seen-place = Dónde
tip-seen-at = Cuándo
tip-use-location = { $sex ->
    [female] Estoy donde la vi: usar mi ubicación
    [male] Estoy donde lo vi: usar mi ubicación
   *[other] Estoy donde la/lo vi: usar mi ubicación
  }
tip-nickname = Apodo
tip-contact = Teléfono o correo para que la policía te llame
tip-privacy = Solo la policía lee las pistas. Si no dejas contacto, nadie sabrá quién la envió.
tip-send = Enviar la pista
tip-sent-title = Pista enviada
tip-thanks = Gracias. Tu pista llegó a la policía a cargo del caso.
tip-back = Volver a la ficha

## Pages: subscribe
subscribe-title = Recibir alertas de mi zona
subscribe-intro = Cuando desaparezca alguien cerca de tu zona, te enviaremos un correo con el cartel para imprimir o reenviar. Puedes darte de baja con un clic en cualquier momento.
subscribe-email = Tu correo electrónico
subscribe-language = Idioma de las alertas
subscribe-zone = Tu zona
subscribe-place = Ciudad o pueblo
subscribe-place-hint = Escríbelo como lo dices: «Cochabamba», «Sao Paulo», «Bogota, CO».
subscribe-radius = Distancia alrededor
subscribe-radius-default = según el tamaño del lugar
subscribe-use-location = Usar mi ubicación en lugar del nombre
subscribe-region = O todo un país, departamento o provincia
subscribe-region-hint = Su nombre o código ISO, por ejemplo Bolivia, BO, Cochabamba o BO-C.
subscribe-privacy = Tu correo solo sirve para enviarte las alertas: no se muestra ni se comparte.
subscribe-send = Suscribirme
subscribe-sent-title = Revisa tu correo
subscribe-check-mail = Te enviamos un correo con un enlace para confirmar. Las alertas empiezan cuando lo abras.

## Pages: sign in
login-title = Ingresar
login-email = Correo electrónico
login-password = Contraseña
login-send = Ingresar
login-accounts = Las cuentas de policía y de familias las crea quien administra Alerta.
login-wrong = El correo o la contraseña no son correctos.

## Pages: families
family-title = Mis casos
family-new-case = Registrar un caso
family-none = Todavía no registraste ningún caso.
family-form-intro = Llena lo que sepas. La policía verifica cada caso antes de publicarlo; después, las alertas salen a los voluntarios de la zona.
family-register = Registrar el caso
family-duplicate = Ya hay un caso abierto para una persona con el mismo nombre y edad (caso N.º { $id }).
family-duplicate-confirm = Es otra persona: registrar igual (vuelve a elegir la foto)
family-status-draft = La policía todavía no lo verificó.
family-status-active = Publicado: las alertas salieron a los voluntarios.
family-status-resolved = Caso cerrado.
case-given-name = Nombres
case-family-name = Apellidos
case-aliases = Apodos o cómo la/lo llaman
case-birth-date = Fecha de nacimiento
case-or-age = (o la edad)
case-age = Edad
case-photo = Foto reciente
case-photo-hint = JPEG, PNG, WebP o GIF, hasta 20 MB. Una foto de la cara, bien iluminada.
card-no-photo = Sin foto
case-height-hint = En centímetros (152) o metros (1,52)
case-weight-hint = En kilos (45 o 45,5)
case-photo-kept = La foto que elegiste está guardada y va con el caso. Elige otra solo si quieres cambiarla.
case-photo-kept-alt = La foto elegida
case-no-photo-yet = Este caso todavía no tiene foto: el cartel sale sin ella. Agrega una foto reciente con «Corregir los datos».
police-no-photo = Sin foto todavía: el cartel saldrá sin ella.
case-saved = Cambios guardados.
case-last-seen-at = Vista/o por última vez (fecha y hora)
case-time-zone = Zona horaria
case-last-seen-place = Dónde (calle, barrio, lugar)
case-town = Ciudad o pueblo
case-town-hint = Para saber a qué voluntarios avisar.
case-use-location = Estoy en ese lugar: usar mi ubicación
case-contact-phone = Teléfono de contacto para el cartel
case-contact-phone-2 = Otro teléfono (opcional: la familia, otra oficina)
case-contact-name = Nombre de contacto
case-language = Idioma del cartel

## Pages: police
police-title = Policía
police-drafts = Casos por verificar
police-no-drafts = No hay casos esperando verificación.
police-active = Casos activos
police-no-active = No hay casos activos.
police-col-case = Persona
police-col-last-seen = Vista/o por última vez
police-last-seen = { $sex ->
    [female] Vista por última vez
    [male] Visto por última vez
   *[other] Vista/o por última vez
  }
police-col-reach = Voluntarios en la zona ahora
police-col-sent = Correos enviados
police-public-page = Ver la ficha pública
police-phone = Teléfono del cartel
police-radius = Radio de alerta
police-publish-hint = Al publicar, la alerta sale a { $count ->
    [one] { $count } voluntario
   *[other] { $count } voluntarios
  } de la zona.
police-publish-confirm = { $count ->
    [one] Confirmo que verifiqué el caso: la alerta va a { $count } voluntario.
   *[other] Confirmo que verifiqué el caso: la alerta va a { $count } voluntarios.
  }
police-publish-nobody = Ningún voluntario vigila todavía esta zona: nadie recibirá la alerta por correo. Puedes publicarla igual (la ficha y el cartel quedan públicos) y ampliar el radio después.
police-publish-unconfirmed = Marca la casilla para confirmar a cuántos voluntarios va la alerta.
police-checking = Lo que vas a verificar
police-poster-preview = Ver el cartel como se imprimirá (PDF)
history-action = { $action ->
    [created] Registrado
    [imported] Importado (PFIF)
    [edited] Datos corregidos
    [photo_set] Foto cambiada
    [published] Publicado
    [widened] Área ampliada
    [widening_planned] Ampliaciones programadas
    [realerted] Alerta repetida
    [update_notified] Corrección enviada
    [hidden] Ocultado
    [shown] Visible de nuevo
    [resolved] Cerrado
    [organisation_informed] Otra unidad informada
    [tip] Pista recibida
    [about_me] Aviso de la persona buscada
   *[other] { $action }
  }
police-done-published = Publicado. La alerta sale a { $count ->
    [one] { $count } voluntario.
   *[other] { $count } voluntarios.
  }
police-done-widened = Zona ampliada. La alerta sale a { $count ->
    [one] { $count } voluntario más.
   *[other] { $count } voluntarios más.
  }
police-done-update_mailed = La corrección sale a { $count ->
    [one] { $count } voluntario.
   *[other] { $count } voluntarios.
  }
police-done-resolved = Caso cerrado: se avisa a los voluntarios que recibieron la alerta.
police-widenings = Ampliaciones programadas
police-widening-radius = { $km } km
police-widening-road = { $road } km a cada lado de la carretera
police-widening-both = { $km } km; { $road } km a cada lado de la carretera
police-widening-planned = A las { $hours } h de publicado: { $what } (pendiente)
police-widening-done = A las { $hours } h de publicado: { $what }, hecha ({ $count ->
    [one] { $count } voluntario más
   *[other] { $count } voluntarios más
  })
police-publish = Verificado: publicar
police-dispatch = Envío de la alerta
police-recipients = Alertas enviadas o por enviar
police-queued = En cola
police-sent = Enviados
police-undeliverable = No entregados (rebotados)
police-failed = Fallidos
police-widen = Ampliar la zona de alerta a (km)
police-widen-send = Ampliar
police-widen-route = Ampliar la distancia a la carretera a (km)
police-area = Alerta por carreteras o en un área
police-area-hint = Si pudieron llevarse a la persona por una carretera, o hay una zona donde buscar, la alerta llega también a quien vive allí.
police-route = Carretera: ciudades en orden
police-route-hint = Separadas por comas, desde donde se vio a la persona por última vez: «Cochabamba, Chimoré, Santa Cruz de la Sierra».
police-route-width = Distancia a cada lado de la carretera (km)
police-polygon = Área: ciudades en sus esquinas
police-polygon-hint = Al menos tres, en orden alrededor del área. Déjalo vacío si no hace falta.
police-area-save = Guardar la zona de alerta
police-done-area = Zona de alerta guardada. { $count ->
    [one] La alerta sale a { $count } voluntario más.
   *[other] La alerta sale a { $count } voluntarios más.
  }
police-route-fact = Por carretera
police-route-value = { $towns }; { $km } km a cada lado
police-polygon-fact = Área dibujada
police-reach-parts = Alrededor del lugar: { $circle } · por la carretera: { $road } · en el área: { $area }
map-also-road = También a lo largo de la carretera hasta { $to }, { $km } km a cada lado.
map-also-area = También el área que dibujó la policía.
police-outcome = Resultado
police-note = Nota (opcional)
police-resolve = Cerrar el caso
police-tips = { $count ->
    [one] { $count } pista
   *[other] { $count } pistas
  }
police-anonymous = anónima
police-audit = Historial del caso

## Pages: partners (administrators)
partners-title = Organizaciones colaboradoras
partners-intro = Terminales, puestos fronterizos, aeropuertos, hospitales, escuelas, medios y empresas de transporte que pegan los carteles donde pasa la gente. Reciben la alerta de los casos cuya zona llega a su lugar, cuando la policía elige su tipo. Usted responde por cada una: no se les pide confirmación.
partners-none = Todavía no hay organizaciones colaboradoras.
partners-col-name = Nombre
partners-col-kind = Tipo
partners-col-place = Lugar (ciudad)
partners-col-email = Correo
partners-radius = Distancia alrededor (km, opcional)
partners-language = Idioma de los correos
partners-remove = Retirar
partners-add = Registrar una organización
partners-add-send = Registrar
partners-kind-bus_terminal = Terminales de buses
partners-kind-border_post = Puestos fronterizos
partners-kind-airport = Aeropuertos
partners-kind-hospital = Hospitales
partners-kind-school = Escuelas
partners-kind-media = Medios de comunicación
partners-kind-transport = Empresas de transporte
partners-kind-other = Otras organizaciones
police-partner-kinds = Enviar también a
police-partner-kinds-hint = Las organizaciones colaboradoras de estos tipos cuyo lugar está en la zona reciben el cartel para pegarlo.

## Tip mail to police
tip-mail-subject = Pista nueva — caso N.º { $id }: { $name }
tip-mail-intro = Llegó una pista para el caso N.º { $id } ({ $name }):
tip-mail-desk = Todas las pistas del caso: { $link }

## Pages: statistics
nav-stats = Cifras
stats-title = Cifras de la red
stats-headline = En total, { $reported } personas reportadas y { $located } localizadas.
stats-total = En total
stats-all = Todos los casos
stats-by-country = Por país
stats-by-age = Por edad
stats-age = { $group } años
stats-unknown-country = País desconocido o en el mar
stats-reported = Reportadas
stats-located = Localizadas
stats-open = Sin resolver
stats-withdrawn = Retiradas
stats-note = Cuenta los casos publicados por la policía; localizadas incluye a quienes fueron hallados sin vida. El país es el del lugar donde se vio a la persona por última vez.

## Pages: managing a subscription
manage-title = Tus alertas
manage-zones = Tus zonas
manage-no-zones = No tienes ninguna zona: agrega una para recibir alertas.
manage-unconfirmed = falta confirmar
manage-remove = Quitar
manage-add-zone = Agregar una zona
manage-add-zone-hint = Te enviaremos un correo para confirmar la zona nueva.
manage-add = Agregar
manage-save = Guardar
poster-delivery = El cartel de cada alerta
poster-delivery-attached = Adjunto al correo (PDF, listo para imprimir)
poster-delivery-link = Solo un enlace al cartel: correo liviano, para planes prepagos
manage-poster-attached = Listo: tus alertas traerán el cartel adjunto.
manage-poster-link = Listo: tus alertas traerán solo un enlace al cartel.
manage-zone-added = Listo: revisa tu correo para confirmar la zona nueva.

## Pages: "this report is about me"
about-me-title = ¿Este aviso es sobre ti y es falso, o estás a salvo?
about-me-intro = Escribe a la policía a cargo del caso. Necesitan una forma de contactarte para verificar quién eres; mientras tanto pueden retirar el aviso de la vista pública.
about-me-message = Qué quieres decir a la policía
about-me-contact = Teléfono o correo donde la policía pueda contactarte
about-me-send = Enviar a la policía
about-me-sent-title = Mensaje enviado
about-me-thanks = Tu mensaje llegó a la policía a cargo del caso. Te contactarán para verificarlo.
about-me-mail-subject = URGENTE — caso N.º { $id } ({ $name }): alguien dice que el aviso es sobre él/ella y es falso
about-me-mail-intro = Alguien dice que el aviso del caso N.º { $id } ({ $name }) es sobre él/ella y es falso, o que está a salvo. Verifícalo; puedes retirar el caso de la vista pública desde la ficha policial mientras tanto:
police-hidden = Oculto al público
police-hide = Retirar de la vista pública mientras se verifica
police-show = Volver a mostrar al público
police-about-me = Dice que el aviso es sobre él/ella
police-about-me-warning = Alguien dice que este aviso es sobre él/ella y es falso, o que está a salvo: verifícalo cuanto antes.

## Pages: editing a case
case-edit = Corregir los datos
case-edit-title = Corregir: { $name }
case-save = Guardar los cambios
police-edit = Corregir
police-notify-update = Enviar la información corregida
police-notify-update-hint = Tras corregir un caso publicado, envía los datos nuevos a los voluntarios que recibieron la alerta (corregir sin más no envía nada).

## Following one case
confirm-follow-body = Alguien (esperamos que tú) pidió recibir las novedades de este caso: { $cases }. Te avisaremos si se corrigen sus datos y cuando la persona aparezca. Confirma abriendo este enlace, válido por { $hours } horas:
follow-title = Seguir este caso
follow-intro = Recibe por correo las novedades de este caso y el aviso cuando la persona aparezca, vivas donde vivas. Te pediremos confirmar tu correo.
follow-email = Tu correo electrónico
follow-send = Seguir el caso
follow-sent-title = Revisa tu correo
follow-check-mail = Te enviamos un correo con un enlace para confirmar. Las novedades te llegarán cuando lo abras.

## Pages: a case's history for its family
case-history = Qué pasó con el caso
case-registered = Registrado
case-published = Publicado por la policía
case-closed = Cerrado

## CAP alerts
cap-event = Persona desaparecida
cap-instruction = { $sex ->
    [female] Si la viste, envía una pista (también anónima) en { $link }
    [male] Si lo viste, envía una pista (también anónima) en { $link }
   *[other] Si la/lo viste, envía una pista (también anónima) en { $link }
  }
cap-poster = Cartel para imprimir (PDF)
cap-photo = Foto

## PFIF notes (the text other repositories show under the record)
pfif-note-published = Desaparición denunciada y publicada por la policía en Alerta: quien tenga información, llame al teléfono de la descripción.
pfif-note-found-safe = { $sex ->
    [female] Encontrada con vida. La búsqueda terminó.
    [male] Encontrado con vida. La búsqueda terminó.
   *[other] Encontrada/o con vida. La búsqueda terminó.
  }
pfif-note-found-deceased = { $sex ->
    [female] Encontrada sin vida. La búsqueda terminó.
    [male] Encontrado sin vida. La búsqueda terminó.
   *[other] Encontrada/o sin vida. La búsqueda terminó.
  }
pfif-note-withdrawn = La denuncia fue retirada. La búsqueda terminó.

# Forwarded alerts carry no personal link; a manage link is asked for by address.
mail-why = Alerta envía sus alertas a los voluntarios suscritos a la zona donde la persona fue vista por última vez.
mail-manage-stop = Para gestionar o dejar de recibir tus alertas, pide un enlace en { $link } (te lo enviamos por correo).
mail-join = ¿Te reenviaron este mensaje? Recibe alertas para tu propia zona: { $link }
manage-mail-subject = Tu enlace para gestionar tus alertas de Alerta
manage-mail-body = Alguien (esperamos que tú) pidió gestionar las alertas de Alerta de esta dirección. Abre este enlace antes de { $hours } horas para cambiar tus zonas o el idioma, o para dejar de recibir alertas. Sirve una sola vez:
manage-ask-intro = Escribe la dirección donde recibes las alertas. Le enviaremos un enlace para cambiar tus zonas o el idioma, o para dejar de recibir alertas.
manage-ask-button = Envíame un enlace
manage-ask-sent = Si esta dirección recibe alertas de Alerta, le enviamos un enlace. Vale { $hours } horas y sirve una sola vez.
manage-open-intro = Abre la configuración de tus alertas: tus zonas, el idioma, o dejar de recibirlas.
manage-open-button = Abrir mis alertas
manage-link-used = Este enlace ya se usó o venció. Pide uno nuevo aquí abajo.
manage-instead = Prefiero cambiar mis zonas o el idioma

# Confirmation links show what they confirm and a button: mail scanners open links.
confirm-ask-title = Confirma tu suscripción
confirm-ask-zones = Vas a recibir alertas de personas desaparecidas para:
confirm-ask-follows = Y novedades de estos casos:
confirm-ask-button = Confirmar
confirm-used-title = Este enlace ya no sirve
confirm-page-zones = Alertas activadas para:
confirm-page-manage = Cambiar tus zonas o el idioma

# Police act on the version they read.
police-point = Punto en el mapa
police-changed = El caso cambió desde que lo abriste: no se hizo nada.
police-changed-unseen = Ningún dato mostrado cambió: quizá se reemplazó la foto. Mírala de nuevo.
police-changed-field = Dato
police-changed-before = Cuando lo abriste
police-changed-now = Ahora
police-changed-again = Léelo de nuevo aquí abajo; los botones actúan ahora sobre esta versión.

# A case whose alert reaches into another organisation's jurisdiction.
org-notice-subject = Persona desaparecida cerca de su jurisdicción: { $name } (caso n.º { $id })
org-notice-intro = { $owner } publicó este caso; su zona de alerta llega a la jurisdicción de { $organisation }. Sus agentes pueden leer el caso y sus pistas en Alerta.
org-notice-desk = Caso y pistas (ingrese como agente de { $organisation }): { $link }
police-informed = La alerta de este caso llega a la jurisdicción de su organización: puede leerlo y ver sus pistas; lo cambia la organización a cargo.
error-sign-in-wait = Varias contraseñas equivocadas seguidas desde aquí: espera un momento antes de volver a probar (cada nuevo error alarga la espera).

# Sightings that come within a few minutes are mailed together.
tips-mail-subject = { $count } pistas nuevas — caso n.º { $id }: { $name }
tips-mail-intro = Llegaron { $count } pistas para el caso n.º { $id } ({ $name }) en pocos minutos; aquí van juntas (todas están también en la página del caso):
rule-photo-too-large = Esta foto es demasiado grande (hasta { $max } MB y { $megapixels } megapíxeles): elige una más liviana (el tamaño "mediano" del teléfono, o una captura de pantalla). Los demás datos se conservan abajo.

## The alert area's map
map-heading = Zona de alerta
map-title = Mapa de la zona de alerta: { $km } km alrededor de { $place }
map-km = { $km } km
map-zone-title = Mapa de tu zona: { $zone }
