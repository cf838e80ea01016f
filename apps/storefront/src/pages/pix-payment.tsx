import type { ApiSchemas } from '@checkout/client';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/language';

/**
 * What the payer pays a PIX charge with: the QR code, the "copia e cola" code with a copy
 * button, and until when. The SVG is our own server's, shown as an image from a data: URL, so
 * nothing in it can run in the page.
 */
export function PixPayment({ pix }: { pix: NonNullable<ApiSchemas['Checkout']['pix']> }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const until = new Intl.DateTimeFormat(t.lang, { timeStyle: 'short' }).format(
    new Date(pix.expiresAt),
  );
  const copy = async () => {
    await navigator.clipboard.writeText(pix.brCode);
    setCopied(true);
  };
  return (
    <section class="pix" aria-labelledby="pix-title">
      <h2 id="pix-title">{t.status.pixTitle}</h2>
      <p>{t.status.pixScan}</p>
      <img
        class="pix-qr-code"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pix.qrCodeSvg)}`}
        alt={t.status.pixQrCode}
        width={240}
        height={240}
      />
      <label for="pix-code">{t.status.pixCode}</label>
      <textarea id="pix-code" readOnly rows={4} value={pix.brCode} />
      <button type="button" onClick={() => void copy().catch(() => setCopied(false))}>
        {t.status.pixCopy}
      </button>
      <p role="status">{copied ? t.status.pixCopied : ''}</p>
      <p>{t.status.pixExpires(until)}</p>
    </section>
  );
}
