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
unsubscribe-page-removed = Você não receberá mais os alertas destas regiões:
unsubscribe-page-undo = Foi um engano?
unsubscribe-page-undo-link = Inscreva-se de novo (pediremos que confirme por e-mail).
unsubscribe-page-undo-hint = Foi um engano? Este botão desfaz isso nos próximos { $minutes } minutos: as mesmas áreas, sem e-mail de confirmação.
unsubscribe-page-undo-button = Desfazer: continuar recebendo alertas
unsubscribe-undone-title = Alertas ativados de novo
unsubscribe-undone = Pronto: você voltará a receber os alertas destas áreas, como antes:
unsubscribe-undo-too-late = Não é mais possível desfazer aqui. Você pode se inscrever de novo; pediremos que confirme por e-mail.
unsubscribe-page-invalid = Este link não é válido ou já foi usado.
link-invalid-title = Link inválido

## Alert mail
alert-subject = { $sex ->
    [female] DESAPARECIDA
    [male] DESAPARECIDO
   *[other] DESAPARECIDO/A
  }: { $name }, { $age } anos — { $place }
alert-who = { $name }, { $age ->
    [one] { $age } ano
   *[other] { $age } anos
  } — { $place }
alert-intro = { $sex ->
    [female] Ajude-nos a encontrar { $name }. Se você a viu ou sabe de algo, ligue para { $phone }.
    [male] Ajude-nos a encontrar { $name }. Se você o viu ou sabe de algo, ligue para { $phone }.
   *[other] Ajude-nos a encontrar { $name }. Se você o/a viu ou sabe de algo, ligue para { $phone }.
  }
alert-phone-2 = Ou para { $phone }.
alert-last-seen = { $sex ->
    [female] Vista pela última vez
    [male] Visto pela última vez
   *[other] Visto/a pela última vez
  }: { $when }, em { $place }.
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
alert-poster-attached = O cartaz para imprimir vai anexo (PDF): cole-o no seu bairro.
alert-poster-link = Baixe o cartaz para imprimir pelo link abaixo e cole-o no seu bairro.
alert-poster-button = Cartaz para imprimir (PDF)
alert-forward = Encaminhe esta mensagem aos seus contatos da região, ou compartilhe este link: { $link }
alert-share-whatsapp = Compartilhar no WhatsApp
alert-share-telegram = Compartilhar no Telegram
found-subject-found = { $sex ->
    [female] ENCONTRADA
    [male] ENCONTRADO
   *[other] ENCONTRADO/A
  }: { $name }
found-subject-closed = Caso encerrado: { $name }
found-headline = { $sex ->
    [female] ENCONTRADA
    [male] ENCONTRADO
   *[other] ENCONTRADO/A
  }
found-headline-closed = CASO ENCERRADO
found-body-found = { $sex ->
    [female] { $name } foi encontrada. Obrigado pela sua ajuda.
    [male] { $name } foi encontrado. Obrigado pela sua ajuda.
   *[other] { $name } foi encontrado/a. Obrigado pela sua ajuda.
  }
found-body-closed = O caso de { $name } foi encerrado. Obrigado pela sua ajuda.
found-posters = Por favor retire os cartazes que colou: { $sex ->
    [female] ela desapareceu
    [male] ele desapareceu
   *[other] a pessoa desapareceu
  } em { $date }, em { $place }.
found-stop-sharing = Pare de compartilhar o alerta: a ficha e a foto não são mais públicas.

## Alert mail to partners (terminals, border posts, hospitals…)
partner-why = Você recebe este alerta porque { $name } ({ $kind }, { $place }) colabora com o Alerta e a zona do alerta chega até aí. Por favor, imprima o cartaz e coloque-o onde as pessoas passam.
partner-print = Seguem anexos dois cartazes em PDF, em papel A4 e em papel Carta: abra o do seu papel e escolha na impressora quantas cópias quer. Também pode baixá-los aqui:
partner-poster-a4 = Cartaz em A4 (PDF)
partner-poster-letter = Cartaz em Carta (PDF)
partner-stop = Você recebe estes alertas porque um administrador do Alerta registrou a sua organização. Para deixar de recebê-los, peça-lhe que a retire.
partner-kind-bus_terminal = terminal rodoviário
partner-kind-border_post = posto de fronteira
partner-kind-airport = aeroporto
partner-kind-hospital = hospital
partner-kind-school = escola
partner-kind-media = veículo de comunicação
partner-kind-transport = empresa de transporte
partner-kind-other = organização parceira

