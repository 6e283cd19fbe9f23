import { eq } from 'drizzle-orm';
import { addDays, vnDateOf } from '../../domain/calendar/vn-time.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { meta } from '../db/schema.ts';
import { localFileStore } from '../lib/file-store.ts';
import { actOnFeedback, rateFeedback, submitFeedback } from '../modules/feedback/service.ts';
import { createServices } from '../services.ts';
import { createWorkerPool } from '../workers/pool.ts';
import { actor } from './story.ts';

/*
 * A few feedback items (phản ánh, kiến nghị) for the demo, at Tân Thới and Tân Phú Đông, in the last
 * two weeks: one published and rated, one waiting for the leader, one waiting for the citizen's
 * information, one just received, one refused. Entered through the feedback module's use cases with a
 * moving clock, as citizens and officers would; written once (a marker in `meta`).
 */

const MARKER = 'demo:feedback';

export async function seedDemoFeedback(
  database: Database,
  config: Config,
  now = new Date(),
): Promise<boolean> {
  const db = database.db;
  if ((await db.select().from(meta).where(eq(meta.key, MARKER))).length) return false;
  let clock = now;
  const ctx: AppContext = {
    config,
    database,
    db,
    files: localFileStore(config.filesDir),
    services: createServices(db, () => clock),
    workers: createWorkerPool({ threads: 1, maxHeapMb: config.workerHeapMb }),
    links: { portal: undefined, population: undefined, close: async () => undefined },
    now: () => clock,
  };
  const today = vnDateOf(now);
  /** `days` before today at hh:mm in Vietnam. */
  const at = (days: number, hm: string) => {
    clock = new Date(`${addDays(today, -days)}T${hm}:00+07:00`);
  };
  const who = {
    reception: await actor(db, 'reception.tan-thoi'),
    specialist: await actor(db, 'specialist.tan-thoi'),
    leader: await actor(db, 'leader.tan-thoi'),
    receptionTpd: await actor(db, 'reception.tan-phu-dong'),
  };

  at(12, '08:40');
  const published = await submitFeedback(ctx, {
    unit: '28693',
    category: 'time_limit',
    name: 'Lê Thị Hạnh',
    phone: '0918234567',
    content:
      'Hồ sơ đăng ký khai sinh của con tôi hẹn trả ngày thứ Sáu nhưng đến thứ Hai tuần sau mới nhận được. Đề nghị Trung tâm báo trước khi trễ hẹn.',
  });
  at(12, '10:15');
  await actOnFeedback(ctx, who.reception, published.code, { action: 'accept' });
  at(9, '14:00');
  await actOnFeedback(ctx, who.specialist, published.code, {
    action: 'answer',
    answer:
      'Trung tâm xin lỗi bà về việc trả kết quả trễ hẹn do hệ thống ký số gián đoạn. Từ nay, khi có nguy cơ trễ hẹn, cán bộ sẽ gửi phiếu xin lỗi và hẹn lại qua tin nhắn trước ngày hẹn.',
  });
  at(8, '09:30');
  await actOnFeedback(ctx, who.leader, published.code, { action: 'approve' });
  at(8, '15:00');
  await actOnFeedback(ctx, who.leader, published.code, { action: 'publish' });
  at(7, '19:20');
  await rateFeedback(ctx, published.code, 'satisfied');

  at(6, '09:05');
  const answered = await submitFeedback(ctx, {
    unit: '28693',
    category: 'attitude',
    name: 'Trần Văn Lộc',
    email: 'tranvanloc@example.vn',
    content: 'Cán bộ quầy số 2 trả lời cộc lốc, không hướng dẫn tôi cách điền tờ khai chứng thực.',
  });
  at(6, '10:00');
  await actOnFeedback(ctx, who.reception, answered.code, { action: 'accept' });
  at(2, '16:10');
  await actOnFeedback(ctx, who.specialist, answered.code, {
    action: 'answer',
    answer: 'Trung tâm đã làm việc với cán bộ quầy số 2 và bổ sung mẫu tờ khai điền sẵn tại quầy.',
  });

  at(4, '13:45');
  const info = await submitFeedback(ctx, {
    unit: '28693',
    category: 'procedure',
    name: 'Nguyễn Thị Mai',
    phone: '0987654321',
    content: 'Tôi được yêu cầu nộp thêm giấy tờ không có trong danh mục thủ tục.',
  });
  at(3, '08:30');
  await actOnFeedback(ctx, who.reception, info.code, {
    action: 'request_info',
    request: 'Xin bà cho biết mã hồ sơ hoặc tên thủ tục và giấy tờ được yêu cầu nộp thêm.',
  });

  clock = new Date(now.getTime() - 20 * 60_000);
  await submitFeedback(ctx, {
    unit: '28693',
    category: 'fees',
    name: 'Phạm Văn Tài',
    phone: '0903111222',
    content: 'Đề nghị niêm yết rõ mức lệ phí chứng thực bản sao tại quầy để người dân dễ theo dõi.',
  });

  at(5, '10:00');
  const refused = await submitFeedback(ctx, {
    unit: '28696',
    category: 'other',
    name: 'Võ Minh Tuấn',
    phone: '0939888777',
    content: 'Đường vào ấp 3 bị ngập nhiều ngày, đề nghị xã sửa chữa sớm.',
  });
  at(4, '09:00');
  await actOnFeedback(ctx, who.receptionTpd, refused.code, {
    action: 'refuse',
    reason:
      'Nội dung không phải phản ánh về thủ tục hành chính; Trung tâm đã chuyển đến bộ phận tiếp công dân của UBND xã.',
  });

  await db.insert(meta).values({ key: MARKER, value: now.toISOString() });
  return true;
}
