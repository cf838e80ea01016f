import { defineEntity } from '@mikro-orm/core';

export const StudentEntity = defineEntity({
  name: 'Student',
  tableName: 'student',
  properties: (p) => ({
    id: p.string().primary(),
    name: p.string(),
    email: p.string().unique(),
    passwordHash: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export const EnrollmentEntity = defineEntity({
  name: 'Enrollment',
  tableName: 'enrollment',
  properties: (p) => ({
    studentId: p.string().primary(),
    courseId: p.string().primary(),
    status: p.string().$type<'active'>(),
    enrolledAt: p.datetime(),
  }),
  primaryKeys: ['studentId', 'courseId'],
});

/** One-time activation links and sign-in sessions, both kept only as token hashes. */
export const ActivationEntity = defineEntity({
  name: 'Activation',
  tableName: 'activation',
  properties: (p) => ({
    tokenHash: p.string().primary(),
    studentId: p.string(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  }),
});

export const SessionEntity = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: (p) => ({
    tokenHash: p.string().primary(),
    studentId: p.string(),
    expiresAt: p.datetime(),
  }),
});
