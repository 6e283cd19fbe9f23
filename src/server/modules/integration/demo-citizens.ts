import { createHash } from 'node:crypto';

/* The demo citizens of the local OpenID Connect provider (oidc-standin.ts). */

export interface DemoCitizen {
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** Demo citizens of the local provider (fictional people; IDs valid by the 12-digit rule). */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { personalId: '082190004567', fullName: 'Trần Thị Bích Ngọc', birthDate: '1990-03-14' },
  { personalId: '082085001122', fullName: 'Lê Văn Đức', birthDate: '1985-11-02' },
  { personalId: '082301003344', fullName: 'Phạm Thị Ánh Dương', birthDate: '2001-07-09' },
];

/** Password of every demo citizen at the local provider. */
export const DEMO_CITIZEN_PASSWORD = 'congdan-demo';

/** The provider's stable pseudonymous subject of a citizen (not the personal ID itself). */
export function demoSubject(personalId: string): string {
  return `vn-${createHash('sha256').update(`motcua-demo:${personalId}`).digest('hex').slice(0, 24)}`;
}
