import { LRUCache } from 'lru-cache';
import type { Course, CourseCatalogue } from '../../app/ports';

/**
 * Financial's catalogue as marketing keeps it, so that leads keep registering while financial
 * restarts: a course found is remembered for `ttlMs` and, past that, still used while financial
 * cannot be asked again. Lookups of one course at once share one call. A course not found is asked again each time, so a course just put on
 * sale is seen at once. lru-cache (isaacs, the cache npm itself uses) does the expiry and sharing.
 */
export function cachedCourseCatalogue(catalogue: CourseCatalogue, ttlMs: number): CourseCatalogue {
  const courses = new LRUCache<string, Course>({
    max: 1000,
    ttl: ttlMs,
    // Kept past its time-to-live when asking again fails, for the fallback below.
    noDeleteOnFetchRejection: true,
    noDeleteOnStaleGet: true,
    fetchMethod: (id) => catalogue.findCourse(id),
  });
  return {
    findCourse: async (id) => {
      try {
        return await courses.fetch(id);
      } catch (error) {
        // The library's own stale fallback would answer "no such course" when it has none.
        const known = courses.get(id, { allowStale: true });
        if (known) return known;
        throw error;
      }
    },
  };
}
