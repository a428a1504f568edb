import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('reads the environment', () => {
    const config = loadConfig({}, { DATABASE_URL: 'sqlite:/tmp/a.db', PORT: '4000' });
    expect(config.databaseUrl).toBe('sqlite:/tmp/a.db');
    expect(config.port).toBe(4000);
  });

  it('lets a given override win over the environment', () => {
    const config = loadConfig({ databaseUrl: 'sqlite:/tmp/b.db' }, { DATABASE_URL: 'sqlite:/tmp/a.db' });
    expect(config.databaseUrl).toBe('sqlite:/tmp/b.db');
  });

  // The CLI passes { databaseUrl: undefined } when --database-url is not given: DATABASE_URL must still count.
  it('keeps the environment when an override is undefined or empty', () => {
    const config = loadConfig(
      { databaseUrl: undefined, host: '' },
      { DATABASE_URL: 'sqlite:/tmp/a.db', HOST: '0.0.0.0' },
    );
    expect(config.databaseUrl).toBe('sqlite:/tmp/a.db');
    expect(config.host).toBe('0.0.0.0');
  });

  it('uses the defaults when nothing is set', () => {
    const config = loadConfig({}, {});
    expect(config.databaseUrl).toBe('sqlite:./data/unfree.db');
    expect(config.port).toBe(3000);
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({}, { DATABASE_URL: 'file:/tmp/x' })).toThrow(
      /databaseUrl: DATABASE_URL must start with sqlite:/,
    );
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/port/);
  });
});
