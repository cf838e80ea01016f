import type { ApiSchemas } from '@checkout/client';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

type Course = ApiSchemas['Course'];
let catalogue: Promise<Course[]> | undefined;

/** The catalogue, asked for once per visit: every page that names a course reads it. */
function loadCourses(): Promise<Course[]> {
  catalogue ??= api.GET('/courses').then(({ data }) => {
    if (!data) throw new Error('the catalogue did not load');
    return data.items;
  });
  // A failed load is asked for again by the next page that needs it.
  catalogue.catch(() => (catalogue = undefined));
  return catalogue;
}

/** The courses, undefined while loading, or 'failed'. */
export function useCourses(): Course[] | undefined | 'failed' {
  const [courses, setCourses] = useState<Course[] | 'failed'>();
  useEffect(() => {
    loadCourses().then(setCourses, () => setCourses('failed'));
  }, []);
  return courses;
}
