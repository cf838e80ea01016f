import { SchemaMigration } from '@checkout/service-kit';

/** The trace of the event an e-mail reports, which its SMTP send continues (null untraced). */
export class KeepEmailTraceparent extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(`alter table "email_delivery" add column "traceparent" text`);
  }
}