## Digest for new volunteers
digest-subject = { $count ->
    [one] { $count } pessoa desaparecida na sua região
   *[other] { $count } pessoas desaparecidas na sua região
  }
digest-intro = Obrigado por participar. Estas pessoas continuam desaparecidas perto de você; a partir de agora você receberá cada novo alerta da sua região.
digest-line = { $name }, { $age } anos — { $sex ->
    [female] vista
    [male] visto
   *[other] visto/a
  } pela última vez em { $when }, em { $place }

## Updated information
update-subject = ATUALIZAÇÃO: { $name } continua { $sex ->
    [female] desaparecida
    [male] desaparecido
   *[other] desaparecido/a
  } — { $place }
update-headline = ATUALIZAÇÃO
update-intro = As informações deste caso mudaram. Isto é o que se sabe agora:
update-changed = O que mudou: { $fields }.
update-changed-field = { $field ->
    [photo] a foto
    [name] o nome
    [age] a idade
    [when] a data e a hora em que foi visto/a
    [place] o lugar
    [phone] o telefone de contato
    [circumstances] as circunstâncias
    [clothing] as roupas
    [description] a descrição
   *[other] outros dados
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
   *[other] DESAPARECIDO(A)
  }
poster-aliases = { $sex ->
    [female] Também conhecida como: { $aliases }
    [male] Também conhecido como: { $aliases }
   *[other] Também conhecido/a como: { $aliases }
  }
poster-label-age = Idade:
poster-age = { $age ->
    [one] { $age } ano
   *[other] { $age } anos
  }
poster-age-now = { $age ->
    [one] hoje { $age } ano
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
   *[other] Visto/a pela última vez:
  }
poster-last-seen = { $date }, { $time } — { $place }
poster-last-seen-when = { $date }, { $time }
poster-warning = O Alerta e a polícia nunca pedem dinheiro: denuncie quem pedir.
poster-label-circumstances = Circunstâncias:
poster-call = { $sex ->
    [female] Se você a viu ou sabe algo, ligue para
    [male] Se você o viu ou sabe algo, ligue para
   *[other] Se você o/a viu ou sabe algo, ligue para
  }
poster-case = Caso n.º { $id }
poster-issued-by = Emitido por { $organisation }
poster-printed = Impresso em { $date }
poster-more-at = Mais em { $link }
poster-scan = Escaneie para ver a ficha e enviar uma pista, também anônima
poster-no-photo = Sem foto
poster-strip-case = Caso { $id }
poster-gone = Este cartaz não está mais disponível: o caso foi encerrado. Obrigado por ajudar; por favor retire os cartazes que você colou.

## Pages: frame and navigation
page-languages = Idioma
page-footer = Alerta: rede de voluntários para encontrar pessoas desaparecidas. Em uma emergência, ligue para a polícia.
page-data-credits = Lugares © GeoNames (geonames.org), CC BY 4.0; limites © colaboradores do OpenStreetMap, ODbL; regiões da América Latina: feito com Natural Earth; Argentina e Brasil: DCW-GMT, LGPL 3.0 ou posterior.
nav-cases = Casos
nav-subscribe = Receber alertas
nav-police = Polícia
nav-family = Meus casos
nav-sign-in = Entrar
nav-sign-out = Sair
optional = (opcional)
locate-done = Localização obtida.
locate-failed = Não foi possível obter sua localização: escreva o lugar.
place-unknown = Não conhecemos essa cidade: confira a grafia ou acrescente o país («Campinas, BR»).
place-did-you-mean = Talvez você quis dizer:
place-ambiguous = Há vários lugares com esse nome. Qual?
form-invalid = Confira este dado
form-has-errors = Alguns dados faltam ou não são válidos: estão marcados abaixo.

