import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync, readFileSync, cpSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_DIR, cli, tmp } from './helpers.js';

describe('attache command line', () => {
  it('every command has --help', () => {
    for (const c of ['extract', 'ingest', 'search', 'show', 'export', 'eval', 'start']) {
      const r = cli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout).toContain(`Usage: attache ${c}`);
    }
  });

  it('extract prints one codebook object per document, with the cleaned text on request', () => {
    const r = cli(['extract', '--jsonl', '--with-text', join(DEV_DIR, '004_4bd90a7af33875b9.txt')]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout.trim());
    expect(rec.document.id).toMatch(/^[0-9a-f]{16}$/);
    expect(rec.events[0].type).toBe('working_group');
    const ev = rec.events[0].evidence.date[0];
    expect(rec.document.text.slice(ev.start, ev.end)).toContain('29-9');
  });

  it('extract --published supplies the year', () => {
    const f = join(tmp(), 'a.txt');
    writeFileSync(f, 'Chiều 15/11, tại Hà Nội, Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng đã tiếp Đại sứ Nhật Bản Ito Naoki.\n\nHai bên trao đổi về hợp tác quốc phòng.');
    const rec = JSON.parse(cli(['extract', '--jsonl', '--published', '2022-11-16', f]).stdout);
    expect(rec.events[0].date).toEqual({ value: '2022-11-15', precision: 'day', year_inferred: true });
  });

  describe('ingest of a batch with bad files', () => {
    const dir = tmp();
    const db = join(tmp(), 'a.db');
    let r: ReturnType<typeof cli>;
    beforeAll(() => {
      cpSync(DEV_DIR, join(dir, 'dev'), { recursive: true });
      writeFileSync(join(dir, 'empty.txt'), '');
      writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Bộ trưởng '.replace(/[^\x00-\x7f]/g, '') + '\xe9t\xe9', 'latin1'));
      writeFileSync(join(dir, 'feed.jsonl'), '{"url":"u1","text":"Ngày 3/5, hai bên hội đàm."}\n{oops\n');
      const big = join(dir, 'huge.txt');
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      r = cli(['ingest', dir, '--db', db]);
    });
    it('names each failing file with its reason', () => {
      expect(r.stderr).toMatch(/empty\.txt: empty file/);
      expect(r.stderr).toMatch(/binary\.txt: binary file/);
      expect(r.stderr).toMatch(/latin1\.txt: invalid UTF-8/);
      expect(r.stderr).toMatch(/huge\.txt: 50\.0 MB is larger than the 10\.0 MB limit/);
      expect(r.stderr).toMatch(/feed\.jsonl:2: malformed JSON/);
    });
    it('ingests the rest and prints a summary', () => {
      expect(r.stdout).toMatch(/read 6 documents .*: 6 new, 0 duplicate, 5 failed; \d+ events stored/);
      expect(r.code).toBe(1);
    });
    it('a second run adds nothing', () => {
      const again = cli(['ingest', join(dir, 'dev'), '--db', db]);
      expect(again.stdout).toMatch(/0 new, 5 duplicate/);
    });
    it('search and show read the database', () => {
      const s = cli(['search', 'nhom lam viec', '--db', db]);
      expect(s.stdout).toMatch(/working_group\s+IDN-VNM/);
      const id = s.stdout.split(/\s+/)[0];
      const show = cli(['show', id, '--db', db]);
      expect(show.code).toBe(0);
      expect(show.stdout).toContain('⟦Ngày 29-9⟧');
      expect(show.stdout).toMatch(/date: "Ngày 29-9"/);
    });
    it('exports CSV with dyad columns, JSON, JSON Lines and GraphML', () => {
      const csv = cli(['export', '--format', 'csv', '--db', db]).stdout.replace(/^\ufeff/, '');
      const header = csv.split('\r\n')[0].split(',');
      expect(header.slice(0, 10)).toEqual(['event_id', 'encounter_id', 'document_id', 'country_a', 'country_b', 'countries', 'date', 'date_precision', 'year_inferred', 'type']);
      expect(csv).toMatch(/,IDN,VNM,IDN;VNM,2021-09-29,day,true,working_group,working_group,/);
      const json = JSON.parse(cli(['export', '--format', 'json', '--db', db]).stdout);
      expect(json.length).toBeGreaterThan(3);
      const lines = cli(['export', '--format', 'jsonl', '--country', 'GBR', '--db', db]).stdout.trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).event.countries)).toEqual([['GBR', 'VNM']]);
      const out = join(tmp(), 'g.graphml');
      cli(['export', '--format', 'graphml', '-o', out, '--db', db]);
      const g = readFileSync(out, 'utf8');
      expect(g).toContain('<node id="country:VNM">');
      expect(g).toMatch(/<edge id="e\d+" source="country:IDN" target="country:VNM"><data key="ekind">cooperates<\/data>/);
      expect(g).toContain('<data key="kind">mechanism</data>');
    });
  });

  it('rejects a bad option value with a clear message', () => {
    const r = cli(['search', '--type', 'picnic']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/must be one of: dialogue, working_group/);
  });
});
