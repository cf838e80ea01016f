import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The page's (or the checkout step's) heading. It takes focus when it appears, so a screen
 * reader announces the new page or step and the next Tab goes to its first field.
 */
export function PageHeading({
  children,
  title,
  focus = true,
}: {
  children: ComponentChildren;
  title: string;
  /** False where a step heading below takes focus instead (the checkout). */
  focus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
    if (focus) ref.current?.focus();
  }, [title, focus]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
