import { messagingTablesSql, SchemaMigration } from '@checkout/service-kit';

export class CreateFinancialTables extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      `create table "course" ("id" text primary key, "title" text not null,
         "price_cents" int not null check ("price_cents" > 0), "currency" text not null)`,
      `create table "checkout" ("id" text primary key, "lead_id" text not null, "course_id" text not null
         references "course", "course_title" text not null, "card_token" text not null,
         "amount_cents" int not null, "currency" text not null, "status" text not null,
         "decline_reason" text, "attempts" int not null, "student" jsonb not null, "payer" jsonb not null,
         "created_at" timestamptz not null, "updated_at" timestamptz not null)`,
      `create table "idempotency_record" ("key" text primary key, "fingerprint" text not null,
         "status" int not null, "body" jsonb not null, "created_at" timestamptz not null)`,
      `insert into "course" values
         ('typescript-fundamentals', 'Fundamentos de TypeScript', 29700, 'BRL'),
         ('kubernetes-for-developers', 'Kubernetes para desenvolvedores', 49700, 'BRL'),
         ('event-driven-architecture', 'Arquitetura orientada a eventos', 39700, 'BRL')`,
    );
  }
}
