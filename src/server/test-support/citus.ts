/*
 * Per-test databases on the Citus test cluster (scripts/citus-cluster.sh). Making one from nothing —
 * CREATE EXTENSION citus on three nodes, the node list, the migrations distributing ~40 tables, the
 * seed — takes tens of seconds. Instead the template is built once per content of migrations and seed
 * (global-setup.ts), exactly as a real cluster would be (`motcua migrate` on the coordinator), then
 * closed to connections; every test copies it on each node with CREATE DATABASE … TEMPLATE. A copy
 * carries its node's shards and Citus metadata (shard ids, placements, the node list), so the copies
 * together form a working cluster database under the new name.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

interface Node {
  url: string;
}

function withDb(base: string, db: string) {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}

async function on<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The coordinator first, then the workers, as the coordinator's database at `url` lists them. */
export async function clusterNodes(url: string): Promise<Node[]> {
  const base = new URL(url);
  const rows = await on(
    url,
    async (c) =>
      (
        await c.query<{ nodename: string; nodeport: number }>(
          `SELECT nodename, nodeport FROM pg_dist_node WHERE noderole = 'primary' AND groupid > 0 ORDER BY nodeport`,
        )
      ).rows,
  );
  const node = (host: string, port: number) => {
    const u = new URL(base);
    u.hostname = host;
    u.port = String(port);
    u.pathname = '/postgres';
    return { url: u.toString() };
  };
  return [node(base.hostname, Number(base.port || 5432)), ...rows.map((r) => node(r.nodename, r.nodeport))];
}

const quote = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name ${name}`);
  return name;
};

/**
 * Drops `name` on every node. WITH (FORCE) ends the sessions in it, but a Citus maintenance daemon (a
 * background worker per database) may be starting again meanwhile — "database … is being accessed by
 * other users" (55006) was seen once in a full run after a test that pointed a node at a dead port —
 * so the drop is tried again a few times before it fails.
 */
async function dropEverywhere(nodes: Node[], name: string) {
  for (const n of nodes)
    for (let attempt = 1; ; attempt++) {
      try {
        await on(n.url, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt === 10) throw err;
        await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      }
    }
}

/** An empty database `name` on every node with the extension, the coordinator knowing its workers. */
async function makeCitusDatabase(nodes: Node[], name: string) {
  for (const n of nodes) await on(n.url, (c) => c.query(`CREATE DATABASE ${quote(name)}`));
  for (const n of nodes) await on(withDb(n.url, name), (c) => c.query('CREATE EXTENSION citus'));
  const coordinator = new URL(nodes[0]!.url);
  await on(withDb(nodes[0]!.url, name), async (c) => {
    await c.query('SELECT citus_set_coordinator_host($1, $2)', [
      coordinator.hostname,
      Number(coordinator.port),
    ]);
    for (const n of nodes.slice(1)) {
      const u = new URL(n.url);
      await c.query('SELECT citus_add_node($1, $2)', [u.hostname, Number(u.port)]);
    }
  });
}

/** An empty cluster database (the browser journeys' server migrates and seeds it); `drop` removes it. */
export async function createEmptyCitusDatabase(url: string) {
  const nodes = await clusterNodes(url);
  const name = `motcua_ce_${randomBytes(4).toString('hex')}`;
  await makeCitusDatabase(nodes, name);
  return { url: withDb(url, name), name, nodes, drop: () => dropEverywhere(nodes, name) };
}

/**
 * Makes the template database `name` on every node unless a finished one is there (finished = closed
 * to connections, the last step); `build` migrates and seeds it through the coordinator's URL.
 */
export async function ensureCitusTemplate(url: string, name: string, build: (url: string) => Promise<void>) {
  const nodes = await clusterNodes(url);
  const finished = await Promise.all(
    nodes.map((n) =>
      on(n.url, async (c) => {
        const r = await c.query('SELECT datallowconn FROM pg_database WHERE datname = $1', [name]);
        return r.rows[0]?.datallowconn === false;
      }),
    ),
  );
  if (finished.every(Boolean)) return name;
  await dropEverywhere(nodes, name);
  await makeCitusDatabase(nodes, name);
  await build(withDb(url, name));
  // Closed to connections (Citus's maintenance daemon included), so it can be copied.
  for (const n of nodes) {
    await on(n.url, async (c) => {
      await c.query(`ALTER DATABASE ${quote(name)} ALLOW_CONNECTIONS false`);
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    });
  }
  // Older templates of this cluster go (a fingerprint changed).
  for (const n of nodes) {
    await on(n.url, async (c) => {
      const old = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'motcua_citus_tpl_%' AND datname <> $1`,
        [name],
      );
      for (const o of old.rows) await c.query(`DROP DATABASE IF EXISTS ${quote(o.datname)} WITH (FORCE)`);
    });
  }
  return name;
}

/** A fresh copy of the template on every node; `drop` removes it from every node. */
export async function createCitusDatabase(url: string, template: string) {
  const nodes = await clusterNodes(url);
  const name = `motcua_c_${randomBytes(5).toString('hex')}`;
  for (const n of nodes) {
    // A template is busy for a moment while another copy is made from it: try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await on(n.url, (c) => c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`));
        break;
      } catch (err) {
        if (attempt > 50 || (err as { code?: string }).code !== '55006') throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  }
  return {
    url: withDb(url, name),
    name,
    nodes,
    drop: () => dropEverywhere(nodes, name),
  };
}
