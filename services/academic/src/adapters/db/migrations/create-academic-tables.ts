import { messagingTablesSql, SchemaMigration } from '@checkout/service-kit';

export class CreateAcademicTables extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      `create table "student" ("id" text primary key, "name" text not null, "email" text not null unique,
         "password_hash" text, "created_at" timestamptz not null)`,
      `create table "enrollment" ("student_id" text not null references "student", "course_id" text not null,
         "status" text not null, "enrolled_at" timestamptz not null, primary key ("student_id", "course_id"))`,
      `create table "activation" ("token_hash" text primary key, "student_id" text not null references "student",
         "expires_at" timestamptz not null, "used_at" timestamptz)`,
      `create table "session" ("token_hash" text primary key, "student_id" text not null references "student",
         "expires_at" timestamptz not null)`,
    );
  }
}
