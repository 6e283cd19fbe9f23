import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { ROLES } from '../identity/types.ts';
import { INSPECTORS } from './policy.ts';

const TAN_THOI = '28693';

describe('inspection policy', () => {
  it('lets the province, an administrator and a commune leader record inspections, no one else', () => {
    const matrix = Object.fromEntries(ROLES.map((r) => [r, INSPECTORS.includes(r)]));
    expect(matrix).toEqual({
      reception: false,
      specialist: false,
      leader: true,
      province: true,
      admin: true,
    });
  });
});

describe.each(databaseKinds())('inspections and their follow-up tasks on %s', (kind) => {
  let s: TestServer;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => new Date('2025-07-02T03:00:00Z') });
    for (const u of ['province.dong-thap', 'leader.my-tho', 'reception.tan-thoi', 'specialist.tan-thoi'])
      cookies[u] = await s.login(u);
  });
  afterAll(async () => s?.close());

  const body = (owner: string) => ({
    day: '2025-07-02',
    participants: 'Đoàn kiểm tra của tỉnh;\nlãnh đạo xã Tân Thới',
    findings: 'Niêm yết thủ tục đầy đủ; cán bộ chưa được bồi dưỡng nghiệp vụ',
    directions: 'Tổ chức bồi dưỡng trước 31/7',
    tasks: [{ title: 'Lập kế hoạch bồi dưỡng', owner, dueDate: '2025-07-31' }],
  });
  const count = async () =>
    (
      await s.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM inspections)::int + (SELECT count(*) FROM inspection_tasks)::int AS n',
      )
    )[0]?.n;

  it('refuses an owner from outside the commune, and other communes and roles, writing nothing', async () => {
    const before = await count();
    const stranger = await s.request({
      method: 'POST',
      url: `/api/v1/inspections?unit=${TAN_THOI}`,
      headers: { cookie: cookies['province.dong-thap'] ?? '' },
      payload: body('specialist.my-tho'),
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toEqual([
      { path: 'tasks.0.owner', message: expect.stringContaining('specialist.my-tho') },
    ]);
    const reception = await s.request({
      method: 'POST',
      url: `/api/v1/inspections?unit=${TAN_THOI}`,
      headers: { cookie: cookies['reception.tan-thoi'] ?? '' },
      payload: body('specialist.tan-thoi'),
    });
    expect(reception.statusCode).toBe(403);
    const otherLeader = await s.request({
      method: 'POST',
      url: `/api/v1/inspections?unit=${TAN_THOI}`,
      headers: { cookie: cookies['leader.my-tho'] ?? '' },
      payload: body('specialist.tan-thoi'),
    });
    expect(otherLeader.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('records an inspection whose task waits in its owner queue until done', async () => {
    const created = await s.request({
      method: 'POST',
      url: `/api/v1/inspections?unit=${TAN_THOI}`,
      headers: { cookie: cookies['province.dong-thap'] ?? '' },
      payload: body('specialist.tan-thoi'),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ tasks: 1 });
    const mine = await s.request({
      url: '/api/v1/tasks/mine',
      headers: { cookie: cookies['specialist.tan-thoi'] ?? '' },
    });
    expect(mine.json()).toEqual([
      { id: expect.any(String), title: 'Lập kế hoạch bồi dưỡng', dueDate: '2025-07-31' },
    ]);
    const taskId = mine.json()[0].id as string;
    // Only its owner closes it, once.
    const byOther = await s.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/done`,
      headers: { cookie: cookies['reception.tan-thoi'] ?? '' },
    });
    expect(byOther.statusCode).toBe(404);
    const done = await s.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/done`,
      headers: { cookie: cookies['specialist.tan-thoi'] ?? '' },
    });
    expect(done.statusCode).toBe(204);
    const again = await s.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/done`,
      headers: { cookie: cookies['specialist.tan-thoi'] ?? '' },
    });
    expect(again.statusCode).toBe(404);
    expect(
      (
        await s.request({
          url: '/api/v1/tasks/mine',
          headers: { cookie: cookies['specialist.tan-thoi'] ?? '' },
        })
      ).json(),
    ).toEqual([]);
    const list = await s.request({
      url: `/api/v1/inspections?unit=${TAN_THOI}`,
      headers: { cookie: cookies['province.dong-thap'] ?? '' },
    });
    const recorded = list.json().find((i: { id: string }) => i.id === created.json().id);
    expect(recorded).toMatchObject({
      day: '2025-07-02',
      directions: 'Tổ chức bồi dưỡng trước 31/7',
      tasks: [{ id: taskId, owner: 'specialist.tan-thoi', doneAt: '2025-07-02T03:00:00.000Z' }],
    });
    // The province sees none of its own: tasks belong to commune officers.
    const provinceTasks = await s.request({
      url: '/api/v1/tasks/mine',
      headers: { cookie: cookies['province.dong-thap'] ?? '' },
    });
    expect(provinceTasks.json()).toEqual([]);
  });
});
