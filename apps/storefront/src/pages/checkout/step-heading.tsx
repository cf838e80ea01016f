import { useEffect, useRef } from 'preact/hooks';
import { useAnnounce } from '../../announcer';
import { useT } from '../../i18n/language';

/** A checkout step's heading: it takes focus and is announced when the step appears. */
export function StepHeading({ step, name }: { step: 1 | 2 | 3; name: string }) {
  const t = useT();
  const announce = useAnnounce();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    announce(`${t.checkout.stepOf(step)}: ${name}`);
    // Once per step: a language switch re-renders the words, not the focus.
  }, [step]);
  return (
    <h2 ref={ref} tabIndex={-1}>
      <span class="step-number">{t.checkout.stepOf(step)}</span> {name}
    </h2>
  );
}
