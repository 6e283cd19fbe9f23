import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { createQueueBus } from './bus.ts';
import {
  AddCounterBody,
  BoardSchema,
  CallNextSchema,
  CounterParams,
  CountersSchema,
  FollowSchema,
  KioskSchema,
  QueueReportQuery,
  QueueReportSchema,
  SaveCountersBody,
  StaffUnitQuery,
  TakenTicketSchema,
  TakeTicketBody,
  TicketActionBody,
  TicketParams,
  TicketSchema,
  TicketUnitQuery,
  UnitQuery,
  UpdateCounterBody,
} from './schemas.ts';
import {
  act,
  addCounter,
  boardOf,
  callNext,
  countersOf,
  follow,
  kiosk,
  queueReportOf,
  saveCounters,
  takeTicket,
  ticketPrint,
  updateCounter,
} from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const conflict = { ...problems, 409: ProblemSchema };

/** Boards' event streams one server process keeps open at most (each is one socket). */
const MAX_STREAMS = 500;
const KEEPALIVE_MS = 20_000;

/** Queue tickets, the counters that call them and the hall's board (issue 16 item 1). */
export function queueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const bus = createQueueBus(ctx.database);
  const streams = new Set<ServerResponse>();
  // Event streams never go idle: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
    streams.clear();
  });
  app.addHook('onClose', async () => bus.close());

  r.get(
    '/api/v1/queue/kiosk',
    {
      schema: {
        tags: ['queue'],
        summary: 'Máy lấy số: các lĩnh vực có quầy phục vụ của Trung tâm (công khai)',
        querystring: UnitQuery,
        response: { 200: KioskSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req) => kiosk(ctx, req.query.unit),
  );

  r.post(
    '/api/v1/queue/tickets',
    {
      // The kiosk is an unattended public device: small bodies, and a limit per client address.
      bodyLimit: 1024,
      config: { rateLimit: { max: ctx.config.queueTicketsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['queue'],
        summary: 'Lấy số thứ tự (công khai; số liên tục theo xã và ngày, không bỏ trống)',
        description:
          'Không có `group`: hàng chung. Có `phone`: gửi số qua SMS (tối đa 3 lần mỗi số điện thoại mỗi ngày; số điện thoại không lưu cùng số thứ tự). Giới hạn `MOTCUA_QUEUE_TICKETS_PER_MINUTE` lần mỗi phút cho mỗi địa chỉ.',
        body: TakeTicketBody,
        response: { 201: TakenTicketSchema, 404: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await takeTicket(ctx, req.body)),
  );

  r.get(
    '/api/v1/queue/tickets/:id',
    {
      schema: {
        tags: ['queue'],
        summary: 'Theo dõi số thứ tự: vị trí trong hàng, đang được gọi ở quầy nào (công khai, theo mã phiếu)',
        params: TicketParams,
        querystring: TicketUnitQuery,
        response: { 200: FollowSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req) => follow(ctx, req.params.id, req.query.unit),
  );

  r.get(
    '/api/v1/queue/tickets/:id/print',
    {
      schema: {
        tags: ['queue'],
        summary: 'Phiếu số thứ tự khổ 80 mm (PDF) cho máy in nhiệt của máy lấy số',
        params: TicketParams,
        querystring: TicketUnitQuery,
        response: { 200: z.any(), 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req, reply) => {
      const data = await ticketPrint(ctx, req.params.id, req.query.unit);
      const file = await ctx.workers.run('queueTicket', data);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="so-thu-tu-${data.number}.pdf"`)
        .serializer((x) => x as string)
        .send(file as never);
    },
  );

  r.get(
    '/api/v1/queue/board',
    {
      schema: {
        tags: ['queue'],
        summary: 'Màn hình gọi số của sảnh: số đang gọi tại từng quầy, các lượt gọi gần nhất (công khai)',
        description: 'Lượt gọi mới được đẩy qua `GET /api/v1/queue/board/stream?unit=` (Server-Sent Events).',
        querystring: UnitQuery,
        response: { 200: BoardSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req) => boardOf(ctx, req.query.unit),
  );

  r.get(
    '/api/v1/queue/board/stream',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['queue'],
        summary: 'Luồng sự kiện (text/event-stream) của các lượt gọi số tại sảnh (công khai)',
        description:
          'Cần `Accept: text/event-stream` (không có: trả bảng gọi số một lần dạng JSON như `GET /api/v1/queue/board`). Mỗi lượt gọi hoặc gọi lại: `event: call`; số rời quầy (đã phục vụ, vắng mặt, bỏ qua, chuyển quầy): `event: change`; `data: {"unit","day","number","counter","calls","status","at"}`. Khi kết nối lại, màn hình tải lại `GET /api/v1/queue/board`.',
        querystring: UnitQuery,
        response: { 200: BoardSchema, 404: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (req, reply) => {
      const board = await boardOf(ctx, req.query.unit);
      // Content negotiation: a client that does not ask for an event stream (EventSource always
      // does) gets the board once, as JSON, like GET /api/v1/queue/board.
      if (!/\btext\/event-stream\b/.test(req.headers.accept ?? '')) return board;
      if (bus.size >= MAX_STREAMS) throw new AppError('RATE_LIMITED', 'Quá nhiều màn hình đang kết nối');
      // Listening first, then `ready`: a call made once the board has seen `ready` always reaches it.
      let send: ((chunk: string) => void) | undefined;
      const unsubscribe = await bus
        .subscribe(board.unit.code, (e) => {
          send?.(`event: ${e.status === 'called' ? 'call' : 'change'}\ndata: ${JSON.stringify(e)}\n\n`);
        })
        .catch(() => {
          throw new AppError(
            'DATABASE_UNAVAILABLE',
            'Chưa nhận được thông báo gọi số từ cơ sở dữ liệu, thử lại sau',
          );
        });
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': req.id,
      });
      streams.add(res);
      send = (chunk) => res.write(chunk);
      res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ day: board.day })}\n\n`);
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      keepalive.unref();
      res.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
        streams.delete(res);
      });
    },
  );

  r.get(
    '/api/v1/queue/counters',
    {
      schema: {
        tags: ['queue'],
        summary: 'Các quầy của Trung tâm, số đang gọi tại mỗi quầy và hàng đang chờ hôm nay',
        querystring: StaffUnitQuery,
        response: { 200: CountersSchema, ...problems },
      },
    },
    async (req) => countersOf(ctx, await requireUser(ctx, req), req.query.unit),
  );

  r.put(
    '/api/v1/queue/counters',
    {
      schema: {
        tags: ['queue'],
        summary: 'Khai báo các quầy và lĩnh vực mỗi quầy phục vụ (lãnh đạo Trung tâm, tỉnh, quản trị)',
        description: 'Quầy không có trong danh sách được ngừng hoạt động (lịch sử giữ nguyên).',
        body: SaveCountersBody,
        response: { 200: CountersSchema, ...problems },
      },
    },
    async (req) => saveCounters(ctx, await requireUser(ctx, req), req.body),
  );

  r.post(
    '/api/v1/queue/counters/:number/call-next',
    {
      schema: {
        tags: ['queue'],
        summary:
          'Gọi số tiếp theo tại quầy (số được chuyển đến quầy trước, rồi số chờ lâu nhất của các lĩnh vực quầy phục vụ)',
        params: CounterParams,
        response: { 200: CallNextSchema, ...conflict },
      },
    },
    async (req) => callNext(ctx, await requireUser(ctx, req), req.params.number),
  );

  r.post(
    '/api/v1/queue/tickets/:id/actions',
    {
      schema: {
        tags: ['queue'],
        summary: 'Gọi lại, bỏ qua, chuyển quầy, đã phục vụ hoặc vắng mặt với số quầy đang gọi',
        description:
          'Số của ngày trước: 409 `QUEUE_TICKET_EXPIRED`. Bỏ qua: số trở lại cuối hàng. Chuyển quầy: số chờ ở đầu hàng của quầy `to`.',
        params: TicketParams,
        body: TicketActionBody,
        response: { 200: TicketSchema, ...conflict },
      },
    },
    async (req) => act(ctx, await requireUser(ctx, req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/queue/counters',
    {
      schema: {
        tags: ['queue'],
        summary: 'Thêm một quầy và các lĩnh vực quầy phục vụ (lãnh đạo Trung tâm, tỉnh, quản trị)',
        description: 'Số quầy đã có: 409 `QUEUE_COUNTER_EXISTS`.',
        body: AddCounterBody,
        response: { 201: CountersSchema, ...conflict },
      },
    },
    async (req, reply) => reply.code(201).send(await addCounter(ctx, await requireUser(ctx, req), req.body)),
  );

  r.patch(
    '/api/v1/queue/counters/:number',
    {
      schema: {
        tags: ['queue'],
        summary: 'Đổi tên, lĩnh vực phục vụ, ngừng hoặc mở lại một quầy theo phiên bản đã xem',
        description:
          'Quầy vừa được người khác thay đổi (`version` cũ): 409 `QUEUE_COUNTER_STALE`, không ghi gì.',
        params: CounterParams,
        body: UpdateCounterBody,
        response: { 200: CountersSchema, ...conflict },
      },
    },
    async (req) => updateCounter(ctx, await requireUser(ctx, req), req.params.number, req.body),
  );

  r.get(
    '/api/v1/reports/queue',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Báo cáo hàng đợi của Trung tâm: thời gian chờ và phục vụ (p50/p90) theo giờ, lĩnh vực, quầy; số phiếu mỗi ngày; vắng mặt; giờ đông nhất',
        description:
          'Thời gian chờ: lấy số → được gọi lần đầu; thời gian phục vụ: lượt gọi công dân đến quầy → kết thúc (tiếp nhận hồ sơ, ghi nhận tư vấn hoặc đã phục vụ). Phân vị theo hạng gần nhất. Kỳ tối đa 366 ngày.',
        querystring: QueueReportQuery,
        response: { 200: QueueReportSchema, ...problems },
      },
    },
    async (req) => queueReportOf(ctx, await requireUser(ctx, req), req.query),
  );
}
