import { leadProblems } from './lead';

const today = new Date('2026-11-29T12:00:00Z');
const valid = { name: 'Ana Souza', document: '529.982.247-25', birthDate: '1990-05-17' };

describe('lead rules', () => {
  it('accepts a name, a valid CPF and a past birth date', () => {
    expect(leadProblems(valid, today)).toEqual([]);
  });

  it('names the name when it is only spaces', () => {
    expect(leadProblems({ ...valid, name: ' \t  ' }, today)).toEqual([
      { field: 'name', message: 'must not be blank' },
    ]);
  });

  it('names the CPF when its check digits are wrong', () => {
    expect(leadProblems({ ...valid, document: '529.982.247-24' }, today)).toEqual([
      { field: 'document', message: 'is not a valid CPF' },
    ]);
  });

  it('refuses a birth date of today or later', () => {
    expect(leadProblems({ ...valid, birthDate: '2026-11-29' }, today)).toEqual([
      { field: 'birthDate', message: 'must be in the past' },
    ]);
  });
});
