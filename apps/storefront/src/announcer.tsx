import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';

const AnnouncerContext = createContext<(message: string) => void>(() => undefined);

/**
 * One polite live region for the whole app: step changes, errors and the checkout's status are
 * read out by screen readers without moving the buyer's focus.
 */
export function Announcer({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState('');
  const announce = (text: string) => {
    // Emptied first so the same words said twice are read twice.
    setMessage('');
    setTimeout(() => setMessage(text), 50);
  };
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div class="visually-hidden" role="status" aria-live="polite">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
