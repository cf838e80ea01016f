const { stderr } = require('node:process');

/**
 * Ends a jest run with one plain line, `tests: N passed, N failed, N skipped`, after jest's own
 * summary (on stderr, as that is): the closing line CI reads to count the tests a run executed;
 * jest's `Tests:` line, with its `total`, is not one it reads. JavaScript, as jest loads
 * reporters untransformed.
 */
class JestClosingLineReporter {
  /** @param {unknown} _contexts @param {import('@jest/reporters').AggregatedResult} results */
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    stderr.write(
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}

module.exports = JestClosingLineReporter;
