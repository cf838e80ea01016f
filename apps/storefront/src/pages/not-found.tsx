import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';

export default function NotFound() {
  const t = useT();
  return (
    <>
      <PageHeading title={t.notFound.title}>{t.notFound.title}</PageHeading>
      <p>{t.notFound.text}</p>
      <a href="/">{t.notFound.back}</a>
    </>
  );
}
