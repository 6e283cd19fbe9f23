import { expect } from 'vitest';
import { intakeBody, requiredDocuments, type TestServer } from './harness.ts';

/** Officers of Tân Thới (28693) by role, each signed in with their own session cookie. */
export type OfficerCookies = Record<string, string>;

/** Signs in the demo officers of Tân Thới with the given roles (`reception` → `reception.tan-thoi`). */
export async function signInOfficers(s: TestServer, roles: readonly string[]): Promise<OfficerCookies> {
  const cookies: OfficerCookies = {};
  for (const role of roles) cookies[role] = await s.login(`${role}.tan-thoi`);
  return cookies;
}

/**
 * What lifecycle tests do through the API as the commune's officers: act on a dossier, read as one
 * of them, and receive a dossier at the counter and transfer it to processing. `server` and `cookies`
 * are read at call time (the server starts in `beforeAll`).
 */
export function officerDesk(server: () => TestServer, cookies: () => OfficerCookies) {
  const headers = (who: string) => {
    const cookie = cookies()[who];
    if (!cookie) throw new Error(`${who} is not signed in`);
    return { cookie };
  };
  const act = (who: string, code: string, payload: Record<string, unknown>) =>
    server().request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: headers(who),
      payload,
    });
  const get = (who: string, url: string) => server().request({ method: 'GET', url, headers: headers(who) });

  /** A dossier of the procedure received at Tân Thới's counter and transferred to processing; its code. */
  async function transferred(procedureCode: string): Promise<string> {
    const documents = await requiredDocuments(server(), procedureCode, '28693');
    const res = await server().request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: headers('reception'),
      payload: intakeBody({ procedureCode, documents }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().code as string;
    expect((await act('reception', code, { action: 'transfer' })).statusCode).toBe(200);
    return code;
  }
  return { act, get, transferred };
}