## Rules input breaks, shown beside the field
rule-required = Falta este dado.
rule-between = Deve estar entre { $min } e { $max }.
rule-not-in-future = Não pode estar no futuro.
rule-after-1900 = Deve ser posterior a 1900.
rule-date-format = Escreva a data como ano-mês-dia (2026-11-20).
rule-date-time-format = Escreva a data e a hora com o fuso horário (2026-11-20T18:30:00-04:00).
rule-too-long = No máximo { $max } caracteres (tem { $count }).
rule-too-short = No mínimo { $min } caracteres.
rule-control-character = Contém um caractere que não pode ser impresso ({ $code }): remova-o.
rule-phone-characters = Apenas algarismos, espaços e + - ( ) . por favor.
rule-phone-digits = Um telefone tem pelo menos 3 algarismos.
rule-birth-date-or-age = Informe a data de nascimento ou a idade.
rule-born-before-last-seen = A data de nascimento deve ser anterior à data em que foi visto/a pela última vez.
rule-age-mismatch = Não confere com a data de nascimento, que dá { $computed }.
rule-one-zone-kind = Escolha uma cidade, um país ou região, ou um ponto no mapa.
rule-region-has-no-radius = Um país ou região não tem raio: deixe em branco.
rule-unknown-town = Não conhecemos esta cidade (cidades de 5 000 habitantes ou mais): confira a grafia, acrescente o código do país ("Cochabamba, BO") ou escolha um ponto no mapa.
rule-ambiguous-town = Vários lugares têm este nome; escreva um destes: { $choices }
rule-unknown-region = Não conhecemos este país ou região: escreva o nome ("Cochabamba") ou o código ISO ("BO", "BO-C").
rule-ambiguous-region = Várias regiões têm este nome; escreva uma destas: { $choices }

## Pages: errors
error-title = Não foi possível
error-home = Voltar ao início
error-not-found = Não encontramos esta página ou este caso.
error-sign-in = Entre com sua conta para ver esta página.
error-forbidden = Sua conta não pode fazer isto.
error-wrong-state = O caso já não está em um estado que permita isto. Recarregue a página.
error-rate-limited = Muitas tentativas seguidas. Espere alguns minutos e tente de novo.
error-account-locked = Tentativas demais com esta conta a partir de muitos lugares: ela está bloqueada por enquanto. Peça a quem administra o Alerta para desbloqueá-la, ou tente de novo em uma hora.
error-expired-form = Este formulário expirou ou não veio desta página. Volte, recarregue a página e envie de novo.
error-bad-request = Algo no que foi enviado não é válido. Volte e confira os dados.
error-internal = Algo falhou do nosso lado. Tente de novo em instantes.
error-unavailable = Por um momento o site não alcança os seus dados. Tente de novo em alguns segundos: nada do que você enviou se perdeu.

## Pages: home
home-title = Pessoas desaparecidas
home-intro = Estas pessoas estão desaparecidas agora. Se você viu alguma, abra a ficha e envie uma pista: pode ser anônima.
home-search-place = Perto de (cidade)
home-search-name = Nome
home-search = Buscar
home-use-location = Usar minha localização
home-your-location = sua localização
home-latest = Casos recentes
home-near = Perto de { $place }
home-named = Nome: { $name }
home-none = Não há casos ativos com esses critérios.
home-subscribe = Receber por e-mail os alertas da minha região

## Pages: case
case-draft-notice = Este caso ainda não é público: a polícia deve verificá-lo antes de publicá-lo.
case-posters = Cartazes para imprimir
case-posters-hint = Imprima o cartaz e cole no seu bairro, ou envie aos seus contatos.
case-image = imagem
case-share = Compartilhar
case-share-phone = Compartilhar pelo celular
case-share-mail = E-mail
status-draft = A verificar
status-active = Ativo
status-resolved = Encerrado
outcome-found_safe = { $sex ->
    [female] Encontrada com vida
    [male] Encontrado com vida
   *[other] Encontrado/a com vida
  }
