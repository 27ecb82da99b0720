import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The public site's stylesheet and script, read once at start. They stay in
 * src/ (tsc copies no .css/.js): from src/server/public-site/assets (tsx) and
 * from dist/server/public-site/assets (the build) alike, four folders up is
 * the package root, as MIGRATIONS_FOLDER in src/db/client.ts does.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const ASSETS_FOLDER = path.resolve(here, '../../../../src/server/public-site/assets');

export interface Asset {
  body: Buffer;
  contentType: string;
  /** First 10 characters of the sha256 (base64url): the `?v=` of the page links. */
  version: string;
  etag: string;
}

function load(name: string, contentType: string): Asset {
  const body = readFileSync(path.join(ASSETS_FOLDER, name));
  const hash = createHash('sha256').update(body).digest('base64url');
  return { body, contentType, version: hash.slice(0, 10), etag: `"${hash}"` };
}

export const ASSETS: Readonly<Record<string, Asset>> = {
  'public.css': load('public.css', 'text/css; charset=utf-8'),
  'public.js': load('public.js', 'text/javascript; charset=utf-8'),
};

/** /p/assets/public.css?v=… : the address pages link to, changing with the bytes. */
export function assetHref(name: 'public.css' | 'public.js'): string {
  return `/p/assets/${name}?v=${ASSETS[name]?.version ?? '0'}`;
}
