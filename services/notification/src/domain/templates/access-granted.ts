import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface AccessGrantedModel {
  studentName: string;
  email: string;
  courseTitle: string;
  /** Present when the student still has to set a password. */
  activationUrl?: string;
  portalUrl: string;
}

const copy = {
  'pt-BR': (m: AccessGrantedModel) => ({
    subject: `Seu acesso ao curso ${m.courseTitle}`,
    paragraphs: [
      `Olá, ${m.studentName}!`,
      `Seu pagamento foi aprovado e sua matrícula em "${m.courseTitle}" está ativa.`,
      `Seu login no portal do aluno é ${m.email}.`,
      m.activationUrl
        ? 'Para definir sua senha, use o link abaixo. Ele vale por 24 horas e só pode ser usado uma vez.'
        : 'Entre no portal com a senha que você já definiu.',
    ],
    link: m.activationUrl
      ? { label: 'Ativar meu acesso', url: m.activationUrl }
      : { label: 'Abrir o portal', url: m.portalUrl },
  }),
  en: (m: AccessGrantedModel) => ({
    subject: `Your access to ${m.courseTitle}`,
    paragraphs: [
      `Hello, ${m.studentName}!`,
      `Your payment was approved and your enrolment in "${m.courseTitle}" is active.`,
      `Your portal login is ${m.email}.`,
      m.activationUrl
        ? 'Set your password with the link below. It works once and expires in 24 hours.'
        : 'Sign in to the portal with the password you already set.',
    ],
    link: m.activationUrl
      ? { label: 'Activate my access', url: m.activationUrl }
      : { label: 'Open the portal', url: m.portalUrl },
  }),
};

export function renderAccessGranted(model: AccessGrantedModel, language: Language): RenderedEmail {
  const { subject, paragraphs, link } = copy[language](model);
  return renderEmail(subject, paragraphs, link);
}
