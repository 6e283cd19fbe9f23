import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The house shape (docs/ARCHITECTURE.md): every module under src/server/modules has a thin
 * `routes.ts`, `schemas.ts`, `service.ts` or a `use-cases/` folder, `repository.ts` holding all its
 * SQL, and `policy.ts` with its role-matrix test `policy.test.ts`. A new module without one of them,
 * or a query outside a repository, fails here.
 *
 * The lists below are the gaps known today, each with why; they may only shrink: a gap that was
 * filled and is still listed fails too, so the lists stay true.
 */

const MODULES = path.dirname(fileURLToPath(import.meta.url));

type Part = 'routes.ts' | 'schemas.ts' | 'service' | 'repository.ts' | 'policy.ts' | 'policy.test.ts';
const PARTS: readonly Part[] = [
  'routes.ts',
  'schemas.ts',
  'service',
  'repository.ts',
  'policy.ts',
  'policy.test.ts',
];

/** Modules with no HTTP surface of their own (no routes, schemas or policy to ask). */
const NO_HTTP: Part[] = ['routes.ts', 'schemas.ts', 'policy.ts', 'policy.test.ts'];
const KNOWN_GAPS: Record<string, { missing: Part[]; why: string }> = {
  'dossier-events': {
    missing: [...NO_HTTP, 'service'],
    why: 'the one recorder (recorder.ts) other modules call',
  },
  integration: {
    missing: [...NO_HTTP, 'service'],
    why: 'the outbox worker and the stand-ins, wired from start.ts (outbox.ts, attempts.ts, senders.ts)',
  },
  portal: { missing: [...NO_HTTP, 'service'], why: 'the national-portal client, inbound fetch and delivery' },
};

/** Files outside a repository that still import drizzle or the table definitions (to move). */
const KNOWN_SQL_OUTSIDE: Record<string, string> = {
  'portal/view.ts': 'gathers the portal view in the caller’s transaction',
};

function modules(): string[] {
  return fs
    .readdirSync(MODULES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function has(dir: string, part: Part): boolean {
  if (part === 'service')
    return fs.existsSync(path.join(dir, 'service.ts')) || fs.existsSync(path.join(dir, 'use-cases'));
  return fs.existsSync(path.join(dir, part));
}

/** Module files (recursively) other than tests, as paths relative to src/server/modules. */
function sourceFiles(dir = MODULES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    if (!d.name.endsWith('.ts') || /\.test\.tsx?$/.test(d.name)) return [];
    return [path.relative(MODULES, full).split(path.sep).join('/')];
  });
}

/** A value import (not `import type`) of drizzle-orm or of the table definitions: a query is built here. */
const QUERY_IMPORT = /^import\s+(?!type\s)[^;]*?from\s+'(drizzle-orm[^']*|[^']*\/db\/schema\.ts)'/m;

function shapeGaps(): Record<string, Part[]> {
  return Object.fromEntries(
    modules()
      .map((m) => [m, PARTS.filter((p) => !has(path.join(MODULES, m), p))] as const)
      .filter(([, missing]) => missing.length > 0),
  );
}

function sqlOutsideRepositories(): string[] {
  return sourceFiles()
    .filter((f) => path.basename(f) !== 'repository.ts')
    .filter((f) => QUERY_IMPORT.test(fs.readFileSync(path.join(MODULES, f), 'utf8')))
    .sort();
}

describe('the house shape of src/server/modules', () => {
  it('gives every module routes, schemas, a service, a repository and a policy with its test (known gaps listed)', () => {
    const known = Object.fromEntries(Object.entries(KNOWN_GAPS).map(([m, g]) => [m, [...g.missing].sort()]));
    const found = Object.fromEntries(
      Object.entries(shapeGaps()).map(([m, missing]) => [m, [...missing].sort()]),
    );
    expect(found).toEqual(known);
  });

  it('keeps every query in a repository (known exceptions listed)', () => {
    expect(sqlOutsideRepositories()).toEqual(Object.keys(KNOWN_SQL_OUTSIDE).sort());
  });

  it('recognises a query import and passes a type-only one', () => {
    expect(QUERY_IMPORT.test("import { and, eq } from 'drizzle-orm';")).toBe(true);
    expect(QUERY_IMPORT.test("import { dossiers } from '../../db/schema.ts';")).toBe(true);
    expect(QUERY_IMPORT.test("import type { SQL } from 'drizzle-orm';")).toBe(false);
    expect(QUERY_IMPORT.test("import { dossiers } from './schemas.ts';")).toBe(false);
  });
});
