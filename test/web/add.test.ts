import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, TOKEN, type TestServer } from './server.js';
import { ensureWebBuilt, launch, openPage, screenshot, type Browser } from './browser.js';

// Markup inside a sentence (a line of markup alone is dropped by the text cleaner as boilerplate).
const HOSTILE = [
  'Hanoi, 12 March 2024 - Senior Lieutenant General Hoang Xuan Chien, Deputy Minister of National Defence of Vietnam,',
  'received Major General John Smith, Chief of Staff of the Australian Army. <script>window.__pwned=1</script> The two sides',
  'discussed <img src=x onerror="window.__pwned=2"> peacekeeping and <b>training</b> cooperation.',
].join(' ');

describe('dashboard: adding a report', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the extraction at once, renders markup in a report as text, and never runs it', async () => {
    const { page, errors, requests } = await openPage(browser);
    await page.goto(`${server.url}/add`);
    await page.fill('textarea[name="report"]', HOSTILE);
    await page.waitForSelector('[data-testid="extraction"] [data-testid="source-text"]');
    expect(await page.locator('[data-testid="events-found"]').textContent()).toContain('1 event');
    const shown = await page.locator('[data-testid="extraction"] [data-testid="source-text"]').textContent();
    expect(shown).toContain('<script>window.__pwned=1</script>');
    expect(shown).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator('[data-testid="extraction"] mark.ev').count()).toBeGreaterThan(3);
    // Nothing was stored by the preview.
    const stats = (await (await fetch(`${server.url}/api/stats`)).json()) as { documents: number };

    // Keeping needs the token.
    expect(await page.locator('[data-testid="keep"]').isDisabled()).toBe(true);
    await page.fill('input[name="token"]', TOKEN);
    await page.click('[data-testid="token-submit"]');
    await page.click('[data-testid="keep"]');
    await page.waitForSelector('[data-testid="kept"]');
    await screenshot(page, 'add');
    const after = (await (await fetch(`${server.url}/api/stats`)).json()) as { documents: number };
    expect(after.documents).toBe(stats.documents + 1);

    // The stored report on its event page: still text, still inert.
    await page.locator('[data-testid="kept"] a').first().click();
    await page.waitForURL(/\/event\/[0-9a-f]{16}-0$/);
    await page.waitForSelector('[data-testid="source-text"] mark.ev');
    expect(await page.locator('[data-testid="source-text"]').textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('main img, main b, main script').length)).toBe(0);
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads an HTML file in the browser and extracts it as HTML', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/add`);
    await page.setInputFiles('input[name="files"]', {
      name: 'report.html',
      mimeType: 'text/html',
      buffer: Buffer.from(`<html><head><title>Visit</title></head><body><article><p>${HOSTILE.replace(/\n/g, '</p><p>')}</p></article></body></html>`),
    });
    await page.waitForSelector('[data-testid="extraction"] [data-testid="source-text"]');
    expect(await page.locator('select[name="format"]').inputValue()).toBe('html');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid="events-found"]').textContent()).toContain('1 event');
    await page.close();
  });
});
