import {
  inboxOf,
  sqlOf,
  type Database,
  type Sql,
  type Transaction,
  type TransactionRunner,
} from '@checkout/service-kit';
import type { Language } from '@checkout/contracts';
import type { AcademicStore, AcademicTransaction } from '../../app/ports';
import type { Enrollment, Student } from '../../domain/student';

interface StudentRow {
  id: string;
  name: string;
  email: string;
  password_hash: string | null;
  language: Language | null;
}

/** A student by e-mail; `forUpdate` locks the row until the transaction ends. */
async function findStudentByEmail(
  sql: Sql,
  email: string,
  forUpdate = false,
): Promise<Student | undefined> {
  const [row] = await sql.rows<StudentRow>(
    `select "id", "name", "email", "password_hash", "language" from "academic"."student"
      where "email" = $1${forUpdate ? ' for update' : ''}`,
    [email],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    ...(row.password_hash && { passwordHash: row.password_hash }),
    ...(row.language && { language: row.language }),
  };
}

function academicTransaction({ sql, publish }: Transaction): AcademicTransaction {
  return {
    findStudentByEmail: (email) => findStudentByEmail(sql, email, true),
    addStudent: async ({ id, name, email, passwordHash, language }) => {
      await sql.run(
        `insert into "academic"."student" ("id", "name", "email", "password_hash", "language", "created_at")
          values ($1, $2, $3, $4, $5, $6)`,
        [id, name, email, passwordHash ?? null, language ?? null, new Date()],
      );
    },
    setLanguage: async (studentId, language) => {
      await sql.run(`update "academic"."student" set "language" = $2 where "id" = $1`, [
        studentId,
        language,
      ]);
    },
    // A revoked enrolment (its purchase refunded) opens again when the course is bought again.
    addEnrollment: async (studentId, courseId) =>
      (await sql.run(
        `insert into "academic"."enrollment" ("student_id", "course_id", "status", "enrolled_at")
          values ($1, $2, 'active', $3)
          on conflict ("student_id", "course_id") do update
            set "status" = 'active', "enrolled_at" = excluded."enrolled_at", "revoked_at" = null
            where "enrollment"."status" = 'revoked'`,
        [studentId, courseId, new Date()],
      )) > 0,
    revokeEnrollment: async (studentId, courseId, at) =>
      (await sql.run(
        `update "academic"."enrollment" set "status" = 'revoked', "revoked_at" = $3
          where "student_id" = $1 and "course_id" = $2 and "status" = 'active'`,
        [studentId, courseId, at],
      )) > 0,
    // One statement: the delete sees the table as it was before, never the new row.
    replaceUnusedLinks: async ({ tokenHash, studentId, expiresAt }) => {
      await sql.run(
        `with revoked as (
          delete from "academic"."activation" where "student_id" = $2 and "used_at" is null)
        insert into "academic"."activation" ("token_hash", "student_id", "expires_at", "used_at")
          values ($1, $2, $3, null)`,
        [tokenHash, studentId, expiresAt],
      );
    },
    useActivation: async (tokenHash, now) => {
      const [row] = await sql.rows<{ student_id: string }>(
        `update "academic"."activation" set "used_at" = $2
          where "token_hash" = $1 and "used_at" is null and "expires_at" > $2
          returning "student_id"`,
        [tokenHash, now],
      );
      return row?.student_id;
    },
    setPassword: async (studentId, passwordHash) => {
      await sql.run(`update "academic"."student" set "password_hash" = $2 where "id" = $1`, [
        studentId,
        passwordHash,
      ]);
    },
    endSessions: async (studentId) => {
      await sql.run(`delete from "academic"."session" where "student_id" = $1`, [studentId]);
    },
    publish,
  };
}

/** Academic's tables in plain SQL: enrolling a buyer runs for every approved checkout. */
export function createSqlAcademicStore(
  orm: Database,
  transactions: TransactionRunner,
): AcademicStore {
  const sql = sqlOf(orm);
  return {
    transaction: (work) => transactions.run((tx) => work(academicTransaction(tx))),
    ...inboxOf(transactions, academicTransaction),
    findStudentByEmail: (email) => findStudentByEmail(sql, email),
    replacePasswordHash: async (studentId, previous, next) => {
      await sql.run(
        `update "academic"."student" set "password_hash" = $3
          where "id" = $1 and "password_hash" = $2`,
        [studentId, previous, next],
      );
    },
    addSession: async ({ tokenHash, studentId, expiresAt }) => {
      await sql.run(
        `insert into "academic"."session" ("token_hash", "student_id", "expires_at") values ($1, $2, $3)`,
        [tokenHash, studentId, expiresAt],
      );
    },
    findSessionStudent: async (tokenHash, now) => {
      const [row] = await sql.rows<{ student_id: string }>(
        `select "student_id" from "academic"."session" where "token_hash" = $1 and "expires_at" > $2`,
        [tokenHash, now],
      );
      return row?.student_id;
    },
    endSession: async (tokenHash, now) =>
      (await sql.run(
        `delete from "academic"."session" where "token_hash" = $1 and "expires_at" > $2`,
        [tokenHash, now],
      )) > 0,
    listEnrollments: async (studentId) =>
      (
        await sql.rows<{ course_id: string; status: Enrollment['status']; enrolled_at: Date }>(
          `select "course_id", "status", "enrolled_at" from "academic"."enrollment"
            where "student_id" = $1 order by "enrolled_at"`,
          [studentId],
        )
      ).map((row) => ({
        courseId: row.course_id,
        status: row.status,
        enrolledAt: row.enrolled_at,
      })),
  };
}
