import { Router } from 'express';
import type { LeadStore } from '../../app/ports';

/** Called by financial through Dapr service invocation: the contact of a lead and its language. */
export function createMarketingInternalRouter(store: LeadStore): Router {
  return Router().get('/internal/leads/:id', async (req, res) => {
    const lead = await store.find(req.params.id);
    if (!lead) return void res.status(404).json({ found: false });
    res.json({ name: lead.name, email: lead.email, language: lead.language });
  });
}
