import { type IndicatorValue, percent } from './index-766.ts';

/*
 * The Decision 766 indicators about synchronisation and data sharing (docs/domain-vn.md §1.4):
 * 1.4 dossiers synchronised to DVCQG, and 4.5 use of population data (VNeID / national population
 * database). Counted by the reports' repository (`syncCounts`) from the outbox, the population
 * lookup log and the dossiers; the figures here are pure.
 */

export interface SyncCounts {
  /** Dossiers received (accepted) in the period: receipt time in the period, status neither 1 nor 3. */
  received: number;
  /**
   * Of those, synchronised at the cut-off: at least one portal message was created for the dossier by
   * then, and every portal message created by then was delivered by then.
   */
  synced: number;
  /** Of those, with population data: filed by a citizen signed in with their e-identity, or a lookup found the applicant. */
  populationData: number;
  /** The communes synchronise with DVCQG at all (a portal message exists): else 1.4 is "chưa thu thập". */
  syncCollected: boolean;
  /** The communes use population data at all (a lookup or an e-identity filing exists): else 4.5 is "chưa thu thập". */
  populationCollected: boolean;
}

export function indicator14(c: SyncCounts): IndicatorValue {
  const base = {
    id: '1.4' as const,
    name: 'Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia',
    formula:
      'received in the period and fully delivered to DVCQG at the cut-off / received in the period × 100',
    formulaVi:
      'Số hồ sơ có ngày tiếp nhận trong kỳ đã được đồng bộ đầy đủ lên Cổng DVCQG (tính đến thời điểm lập báo cáo) / Tổng số hồ sơ tiếp nhận trong kỳ × 100%',
  };
  if (!c.syncCollected)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Trạng thái đồng bộ hồ sơ với Cổng DVCQG chưa được ghi nhận',
    };
  return { ...base, numerator: c.synced, denominator: c.received, value: percent(c.synced, c.received) };
}

export function indicator45(c: SyncCounts): IndicatorValue {
  const base = {
    id: '4.5' as const,
    name: 'Tỷ lệ khai thác dữ liệu dân cư (CSDL dân cư, VNeID)',
    formula:
      'received in the period, filed with an e-identity or with the applicant found in the population database / received in the period × 100',
    formulaVi:
      'Số hồ sơ tiếp nhận trong kỳ được xác thực bằng tài khoản định danh điện tử hoặc khai thác dữ liệu từ CSDL quốc gia về dân cư / Tổng số hồ sơ tiếp nhận trong kỳ × 100%',
  };
  if (!c.populationCollected)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Xác thực VNeID và khai thác CSDL dân cư chưa được thu thập',
    };
  return {
    ...base,
    numerator: c.populationData,
    denominator: c.received,
    value: percent(c.populationData, c.received),
  };
}

/** The full index with 1.4 and 4.5 computed from `c` in place of their "chưa thu thập" entries. */
export function withSyncIndicators(index: readonly IndicatorValue[], c: SyncCounts): IndicatorValue[] {
  const computed = new Map<string, IndicatorValue>([
    ['1.4', indicator14(c)],
    ['4.5', indicator45(c)],
  ]);
  return index.map((i) => computed.get(i.id) ?? i);
}
