import { expectSteadyFor } from '../src';

describe('expectSteadyFor', () => {
  it('passes when what it watches holds for the whole stretch', async () => {
    await expect(expectSteadyFor('the count to stay 1', () => true, 100)).resolves.toBeUndefined();
  });

  it('fails, naming what broke, as soon as it no longer holds', async () => {
    const startedAt = Date.now();
    let checks = 0;
    await expect(expectSteadyFor('the count to stay 1', () => ++checks < 3, 5000)).rejects.toThrow(
      'the count to stay 1: no longer so within 5000 ms',
    );
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });

  it('fails with the error of a check that throws', async () => {
    const check = () => Promise.reject(new Error('database gone'));
    await expect(expectSteadyFor('the rows to stay', check, 1000)).rejects.toThrow('database gone');
  });
});
