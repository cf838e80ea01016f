import { SchemaMigration } from '@checkout/service-kit';

/** The language of the student's latest checkout, which their e-mails follow (absent before). */
export class AddStudentLanguage extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(`alter table "student" add column "language" text`);
  }
}
