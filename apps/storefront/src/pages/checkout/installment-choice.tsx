import { formatBrl, installmentsLabel, type ApiSchemas } from '@checkout/client';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { fieldId } from '../../forms/field';
import { useT } from '../../i18n/language';

export type InstallmentOption = ApiSchemas['InstallmentOption'];

/** The course's installment options; undefined while loading or when they could not be read. */
export function useInstallmentOptions(courseId: string): InstallmentOption[] | undefined {
  const [options, setOptions] = useState<InstallmentOption[]>();
  useEffect(() => {
    api.GET('/courses/{id}/installments', { params: { path: { id: courseId } } }).then(
      ({ data }) => setOptions(data?.items),
      () => setOptions(undefined),
    );
  }, [courseId]);
  return options;
}

interface InstallmentChoiceProps {
  options: InstallmentOption[];
  count: number;
  onChange: (count: number) => void;
}

/** How many installments to pay in, each option with its total, as the API computed it. */
export function InstallmentChoice({ options, count, onChange }: InstallmentChoiceProps) {
  const t = useT();
  const id = fieldId('installments');
  return (
    <div class="field">
      <label for={id}>{t.checkout.installments}</label>
      <select
        id={id}
        name="installments"
        value={String(count)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {options.map((option) => (
          <option key={option.count} value={String(option.count)}>
            {t.checkout.installmentOption(
              installmentsLabel(option.count, option.installmentCents, t.lang),
              formatBrl(option.totalCents, t.lang),
              option.interestFree,
            )}
          </option>
        ))}
      </select>
    </div>
  );
}
