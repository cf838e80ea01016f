import { leadProblems } from './lead';

const today = new Date('2026-11-29T12:00:00Z');

describe('lead rules', () => {
  it('accepts a valid CPF and a past birth date', () => {
    expect(leadProblems({ document: '529.982.247-25', birthDate: '1990-05-17' }, today)).toEqual(
      [],
    );
  });

  it('names the CPF when its check digits are wrong', () => {
    expect(leadProblems({ document: '529.982.247-24', birthDate: '1990-05-17' }, today)).toEqual([
      { field: 'document', message: 'is not a valid CPF' },
    ]);
  });

  it('refuses a birth date of today or later', () => {
    expect(leadProblems({ document: '52998224725', birthDate: '2026-11-29' }, today)).toEqual([
      { field: 'birthDate', message: 'must be in the past' },
    ]);
  });
});
