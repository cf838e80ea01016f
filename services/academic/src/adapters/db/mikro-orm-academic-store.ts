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

async function findStudentByEmail(em: EntityManager, email: string): Promise<Student | undefined> {
  const row = await em.findOne(StudentEntity, { email });
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    ...(row.passwordHash && { passwordHash: row.passwordHash }),
  };
}

function academicTransaction({ em, publish }: Transaction): AcademicTransaction {
  return {
    findStudentByEmail: (email) => findStudentByEmail(em, email),
    addStudent: (student) => {
      em.create(StudentEntity, { passwordHash: null, ...student });
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
    addSession: async (session) => {
      await orm.em.fork().insert(SessionEntity, session);
    },
    findSessionStudent: async (tokenHash, now) =>
      (await orm.em.fork().findOne(SessionEntity, { tokenHash, expiresAt: { $gt: now } }))
        ?.studentId,
    listEnrollments: async (studentId) => {
      const rows = await orm.em
        .fork()
        .find(EnrollmentEntity, { studentId }, { orderBy: { enrolledAt: 'asc' } });
      return rows.map(({ courseId, status, enrolledAt }) => ({ courseId, status, enrolledAt }));
    },
  };
}
