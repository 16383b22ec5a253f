import { describe, expect, it } from 'vitest';
import { cleanBody, plainText } from './content.js';

describe('page text is stored as a safe subset of HTML', () => {
  it('keeps paragraphs, headings, lists, links and emphasis as they are', () => {
    const html = '<h2>Beratung</h2>\n<p>Wir beraten <strong>kostenlos</strong>: <a href="https://example.org/satzung">Mustersatzung</a>.</p>\n<ul><li>Gründung</li><li>Förderung</li></ul>';
    expect(cleanBody(html)).toEqual({ html, cleaned: false });
  });

  it('removes scripts, event handlers, styles, javascript: links and images, and says so', () => {
    const pasted = '<p style="color:red" onclick="alert(1)">Hallo <img src="https://tracker.example/p.gif"></p><script>alert(1)</script><a href="javascript:alert(1)">klick</a><iframe src="https://evil.example"></iframe>';
    const result = cleanBody(pasted);
    expect(result.cleaned).toBe(true);
    expect(result.html).toBe('<p>Hallo </p><a>klick</a>');
    for (const unsafe of ['script', 'onclick', 'style', 'javascript:', 'img', 'iframe']) expect(result.html).not.toContain(unsafe);
  });

  it('closes the tags of a broken paste from a word processor', () => {
    const result = cleanBody('<p><b>Öffnungszeiten<p>Mo–Do <i>9–16 Uhr');
    // every tag that was opened is closed again, so the page around it stays intact
    expect(result.html).toBe('<p><b>Öffnungszeiten<p>Mo–Do <i>9–16 Uhr</i></p></b></p>');
  });

  it('turns the page title level h1 into h2: a page has one h1, its title', () => {
    expect(cleanBody('<h1>Kontakt</h1>').html).toBe('<h2>Kontakt</h2>');
  });

  it('makes paragraphs of plain text, escaping what looks like markup', () => {
    expect(cleanBody('Erster Absatz\nzweite Zeile\n\nZweiter Absatz mit 3 > 2 & Co.').html).toBe('<p>Erster Absatz<br />zweite Zeile</p>\n<p>Zweiter Absatz mit 3 &gt; 2 &amp; Co.</p>');
  });

  it('gives the text without tags for descriptions and feeds', () => {
    expect(plainText('<h2>Beratung</h2>\n<p>Wir <strong>beraten</strong>.</p>')).toBe('Beratung Wir beraten.');
  });
});
