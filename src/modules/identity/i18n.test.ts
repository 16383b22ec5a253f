import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { publicLanguages } from '../../i18n/index.js';

const keysOf = (node: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(node).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]));
// plural forms differ by language (Arabic has six, Russian four): compare the base key
const baseKeys = (language: string) =>
  [...new Set(keysOf(JSON.parse(readFileSync(new URL(`./i18n/${language}.json`, import.meta.url), 'utf8'))).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

describe('the sign-in pages in six languages', () => {
  it('has every identity string in de, en, tr, ar, ru and uk', () => {
    for (const language of publicLanguages) expect(baseKeys(language), language).toEqual(baseKeys('de'));
  });

  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test?.close());

  const samples: Record<string, { signIn: string; forgot: string; setPassword: string }> = {
    de: { signIn: 'Melden Sie sich mit Ihrer E-Mail-Adresse', forgot: 'Link schicken', setPassword: 'Passwort speichern' },
    en: { signIn: 'Sign in with your e-mail address', forgot: 'Send link', setPassword: 'Save password' },
    tr: { signIn: 'E-posta adresiniz ve şifrenizle giriş yapın.', forgot: 'Bağlantı gönder', setPassword: 'Şifreyi kaydet' },
    ar: { signIn: 'سجّل الدخول بعنوان بريدك الإلكتروني', forgot: 'إرسال الرابط', setPassword: 'حفظ كلمة المرور' },
    ru: { signIn: 'Войдите, указав адрес электронной почты', forgot: 'Отправить ссылку', setPassword: 'Сохранить пароль' },
    uk: { signIn: 'Увійдіть за допомогою адреси', forgot: 'Надіслати посилання', setPassword: 'Зберегти пароль' },
  };

  it('shows sign-in, forgotten password and set-password in the page’s language, Arabic right to left', async () => {
    for (const language of publicLanguages) {
      for (const [url, expected] of [['/sign-in', samples[language].signIn], ['/forgot-password', samples[language].forgot], ['/set-password?token=x', samples[language].setPassword]] as const) {
        const page = await test.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}lang=${language}` });
        expect(page.statusCode, `${language} ${url}`).toBe(200);
        expect(page.body, `${language} ${url}`).toContain(expected);
        expect(page.body).toContain(`lang="${language}"`);
        if (language === 'ar') expect(page.body).toContain('dir="rtl"');
        if (language !== 'de') expect(page.body, `${language} ${url} still German`).not.toContain('Melden Sie sich mit Ihrer');
      }
    }
  });
});
