import { SchemaMigration } from '@checkout/service-kit';

/** An enrolment whose purchase was refunded is revoked: kept, with when, but no longer open. */
export class RevokeRefundedEnrollments extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(`alter table "enrollment" add column "revoked_at" timestamptz null`);
  }
}
