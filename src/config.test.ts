import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('has working defaults and is frozen', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.baseUrl.toString(), 'http://localhost:3000/');
    assert.equal(config.databaseUrl, undefined);
    assert.ok(Object.isFrozen(config));
  });

  test('a wrong value stops start-up with a message naming the variable', () => {
    const cases: Record<string, string>[] = [
      { PORT: 'eighty' },
      { PORT: '70000' },
      { BASE_URL: 'localhost:3000' },
      { DATABASE_URL: 'mysql://db/bridges' },
      { SMTP_URL: 'not a url' },
      { SESSION_SECRET: 'short' },
      { LOG_LEVEL: 'loud' },
      { NODE_ENV: 'production' },
    ];
    for (const env of cases) {
      const variable = Object.keys(env)[0] === 'NODE_ENV' ? 'SESSION_SECRET' : (Object.keys(env)[0] as string);
      assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && error.variable === variable, JSON.stringify(env));
    }
  });
});
