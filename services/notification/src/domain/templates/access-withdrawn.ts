import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface AccessWithdrawnModel {
  studentName: string;
  courseTitle: string;
  portalUrl: string;
}

const copy = {
  'pt-BR': (m: AccessWithdrawnModel) => ({
    subject: `Seu acesso ao curso ${m.courseTitle} foi retirado`,
    paragraphs: [
      `Olá, ${m.studentName}.`,
      `A compra do curso "${m.courseTitle}" foi reembolsada, e por isso o seu acesso a ele foi retirado.`,
      'A sua conta no portal continua ativa, com a mesma senha e os outros cursos que você tiver.',
    ],
    link: { label: 'Abrir o portal', url: m.portalUrl },
  }),
  en: (m: AccessWithdrawnModel) => ({
    subject: `Your access to ${m.courseTitle} was withdrawn`,
    paragraphs: [
      `Hello, ${m.studentName}.`,
      `The purchase of "${m.courseTitle}" was refunded, so your access to it was withdrawn.`,
      'Your portal account stays open, with the same password and any other courses you have.',
    ],
    link: { label: 'Open the portal', url: m.portalUrl },
  }),
};

export function renderAccessWithdrawn(
  model: AccessWithdrawnModel,
  language: Language,
): RenderedEmail {
  const { subject, paragraphs, link } = copy[language](model);
  return renderEmail(subject, paragraphs, link);
}
