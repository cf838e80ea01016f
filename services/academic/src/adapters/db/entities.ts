import type { EnrollmentStatus } from '../../domain/student';
import type { Language } from '@checkout/contracts';
import { defineEntity } from '@mikro-orm/core';

export const StudentEntity = defineEntity({
  name: 'Student',
  tableName: 'student',
  properties: (p) => ({
    id: p.text().primary(),
    name: p.text(),
    email: p.text().unique('student_email_key'),
    passwordHash: p.text().nullable(),
    language: p.text().$type<Language>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

export const EnrollmentEntity = defineEntity({
  name: 'Enrollment',
  tableName: 'enrollment',
  properties: (p) => ({
    studentId: p
      .manyToOne(StudentEntity)
      .mapToPk()
      .primary()
      .fieldName('student_id')
      .foreignKeyName('enrollment_student_id_fkey')
      .updateRule('no action'),
    courseId: p.text().primary(),
    status: p.text().$type<EnrollmentStatus>(),
    enrolledAt: p.datetime(),
    // When a refund took the course back (0006).
    revokedAt: p.datetime().nullable(),
  }),
  primaryKeys: ['studentId', 'courseId'],
});

/**
 * One-time links (activation and password reset alike) and sign-in sessions, both kept only as
 * token hashes.
 */
export const ActivationEntity = defineEntity({
  name: 'Activation',
  tableName: 'activation',
  properties: (p) => ({
    tokenHash: p.text().primary(),
    studentId: p
      .manyToOne(StudentEntity)
      .mapToPk()
      .fieldName('student_id')
      .foreignKeyName('activation_student_id_fkey')
      .updateRule('no action'),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  }),
});

export const SessionEntity = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: (p) => ({
    tokenHash: p.text().primary(),
    studentId: p
      .manyToOne(StudentEntity)
      .mapToPk()
      .fieldName('student_id')
      .foreignKeyName('session_student_id_fkey')
      .updateRule('no action'),
    expiresAt: p.datetime(),
  }),
});
