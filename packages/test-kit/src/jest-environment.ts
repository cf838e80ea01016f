import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { dropTestDatabases } from './test-database';

/**
 * Node's jest environment, plus: the databases a test file creates (createTestDatabase) are
 * dropped when the file is done, after its own afterAll hooks, whether it passed or not.
 */
export default class TestKitEnvironment extends TestEnvironment {
  private readonly databases: string[] = [];

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.global.testDatabasesOfThisFile = this.databases;
  }

  override async teardown(): Promise<void> {
    try {
      await dropTestDatabases(this.databases);
    } finally {
      await super.teardown();
    }
  }
}
