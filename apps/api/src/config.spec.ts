import { ConfigError, loadConfig } from './config.js';

describe('configuration from environment variables', () => {
  it('defaults to port 3000 and ./data with no variables set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, KURULTAI_DATA_DIR: './data', KURULTAI_STORE: 'sqlite' });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      KURULTAI_DATA_DIR: '/var/lib/kurultai',
      KURULTAI_COMMAND_RETRIES: '5',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      KURULTAI_DATA_DIR: '/var/lib/kurultai',
      KURULTAI_COMMAND_RETRIES: 5,
    });
  });

  it('lists every mistake with a clear message', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        KURULTAI_STORE: 'postgres',
        KURULTAI_BODY_LIMIT: '12',
        KURULTAI_LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT must be a whole number/);
    expect(problems).toMatch(/KURULTAI_STORE must be "sqlite"/);
    expect(problems).toMatch(/KURULTAI_BODY_LIMIT must be at least 1024 bytes/);
    expect(problems).toMatch(/KURULTAI_LOG_LEVEL must be one of/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
  });

  it('keeps row history unless told "off", and refuses anything else', () => {
    expect(() => loadConfig({ KURULTAI_ROW_HISTORY: 'yes' })).toThrow(
      /KURULTAI_ROW_HISTORY must be "on" or "off"/,
    );
    expect(loadConfig({}).KURULTAI_ROW_HISTORY).toBe('on');
  });
});
