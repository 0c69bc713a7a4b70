# Alerta — português

confirm-subject = Confirme sua inscrição nos alertas do Alerta
confirm-greeting = Olá,
confirm-body = Alguém (esperamos que você) pediu para receber alertas de pessoas desaparecidas nesta região: { $zone }. Confirme abrindo este link, válido por { $hours } horas:
confirm-ignore = Se não foi você, ignore esta mensagem: você não receberá mais nada.
confirm-page-title = Inscrição confirmada
confirm-page-body = Obrigado. A partir de agora você receberá um aviso quando alguém desaparecer na sua região.
confirm-page-invalid = Este link já foi usado ou expirou. Inscreva-se de novo para receber outro.
unsubscribe-page-title = Deixar de receber alertas
unsubscribe-page-question = Você quer deixar de receber os alertas do Alerta neste endereço?
unsubscribe-page-button = Sim, cancelar inscrição
unsubscribe-page-done = Pronto: você não receberá mais alertas. Obrigado por ter ajudado.
unsubscribe-page-invalid = Este link não é válido ou já foi usado.
mail-footer = Você recebe esta mensagem porque se inscreveu nos alertas do Alerta. Para cancelar: { $link }
link-invalid-title = Link inválido

## Alert mail
alert-subject = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO/A
  }: { $name }, { $age } anos — { $place }
alert-intro = Ajude-nos a encontrar { $name }. Se você tiver informações, ligue para { $phone }.
alert-last-seen = Visto/a pela última vez: { $when }, em { $place }.
alert-circumstances = Circunstâncias
alert-clothing = Roupas
alert-description = Descrição
alert-height = Altura: { $cm } cm
alert-weight = Peso: { $kg } kg
alert-hair = Cabelo: { $hair }
alert-eyes = Olhos: { $eyes }
alert-marks = Sinais particulares: { $marks }
alert-case = Caso n.º { $id }, publicado por { $organisation }.
alert-link = Ficha, cartaz para imprimir e formulário para enviar pistas (também anônimas): { $link }
alert-forward = Encaminhe esta mensagem aos seus contatos da região.
alert-poster-attached = O cartaz para imprimir vai anexo (PDF): cole-o no seu bairro.
found-subject-found = ENCONTRADO/A: { $name }
found-subject-closed = Caso encerrado: { $name }
found-body-found = { $name } foi encontrado/a. Obrigado pela sua ajuda: por favor retire os cartazes que colou e pare de compartilhar o alerta.
found-body-closed = O caso de { $name } foi encerrado. Obrigado pela sua ajuda: por favor retire os cartazes que colou e pare de compartilhar o alerta.

## Digest for new volunteers
digest-subject = { $count ->
    [one] Uma pessoa desaparecida na sua região
   *[other] { $count } pessoas desaparecidas na sua região
  }
digest-intro = Obrigado por participar. Estas pessoas continuam desaparecidas perto de você; a partir de agora você receberá cada novo alerta da sua região.
digest-line = { $name }, { $age } anos — visto/a pela última vez em { $when }, em { $place }

## Updated information
update-subject = ATUALIZAÇÃO: { $name } continua desaparecido/a
update-intro = As informações deste caso mudaram. Isto é o que se sabe agora:

## Formats (chrono strftime patterns; month names come from the locale)
format-date-long = %-d de %B de %Y
format-date-short = %d/%m/%Y
format-time = %H:%M
format-decimal-separator = ,

## Poster
poster-headline = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO(A)
  }
poster-aliases = Também conhecida/o como: { $aliases }
poster-label-age = Idade:
poster-age = { $age ->
    [one] 1 ano
   *[other] { $age } anos
  }
poster-age-now = { $age ->
    [one] hoje 1 ano
   *[other] hoje { $age } anos
  }
poster-label-sex = Sexo:
poster-sex = { $sex ->
    [female] feminino
    [male] masculino
    [other] outro
   *[unknown] não informado
  }
poster-label-height = Altura:
poster-label-weight = Peso:
poster-label-hair = Cabelo:
poster-label-eyes = Olhos:
poster-label-marks = Sinais particulares:
poster-label-clothing = Roupas:
poster-label-last-seen = { $sex ->
    [female] Vista pela última vez:
    [male] Visto pela última vez:
   *[other] Vista/o pela última vez:
  }
poster-last-seen = { $date }, { $time } — { $place }
poster-label-circumstances = Circunstâncias:
poster-call = { $sex ->
    [female] Se você a viu ou sabe algo, ligue para
    [male] Se você o viu ou sabe algo, ligue para
   *[other] Se você a/o viu ou sabe algo, ligue para
  }
poster-case = Caso n.º { $id }
poster-issued-by = Emitido por { $organisation }
poster-printed = Impresso em { $date }
poster-more-at = Mais em { $link }
poster-scan = Escaneie para ver a ficha e enviar uma pista, também anônima
poster-no-photo = Sem foto
poster-strip-case = Caso { $id }
poster-gone = Este cartaz não está mais disponível: o caso foi encerrado. Obrigado por ajudar; por favor retire os cartazes que você colou.
