import { describe, expect, it } from 'vitest';
import { normalisePersonName } from '../names/index.js';
import { redact, textNames, type DataSubject } from './subject.js';

const subject: DataSubject = {
  personId: 1,
  accountId: null,
  name: 'Zeynep Kaya-Yıldız',
  nameKey: normalisePersonName('Zeynep Kaya-Yıldız'),
  emails: ['zeynep.kaya@example.org'],
  organisationIds: [1],
};

describe('finding and redacting a person in free text', () => {
  it('finds the name however it is written, as whole words, and the e-mail', () => {
    expect(textNames(subject, 'Gespräch mit ZEYNEP KAYA YILDIZ und Murat')).toBe(true);
    expect(textNames(subject, 'Rückruf an Zeynep.Kaya@example.org')).toBe(true);
    expect(textNames(subject, 'Zeynep Kaya-Yıldızlar')).toBe(false);
    expect(textNames(subject, 'Zeynep Kaya')).toBe(false);
    expect(textNames(subject, null)).toBe(false);
  });

  it('replaces every mention and keeps the rest of the text', () => {
    expect(redact(subject, 'Zeynep Kaya-Yıldız, Murat Demir')).toBe('[gelöscht], Murat Demir');
    expect(redact(subject, 'Danke an zeynep kaya yildiz (Zeynep.Kaya@example.org)!')).toBe('Danke an [gelöscht] ([gelöscht])!');
    expect(redact(subject, 'Zeynep Kaya-Yıldızlar kam')).toBe('Zeynep Kaya-Yıldızlar kam');
    expect(redact(subject, null)).toBeNull();
  });
});
