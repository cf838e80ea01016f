import type { AccessLinkPurpose } from '@checkout/contracts';
import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface AccessLinkModel {
  studentName: string;
  email: string;
  purpose: AccessLinkPurpose;
  url: string;
}

const copy = {
  'pt-BR': (m: AccessLinkModel) =>
    m.purpose === 'activation'
      ? {
          subject: 'Seu novo link de acesso',
          intro: 'Aqui está um novo link para ativar seu acesso ao portal do aluno.',
          label: 'Ativar meu acesso',
        }
      : {
          subject: 'Redefina sua senha',
          intro: 'Recebemos um pedido para redefinir a senha do seu acesso ao portal do aluno.',
          label: 'Escolher uma nova senha',
        },
  en: (m: AccessLinkModel) =>
    m.purpose === 'activation'
      ? {
          subject: 'Your new access link',
          intro: 'Here is a new link to activate your access to the student portal.',
          label: 'Activate my access',
        }
      : {
          subject: 'Reset your password',
          intro: 'We were asked to reset the password of your student portal access.',
          label: 'Choose a new password',
        },
};

const closing = {
  'pt-BR': (m: AccessLinkModel) => [
    `Seu login é ${m.email}. O link vale por 24 horas, só pode ser usado uma vez e anula os links enviados antes.`,
    'Se você não pediu este e-mail, ignore-o: nada muda no seu acesso.',
  ],
  en: (m: AccessLinkModel) => [
    `Your login is ${m.email}. The link works once, expires in 24 hours and replaces any link sent before.`,
    'If you did not ask for this e-mail, ignore it: nothing changes in your access.',
  ],
};

const greeting = { 'pt-BR': 'Olá', en: 'Hello' };

/** A link a student asked for: to activate their access or to reset their password. */
export function renderAccessLink(model: AccessLinkModel, language: Language): RenderedEmail {
  const { subject, intro, label } = copy[language](model);
  return renderEmail(
    subject,
    [`${greeting[language]}, ${model.studentName}!`, intro, ...closing[language](model)],
    { label, url: model.url },
  );
}
