import escapeHtml from 'escape-html';

export type { Language } from '@checkout/contracts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs become the text part and, escaped, the HTML part; a link becomes a button. */
export function renderEmail(
  subject: string,
  paragraphs: string[],
  link?: { label: string; url: string },
): RenderedEmail {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = link
    ? `\n<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`
    : '';
  const html = `<!doctype html>\n<html><body style="font-family: sans-serif">\n${body}${button}\n</body></html>`;
  return { subject, text: `${text}\n`, html };
}
