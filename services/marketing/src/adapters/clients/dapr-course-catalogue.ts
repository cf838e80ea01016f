import { invokeApp, type DaprSidecar } from '@checkout/service-kit';
import type { CourseCatalogue } from '../../app/ports';

/** Financial's catalogue, through Dapr service invocation; an unreachable financial is a 503. */
export function daprCourseCatalogue(sidecar: DaprSidecar): CourseCatalogue {
  return {
    findCourse: async (id) => {
      const response = await invokeApp(
        sidecar,
        'financial',
        `internal/courses/${encodeURIComponent(id)}`,
      );
      if (response.status === 404) return undefined;
      if (response.status !== 200) throw new Error(`financial answered HTTP ${response.status}`);
      const { title } = response.body as { title: string };
      return { id, title };
    },
  };
}
