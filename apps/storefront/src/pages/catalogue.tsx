import { formatBrl } from '@checkout/client';
import { useCourses } from '../courses';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { linkTo } from '../page-paths';

export default function Catalogue() {
  const t = useT();
  const courses = useCourses();
  return (
    <>
      <PageHeading title={t.catalogue.title}>{t.catalogue.title}</PageHeading>
      {courses === undefined && <p>{t.loading}</p>}
      {courses === 'failed' && <p class="notice notice-error">{t.loadFailed}</p>}
      {Array.isArray(courses) && courses.length === 0 && <p>{t.catalogue.empty}</p>}
      {Array.isArray(courses) && (
        <ul class="course-list">
          {courses.map((course) => (
            <li key={course.id} class="card">
              <h2>{course.title}</h2>
              <p class="price">{formatBrl(course.priceCents, t.lang)}</p>
              <a href={linkTo.course(course.id)} aria-label={`${t.catalogue.see}: ${course.title}`}>
                {t.catalogue.see}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
