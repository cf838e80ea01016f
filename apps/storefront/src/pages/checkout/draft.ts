/**
 * What the buyer typed for the payer, kept in memory only (never in storage or the URL): a
 * retry with another card after a decline finds the payer step filled in. A reload forgets it.
 */
let payerDraft: Record<string, string> = {};

export const rememberPayer = (values: Record<string, string>) => {
  payerDraft = values;
};
export const payerDefaults = (): Record<string, string> => payerDraft;
