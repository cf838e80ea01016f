import type { HttpProblem } from './problem';

/** An expected failure of a use case: a value naming its reason, never a throw. */
export interface Failure {
  reason: string;
}

/**
 * A router's one table from the reasons its use cases fail for to the problems it answers. The
 * mapped type makes the table name every reason, and gives each entry that failure's own fields.
 */
export type ProblemTable<F extends Failure> = {
  [R in F['reason']]: (failure: Extract<F, { reason: R }>) => HttpProblem;
};

/** The problem a router's table gives a failure. */
export function problemFor<F extends Failure>(table: ProblemTable<F>, failure: F): HttpProblem {
  const toProblem = table[failure.reason as F['reason']] as (failure: F) => HttpProblem;
  return toProblem(failure);
}
