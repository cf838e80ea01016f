// main.ts imports this first: the instrumentations patch only what is required after it runs.
import { startTracing } from '@checkout/service-kit/src/tracing/start-tracing';

startTracing('academic');