outcome-found_deceased = { $sex ->
    [female] Encontrada sem vida
    [male] Encontrado sem vida
   *[other] Encontrado/a sem vida
  }
outcome-withdrawn = Retirado

## Pages: tips
tip-title = { $sex ->
    [female] Você a viu? Envie uma pista
    [male] Você o viu? Envie uma pista
   *[other] Você o/a viu? Envie uma pista
  }
tip-intro = Sua mensagem chega apenas à polícia responsável pelo caso. Você pode enviá-la sem dizer seu nome.
tip-message = O que você viu ou sabe
tip-seen-place = Onde
tip-seen-at = Quando
tip-use-location = { $sex ->
    [female] Estou onde a vi: usar minha localização
    [male] Estou onde o vi: usar minha localização
   *[other] Estou onde o/a vi: usar minha localização
  }
tip-nickname = Apelido
tip-contact = Telefone ou e-mail para a polícia retornar
tip-privacy = Só a polícia lê as pistas. Se você não deixar contato, ninguém saberá quem enviou.
tip-send = Enviar a pista
tip-sent-title = Pista enviada
tip-thanks = Obrigado. Sua pista chegou à polícia responsável pelo caso.
tip-back = Voltar à ficha

## Pages: subscribe
subscribe-title = Receber alertas da minha região
subscribe-intro = Quando alguém desaparecer perto da sua região, enviaremos um e-mail com o cartaz para imprimir ou encaminhar. Você pode cancelar com um clique a qualquer momento.
subscribe-email = Seu e-mail
subscribe-language = Idioma dos alertas
subscribe-zone = Sua região
subscribe-place = Cidade
subscribe-place-hint = Escreva como você fala: «São Paulo», «Sao Paulo», «Manaus, BR».
subscribe-radius = Distância ao redor
subscribe-radius-default = conforme o tamanho do lugar
subscribe-use-location = Usar minha localização em vez do nome
subscribe-region = Ou um país ou estado inteiro
subscribe-region-hint = O nome ou código ISO, por exemplo BR, São Paulo ou BR-SP.
subscribe-privacy = Seu e-mail serve apenas para enviar os alertas: não é mostrado nem compartilhado.
subscribe-send = Inscrever-me
subscribe-sent-title = Confira seu e-mail
subscribe-check-mail = Enviamos um e-mail com um link de confirmação. Os alertas começam quando você abri-lo.

## Pages: sign in
login-title = Entrar
login-email = E-mail
login-password = Senha
login-send = Entrar
login-accounts = As contas da polícia e das famílias são criadas por quem administra o Alerta.
login-wrong = O e-mail ou a senha não estão corretos.

## Pages: families
family-title = Meus casos
family-new-case = Registrar um caso
family-none = Você ainda não registrou nenhum caso.
family-form-intro = Preencha o que souber. A polícia verifica cada caso antes de publicá-lo; depois, os alertas vão para os voluntários da região.
family-register = Registrar o caso
family-duplicate = Já existe um caso aberto para uma pessoa com o mesmo nome e idade (caso nº { $id }).
family-duplicate-confirm = É outra pessoa: registrar mesmo assim (escolha a foto de novo)
family-status-draft = A polícia ainda não o verificou.
family-status-active = Publicado: os alertas foram enviados aos voluntários.
family-status-resolved = Caso encerrado.
case-given-name = Nomes
case-family-name = Sobrenomes
case-aliases = Apelidos ou como o/a chamam
case-birth-date = Data de nascimento
case-or-age = (ou a idade)
case-age = Idade
case-photo = Foto recente
case-photo-hint = JPEG, PNG, WebP ou GIF, até 20 MB. Uma foto do rosto, bem iluminada.
card-no-photo = Sem foto
case-height-hint = Em centímetros (152) ou metros (1,52)
case-weight-hint = Em quilos (45 ou 45,5)
case-photo-kept = A foto que você escolheu está guardada e vai com o caso. Escolha outra só se quiser trocá-la.
case-photo-kept-alt = A foto escolhida
case-no-photo-yet = Este caso ainda não tem foto: o cartaz sai sem ela. Adicione uma foto recente em «Corrigir os dados».
police-no-photo = Ainda sem foto: o cartaz sairá sem ela.
case-saved = Alterações salvas.
case-last-seen-at = Visto/a pela última vez (data e hora)
case-time-zone = Fuso horário
case-last-seen-place = Onde (rua, bairro, lugar)
case-town = Cidade
case-town-hint = Para saber quais voluntários avisar.
case-use-location = Estou nesse lugar: usar minha localização
case-contact-phone = Telefone de contato para o cartaz
case-contact-phone-2 = Outro telefone (opcional: a família, outro escritório)
case-contact-name = Nome de contato
case-language = Idioma do cartaz

