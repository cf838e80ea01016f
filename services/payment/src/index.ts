export { paymentDatabase } from './adapters/db/payment-database';
export type { CardVault } from './app/ports';
export { createPaymentService } from './payment-service';
export { signPixWebhook } from './domain/pix-webhook-signature';
