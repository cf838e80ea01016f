import { setTimeout as sleep } from 'node:timers/promises';
import type { Course } from '../../app/ports';
import { cachedCourseCatalogue } from './cached-course-catalogue';

/** Financial's catalogue as the cache sees it: it counts the lookups and can be made to fail. */
function financialCatalogue(courses: Course[]) {
  const state = { calls: 0, down: false };
  return {
    state,
    findCourse: async (id: string) => {
      state.calls++;
      await sleep(5);
      if (state.down) throw new Error('financial is unavailable');
      return courses.find((course) => course.id === id);
    },
  };
}

const course = { id: 'ts-101', title: 'TypeScript' };

describe("marketing's copy of the course catalogue", () => {
  it('asks financial once for a burst of lookups of one course, then remembers it', async () => {
    const financial = financialCatalogue([course]);
    const catalogue = cachedCourseCatalogue(financial, 60_000);
    const found = await Promise.all(
      Array.from({ length: 10 }, () => catalogue.findCourse('ts-101')),
    );
    expect(found).toEqual(Array(10).fill(course));
    expect(await catalogue.findCourse('ts-101')).toEqual(course);
    expect(financial.state.calls).toBe(1);
  });

  it('keeps answering with a course it knows while financial is down', async () => {
    const financial = financialCatalogue([course]);
    const catalogue = cachedCourseCatalogue(financial, 20);
    await catalogue.findCourse('ts-101');
    financial.state.down = true;
    await sleep(40); // past the time-to-live: the lookup asks financial again, which fails
    expect(await catalogue.findCourse('ts-101')).toEqual(course);
    expect(financial.state.calls).toBe(2);
  });

  it('asks again for a course it did not find, and fails when financial is down for it', async () => {
    const financial = financialCatalogue([]);
    const catalogue = cachedCourseCatalogue(financial, 60_000);
    expect(await catalogue.findCourse('new')).toBeUndefined();
    expect(await catalogue.findCourse('new')).toBeUndefined();
    expect(financial.state.calls).toBe(2);
    financial.state.down = true;
    await expect(catalogue.findCourse('new')).rejects.toThrow('financial is unavailable');
  });
});
