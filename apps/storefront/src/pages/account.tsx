import type { ApiSchemas } from '@checkout/client';
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useCourses } from '../courses';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { pagePaths } from '../page-paths';
import { accessToken, forgetAccessToken } from '../session';

type Enrollments = ApiSchemas['Enrollment'][];

/** My courses: the signed-in student's enrolments, named from the catalogue. */
export default function Account() {
  const t = useT();
  const { route } = useLocation();
  const courses = useCourses();
  const [token, setToken] = useState(accessToken());
  const [enrollments, setEnrollments] = useState<Enrollments | 'failed'>();

  useEffect(() => {
    if (!token) return;
    api
      .GET('/me/enrollments', { headers: { Authorization: `Bearer ${token}` } })
      .then(({ data, response }) => {
        if (data) return setEnrollments(data.items);
        // An expired session is forgotten; the student signs in again.
        if (response.status === 401) {
          forgetAccessToken();
          return setToken(undefined);
        }
        setEnrollments('failed');
      })
      .catch(() => setEnrollments('failed'));
  }, [token]);

  // The session ends on the server first, so the token is worthless wherever it was copied.
  const signOut = async () => {
    if (token) {
      await api
        .DELETE('/sessions/current', { headers: { Authorization: `Bearer ${token}` } })
        .catch(() => undefined);
    }
    forgetAccessToken();
    route(`${pagePaths.signIn}?signedOut`);
  };
  const titleOf = (courseId: string) =>
    (Array.isArray(courses) && courses.find(({ id }) => id === courseId)?.title) || courseId;
  const dateOf = (iso: string) => new Intl.DateTimeFormat(t.lang).format(new Date(iso));

  return (
    <>
      <PageHeading title={`${t.account.title} · ${t.shopName}`}>{t.account.title}</PageHeading>
      {!token && (
        <p class="notice">
          {t.account.signInFirst} <a href={pagePaths.signIn}>{t.signIn.title}</a>
        </p>
      )}
      {token && enrollments === undefined && <p>{t.loading}</p>}
      {token && enrollments === 'failed' && <p class="notice notice-error">{t.loadFailed}</p>}
      {token && Array.isArray(enrollments) && (
        <>
          {enrollments.length === 0 && <p>{t.account.empty}</p>}
          <ul class="course-list">
            {enrollments.map((enrollment) => (
              <li key={enrollment.courseId} class="card">
                <h2>{titleOf(enrollment.courseId)}</h2>
                <p>{t.account.since(dateOf(enrollment.enrolledAt))}</p>
                {enrollment.status === 'revoked' && <p>{t.account.revoked}</p>}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void signOut()}>
            {t.account.signOut}
          </button>
        </>
      )}
    </>
  );
}
