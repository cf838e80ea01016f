import { SchemaMigration } from '@checkout/service-kit';

/** When the event behind an e-mail happened, to measure how long the e-mail took to go out. */
export class KeepEventOccurredAt extends SchemaMigration {
  override up(): void {
    // Null for e-mails queued before the column existed.
    this.inServiceSchema(`alter table "email_delivery" add column "event_occurred_at" timestamptz`);
  }
}
