import { freePort } from '@checkout/local-infra';
import {
  buyCourse,
  startTestPlatform,
  testCards,
  waitForOutcome,
  type TestPlatform,
} from '@checkout/test-kit';
import {
  alertRules,
  checkPromql,
  exportedSeries,
  promqlExpressions,
  renderChart,
  withMonitoring,
} from '../src';

/**
 * The alerts' and the dashboard's PromQL against what the services really export: the platform
 * runs as `npm start` does, one course is bought, and its metrics port is scraped.
 */
let platform: TestPlatform;
let exported: Set<string>;

beforeAll(async () => {
  const metricsPort = await freePort();
  platform = await startTestPlatform({ METRICS_PORT: String(metricsPort) });
  const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
  await waitForOutcome(platform.api, journey.checkout.data!.id);
  await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
  const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  exported = exportedSeries(await scrape.text());
}, 180_000);

afterAll(() => platform?.stop());

const manifests = renderChart('default', withMonitoring);

describe('the PromQL of the alerts and the dashboard', () => {
  it('parses, and selects only series the services export', () => {
    const expressions = promqlExpressions(manifests);
    expect(expressions.length).toBeGreaterThan(20);
    const problems = expressions
      .map(({ where, expr }) => ({ where, ...checkPromql(expr, exported) }))
      .filter((found) => found.syntaxErrorsAt.length > 0 || found.unknownSeries.length > 0);
    expect(problems).toEqual([]);
  });

  it('catches a misspelt series and a broken expression in an alert', () => {
    const [rule] = alertRules(manifests);
    const misspelt = rule!.expr.replace('checkout_', 'checkout_x');
    expect(checkPromql(misspelt, exported).unknownSeries).toEqual([
      expect.stringMatching(/^checkout_x/),
    ]);
    expect(checkPromql(`sum(rate(${rule!.expr}`, exported).syntaxErrorsAt).not.toEqual([]);
  });

  it('counts a histogram as its _bucket, _sum and _count series', () => {
    for (const suffix of ['_bucket', '_sum', '_count'])
      expect(exported).toContain(`checkout_decision_seconds${suffix}`);
    expect(exported).not.toContain('checkout_decision_seconds');
  });
});
