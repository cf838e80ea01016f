import { formatBrl } from '@checkout/client';
import { useRoute } from 'preact-iso';
import { useCourses } from '../courses';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { linkTo } from '../page-paths';

/** The course, its price and a buy button; the decline e-mail's "try again" link lands here. */
export default function Course() {
  const t = useT();
  const { params } = useRoute();
  const courses = useCourses();
  if (courses === undefined) return <p>{t.loading}</p>;
  if (courses === 'failed') return <p class="notice notice-error">{t.loadFailed}</p>;
  const course = courses.find(({ id }) => id === params.id);
  if (!course) {
    return <PageHeading title={t.course.notFound}>{t.course.notFound}</PageHeading>;
  }
  return (
    <article class="card">
      <PageHeading title={`${course.title} · ${t.shopName}`}>{course.title}</PageHeading>
      <p class="price">
        <span class="visually-hidden">{t.course.price}: </span>
        {formatBrl(course.priceCents, t.lang)}
      </p>
      <a class="button" href={linkTo.checkout(course.id)}>
        {t.course.buy}
      </a>
    </article>
  );
}