## Pages: police
police-title = Polícia
police-drafts = Casos a verificar
police-no-drafts = Nenhum caso aguardando verificação.
police-active = Casos ativos
police-no-active = Nenhum caso ativo.
police-col-case = Pessoa
police-col-last-seen = Visto/a pela última vez
police-last-seen = { $sex ->
    [female] Vista pela última vez
    [male] Visto pela última vez
   *[other] Visto/a pela última vez
  }
police-col-reach = Voluntários na região agora
police-col-sent = E-mails enviados
police-public-page = Ver a ficha pública
police-phone = Telefone do cartaz
police-radius = Raio do alerta
police-publish-hint = Ao publicar, o alerta vai para { $count ->
    [one] { $count } voluntário
   *[other] { $count } voluntários
  } da região.
police-publish-confirm = { $count ->
    [one] Confirmo que verifiquei o caso: o alerta vai para { $count } voluntário.
   *[other] Confirmo que verifiquei o caso: o alerta vai para { $count } voluntários.
  }
police-publish-nobody = Nenhum voluntário acompanha esta região ainda: ninguém receberá o alerta por e-mail. Você pode publicá-lo mesmo assim (a ficha e o cartaz ficam públicos) e ampliar o raio depois.
police-publish-unconfirmed = Marque a caixa para confirmar para quantos voluntários vai o alerta.
police-checking = O que você vai verificar
police-poster-preview = Ver o cartaz como será impresso (PDF)
history-action = { $action ->
    [created] Registrado
    [imported] Importado (PFIF)
    [edited] Dados corrigidos
    [photo_set] Foto trocada
    [published] Publicado
    [widened] Área ampliada
    [widening_planned] Ampliações programadas
    [realerted] Alerta repetido
    [update_notified] Correção enviada
    [hidden] Ocultado
    [shown] Visível de novo
    [resolved] Encerrado
    [organisation_informed] Outra unidade informada
    [tip] Pista recebida
    [about_me] Aviso da pessoa procurada
   *[other] { $action }
  }
police-done-published = Publicado. O alerta vai para { $count ->
    [one] { $count } voluntário.
   *[other] { $count } voluntários.
  }
police-done-widened = Área ampliada. O alerta vai para mais { $count ->
    [one] { $count } voluntário.
   *[other] { $count } voluntários.
  }
police-done-update_mailed = A correção vai para { $count ->
    [one] { $count } voluntário.
   *[other] { $count } voluntários.
  }
police-done-resolved = Caso encerrado: os voluntários que receberam o alerta são avisados.
police-widenings = Ampliações programadas
police-widening-radius = { $km } km
police-widening-road = { $road } km de cada lado da estrada
police-widening-both = { $km } km; { $road } km de cada lado da estrada
police-widening-planned = { $hours } h após a publicação: { $what } (pendente)
police-widening-done = { $hours } h após a publicação: { $what }, feita ({ $count ->
    [one] mais { $count } voluntário
   *[other] mais { $count } voluntários
  })
