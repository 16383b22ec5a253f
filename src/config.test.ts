import { describe, expect, it } from 'vitest';
import { readSettings } from './config.js';

describe('settings', () => {
  it('refuses a production start without the public address, in German and English', () => {
    expect(() => readSettings({ NODE_ENV: 'production' })).toThrow(/MOSAIK_BASE_URL: set the public address.*MOSAIK_BASE_URL: Bitte die öffentliche Adresse/s);
    expect(readSettings({ NODE_ENV: 'production', MOSAIK_BASE_URL: 'https://mosaik.example.org/' }).baseUrl).toBe('https://mosaik.example.org');
    expect(readSettings({ NODE_ENV: 'development', PORT: '3001' }).baseUrl).toBe('http://localhost:3001');
  });

  it('checks the reply-to address like every other address', () => {
    expect(readSettings({ MOSAIK_MAIL_REPLY_TO: 'kontakt@zentrum.example' }).MOSAIK_MAIL_REPLY_TO).toBe('kontakt@zentrum.example');
    expect(() => readSettings({ MOSAIK_MAIL_REPLY_TO: 'kontakt@zentrum' })).toThrow(/MOSAIK_MAIL_REPLY_TO: Die Antwortadresse hat nach dem @ keinen vollständigen Domainnamen/);
  });
});
