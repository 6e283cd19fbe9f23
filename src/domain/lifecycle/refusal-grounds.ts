/*
 * Grounds on which reception refuses a dossier filed online (national status 1 → 3, refusal slip).
 *
 * What docs/domain-vn.md establishes [V]:
 * - §2.3 step 3: the reception officer checks the dossier (chính xác, đầy đủ, thống nhất, hợp lệ); a
 *   dossier that can be completed gets a supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ);
 *   one that "cannot be completed / is not eligible" gets the Phiếu từ chối tiếp nhận giải quyết hồ sơ
 *   with its reasons, signed by the refusing officer. These are the two lawful grounds below.
 * - §3.4: the slip carries the reasons as free text ("Lý do từ chối"), so the officer may add detail.
 * - §1.2: commune centres receive dossiers regardless of the administrative boundary within the
 *   province, so "not this commune's competence" is NOT a ground for an in-province procedure: such a
 *   dossier is routed to the competent body, not refused. (Our earlier "không thuộc thẩm quyền" ground
 *   was dropped for that reason.)
 * - §1.1: Decree 118/2025 replaced Decrees 61/2018 and 107/2021 on 01/07/2025; Decree 45/2020 (electronic
 *   procedures) is listed [S] without its content. domain-vn.md gives no closed list of refusal grounds.
 *
 * Anything beyond those two grounds is [I] (our inference, not confirmed from a source): it is marked
 * `basis: 'I'` here and in docs/API.md, and a deployment drops it by removing it from this list.
 */

export interface RefusalGround {
  code: string;
  /** The wording printed on the Vietnamese refusal slip, whatever the officer's interface language. */
  slipText: string;
  /** [V] confirmed in docs/domain-vn.md (section given), or [I] inferred. */
  basis: 'V' | 'I';
  source: string;
}

export const REFUSAL_GROUNDS = [
  {
    code: 'cannot_complete',
    slipText: 'Hồ sơ không thể bổ sung, hoàn thiện để đủ thành phần, hợp lệ theo quy định',
    basis: 'V',
    source: 'domain-vn.md §2.3 bước 3',
  },
  {
    code: 'not_eligible',
    slipText: 'Hồ sơ không đủ điều kiện giải quyết theo quy định của thủ tục hành chính',
    basis: 'V',
    source: 'domain-vn.md §2.3 bước 3',
  },
  {
    code: 'forged',
    slipText: 'Giấy tờ trong hồ sơ có dấu hiệu giả mạo, tẩy xóa, sửa chữa',
    basis: 'I',
    source: '[I] chưa có căn cứ trong domain-vn.md',
  },
] as const satisfies readonly RefusalGround[];

export type RefusalGroundCode = (typeof REFUSAL_GROUNDS)[number]['code'];

/** The refusal slip's "Lý do từ chối": the chosen grounds' Vietnamese wording, then the officer's detail. */
export function refusalReason(codes: readonly string[], detail: string): string {
  const parts: string[] = REFUSAL_GROUNDS.filter((g) => codes.includes(g.code)).map((g) => g.slipText);
  const extra = detail.trim();
  if (extra) parts.push(extra);
  return parts.join('; ');
}