police-publish = Verificado: publicar
police-dispatch = Envio do alerta
police-recipients = Alertas enviados ou a enviar
police-queued = Na fila
police-sent = Enviados
police-undeliverable = Não entregues (devolvidos)
police-failed = Com falha
police-widen = Ampliar a área do alerta para (km)
police-widen-send = Ampliar
police-widen-route = Ampliar a distância à estrada para (km)
police-area = Alerta ao longo de estradas ou numa área
police-area-hint = Se a pessoa pode ter sido levada por uma estrada, ou há uma área onde procurar, o alerta chega também a quem vive lá.
police-route = Estrada: cidades em ordem
police-route-hint = Separadas por vírgulas, a partir de onde a pessoa foi vista pela última vez: «Cochabamba, Chimoré, Santa Cruz de la Sierra».
police-route-width = Distância de cada lado da estrada (km)
police-polygon = Área: cidades nos seus cantos
police-polygon-hint = Pelo menos três, em ordem ao redor da área. Deixe vazio se não for preciso.
police-area-save = Salvar a zona de alerta
police-done-area = Zona de alerta salva. { $count ->
    [one] O alerta vai para mais { $count } voluntário.
   *[other] O alerta vai para mais { $count } voluntários.
  }
police-route-fact = Pela estrada
police-route-value = { $towns }; { $km } km de cada lado
police-polygon-fact = Área desenhada
police-reach-parts = Em volta do local: { $circle } · pela estrada: { $road } · na área: { $area }
map-also-road = Também ao longo da estrada até { $to }, { $km } km de cada lado.
map-also-area = Também a área que a polícia desenhou.
police-outcome = Resultado
police-note = Nota (opcional)
police-resolve = Encerrar o caso
police-tips = { $count ->
    [one] { $count } pista
   *[other] { $count } pistas
  }
police-anonymous = anônima
police-audit = Histórico do caso

## Pages: partners (administrators)
partners-title = Organizações parceiras
partners-intro = Terminais, postos de fronteira, aeroportos, hospitais, escolas, veículos de comunicação e empresas de transporte que colam os cartazes onde as pessoas passam. Recebem o alerta dos casos cuja zona chega ao seu local, quando a polícia escolhe o seu tipo. Você responde por cada uma: não se pede confirmação.
partners-none = Ainda não há organizações parceiras.
partners-col-name = Nome
partners-col-kind = Tipo
partners-col-place = Local (cidade)
partners-col-email = E-mail
partners-radius = Distância em volta (km, opcional)
partners-language = Idioma dos e-mails
partners-remove = Retirar
partners-add = Registrar uma organização
partners-add-send = Registrar
partners-kind-bus_terminal = Terminais rodoviários
partners-kind-border_post = Postos de fronteira
partners-kind-airport = Aeroportos
partners-kind-hospital = Hospitais
partners-kind-school = Escolas
partners-kind-media = Veículos de comunicação
partners-kind-transport = Empresas de transporte
partners-kind-other = Outras organizações
police-partner-kinds = Enviar também para
police-partner-kinds-hint = As organizações parceiras destes tipos cujo local está na zona recebem o cartaz para colá-lo.

## Tip mail to police
tip-mail-subject = Nova pista — caso nº { $id }: { $name }
tip-mail-intro = Chegou uma pista para o caso nº { $id } ({ $name }):
tip-mail-desk = Todas as pistas do caso: { $link }

## Pages: statistics
nav-stats = Números
stats-title = Números da rede
stats-headline = Ao todo, { $reported } pessoas desaparecidas registradas e { $located } localizadas.
stats-total = Ao todo
stats-all = Todos os casos
stats-by-country = Por país
stats-by-age = Por idade
stats-age = { $group } anos
stats-unknown-country = País desconhecido ou no mar
stats-reported = Registradas
stats-located = Localizadas
stats-open = Em aberto
stats-withdrawn = Retiradas
stats-note = Conta os casos publicados pela polícia; localizadas inclui quem foi encontrado sem vida. O país é o do lugar onde a pessoa foi vista pela última vez.

