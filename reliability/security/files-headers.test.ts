import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/use-cases/demo/seed-demo.js';
import { type Client, signIn, TEST_PASSWORD } from '../../test/helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { ensureBuilt, SUITE_TODAY } from '../lib.js';
import { figure } from './lib.js';

/**
 * Evidence uploads told by their bytes, downloads that a browser will not
 * render, and the security headers on the API, the web application's shell
 * and the public site (issue 6, item 5). In process, with the built web
 * application served as in production.
 */

let db: TestDatabase;
let app: App;
let proxied: App;
let admin: Client;
let programme = 0;
let reportItem = 0;
let eduUnit = 0;

const text = (s: string) => Buffer.from(s, 'utf8');

function form(fileName: string, bytes: Uint8Array, claimed = 'image/png') {
  const boundary = `----minxinSecurity${Math.random().toString(16).slice(2)}`;
  const head = text(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${claimed}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), text(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (fileName: string, bytes: Uint8Array, claimed?: string) =>
  admin.request({ method: 'POST', url: '/api/v1/files', ...form(fileName, bytes, claimed) });

beforeAll(async () => {
  await ensureBuilt();
  db = await createTestDatabase();
  await seedDemo(db.database.db, TEST_PASSWORD);
  const config = testConfig({ MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
  app = await buildApp({ database: db.database, config, serveWeb: true });
  proxied = await buildApp({ database: db.database, config: { ...config, MINXIN_TRUST_PROXY: 'on' }, serveWeb: true });
  await Promise.all([app.ready(), proxied.ready()]);
  admin = await signIn(app, 'admin');
  const programmes = (await admin.get('/api/v1/programmes')).json() as { items: { id: number }[] };
  programme = programmes.items[0]?.id ?? 0;
  const tree = (await admin.get(`/api/v1/programmes/${programme}/tree`)).json() as {
    categories: { items: { id: number; units: { unitId: number; role: string }[] }[] }[];
  };
  const item = tree.categories.flatMap((c) => c.items).find((i) => i.units.some((u) => u.role === 'lead'));
  reportItem = item?.id ?? 0;
  eduUnit = item?.units.find((u) => u.role === 'lead')?.unitId ?? 0;
});
afterAll(async () => {
  await proxied?.close();
  await app?.close();
  await db?.drop();
});

describe('uploads: the type comes from the bytes', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#246' } })
      .png()
      .toBuffer();
  });
  const html = '<!doctype html><html><body><script>parent.__xss=1</script></body></html>';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';

  it('refuses HTML, SVG and script disguised as images or PDF, and names that disagree with the bytes', async () => {
    const refused: [string, Buffer, string?][] = [
      ['photo.png', text(html), 'image/png'],
      ['photo.png', text(`\ufeff  ${html}`), 'image/png'],
      ['photo.jpg', text(svg), 'image/jpeg'],
      ['drawing.svg', text(svg), 'image/svg+xml'],
      ['report.pdf', text('alert(document.cookie)'), 'application/pdf'],
      ['report.pdf', text(`<script>/*%PDF-1.4*/</script>`), 'application/pdf'],
      ['page.html', text(html), 'text/html'],
      ['app.js', text('fetch("/api/v1/users")'), 'text/javascript'],
      ['photo.png', text(`GIF89a${html}`), 'image/png'],
      ['photo.gif', Buffer.concat([text('GIF89a'), text(html)]), 'image/gif'],
      ['photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), text(html)]), 'image/jpeg'],
      ['photo.pdf', png, 'application/pdf'],
      ['photo.png.html', png, 'text/html'],
      ['photo', png, 'image/png'],
    ];
    const failures: string[] = [];
    for (const [name, bytes, claimed] of refused) {
      const response = await upload(name, bytes, claimed);
      const body = response.json() as { code?: string; message?: string };
      if (response.statusCode !== 400 || body.code !== 'VALIDATION' || !/^[\u4e00-\u9fff]/.test(body.message ?? ''))
        failures.push(`${name} (${bytes.subarray(0, 12).toString('latin1')}…): ${response.statusCode} ${body.code}`);
    }
    figure(`uploads: ${refused.length} disguised files refused`);
    expect(failures).toEqual([]);
  });

  it('serves what it accepts, polyglots included, as a download no browser renders or sniffs', async () => {
    const pngWithHtml = Buffer.concat([png, text(html)]);
    const pdfWithHtml = text(`%PDF-1.4\n${html}\n%%EOF\n`);
    const accepted = [
      { name: '现场.png', bytes: png, mime: 'image/png' },
      { name: 'polyglot.png', bytes: pngWithHtml, mime: 'image/png' },
      { name: 'polyglot.pdf', bytes: pdfWithHtml, mime: 'application/pdf' },
      { name: '<img src=x onerror=alert(1)>; x=1.png', bytes: png, mime: 'image/png' },
    ];
    const files: { sha256: string; fileName: string }[] = [];
    for (const file of accepted) {
      const response = await upload(file.name, file.bytes, 'text/html');
      expect(response.statusCode, `${file.name}: ${response.body}`).toBe(201);
      const stored = response.json() as { sha256: string; fileName: string; mime: string };
      expect(stored.mime, file.name).toBe(file.mime);
      expect(stored.fileName).not.toMatch(/[<>"]/);
      files.push({ sha256: stored.sha256, fileName: stored.fileName });
    }
    const report = await admin.post(`/api/v1/items/${reportItem}/reports`, {
      period: 'M02',
      unitId: eduUnit,
      attachments: files,
    });
    expect(report.statusCode, report.body).toBe(201);
    const attachments = (report.json() as { attachments: { url: string; thumbnailUrl: string | null; mime: string }[] })
      .attachments;
    let served = 0;
    for (const attachment of attachments) {
      for (const url of [attachment.url, attachment.thumbnailUrl].filter((u): u is string => u !== null)) {
        const response = await admin.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['x-content-type-options'], url).toBe('nosniff');
        expect(response.headers['content-security-policy'], url).toBe("default-src 'none'; sandbox");
        expect(String(response.headers['content-type']), url).not.toMatch(/html|svg|javascript|xml/);
        if (url === attachment.url) {
          expect(response.headers['content-type'], url).toBe(attachment.mime);
          expect(String(response.headers['content-disposition']), url).toMatch(
            /^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''[^\s"]+$/,
          );
        } else {
          // A thumbnail is drawn anew: whatever followed the image is gone.
          expect(response.rawPayload.includes('<script')).toBe(false);
        }
        served++;
      }
    }
    figure(`downloads: ${served} files and thumbnails served with nosniff, a sandbox CSP and (files) attachment`);
  });

  it('sends every other download of the API as an attachment', async () => {
    const notice = await admin.post(`/api/v1/items/${reportItem}/notices`, {
      unitId: eduUnit,
      reason: '进度滞后',
      requiredAction: '请说明原因',
      replyDue: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const bulletin = await admin.post(`/api/v1/programmes/${programme}/bulletins`, {
      cutoff: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });
    expect(bulletin.statusCode, bulletin.body).toBe(201);
    const noticeId = (notice.json() as { id: number }).id;
    const bulletinId = (bulletin.json() as { id: number }).id;
    const downloads = [
      ...['xlsx', 'docx', 'csv', 'json'].map((format) => `/api/v1/programmes/${programme}/export?format=${format}`),
      `/api/v1/programmes/${programme}/assessment/export?date=${SUITE_TODAY}`,
      `/api/v1/notices/${noticeId}/docx`,
      ...['docx', 'md', 'html'].map((format) => `/api/v1/bulletins/${bulletinId}/export.${format}`),
    ];
    for (const url of downloads) {
      const response = await admin.get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
      expect(String(response.headers['content-disposition']), url).toMatch(/^attachment; /);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
    figure(`downloads: ${downloads.length} exports (programme, assessment, notice, bulletin) sent as attachments`);
  });
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

describe('security headers', () => {
  const pages = async () => {
    const card = (await app.inject({ url: `/api/v1/public/programmes/${programme}/report-card` })).json() as {
      categories: { items: { id: number }[] }[];
    };
    const item = card.categories[0]?.items[0]?.id ?? 0;
    const shell = await app.inject({ url: '/' });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell.body)?.[1] ?? '/assets/missing.js';
    return {
      'API JSON': '/api/v1/health',
      'API error': '/api/v1/no-such-route',
      'API, signed-out': '/api/v1/programmes',
      'web shell /': '/',
      'web shell /programmes/1': '/programmes/1',
      'web script': script,
      'public list': '/p/',
      'public report card': `/p/${programme}`,
      'public item': `/p/${programme}/items/${item}`,
      'public feedback form': `/p/${programme}/items/${item}/feedback`,
      'public bulletins': `/p/${programme}/bulletins`,
      'public Atom': `/p/${programme}/bulletins.atom`,
      'public open data': `/p/${programme}/export.csv`,
      'public 404': '/p/nowhere',
      'public asset': '/p/assets/public.js',
    };
  };

  it('sends a strict CSP (scripts from the site only, no framing), nosniff and no referrer on every kind of page', async () => {
    const failures: string[] = [];
    const list = await pages();
    for (const [name, url] of Object.entries(list)) {
      const response = await app.inject({ url, headers: { origin: 'https://evil.example' } });
      const csp = directives(response.headers['content-security-policy']);
      const check = (ok: boolean, what: string) => {
        if (!ok) failures.push(`${name} ${url} (${response.statusCode}): ${what}`);
      };
      check(response.statusCode < 500, 'answers');
      check(
        JSON.stringify(csp.get('script-src')) === JSON.stringify(["'self'"]),
        `script-src ${csp.get('script-src')}`,
      );
      check(JSON.stringify(csp.get('script-src-attr')) === JSON.stringify(["'none'"]), 'script-src-attr');
      check(JSON.stringify(csp.get('frame-ancestors')) === JSON.stringify(["'none'"]), 'frame-ancestors');
      check(JSON.stringify(csp.get('object-src')) === JSON.stringify(["'none'"]), 'object-src');
      check(JSON.stringify(csp.get('base-uri')) === JSON.stringify(["'self'"]), 'base-uri');
      check(!(csp.get('default-src') ?? ['*']).includes('*'), 'default-src');
      check(response.headers['x-content-type-options'] === 'nosniff', 'nosniff');
      check(
        response.headers['referrer-policy'] === 'no-referrer',
        `referrer-policy ${response.headers['referrer-policy']}`,
      );
      check(response.headers['x-frame-options'] !== undefined, 'x-frame-options');
      // No other site may read the API with the user's cookies.
      check(response.headers['access-control-allow-origin'] === undefined, 'no CORS');
      if (String(response.headers['content-type']).startsWith('text/html')) {
        const inline = [...response.body.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/\bsrc=/.test(m[1] ?? ''));
        check(inline.length === 0, `${inline.length} inline <script>`);
        check(!/\son[a-z]+\s*=/i.test(response.body), 'inline event handler');
      }
    }
    figure(`headers: ${Object.keys(list).length} kinds of response checked (CSP, nosniff, referrer, framing, CORS)`);
    expect(failures).toEqual([]);
  });

  it('sends HSTS over HTTPS (behind a trusted proxy), and the API documentation keeps scripts to the site', async () => {
    for (const url of ['/api/v1/health', '/', `/p/${programme}`]) {
      const response = await proxied.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      const hsts = String(response.headers['strict-transport-security'] ?? '');
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), url).toBeGreaterThanOrEqual(180 * 86_400);
      expect(hsts, url).toContain('includeSubDomains');
    }
    const docs = await app.inject({ url: '/api/docs' });
    const csp = directives(docs.headers['content-security-policy']);
    expect(csp.get('script-src')?.filter((v) => v !== '')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});
