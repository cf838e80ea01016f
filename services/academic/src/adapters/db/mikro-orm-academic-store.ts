import {
  inboxOf,
  insertIfAbsent,
  type Database,
  type Transaction,
  type TransactionRunner,
} from '@checkout/service-kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AcademicStore, AcademicTransaction } from '../../app/ports';
import type { Student } from '../../domain/student';
import { ActivationEntity, EnrollmentEntity, SessionEntity, StudentEntity } from './entities';

async function findStudentByEmail(
  em: EntityManager,
  email: string,
  lockMode?: LockMode,
): Promise<Student | undefined> {
  const row = await em.findOne(StudentEntity, { email }, { ...(lockMode && { lockMode }) });
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    ...(row.passwordHash && { passwordHash: row.passwordHash }),
    ...(row.language && { language: row.language }),
  };
}

function academicTransaction({ em, publish }: Transaction): AcademicTransaction {
  return {
    findStudentByEmail: (email) => findStudentByEmail(em, email, LockMode.PESSIMISTIC_WRITE),
    addStudent: (student) => {
      em.create(StudentEntity, { passwordHash: null, language: null, ...student });
    },
    setLanguage: async (studentId, language) => {
      await em.nativeUpdate(StudentEntity, { id: studentId }, { language });
    },
    addEnrollment: (studentId, courseId) =>
      insertIfAbsent(em, EnrollmentEntity, {
        studentId,
        courseId,
        status: 'active',
        enrolledAt: new Date(),
      }),
    addActivation: (activation) => {
      em.create(ActivationEntity, { ...activation, usedAt: null });
    },
    revokeUnusedLinks: async (studentId) => {
      await em.nativeDelete(ActivationEntity, { studentId, usedAt: null });
    },
    useActivation: async (tokenHash, now) => {
      const activation = await em.findOne(
        ActivationEntity,
        { tokenHash, usedAt: null, expiresAt: { $gt: now } },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!activation) return undefined;
      activation.usedAt = now;
      return activation.studentId;
    },
    setPassword: async (studentId, passwordHash) => {
      await em.nativeUpdate(StudentEntity, { id: studentId }, { passwordHash });
    },
    endSessions: async (studentId) => {
      await em.nativeDelete(SessionEntity, { studentId });
    },
    publish,
  };
}

export function createMikroOrmAcademicStore(
  orm: Database,
  transactions: TransactionRunner,
): AcademicStore {
  return {
    transaction: (work) => transactions.run((tx) => work(academicTransaction(tx))),
    ...inboxOf(transactions, academicTransaction),
    findStudentByEmail: (email) => findStudentByEmail(orm.em.fork(), email),
    replacePasswordHash: async (studentId, previous, next) => {
      await orm.em
        .fork()
        .nativeUpdate(
          StudentEntity,
          { id: studentId, passwordHash: previous },
          { passwordHash: next },
        );
    },
    addSession: async (session) => {
      await orm.em.fork().insert(SessionEntity, session);
    },
    findSessionStudent: async (tokenHash, now) =>
      (await orm.em.fork().findOne(SessionEntity, { tokenHash, expiresAt: { $gt: now } }))
        ?.studentId,
    endSession: async (tokenHash, now) =>
      (await orm.em.fork().nativeDelete(SessionEntity, { tokenHash, expiresAt: { $gt: now } })) > 0,
    listEnrollments: async (studentId) => {
      const rows = await orm.em
        .fork()
        .find(EnrollmentEntity, { studentId }, { orderBy: { enrolledAt: 'asc' } });
      return rows.map(({ courseId, status, enrolledAt }) => ({ courseId, status, enrolledAt }));
    },
  };
}