## Pages: managing a subscription
manage-title = Seus alertas
manage-zones = Suas regiões
manage-no-zones = Você não tem nenhuma região: acrescente uma para receber alertas.
manage-unconfirmed = falta confirmar
manage-remove = Remover
manage-add-zone = Acrescentar uma região
manage-add-zone-hint = Enviaremos um e-mail para confirmar a nova região.
manage-add = Acrescentar
manage-save = Salvar
poster-delivery = O cartaz de cada alerta
poster-delivery-attached = Anexo ao e-mail (PDF, pronto para imprimir)
poster-delivery-link = Só um link para o cartaz: e-mail leve, para planos pré-pagos
manage-poster-attached = Pronto: seus alertas trarão o cartaz anexo.
manage-poster-link = Pronto: seus alertas trarão só um link para o cartaz.
manage-zone-added = Pronto: confira seu e-mail para confirmar a nova região.

## Pages: "this report is about me"
about-me-title = Este alerta é sobre você e é falso, ou você está em segurança?
about-me-intro = Escreva à polícia responsável pelo caso. Ela precisa de um contato seu para verificar quem você é; enquanto isso, pode retirar o alerta da vista pública.
about-me-message = O que você quer dizer à polícia
about-me-contact = Telefone ou e-mail onde a polícia possa contatar você
about-me-send = Enviar à polícia
about-me-sent-title = Mensagem enviada
about-me-thanks = Sua mensagem chegou à polícia responsável pelo caso. Ela entrará em contato para verificar.
about-me-mail-subject = URGENTE — caso nº { $id } ({ $name }): alguém diz que o alerta é sobre si e é falso
about-me-mail-intro = Alguém diz que o alerta do caso nº { $id } ({ $name }) é sobre si e é falso, ou que está em segurança. Verifique; enquanto isso, você pode retirar o caso da vista pública pela ficha policial:
police-hidden = Oculto ao público
police-hide = Retirar da vista pública enquanto se verifica
police-show = Mostrar de novo ao público
police-about-me = Diz que o alerta é sobre si
police-about-me-warning = Alguém diz que este alerta é sobre si e é falso, ou que está em segurança: verifique o quanto antes.

## Pages: editing a case
case-edit = Corrigir os dados
case-edit-title = Corrigir: { $name }
case-save = Salvar as alterações
police-edit = Corrigir
police-notify-update = Enviar a informação corrigida
police-notify-update-hint = Depois de corrigir um caso publicado, envie os novos dados aos voluntários que receberam o alerta (só corrigir não envia nada).

## Following one case
confirm-follow-body = Alguém (esperamos que você) pediu para receber as novidades deste caso: { $cases }. Avisaremos se os dados forem corrigidos e quando a pessoa aparecer. Confirme abrindo este link, válido por { $hours } horas:
follow-title = Seguir este caso
follow-intro = Receba por e-mail as novidades deste caso e o aviso quando a pessoa aparecer, more onde morar. Pediremos que confirme seu e-mail.
follow-email = Seu e-mail
follow-send = Seguir o caso
follow-sent-title = Confira seu e-mail
follow-check-mail = Enviamos um e-mail com um link de confirmação. As novidades chegarão quando você abri-lo.

## Pages: a case's history for its family
case-history = O que aconteceu com o caso
case-registered = Registrado
case-published = Publicado pela polícia
case-closed = Encerrado

## CAP alerts
cap-event = Pessoa desaparecida
cap-instruction = { $sex ->
    [female] Se você a viu, envie uma pista (também anônima) em { $link }
    [male] Se você o viu, envie uma pista (também anônima) em { $link }
   *[other] Se você o/a viu, envie uma pista (também anônima) em { $link }
  }
cap-poster = Cartaz para imprimir (PDF)
cap-photo = Foto

## PFIF notes (the text other repositories show under the record)
pfif-note-published = Desaparecimento comunicado e publicado pela polícia no Alerta: quem tiver informações, ligue para o telefone da descrição.
pfif-note-found-safe = { $sex ->
    [female] Encontrada com vida. A busca terminou.
    [male] Encontrado com vida. A busca terminou.
   *[other] Encontrado/a com vida. A busca terminou.
  }
