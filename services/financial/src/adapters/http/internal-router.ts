import { Router } from 'express';
import type { FinancialStore } from '../../app/ports';

/** Called by marketing through Dapr service invocation: a course of the catalogue. */
export function createFinancialInternalRouter(store: FinancialStore): Router {
  return Router().get('/internal/courses/:id', async (req, res) => {
    const course = await store.findCourse(req.params.id);
    if (!course) return void res.status(404).json({ found: false });
    res.json(course);
  });
}
