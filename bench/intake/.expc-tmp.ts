import autocannon from 'autocannon';
import { loginAll } from './http-load.ts';
import { DEMO_COMMUNES, INTAKE_BODY } from './fixtures.ts';
const url = 'http://127.0.0.1:45200';
const cookies = await loginAll(url, DEMO_COMMUNES.map((c) => `reception.${c.slug}`));
for (const round of [1, 2, 3]) {
  let next = 0; const perClient = new Map<unknown, number[]>();
  await new Promise<void>((resolve, reject) => {
    const inst = autocannon({ url, connections: 32, duration: 4, requests: [{ method: 'POST', path: '/api/v1/dossiers', body: INTAKE_BODY,
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'content-type': 'application/json', cookie: cookies[next++ % cookies.length] as string } }) }] }, (e) => (e ? reject(e) : resolve()));
    (inst as unknown as NodeJS.EventEmitter).on('response', (c: unknown, _s: number, _b: number, ms: number) => { const l = perClient.get(c) ?? []; l.push(ms); perClient.set(c, l); });
  });
  const all = [...perClient.values()].flat().sort((a, b) => a - b);
  const firstMs = [...perClient.values()].map((l) => l[0]!).sort((a, b) => b - a);
  console.log(`round ${round}: ${all.length} requests (${(all.length / 4).toFixed(0)}/s), p99 ${all[Math.floor(all.length * 0.99)]!.toFixed(0)} max ${all[all.length - 1]!.toFixed(0)} ms; first responses ${firstMs.slice(0, 4).map((x) => x.toFixed(0)).join(' ')} ... ${firstMs.slice(-2).map((x) => x.toFixed(0)).join(' ')}; counts min ${Math.min(...[...perClient.values()].map((l) => l.length))} max ${Math.max(...[...perClient.values()].map((l) => l.length))}`);
  await new Promise((r) => setTimeout(r, 1000));
}
