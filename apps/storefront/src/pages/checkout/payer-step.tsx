import { formatBrl, newIdempotencyKey, type ApiSchemas } from '@checkout/client';
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import { brandName } from '../../card-brand';
import { Field } from '../../forms/field';
import { masks } from '../../forms/masks';
import { payerRules, states, type FormValues } from '../../forms/rules';
import { useFieldErrors } from '../../forms/use-field-errors';
import { useSubmit } from '../../forms/use-submit';
import { useT } from '../../i18n/language';
import type { SavedCard } from './card-step';
import { InstallmentChoice, useInstallmentOptions } from './installment-choice';
import { retryWait } from './retry-wait';
import { payerDefaults, rememberPayer } from './draft';
import { StepHeading } from './step-heading';
import { linkTo } from '../../page-paths';

type PayerType = ApiSchemas['Payer']['type'];

interface PayerStepProps {
  leadId: string;
  courseId: string;
  /** Absent when paying by PIX. */
  card: SavedCard | undefined;
  /** The price, shown on the pay button until the installment options have loaded. */
  amount: string;
  /** The API refused the card token (already used): the card step again, with this message. */
  onCardRefused: (message: string) => void;
}

/**
 * Step 3: the payer, then the checkout. One Idempotency-Key per submission, made when it is first
 * sent and kept for every retry of the same body, and one request in flight at a time: a double
 * click, a retry or a lost answer never makes a second checkout.
 */
export function PayerStep({ leadId, courseId, card, amount, onCardRefused }: PayerStepProps) {
  const t = useT();
  const { route } = useLocation();
  const form = useFieldErrors(payerRules);
  const defaults = payerDefaults();
  const [type, setType] = useState<PayerType>(
    defaults['payer.type'] === 'company' ? 'company' : 'individual',
  );
  const installmentOptions = useInstallmentOptions(courseId);
  const [installments, setInstallments] = useState(1);
  const chosen = installmentOptions?.find(({ count }) => count === installments);
  const total = chosen && card ? formatBrl(chosen.totalCents, t.lang) : amount;
  const submission = useRef<{ key: string; body: string }>();
  const field = (name: string, required = true) => ({
    name,
    label: (t.fields as Record<string, string>)[name] ?? '',
    error: form.errors[name],
    onBlur: form.checkField,
    required,
    defaultValue: defaults[name] ?? '',
  });

  const { sending, onSubmit } = useSubmit(form, async (element, value) => {
    const body = {
      ...checkoutBody(value, { leadId, courseId, type }),
      ...(card ? { cardToken: card.token } : { paymentMethod: { type: 'pix' as const } }),
      ...(card && installments > 1 && { installments }),
    };
    // A new key only when the buyer changed something; a repeat of the same body keeps its key.
    if (submission.current?.body !== JSON.stringify(body)) {
      submission.current = { key: newIdempotencyKey(), body: JSON.stringify(body) };
    }
    const { data, error, response } = await api.submitCheckout(body, {
      idempotencyKey: submission.current.key,
    });
    rememberPayer({
      ...Object.fromEntries(Object.keys(payerRules).map((name) => [name, value(name)])),
      'payer.type': type,
    });
    if (data) return route(linkTo.checkoutStatus(data.id));
    if (error?.checkoutId) return route(linkTo.checkoutStatus(error.checkoutId));
    if (response.status === 409 && error?.errors?.some(({ field }) => field === 'cardToken')) {
      return onCardRefused(t.checkout.cardUsed);
    }
    if (response.status === 409) return form.setFormError(t.checkout.alreadyEnrolled);
    if (response.status === 429)
      return form.setFormError(t.checkout.tooManyPayments(retryWait(t, response)));
    form.showProblem(element, error, t.loadFailed);
  });

  const documentMask = type === 'company' ? masks.cnpj : masks.cpf;
  return (
    <form noValidate onSubmit={onSubmit}>
      <StepHeading step={3} name={t.checkout.payerStep} />
      <p class="card-summary">
        {card ? t.checkout.cardSaved(brandName(card.brand), card.last4) : t.checkout.pixChosen}
      </p>
      {form.formError && <p class="notice notice-error">{form.formError}</p>}
      <fieldset class="choice">
        <legend>{t.checkout.payerType}</legend>
        {(['individual', 'company'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="payer.type"
              value={option}
              checked={type === option}
              onChange={() => setType(option)}
            />
            {t.checkout[option]}
          </label>
        ))}
      </fieldset>
      <Field {...field('payer.name')} autocomplete={type === 'company' ? 'organization' : 'name'} />
      <Field {...field('payer.email')} type="email" autocomplete="email" />
      <Field
        key={type}
        {...field('payer.document')}
        label={t.fields[`payer.document.${type}`]}
        defaultValue={
          type === (defaults['payer.type'] ?? 'individual')
            ? (defaults['payer.document'] ?? '')
            : ''
        }
        inputMode="numeric"
        mask={documentMask}
      />
      <Field {...field('payer.phone')} type="tel" autocomplete="tel-national" mask={masks.phone} />
      <fieldset>
        <legend>{t.checkout.address}</legend>
        <Field
          {...field('payer.address.postalCode')}
          autocomplete="postal-code"
          inputMode="numeric"
          mask={masks.postalCode}
        />
        <Field {...field('payer.address.street')} autocomplete="address-line1" />
        <Field {...field('payer.address.number')} />
        <Field {...field('payer.address.complement', false)} autocomplete="address-line2" />
        <Field {...field('payer.address.district')} autocomplete="address-level3" />
        <Field {...field('payer.address.city')} autocomplete="address-level2" />
        <Field
          {...field('payer.address.state')}
          autocomplete="address-level1"
          options={[
            <option key="" value="" />,
            ...states.map((uf) => (
              <option key={uf} value={uf} selected={defaults['payer.address.state'] === uf}>
                {uf}
              </option>
            )),
          ]}
        />
      </fieldset>
      {card && installmentOptions && installmentOptions.length > 1 && (
        <InstallmentChoice
          options={installmentOptions}
          count={installments}
          onChange={setInstallments}
        />
      )}
      <button type="submit" disabled={sending} aria-disabled={sending}>
        {sending ? t.checkout.paying : t.checkout.pay(total)}
      </button>
    </form>
  );
}

function checkoutBody(
  value: FormValues,
  given: { leadId: string; courseId: string; type: PayerType },
): ApiSchemas['CheckoutRequest'] {
  const complement = value('payer.address.complement');
  return {
    leadId: given.leadId,
    courseId: given.courseId,
    payer: {
      type: given.type,
      name: value('payer.name'),
      email: value('payer.email'),
      document: value('payer.document'),
      phone: value('payer.phone'),
      address: {
        postalCode: value('payer.address.postalCode'),
        street: value('payer.address.street'),
        number: value('payer.address.number'),
        ...(complement ? { complement } : {}),
        district: value('payer.address.district'),
        city: value('payer.address.city'),
        state: value('payer.address.state') as ApiSchemas['Address']['state'],
      },
    },
  };
}
