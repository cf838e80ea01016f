// Imported first by main.ts and worker.ts: the instrumentations patch only what is required after
// it runs. One process hosts all six services, so spans name theirs in `checkout.service`.
import { startTracing } from '@checkout/service-kit/src/tracing/start-tracing';

startTracing('course-checkout');
