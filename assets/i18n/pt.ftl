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
