import { PHONE_CHARACTERS } from '../../domain/contact/phone-schema.ts';
import { DEMO_PROVINCE } from '../seed/demo.ts';
import { intakeBody } from './harness.ts';
import type { JsonSchema } from './openapi-sample.ts';
import { DEMO_PASSWORD } from './test-env.ts';

/*
 * Valid values for the fields of requests sampled from the OpenAPI document (openapi-sample.ts),
 * taken from the demo data, and the demo users that together may call every route.
 */

export const COMMUNE = '28693'; // Tân Thới, the commune of the *.tan-thoi demo accounts
export const SWEEP_USERS = [
  'reception.tan-thoi',
  'specialist.tan-thoi',
  'leader.tan-thoi',
  'province.dong-thap',
  'admin',
];
const PDF_BASE64 = Buffer.from('%PDF-1.4\n% nul sweep\n%%EOF\n').toString('base64');
const applicant = intakeBody().applicant;

/** Valid values for patterned and looked-up fields, taken from the demo data. */
const PATTERN_EXAMPLES: Record<string, string> = {
  '^\\d{5}$': COMMUNE,
  '^\\d{2}$': DEMO_PROVINCE,
  '^(\\d{2}|\\d{5}|all)$': COMMUNE,
  '^(\\d{2}|\\d{5}|\\*)$': COMMUNE,
  '^\\d{4}$': applicant.phone.slice(-4),
  '^\\d{12}$': applicant.idNumber,
  [PHONE_CHARACTERS.source]: applicant.phone,
  // A partner key's scope (a commune), and the Partner API's page cursor (base64url).
  '^(\\d{2}|\\d{5})$': COMMUNE,
  '^[A-Za-z0-9_-]+$': Buffer.from('2025-07-03T02:00:00.000Z|H82.045-250703-0001').toString('base64url'),
  '^[A-Za-z0-9_.-]{1,40}$': 'CT', // a field code (queue groups, counters' fields)
};

export function examples(dossierCode: string, staffId: string) {
  const byName: Record<string, unknown> = {
    procedureCode: intakeBody().procedureCode,
    fieldCode: 'CT', // the field of procedure 2.000815 (Chứng thực)
    fullName: applicant.fullName,
    idNumber: applicant.idNumber,
    // The population lookup of the intake applicant (082195001234, born 1995: a demo citizen of the stand-in).
    personalId: applicant.idNumber,
    birthDate: '1995-03-14',
    // A legal document's days (notices), in order; the sweep's clock is 3 July 2025.
    issuedOn: '2025-06-09',
    effectiveOn: '2025-07-01',
    expiresOn: '2025-07-31',
    purpose: 'Tiếp nhận hồ sơ chứng thực',
    dossierCode,
    address: applicant.address,
    username: 'admin',
    password: DEMO_PASSWORD,
    owner: 'specialist.tan-thoi',
    assignee: 'specialist.tan-thoi',
    id: 'ban-chinh', // a document of procedure 2.000815
    year: 2025,
    originals: 1,
    dataBase64: PDF_BASE64,
    'idempotency-key': 'nul-sweep-0001',
  };
  return ({ route, name, schema }: { route: string; name: string | undefined; schema: JsonSchema }) => {
    if (name === 'code' && route.startsWith('/api/v1/procedures/')) return intakeBody().procedureCode;
    if (name === 'code' && route.startsWith('/api/v1/units/')) return COMMUNE;
    if (name === 'code' && route.startsWith('/api/v1/partners/')) return COMMUNE; // a key's scope
    if (name === 'code' && route.startsWith('/api/v1/guides/intake/')) return intakeBody().procedureCode;
    if (name === 'id' && route.startsWith('/api/v1/practice/exercises/')) return 'receive';
    if (name === 'code') return dossierCode;
    if (name === 'staffId') return staffId;
    if (name && name in byName && (schema.type !== 'string' || !schema.format)) return byName[name];
    if (typeof schema.pattern === 'string' && !schema.format) return PATTERN_EXAMPLES[schema.pattern];
    return undefined;
  };
}