pfif-note-found-deceased = { $sex ->
    [female] Encontrada sem vida. A busca terminou.
    [male] Encontrado sem vida. A busca terminou.
   *[other] Encontrado/a sem vida. A busca terminou.
  }
pfif-note-withdrawn = O comunicado foi retirado. A busca terminou.

# Forwarded alerts carry no personal link; a manage link is asked for by address.
mail-why = O Alerta envia seus alertas aos voluntários inscritos na região onde a pessoa foi vista pela última vez.
mail-manage-stop = Para gerenciar ou parar de receber seus alertas, peça um link em { $link } (enviamos por e-mail).
mail-join = Alguém encaminhou esta mensagem para você? Receba alertas da sua própria região: { $link }
manage-mail-subject = Seu link para gerenciar seus alertas do Alerta
manage-mail-body = Alguém (esperamos que você) pediu para gerenciar os alertas do Alerta deste endereço. Abra este link em até { $hours } horas para mudar suas regiões ou o idioma, ou para parar de receber alertas. Ele funciona uma única vez:
manage-ask-intro = Digite o endereço onde você recebe os alertas. Enviaremos a ele um link para mudar suas regiões ou o idioma, ou para parar de receber alertas.
manage-ask-button = Enviar-me um link
manage-ask-sent = Se este endereço recebe alertas do Alerta, enviamos um link para ele. Vale por { $hours } horas e funciona uma única vez.
manage-open-intro = Abra as configurações dos seus alertas: suas regiões, o idioma, ou parar de recebê-los.
manage-open-button = Abrir meus alertas
manage-link-used = Este link já foi usado ou expirou. Peça um novo abaixo.
manage-instead = Prefiro mudar minhas regiões ou o idioma

# Confirmation links show what they confirm and a button: mail scanners open links.
confirm-ask-title = Confirme sua inscrição
confirm-ask-zones = Você vai receber alertas de pessoas desaparecidas para:
confirm-ask-follows = E novidades destes casos:
confirm-ask-button = Confirmar
confirm-used-title = Este link não funciona mais
confirm-page-zones = Alertas ativados para:
confirm-page-manage = Mudar suas regiões ou o idioma

# Police act on the version they read.
police-point = Ponto no mapa
police-changed = O caso mudou desde que você o abriu: nada foi feito.
police-changed-unseen = Nenhum dado mostrado mudou: talvez a foto tenha sido trocada. Olhe-a de novo.
police-changed-field = Dado
police-changed-before = Quando você o abriu
police-changed-now = Agora
police-changed-again = Leia-o de novo abaixo; os botões agora agem sobre esta versão.

# A case whose alert reaches into another organisation's jurisdiction.
org-notice-subject = Pessoa desaparecida perto da sua jurisdição: { $name } (caso n.º { $id })
org-notice-intro = { $owner } publicou este caso; sua área de alerta chega à jurisdição de { $organisation }. Seus agentes podem ler o caso e suas pistas no Alerta.
org-notice-desk = Caso e pistas (entre como agente de { $organisation }): { $link }
police-informed = O alerta deste caso chega à jurisdição da sua organização: você pode lê-lo e ver suas pistas; quem o muda é a organização responsável.
error-sign-in-wait = Várias senhas erradas seguidas daqui: espere um momento antes de tentar de novo (cada novo erro aumenta a espera).

# Sightings that come within a few minutes are mailed together.
tips-mail-subject = { $count } novas pistas — caso n.º { $id }: { $name }
tips-mail-intro = Chegaram { $count } pistas para o caso n.º { $id } ({ $name }) em poucos minutos; aqui estão juntas (todas estão também na página do caso):
rule-photo-too-large = Esta foto é grande demais (até { $max } MB e { $megapixels } megapixels): escolha uma menor (o tamanho "médio" do celular, ou uma captura de tela). Os outros dados continuam abaixo.

## The alert area's map
map-heading = Área de alerta
map-title = Mapa da área de alerta: { $km } km ao redor de { $place }
map-km = { $km } km
map-zone-title = Mapa da sua área: { $zone }
