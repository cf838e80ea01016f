import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface LeadReminderModel {
  leadName: string;
  courseTitle: string;
  /** The course's page, where the purchase picks up again. */
  courseUrl: string;
}

const copy = {
  'pt-BR': (m: LeadReminderModel) => ({
    subject: `Sua vaga no curso ${m.courseTitle} ainda está esperando`,
    paragraphs: [
      `Olá, ${m.leadName}.`,
      `Você começou a compra do curso "${m.courseTitle}" e não chegou a concluí-la.`,
      'Seus dados já estão salvos: é só voltar à página do curso para terminar.',
    ],
    link: { label: 'Concluir a compra', url: m.courseUrl },
  }),
  en: (m: LeadReminderModel) => ({
    subject: `Your place in ${m.courseTitle} is still waiting`,
    paragraphs: [
      `Hello, ${m.leadName}.`,
      `You started buying "${m.courseTitle}" but did not finish.`,
      'Your details are saved: go back to the course page to complete it.',
    ],
    link: { label: 'Complete your purchase', url: m.courseUrl },
  }),
};

export function renderLeadReminder(model: LeadReminderModel, language: Language): RenderedEmail {
  const { subject, paragraphs, link } = copy[language](model);
  return renderEmail(subject, paragraphs, link);
}
