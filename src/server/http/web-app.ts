import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPublicPath } from '../../web/lite/public-paths.ts';

/*
 * The built web app. Vite names every file under /assets/ by its content hash, so those are cached
 * for a year and never revalidated; the shell (index.html) and the few unhashed root files are
 * revalidated on every visit so a new release is picked up at once. Each file is served from its
 * precompressed .br/.gz twin (written by the build) when the browser accepts it.
 *
 * Every GET that is neither an API route nor a built file answers the shell, so any client route —
 * `/thu-tuc/1.004873` included — can be opened directly, reloaded, shared or reached from a QR poster.
 * Public pages (src/web/lite/public-paths.ts) get the light shell `lite.html` (no staff code, within
 * the citizens' JavaScript budget); every other path gets the staff app's `index.html`.
 */

export const ASSET_CACHE = 'public, max-age=31536000, immutable';
export const SHELL_CACHE = 'no-cache';
const ROOT_FILE_CACHE = 'public, max-age=3600, must-revalidate';

const API_PREFIXES = ['/api/', '/healthz', '/readyz', '/metrics'];
// Root-level names that look like a file of the build; a missing one is a 404, not the shell.
const ROOT_FILE_RE =
  /^\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:js|mjs|css|map|ico|png|svg|jpg|webp|txt|json|xml|webmanifest)$/;

export function isApiPath(urlPath: string): boolean {
  return API_PREFIXES.some((p) => urlPath === p.replace(/\/$/, '') || urlPath.startsWith(p));
}

/** True when the web app has been built into `root`. */
export function hasWebBuild(root: string): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

/** Serves /assets/* (immutable) and the shell at `/`; `serveShellOrFile` handles the other paths. */
export async function registerWebApp(app: FastifyInstance, root: string) {
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  const assetsRoot = path.join(root, 'assets');
  await app.register(fastifyStatic, {
    root: assetsRoot,
    prefix: '/assets/',
    wildcard: true,
    index: false,
    list: false,
    preCompressed: true,
    cacheControl: false,
    // sendFile() of the shell and root files goes through here too: only hashed assets are immutable.
    setHeaders: (reply, filePath) => {
      if (filePath.startsWith(assetsRoot + path.sep)) reply.header('cache-control', ASSET_CACHE);
    },
  });
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendShell(reply, root, '/'));
}

/** The shell for a client route: the light one for public pages when the build has it. */
export function shellFor(urlPath: string, root: string): 'lite.html' | 'index.html' {
  return isPublicPath(urlPath) && fs.existsSync(path.join(root, 'lite.html')) ? 'lite.html' : 'index.html';
}

const PROCEDURE_PATH = /^\/thu-tuc\/([^/]+)\/?$/;
const SAFE_CODE = /^[0-9A-Za-z._-]{1,40}$/;
const PROCEDURE_CHUNK = 'features/catalog/ProcedureDetailPage.tsx';

interface ManifestEntry {
  file: string;
  imports?: string[];
}
let manifestCache: { file: string; mtimeMs: number; entries: Record<string, ManifestEntry> } | null = null;

function liteManifest(root: string): Record<string, ManifestEntry> | null {
  const file = path.join(root, '.vite', 'lite-manifest.json');
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return null;
  if (manifestCache?.file !== file || manifestCache.mtimeMs !== stat.mtimeMs) {
    manifestCache = { file, mtimeMs: stat.mtimeMs, entries: JSON.parse(fs.readFileSync(file, 'utf8')) };
  }
  return manifestCache.entries;
}

/** A chunk and the chunks it imports, as /assets/ URLs (the manifest's import graph, each once). */
function chunkFiles(entries: Record<string, ManifestEntry>, key: string): string[] {
  const seen = new Set<string>();
  const visit = (k: string) => {
    const e = entries[k];
    if (!e || seen.has(e.file)) return;
    seen.add(e.file);
    for (const i of e.imports ?? []) visit(i);
  };
  visit(key);
  return [...seen].map((f) => `/${f}`);
}

/**
 * Slow 3G (issue 14 item 6): a procedure's deep link (a QR poster's) used to load in three round trips
 * after the HTML — the entry script, then the page's own chunk once the entry ran, then the
 * procedure's data once that chunk ran: 6 s at 400 kbit/s, 400 ms RTT. The shell now names the page's
 * chunk (modulepreload) and the very requests the page makes (preload as fetch, same URL and
 * credentials mode as `apiRequest`), so all of it downloads alongside the entry script.
 */
export function procedureHints(urlPath: string, search: string, root: string): string[] {
  const m = PROCEDURE_PATH.exec(urlPath);
  const code = m?.[1] ? decodeURIComponentSafe(m[1]) : null;
  if (!code || !SAFE_CODE.test(code)) return [];
  const hints: string[] = [];
  const entries = liteManifest(root);
  if (entries) {
    for (const href of chunkFiles(entries, PROCEDURE_CHUNK))
      hints.push(`<link rel="modulepreload" crossorigin href="${href}">`);
  }
  const fetchHint = (href: string) =>
    `<link rel="preload" as="fetch" crossorigin="use-credentials" href="${href}">`;
  const unit = new URLSearchParams(search).get('unit');
  // Without ?unit= the page uses the commune remembered in the browser: the server cannot know it.
  if (unit && SAFE_CODE.test(unit))
    hints.push(fetchHint(`/api/v1/procedures/${encodeURIComponent(code)}?unit=${encodeURIComponent(unit)}`));
  hints.push(fetchHint(`/api/v1/procedures/${encodeURIComponent(code)}/form`));
  hints.push(fetchHint('/api/v1/units?level=commune&active=true'));
  return hints;
}

function decodeURIComponentSafe(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function sendShell(reply: FastifyReply, root: string, urlPath: string, search = '') {
  const shell = shellFor(urlPath, root);
  const hints = shell === 'lite.html' ? procedureHints(urlPath, search, root) : [];
  if (hints.length > 0) {
    const html = fs.readFileSync(path.join(root, shell), 'utf8');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', SHELL_CACHE)
      .send(html.replace('</head>', `${hints.join('\n')}\n</head>`));
  }
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', SHELL_CACHE)
    .sendFile(shell, root, { cacheControl: false });
}

/**
 * For a GET that matched no route: the shell for a client route, a root file of the build
 * (favicon.svg), or undefined when the caller should answer 404.
 */
export function serveShellOrFile(req: FastifyRequest, reply: FastifyReply, root: string) {
  const [urlPath = '', search = ''] = req.url.split('?');
  if (
    (req.method !== 'GET' && req.method !== 'HEAD') ||
    isApiPath(urlPath) ||
    urlPath.startsWith('/assets/')
  ) {
    return undefined;
  }
  if (ROOT_FILE_RE.test(urlPath)) {
    const name = urlPath.slice(1);
    const file = path.join(root, name);
    if (
      name === 'index.html' ||
      name === 'lite.html' ||
      !fs.statSync(file, { throwIfNoEntry: false })?.isFile()
    )
      return undefined;
    return reply.header('cache-control', ROOT_FILE_CACHE).sendFile(name, root, { cacheControl: false });
  }
  return sendShell(reply, root, urlPath, search);
}
