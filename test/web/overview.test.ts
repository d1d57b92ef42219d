import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type TestServer } from './server.js';
import { ensureWebBuilt, launch, openPage, screenshot, type Browser } from './browser.js';

describe('dashboard: overview, filters and language', () => {
  let server: TestServer;
  let browser: Browser;
  let total: number;
  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer(), launch()]);
    total = ((await (await fetch(`${server.url}/api/events?limit=1`)).json()) as { total: number }).total;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the map, the timeline, the areas and the event list', async () => {
    const { page, errors, requests } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('html[data-overview-ready]');
    expect(await page.locator('[data-testid="world-map"] path.country').count()).toBeGreaterThan(150);
    // Countries with events are shaded (Vietnam has most of the samples' events).
    expect(await page.locator('path.country[data-code="VNM"]').getAttribute('fill')).not.toBe('#e9edf1');
    expect(await page.locator('[data-testid="timeline"] g.month').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="area-bars"] li').count()).toBeGreaterThan(3);
    await page.waitForSelector('[data-testid="event-row"]');
    expect(await page.locator('[data-testid="event-row"]').count()).toBe(Math.min(total, 25));
    expect(await page.locator('[data-testid="total"]').textContent()).toContain(String(total));
    await screenshot(page, 'overview');
    // Everything comes from the server itself: no CDN, fonts or tiles.
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters to one partner from the form, keeping it in the URL', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/?country=VNM`);
    await page.waitForSelector('[data-testid="event-row"]');
    const before = await page.locator('[data-testid="event-row"]').count();
    await page.selectOption('select[name="partner"]', 'CUB');
    await page.waitForURL(/partner=CUB/);
    expect(new URL(page.url()).searchParams.get('country')).toBe('VNM');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="event-row"]')];
      return rows.length > 0 && rows.every((r) => r.textContent!.includes('Cuba'));
    });
    const after = await page.locator('[data-testid="event-row"]').count();
    expect(after).toBeLessThan(before);
    const expected = ((await (await fetch(`${server.url}/api/events?country=VNM&partner=CUB`)).json()) as { total: number }).total;
    expect(after).toBe(expected);
    // The filter shows as a removable chip, and a reload keeps the view.
    await page.reload();
    await page.waitForSelector('[data-testid="event-row"]');
    expect(await page.locator('select[name="partner"]').inputValue()).toBe('CUB');
    expect(await page.locator('[data-testid="event-row"]').count()).toBe(expected);
    await screenshot(page, 'overview-partner');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets the partner by clicking a country on the map, and sorts by date through the URL', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/?country=VNM`);
    await page.waitForSelector('html[data-overview-ready]');
    await page.locator('path.country[data-code="AUS"]').click();
    await page.waitForURL(/partner=AUS/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="event-row"]')].every((r) => r.textContent!.includes('Australia')));
    // Date sort flips to oldest first.
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid="event-row"]');
    await page.click('[data-testid="sort-date"]');
    await page.waitForURL(/sort=date/);
    const oldest = ((await (await fetch(`${server.url}/api/events?sort=date&limit=1`)).json()) as { events: Array<{ id: string }> }).events[0].id;
    await page.waitForFunction((id) => document.querySelector('[data-testid="event-row"]')?.getAttribute('data-event-id') === id, oldest);
    expect(await page.locator('[data-testid="event-row"]').first().getAttribute('data-event-id')).toBe(oldest);
    await page.close();
  });

  it('shows the API error message for a bad filter in the URL, and a not-found page', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/?from=2019-13-99x`);
    const err = page.locator('[data-testid="api-error"]').first();
    await err.waitFor();
    expect(await err.textContent()).toMatch(/from/);
    await page.goto(`${server.url}/event/0000000000000000-0`);
    await page.locator('[data-testid="api-error"]').waitFor();
    expect(await page.locator('[data-testid="api-error"]').textContent()).toContain('no event 0000000000000000-0');
    await page.goto(`${server.url}/no/such/page`);
    await page.locator('[data-testid="not-found"]').waitFor();
    await page.close();
  });

  it('switches the interface to Vietnamese and keeps the choice', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('html[data-overview-ready]');
    expect(await page.locator('nav.main-nav a[data-nav="overview"]').textContent()).toBe('Overview');
    await page.click('button[data-lang="vi"]');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await page.locator('nav.main-nav a[data-nav="overview"]').textContent()).toBe('Tổng quan');
    expect(await page.locator('h1').first().textContent()).toBe('Tổng quan');
    expect(await page.locator('label.field span', { hasText: 'Đối tác' }).count()).toBe(1);
    await page.reload();
    await page.waitForSelector('html[data-overview-ready]');
    expect(await page.locator('nav.main-nav a[data-nav="review"]').textContent()).toBe('Rà soát');
    await screenshot(page, 'overview-vi');
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(errors).toEqual([]);
    await page.close();
  });
});
