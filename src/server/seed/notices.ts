import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notices, units } from '../db/schema.ts';
import { DEMO_COMMUNES, DEMO_PROVINCE } from './demo.ts';

/*
 * The demo's notices and legal documents (issue 16 item 5): the province's explanation of two-tier
 * local government and two decrees of 2025 named in docs/domain-vn.md §1.1, and each demo center's
 * working hours (the demo province's office hours, seeded in demo.ts). Fixed ids: added once, never
 * overwritten (an edit made in the demo stays).
 */

const at = (iso: string) => new Date(iso);

const TWO_TIER_BODY = [
  'Từ ngày 01/7/2025, chính quyền địa phương được tổ chức thành hai cấp: cấp tỉnh và cấp xã. Cấp huyện không còn.',
  '',
  'Nhiều xã cũ đã hợp lại thành xã mới. Nếu chưa biết xã cũ của mình nay thuộc xã nào, hãy tìm theo tên xã, huyện hoặc tỉnh cũ trên trang chủ của Cổng.',
  '',
  'Trung tâm Phục vụ hành chính công của tỉnh và của các xã nhận hồ sơ không phụ thuộc địa giới hành chính trong tỉnh (Nghị định 118/2025/NĐ-CP): thủ tục cấp xã của bất kỳ xã nào trong tỉnh đều nộp được tại Trung tâm gần nhất; hồ sơ được chuyển đến nơi có thẩm quyền giải quyết.',
].join('\n');

function provinceItems() {
  return [
    {
      id: '6f1c2a10-0001-4000-8000-000000000001',
      kind: 'notice' as const,
      title: 'Chính quyền địa phương hai cấp: những điều người dân cần biết',
      summary:
        'Từ 01/7/2025 chỉ còn cấp tỉnh và cấp xã; nộp hồ sơ tại Trung tâm của bất kỳ xã nào trong tỉnh.',
      body: TWO_TIER_BODY,
      publishedAt: at('2025-07-01T01:00:00Z'),
    },
    {
      id: '6f1c2a10-0001-4000-8000-000000000002',
      kind: 'legal_document' as const,
      title:
        'Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia',
      summary:
        'Thay thế Nghị định 61/2018/NĐ-CP; áp dụng cho Trung tâm Phục vụ hành chính công cấp tỉnh và cấp xã.',
      body: '',
      docNumber: '118/2025/NĐ-CP',
      issuer: 'Chính phủ',
      issuedOn: '2025-06-09',
      effectiveOn: '2025-07-01',
      publishedAt: at('2025-07-01T02:00:00Z'),
    },
    {
      id: '6f1c2a10-0001-4000-8000-000000000003',
      kind: 'legal_document' as const,
      title: 'Nghị định phân định thẩm quyền của chính quyền địa phương hai cấp trong lĩnh vực tư pháp',
      summary:
        'Hộ tịch, chứng thực, nuôi con nuôi, hòa giải ở cơ sở: thẩm quyền của cấp huyện trước đây chuyển cho cấp xã hoặc cấp tỉnh.',
      body: '',
      docNumber: '120/2025/NĐ-CP',
      issuer: 'Chính phủ',
      issuedOn: '2025-06-11',
      effectiveOn: '2025-07-01',
      publishedAt: at('2025-07-01T02:30:00Z'),
    },
  ];
}

/** Adds the demo notices that are missing. */
export async function seedDemoNotices(db: Db): Promise<void> {
  const communes = await db
    .select({ code: units.code, fullName: units.fullName })
    .from(units)
    .where(inArray(units.code, [...DEMO_COMMUNES]));
  const rows = [
    ...provinceItems().map((p) => ({ ...p, unitCode: DEMO_PROVINCE })),
    ...communes.map((c, i) => ({
      unitCode: c.code,
      id: `6f1c2a10-0002-4000-8000-0000000${c.code}`,
      kind: 'notice' as const,
      title: `Thời gian làm việc của Trung tâm Phục vụ hành chính công ${c.fullName}`,
      summary: 'Sáng 07:00 – 11:30, chiều 13:30 – 17:00, từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ, Tết).',
      body: [
        `Trung tâm Phục vụ hành chính công ${c.fullName} tiếp nhận và trả kết quả hồ sơ:`,
        '- Buổi sáng: 07:00 – 11:30',
        '- Buổi chiều: 13:30 – 17:00',
        'từ thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, Tết theo quy định.',
      ].join('\n'),
      publishedAt: at(`2026-01-05T0${1 + (i % 5)}:00:00Z`),
    })),
  ];
  await db
    .insert(notices)
    .values(
      rows.map((r) => ({
        ...r,
        createdAt: r.publishedAt,
        updatedAt: r.publishedAt,
        version: 1,
      })),
    )
    .onConflictDoNothing();
}
