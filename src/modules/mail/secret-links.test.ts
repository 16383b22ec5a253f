import { describe, expect, it } from 'vitest';
import { redactSecretLinks } from './secret-links.js';

describe('secret links in mails shown inside Mosaik', () => {
  it('removes set-password and manage tokens, keeps every other link', () => {
    const text = [
      'Passwort setzen: https://mosaik.example/set-password?token=Abc123_-xyzXYZ0987654321abcdefABCDEF01234',
      'Verwalten: https://mosaik.example/registrations/Qm9yaXMgSXdhbm93IGthbm4gbmljaHQ?lang=ar',
      'Formular: https://mosaik.example/f/7Q2K',
      'Ihre Anfrage: https://mosaik.example/my/consultation-requests/12',
      'Alt: https://mosaik.example/x?lang=de&reset_token=geheim&_csrf=auch-geheim#top',
    ].join('\n');
    expect(redactSecretLinks(text)).toBe(
      [
        'Passwort setzen: https://mosaik.example/set-password?token=[entfernt / removed]',
        'Verwalten: https://mosaik.example/registrations/[entfernt / removed]?lang=ar',
        'Formular: https://mosaik.example/f/7Q2K',
        'Ihre Anfrage: https://mosaik.example/my/consultation-requests/12',
        'Alt: https://mosaik.example/x?lang=de&reset_token=[entfernt / removed]&_csrf=[entfernt / removed]#top',
      ].join('\n'),
    );
    expect(redactSecretLinks(null)).toBeNull();
  });
});
