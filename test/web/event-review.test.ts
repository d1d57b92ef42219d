import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, TOKEN, type TestServer } from './server.js';
import { ensureWebBuilt, launch, openPage, screenshot, type Browser } from './browser.js';

interface Detail {
  id: string;
  documentId: string;
  event: { type: string; countries: string[] };
  evidence: Record<string, Array<{ start: number; end: number; origin: string }>>;
  document: { text: string };
  corrections: Array<{ field: string; value: unknown; note: string | null }>;
}

describe('dashboard: event, evidence, review and pair profile', () => {
  let server: TestServer;
  let browser: Browser;
  let id: string;
  let detail: Detail;
  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer(), launch()]);
    // The Japan–Vietnam defence policy dialogue: rich evidence, and a mechanism with missing sessions.
    const list = (await (await fetch(`${server.url}/api/events?country=VNM&partner=JPN`)).json()) as { events: Array<{ id: string }> };
    id = list.events[0].id;
    detail = (await (await fetch(`${server.url}/api/events/${id}`)).json()) as Detail;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens an event from the list and highlights the evidence of its fields', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/?country=VNM&partner=JPN`);
    await page.locator(`[data-event-id="${id}"] a.event-link`).click();
    await page.waitForURL(new RegExp(`/event/${id}$`));
    await page.waitForSelector('[data-testid="source-text"] mark.ev');
    // Every evidence span of the record is covered by highlighted text, and highlights are only evidence.
    const marks = await page.$$eval('[data-testid="source-text"] mark.ev', (els) =>
      els.map((e) => ({ start: Number(e.getAttribute('data-start')), end: Number(e.getAttribute('data-end')), fields: e.getAttribute('data-fields')!.split(' '), text: e.textContent })));
    const text = detail.document.text;
    for (const m of marks) expect(m.text).toBe(text.slice(m.start, m.end));
    for (const [field, spans] of Object.entries(detail.evidence)) {
      for (const s of spans.filter((x) => x.end > x.start)) {
        const covering = marks.filter((m) => m.fields.includes(field) && m.start < s.end && m.end > s.start);
        expect(covering.map((m) => m.text).join(''), field).toBe(text.slice(s.start, s.end));
      }
    }
    // The whole source text is on the page, as text.
    expect(await page.locator('[data-testid="source-text"]').textContent()).toBe(text);

    // Pointing at the date field lights up its passage …
    const dateSpan = detail.evidence.date[0];
    await page.hover('.rec-row[data-field="date"]');
    await page.waitForSelector('mark.ev.ev-active');
    const active = await page.$$eval('mark.ev.ev-active', (els) => els.map((e) => e.textContent).join(''));
    expect(active).toBe(text.slice(dateSpan.start, dateSpan.end));
    // … and pointing at a highlight tells which fields it supports.
    const edition = detail.evidence['mechanism.edition'][0];
    await page.hover(`mark.ev[data-start="${edition.start}"]`);
    await page.waitForFunction(() => document.querySelector('[data-testid="supports"] li') !== null);
    expect(await page.locator('[data-testid="supports"]').textContent()).toContain('Session number');
    expect(await page.locator('.rec-row[data-field="mechanism"]').getAttribute('class')).toContain('lit');
    await page.hover('.rec-row[data-field="date"]');
    await screenshot(page, 'event');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('corrects a field with the token, and the correction is kept after a reload', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/event/${id}`);
    await page.click('[data-testid="review-link"]');
    await page.waitForURL(new RegExp(`/review/${id}$`));
    await page.waitForSelector('[data-testid="review-form"]');
    // Without a token nothing can be saved.
    expect(await page.locator('[data-testid="save"]').isDisabled()).toBe(true);
    await page.fill('input[name="token"]', TOKEN);
    await page.click('[data-testid="token-submit"]');
    await page.waitForSelector('[data-testid="token-set"]');
    expect(page.url()).not.toContain(TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem('attache.token'))).toBe(TOKEN);

    await page.selectOption('select[name="type"]', 'talks');
    await page.fill('input[name="location-place"]', 'Tokyo, Ichigaya');
    await page.check('input[name="areas"][value="maritime_security"]');
    await page.fill('textarea[name="note"]', 'held as talks, per the second paragraph');
    await page.fill('input[name="author"]', 'Test Analyst');
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="saved"]');
    expect(await page.locator('[data-testid="saved"]').textContent()).toContain('3');
    await screenshot(page, 'review');

    await page.reload();
    await page.waitForSelector('[data-testid="review-form"]');
    expect(await page.locator('select[name="type"]').inputValue()).toBe('talks');
    expect(await page.locator('input[name="location-place"]').inputValue()).toBe('Tokyo, Ichigaya');
    expect(await page.locator('input[name="areas"][value="maritime_security"]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="history"] li').count()).toBe(3);
    expect(await page.locator('[data-testid="history"]').textContent()).toContain('held as talks');

    // The event page and the API read the corrected record.
    await page.goto(`${server.url}/event/${id}`);
    await page.waitForSelector('[data-testid="record"]');
    expect(await page.locator('.rec-row[data-field="type"]').textContent()).toContain('Talks');
    expect(await page.locator('.rec-row[data-field="type"]').textContent()).toContain('set by an analyst');
    const after = (await (await fetch(`${server.url}/api/events/${id}`)).json()) as Detail;
    expect(after.event.type).toBe('talks');
    expect(after.corrections.map((c) => c.field).sort()).toEqual(['areas', 'location', 'type']);
    expect(await page.locator('[data-testid="gold-link"]').getAttribute('href')).toBe(`/api/documents/${detail.documentId}/gold`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks an event wrong and shows the API error for an invalid correction', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/review/${id}`);
    await page.evaluate((t) => sessionStorage.setItem('attache.token', t), TOKEN);
    await page.reload();
    await page.waitForSelector('[data-testid="review-form"]');
    // A participant country that is not an alpha-3 code is refused by the API, with its reason shown.
    // (The new row goes after however many participants the extractor found.)
    const before = (await (await fetch(`${server.url}/api/events/${id}`)).json()) as { event: { participants: unknown[] } };
    const n = before.event.participants.length;
    await page.selectOption('select[name="participants.1.rank"]', 'OF-5');
    await page.click('button[data-add="participants"]');
    await page.fill(`input[name="participants.${n}.name"]`, 'Nguyễn Văn Thử');
    await page.fill(`input[name="participants.${n}.country"]`, 'VN');
    await page.click('[data-testid="save"]');
    await page.locator('[data-testid="api-error"]').waitFor();
    expect(await page.locator('[data-testid="api-error"]').textContent()).toMatch(new RegExp(`participants\\.${n}\\.country`));
    await page.fill(`input[name="participants.${n}.country"]`, 'VNM');
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="saved"]');
    const mid = (await (await fetch(`${server.url}/api/events/${id}`)).json()) as Detail & { event: { participants: Array<{ name: string; rank: string | null }> } };
    expect(mid.event.participants[1].rank).toBe('OF-5');
    expect(mid.event.participants[n].name).toBe('Nguyễn Văn Thử');

    await page.click('[data-testid="mark-wrong"]');
    await page.waitForSelector('[data-testid="wrong-banner"]');
    const hidden = (await (await fetch(`${server.url}/api/events?country=VNM&partner=JPN`)).json()) as { total: number };
    expect(hidden.total).toBe(0);
    await page.click('[data-testid="mark-ok"]');
    await page.waitForSelector('[data-testid="mark-wrong"]');
    await page.close();
  });

  it('lists every event for review, those marked wrong included', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/review`);
    await page.waitForSelector('[data-testid="event-row"]');
    const all = ((await (await fetch(`${server.url}/api/events?includeWrong=true&limit=1`)).json()) as { total: number }).total;
    expect(await page.locator('[data-testid="event-row"]').count()).toBe(Math.min(25, all));
    await page.locator('[data-testid="event-row"] a.event-link').first().click();
    await page.waitForURL(/\/review\/[0-9a-f]{16}-\d+$/);
    await page.waitForSelector('[data-testid="review-form"]');
    await page.goto(`${server.url}/review`);
    await page.waitForSelector('[data-testid="event-row"]');
    await screenshot(page, 'review-queue');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the pair profile with sessions, a missing session flagged, agreements and open commitments', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/pair/VNM/JPN`);
    await page.waitForSelector('[data-testid="pair-page"]');
    expect(await page.locator('h1').textContent()).toContain('Japan');
    expect(await page.locator('[data-testid="pair-timeline"] .dot').count()).toBeGreaterThan(0);
    const missing = page.locator('[data-testid="session-missing"]');
    expect(await missing.count()).toBeGreaterThan(0);
    expect(await missing.first().getAttribute('data-from')).toBe('1');
    expect(await page.locator('.session-known').first().textContent()).toContain('#11');
    expect(await page.locator('[data-testid="agreements"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="commitments"] li').count()).toBeGreaterThan(0);
    await screenshot(page, 'pair');
    // An event links back to it.
    await page.locator('[data-testid="pair-timeline"] .dot').first().click();
    await page.waitForURL(/\/event\//);
    expect(errors).toEqual([]);
    await page.close();
  });
});
