import type { Fee } from './procedure.ts';

/*
 * How a dossier's fees were paid when the counter collected them (Decision 766 indicator 3.6,
 * docs/domain-vn.md §1.5 "online payment flags per dossier"). The four ways are what a commune
 * center takes ([I], keep configurable): cash at the counter, online payment (DVCQG payment
 * platform), bank transfer, or nothing to pay (no fee, or exempted).
 */
export const FEE_PAYMENTS = ['cash', 'online', 'transfer', 'not_required'] as const;
export type FeePayment = (typeof FEE_PAYMENTS)[number];

export const FEE_PAYMENT_NAMES: Readonly<Record<FeePayment, string>> = {
  cash: 'Nộp tiền mặt tại Bộ phận một cửa',
  online: 'Thanh toán trực tuyến',
  transfer: 'Chuyển khoản ngân hàng',
  not_required: 'Không phải nộp (không thu hoặc được miễn)',
};

/** The procedure carries a fee or charge: an amount above 0, or one the province sets (amount null). */
export function hasFee(fees: readonly Pick<Fee, 'amount'>[]): boolean {
  return fees.some((f) => f.amount === null || f.amount > 0);
}

/**
 * Why a fee record given at intake is refused (Vietnamese), or null when it is sound: fees are
 * collected only when a dossier is accepted; a procedure without a fee takes only "không phải nộp";
 * a payment other than "không phải nộp" needs an amount above 0, and "không phải nộp" none.
 */
export function feePaymentError(
  fees: readonly Pick<Fee, 'amount'>[],
  accepted: boolean,
  fee: { payment: FeePayment; amount?: number | null | undefined },
): { path: string; message: string } | null {
  if (!accepted)
    return {
      path: 'fee',
      message: 'Chỉ thu phí, lệ phí khi tiếp nhận hồ sơ (không thu khi từ chối, hướng dẫn bổ sung)',
    };
  if (fee.payment === 'not_required') {
    if (fee.amount)
      return { path: 'fee.amount', message: 'Hồ sơ không phải nộp phí thì số tiền phải bằng 0' };
    return null;
  }
  if (!hasFee(fees))
    return { path: 'fee.payment', message: 'Thủ tục không thu phí, lệ phí: chỉ chọn "Không phải nộp"' };
  if (!fee.amount || fee.amount <= 0)
    return { path: 'fee.amount', message: 'Cần ghi số tiền phí, lệ phí đã thu (lớn hơn 0 đồng)' };
  return null;
}
