import { api } from '../../api';
import { Field } from '../../forms/field';
import { masks } from '../../forms/masks';
import { cardDigits, cardRules } from '../../forms/rules';
import { useFieldErrors } from '../../forms/use-field-errors';
import { useSubmit } from '../../forms/use-submit';
import { useT } from '../../i18n/language';
import { retryWait } from './retry-wait';
import { StepHeading } from './step-heading';

/** What the page keeps of a card once the vault has it. */
export interface SavedCard {
  token: string;
  brand: string;
  last4: string;
}

/**
 * Step 2: the card goes to POST /cards and nowhere else. Its inputs are uncontrolled: the number
 * is read from the form once, at submit, and the form is emptied when the vault answers, so it
 * never sits in the page's state, storage or URL.
 */
export function CardStep({
  notice,
  onDone,
  onPix,
}: {
  notice?: string | undefined;
  onDone: (card: SavedCard) => void;
  /** The buyer pays by PIX instead: no card at all. */
  onPix: () => void;
}) {
  const t = useT();
  const form = useFieldErrors(cardRules);
  const field = (name: 'number' | 'holderName' | 'expMonth' | 'expYear' | 'cvc') => ({
    name,
    label: t.fields[name],
    error: form.errors[name],
    onBlur: form.checkField,
    required: true,
  });

  const { sending, onSubmit } = useSubmit(form, async (element, value) => {
    const {
      data: card,
      error,
      response,
    } = await api.POST('/cards', {
      body: {
        number: cardDigits(value('number')),
        holderName: value('holderName'),
        expMonth: Number(value('expMonth')),
        expYear: Number(value('expYear')),
        cvc: value('cvc'),
      },
    });
    if (response.status === 429)
      return form.setFormError(t.checkout.tooManyCards(retryWait(t, response)));
    if (!card) return form.showProblem(element, error, t.loadFailed);
    element.reset();
    onDone({ token: card.token, brand: card.brand, last4: card.last4 });
  });

  return (
    <form noValidate onSubmit={onSubmit} autocomplete="on">
      <StepHeading step={2} name={t.checkout.cardStep} />
      {(form.formError ?? notice) && <p class="notice notice-error">{form.formError ?? notice}</p>}
      <Field {...field('number')} autocomplete="cc-number" inputMode="numeric" mask={masks.card} />
      <Field {...field('holderName')} autocomplete="cc-name" />
      <div class="field-row">
        <Field
          {...field('expMonth')}
          autocomplete="cc-exp-month"
          inputMode="numeric"
          mask={masks.twoDigits}
        />
        <Field
          {...field('expYear')}
          autocomplete="cc-exp-year"
          inputMode="numeric"
          mask={masks.fourDigits}
        />
      </div>
      <Field {...field('cvc')} autocomplete="cc-csc" inputMode="numeric" mask={masks.fourDigits} />
      <button type="submit" disabled={sending}>
        {t.checkout.continue}
      </button>{' '}
      <button type="button" class="secondary" onClick={onPix}>
        {t.checkout.payByPix}
      </button>
    </form>
  );
}
