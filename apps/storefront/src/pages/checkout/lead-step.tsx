import { api } from '../../api';
import { Field } from '../../forms/field';
import { masks } from '../../forms/masks';
import { isoDate, leadRules } from '../../forms/rules';
import { useFieldErrors } from '../../forms/use-field-errors';
import { useSubmit } from '../../forms/use-submit';
import { useLanguage } from '../../i18n/language';
import { payerDefaults, rememberPayer } from './draft';
import { StepHeading } from './step-heading';

/** Step 1: the buyer's details become a lead (POST /leads answers the open one if it exists). */
export function LeadStep({
  courseId,
  onDone,
}: {
  courseId: string;
  onDone: (leadId: string) => void;
}) {
  const { t, language } = useLanguage();
  const form = useFieldErrors(leadRules);
  const field = (name: string) => ({
    name,
    label: t.fields[name as keyof typeof t.fields],
    error: form.errors[name],
    onBlur: form.checkField,
    required: true,
  });

  const { sending, onSubmit } = useSubmit(form, async (element, value) => {
    const body = {
      name: value('name'),
      email: value('email'),
      document: value('document'),
      birthDate: isoDate(value('birthDate')) ?? '',
      phone: value('phone'),
      courseId,
    };
    // The buyer's e-mails (the reminder, the access) come in the language they read the page in.
    const { data, error } = await api.POST('/leads', { body: { ...body, language } });
    if (!data) return form.showProblem(element, error, t.loadFailed);
    // The payer is most often the buyer: the payer step starts from these details.
    if (!payerDefaults()['payer.name']) {
      rememberPayer({
        'payer.name': body.name,
        'payer.email': body.email,
        'payer.document': body.document,
        'payer.phone': body.phone,
      });
    }
    onDone(data.id);
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <StepHeading step={1} name={t.checkout.leadStep} />
      {form.formError && <p class="notice notice-error">{form.formError}</p>}
      <Field {...field('name')} autocomplete="name" />
      <Field {...field('email')} type="email" autocomplete="email" />
      <Field
        {...field('document')}
        inputMode="numeric"
        mask={masks.cpf}
        placeholder="000.000.000-00"
      />
      <Field {...field('birthDate')} inputMode="numeric" autocomplete="bday" mask={masks.date} />
      <Field
        {...field('phone')}
        type="tel"
        autocomplete="tel-national"
        mask={masks.phone}
        placeholder="(11) 91234-5678"
      />
      <button type="submit" disabled={sending}>
        {t.checkout.continue}
      </button>
    </form>
  );
}
