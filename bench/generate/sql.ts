/*
 * The generator's SQL. Everything is set-based: one statement per batch draws `n` rows per commune
 * from generate_series, joins them to small session tables (working days, procedure slots, officers,
 * lifecycle plans) and writes dossiers, audit events, step rows, pauses, tracking-book rows and
 * counters through chained data-modifying CTEs. Nothing is inserted row by row.
 */

/** Session tables (TEMP: per connection, never logged, gone when the connection closes). */
export const SETUP_SQL = `
  SET work_mem = '256MB';
  SET synchronous_commit = off;
  -- Row estimates of generate_series are far off; JIT would spend seconds compiling every batch.
  SET jit = off;
  CREATE TEMP TABLE gen_sample (sidx int PRIMARY KEY, d date NOT NULL, widx int NOT NULL);
  CREATE TEMP TABLE gen_wdays (widx int PRIMARY KEY, d date NOT NULL);
  CREATE TEMP TABLE gen_days (d date PRIMARY KEY, next_work date NOT NULL);
  CREATE TEMP TABLE gen_proc (pidx int PRIMARY KEY, code text, field_code text, name text, due_kind text,
    amount int, online boolean, post boolean, documents jsonb, time_limit jsonb, workflow jsonb);
  CREATE TEMP TABLE gen_proc_slot (slot int PRIMARY KEY, pidx int NOT NULL);
  CREATE TEMP TABLE gen_event_plan (status smallint, step_index smallint, seq int, action text, actor_role text,
    from_status smallint, to_status smallint, reason text, anchor text, frac float8);
  CREATE TEMP TABLE gen_step_plan (status smallint, step_index smallint, seq int, step_key text, step_name text,
    from_role text, to_role text, open_anchor text, open_frac float8, close_anchor text, close_frac float8);
  CREATE TEMP TABLE gen_officer (unit_code text, role text, k int, id uuid, PRIMARY KEY (unit_code, role, k));
  CREATE TEMP TABLE gen_alloc (unit_code text PRIMARY KEY, batch int NOT NULL, n int NOT NULL,
    province_code text, agency_code text, addr_tail text, n_spec int, reception_id uuid, leader_id uuid, spec1_id uuid);
`;

/** `INSERT INTO <table> SELECT * FROM json_to_recordset($1)` with the table's own column list. */
export const LOAD_SQL: Record<string, string> = {
  gen_sample: `INSERT INTO gen_sample SELECT * FROM json_to_recordset($1::json) AS x(sidx int, d date, widx int)`,
  gen_wdays: `INSERT INTO gen_wdays SELECT * FROM json_to_recordset($1::json) AS x(widx int, d date)`,
  gen_days: `INSERT INTO gen_days SELECT * FROM json_to_recordset($1::json) AS x(d date, next_work date)`,
  gen_proc: `INSERT INTO gen_proc SELECT * FROM json_to_recordset($1::json) AS x(pidx int, code text, field_code text,
    name text, due_kind text, amount int, online boolean, post boolean, documents jsonb, time_limit jsonb, workflow jsonb)`,
  gen_proc_slot: `INSERT INTO gen_proc_slot SELECT * FROM json_to_recordset($1::json) AS x(slot int, pidx int)`,
  gen_event_plan: `INSERT INTO gen_event_plan SELECT * FROM json_to_recordset($1::json) AS x(status smallint,
    step_index smallint, seq int, action text, actor_role text, from_status smallint, to_status smallint, reason text,
    anchor text, frac float8)`,
  gen_step_plan: `INSERT INTO gen_step_plan SELECT * FROM json_to_recordset($1::json) AS x(status smallint,
    step_index smallint, seq int, step_key text, step_name text, from_role text, to_role text, open_anchor text,
    open_frac float8, close_anchor text, close_frac float8)`,
};

/**
 * Officers of every commune that gets dossiers: the demo accounts where they exist (first, so they
 * own their share of the work), then the generated ones, numbered per unit and role.
 */
export const OFFICERS_SQL = `
  INSERT INTO gen_officer
  SELECT unit_code, role, row_number() OVER (PARTITION BY unit_code, role ORDER BY (username LIKE '%.gen-%'), username), id
  FROM users
  WHERE is_active AND unit_code = ANY($1::text[]) AND role IN ('reception', 'specialist', 'leader')`;

export const ALLOC_SQL = `
  INSERT INTO gen_alloc
  SELECT a.unit_code, a.batch, a.n, u.parent_code, u.agency_code, ', ' || u.full_name || ', ' || p.full_name,
    (SELECT count(*) FROM gen_officer o WHERE o.unit_code = a.unit_code AND o.role = 'specialist'),
    r.id, l.id, s.id
  FROM json_to_recordset($1::json) AS a(unit_code text, batch int, n int)
  JOIN units u ON u.code = a.unit_code
  JOIN units p ON p.code = u.parent_code
  LEFT JOIN gen_officer r ON r.unit_code = a.unit_code AND r.role = 'reception' AND r.k = 1
  LEFT JOIN gen_officer l ON l.unit_code = a.unit_code AND l.role = 'leader' AND l.k = 1
  LEFT JOIN gen_officer s ON s.unit_code = a.unit_code AND s.role = 'specialist' AND s.k = 1`;

/**
 * Generated officers: one reception officer and one leader per commune, `$2` specialists in the
 * communes of `$3` (the ones the HTTP benchmark signs in to) and two elsewhere. They are demo
 * accounts (is_demo), so a production server refuses to start on a generated database.
 */
export const USERS_SQL = `
  INSERT INTO users (id, username, full_name, password_hash, role, unit_code, is_demo)
  SELECT gen_random_uuid(), r.role || '.gen-' || u.code || '-' || k,
    ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] || ' ' ||
    ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] || ' ' ||
    ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int],
    $4, r.role, u.code, true
  FROM units u
  CROSS JOIN LATERAL (VALUES ('reception', 1), ('leader', 1),
    ('specialist', CASE WHEN u.code = ANY($3::text[]) THEN $2::int ELSE 2 END)) AS r(role, n)
  CROSS JOIN LATERAL generate_series(1, r.n) AS k
  WHERE u.code = ANY($1::text[])
  ON CONFLICT (username) DO NOTHING`;

/** Activates communes with the catalogue of an active demo commune (or every commune-level procedure). */
export const ACTIVATE_SQL = `
  WITH act AS (
    UPDATE units SET is_active = true WHERE code = ANY($1::text[]) AND level = 'commune' RETURNING code),
  template AS (
    SELECT up.unit_code FROM unit_procedures up JOIN units u ON u.code = up.unit_code
    WHERE u.is_active AND u.code <> ALL($1::text[])
    GROUP BY up.unit_code ORDER BY (up.unit_code = $2) DESC, count(*) DESC LIMIT 1),
  catalogue AS (
    SELECT procedure_code, position FROM unit_procedures WHERE unit_code = (SELECT unit_code FROM template)
    UNION ALL
    SELECT code, row_number() OVER (ORDER BY code)::int FROM procedures
    WHERE level = 'commune' AND NOT EXISTS (SELECT 1 FROM template))
  INSERT INTO unit_procedures (unit_code, procedure_code, position)
  SELECT a.code, c.procedure_code, c.position FROM act a CROSS JOIN catalogue c
  ON CONFLICT DO NOTHING`;

/** Time of a plan row's anchor for dossier row `d` (columns as RETURNING gives them). */
function anchorAt(anchor: string, frac: string): string {
  return `d.received_at + ${frac} * ((CASE ${anchor}
      WHEN 'ended' THEN d.processing_ended_at WHEN 'returned' THEN d.returned_at WHEN 'paused' THEN d.paused_at
      WHEN 'step' THEN d.step_started_at WHEN 'lately' THEN least(d.due_at, $3::timestamptz)
      ELSE d.received_at END) - d.received_at)`;
}

/**
 * One batch: `$1` batch number, `$2` office minutes to draw from, `$3` now, `$4..$6` name lists, `$7`
 * birth-province codes, `$8` phone prefixes. `continueCounters` adds the unit's existing counters to
 * the sequences (a database that already holds dossiers of these communes and days).
 */
export function batchSql(opts: { continueCounters: boolean; history: boolean }): string {
  const counterJoin = opts.continueCounters
    ? `LEFT JOIN unit_counters cd ON cd.unit_code = n.unit_code AND cd.name = 'code:' || to_char(n.day, 'YYYY-MM-DD')
       LEFT JOIN unit_counters cb ON cb.unit_code = n.unit_code AND cb.name = 'book:' || to_char(n.day, 'YYYY')`
    : '';
  const codeOffset = opts.continueCounters ? 'coalesce(cd.last, 0)' : '0';
  const bookOffset = opts.continueCounters ? 'coalesce(cb.last, 0)' : '0';
  const history = opts.history
    ? `,
    st AS (
      INSERT INTO dossier_steps (unit_code, dossier_code, seq, step_key, step_name, from_role, to_role, from_user_id,
        to_user_id, handed_at, due_at, ended_at, verdict, note)
      SELECT x.unit_code, x.code, x.seq, x.step_key, x.step_name, x.from_role, x.to_role, x.from_user_id, NULL,
        x.handed_at, x.step_due, x.ended_at,
        CASE WHEN x.ended_at IS NULL THEN NULL WHEN x.ended_at > x.step_due THEN 'late' ELSE 'on_time' END, NULL
      FROM (
        SELECT d.unit_code, d.code, sp.seq, sp.step_key, sp.step_name, sp.from_role, sp.to_role,
          CASE sp.from_role WHEN 'reception' THEN a.reception_id WHEN 'leader' THEN a.leader_id
            ELSE coalesce(d.assignee_id, a.spec1_id) END AS from_user_id,
          ${anchorAt('sp.open_anchor', 'sp.open_frac')} AS handed_at,
          d.received_at + (sp.seq / 3.0) * (d.due_at - d.received_at) AS step_due,
          CASE WHEN sp.close_anchor IS NOT NULL THEN ${anchorAt('sp.close_anchor', 'sp.close_frac')} END AS ended_at
        FROM d JOIN gen_alloc a ON a.unit_code = d.unit_code
        JOIN gen_step_plan sp ON sp.status = d.status AND sp.step_index = d.step_index) x
      RETURNING 1),
    tb AS (
      INSERT INTO tracking_book (unit_code, volume, number, dossier_code, procedure_code, applicant_name,
        applicant_address, applicant_phone, sets, received_at, due_at, received_by)
      SELECT d.unit_code, d.book_volume, d.book_number, d.code, d.procedure_code, d.applicant_name,
        d.applicant_address, d.applicant_phone, 1, d.received_at, d.due_at, d.received_by
      FROM d RETURNING 1),
    pz AS (
      INSERT INTO dossier_pauses (unit_code, dossier_code, seq, kind, from_at, to_at, reason, items, paused_minutes,
        due_before, due_after)
      SELECT d.unit_code, d.code, 1, d.pause_kind, d.paused_at, NULL,
        CASE d.pause_kind WHEN 'supplement' THEN 'Bổ sung giấy tờ còn thiếu' ELSE 'Nộp lệ phí' END,
        NULL, NULL, d.due_at, NULL
      FROM d WHERE d.status IN (5, 6) RETURNING 1)`
    : `,
    st AS (SELECT 1 WHERE false), tb AS (SELECT 1 WHERE false), pz AS (SELECT 1 WHERE false)`;

  return `
    WITH src AS MATERIALIZED (
      SELECT a.unit_code, a.province_code, a.agency_code, a.addr_tail, a.n_spec,
        floor(random() * $2::float8)::bigint AS x,
        random() AS r_proc, random() AS r_status, random() AS r_x, random() AS r_y, random() AS r_z,
        random() AS r_v, random() AS r_w, random() AS r_u, random() AS r_t, random() AS r_c, random() AS r_sec
      FROM gen_alloc a CROSS JOIN LATERAL generate_series(1, a.n)
      WHERE a.batch = $1
    ),
    timed AS (
      SELECT s.*, gs.d AS day, gs.widx, p.pidx, p.due_kind, p.amount, p.online, p.post,
        CASE WHEN s.x % 480 < 270 THEN 420 + s.x % 480 ELSE 540 + s.x % 480 END::int AS clock
      FROM src s
      JOIN gen_sample gs ON gs.sidx = (s.x / 480)::int
      JOIN gen_proc_slot ps ON ps.slot = floor(s.r_proc * 1000)::int
      JOIN gen_proc p ON p.pidx = ps.pidx
    ),
    dated AS MATERIALIZED (
      SELECT t.*,
        (t.day + make_interval(mins => t.clock, secs => floor(t.r_sec * 60)))::timestamp
          AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at,
        CASE t.due_kind
          WHEN 'wd' THEN (w.d + make_interval(mins => t.clock, secs => floor(t.r_sec * 60)))::timestamp
            AT TIME ZONE 'Asia/Ho_Chi_Minh'
          WHEN 'same' THEN (w.d + interval '17 hours')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
          ELSE (c.next_work + interval '17 hours')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
        END AS due_raw
      FROM timed t
      LEFT JOIN gen_wdays w ON w.widx = t.widx +
        CASE t.due_kind WHEN 'wd' THEN t.amount WHEN 'same' THEN (t.clock >= 900)::int ELSE 0 END
      LEFT JOIN gen_days c ON c.d = t.day + t.amount AND t.due_kind = 'cal'
    ),
    staged AS (
      -- Open dossiers are recent: the chance that an old one is still open decays with its age past due.
      SELECT d.*,
        CASE
          WHEN d.r_status < 0.02 THEN 3
          WHEN d.due_raw >= $3::timestamptz THEN
            CASE WHEN d.r_x < 0.08 THEN 2 WHEN d.r_x < 0.73 THEN 4 WHEN d.r_x < 0.80 THEN 5 WHEN d.r_x < 0.82 THEN 6
                 WHEN d.r_x < 0.83 THEN 7 WHEN d.r_x < 0.93 THEN 9 ELSE 10 END
          WHEN d.r_x < 0.002 + 0.15 * exp(-extract(epoch FROM $3::timestamptz - d.due_raw) / 1296000.0) THEN
            CASE WHEN d.r_y < 0.8 THEN 4 WHEN d.r_y < 0.95 THEN 5 ELSE 6 END
          ELSE CASE WHEN d.r_y < 0.01 THEN 8 WHEN d.r_y < 0.04 THEN 9 ELSE 10 END
        END::smallint AS status
      FROM dated d
    ),
    shaped AS (
      SELECT s.*,
        CASE WHEN s.status = 3 THEN s.received_at ELSE s.due_raw END AS due_at,
        CASE WHEN s.status = 4 THEN CASE WHEN s.r_z < 0.6 THEN 0 WHEN s.r_z < 0.85 THEN 1 ELSE 2 END
             WHEN s.status IN (9, 10) THEN 2 ELSE 0 END::smallint AS step_index,
        CASE
          WHEN s.status IN (9, 10) THEN
            CASE WHEN s.due_raw > $3::timestamptz THEN s.received_at + s.r_v * ($3::timestamptz - s.received_at)
                 WHEN s.r_w < 0.93 THEN s.received_at + (0.15 + 0.85 * s.r_v) * (s.due_raw - s.received_at)
                 ELSE least($3::timestamptz, s.due_raw + s.r_v * interval '5 days') END
          WHEN s.status = 8 THEN s.received_at + (0.2 + 0.8 * s.r_v) * (least(s.due_raw, $3::timestamptz) - s.received_at)
        END AS ended_at,
        CASE WHEN s.status IN (5, 6)
          THEN s.received_at + (0.3 + 0.5 * s.r_v) * (least(s.due_raw, $3::timestamptz) - s.received_at) END AS paused_at,
        CASE WHEN s.status IN (4, 5, 6) AND s.r_u < 0.8 AND (s.status <> 4 OR s.r_z < 0.6) AND s.n_spec > 0
          THEN 1 + floor(s.r_t * s.n_spec)::int END AS spec_k
      FROM staged s
    ),
    numbered AS (
      SELECT sh.*,
        row_number() OVER (PARTITION BY sh.unit_code, sh.day ORDER BY sh.received_at) AS day_seq,
        row_number() OVER (PARTITION BY sh.unit_code, date_part('year', sh.day) ORDER BY sh.received_at) AS book_seq
      FROM shaped sh
    ),
    final AS MATERIALIZED (
      SELECT n.*, n.day_seq + ${codeOffset} AS q, n.book_seq + ${bookOffset} AS bk,
        CASE WHEN n.status = 4 THEN n.received_at + ((n.step_index + 0.5 * n.r_v) / 3.0) * (least(n.due_at, $3::timestamptz) - n.received_at)
             WHEN n.status IN (9, 10) THEN n.received_at + 0.8 * (n.ended_at - n.received_at) END AS step_started_at,
        CASE WHEN n.status = 4 THEN n.received_at + ((n.step_index + 1) / 3.0) * (n.due_at - n.received_at)
             WHEN n.status IN (9, 10) THEN n.due_at END AS step_due_at
      FROM numbered n ${counterJoin}
      ORDER BY n.unit_code, n.received_at
    ),
    d AS (
      INSERT INTO dossiers (unit_code, code, province_code, procedure_code, field_code, channel, status,
        applicant_name, applicant_id_number, applicant_phone, applicant_address, applicant_email, subject,
        return_method, documents, time_limit, received_at, due_at, due_at_original, due_at_legal, received_by,
        book_volume, book_number, version, sub_state, workflow, step_index, step_started_at, step_due_at, assignee_id,
        supplement_requests, paused_at, pause_kind, processing_ended_at, returned_at, result, intake_note, timeliness)
      SELECT y.*, CASE
          WHEN y.status NOT IN (9, 10) THEN NULL
          WHEN y.processing_ended_at > y.due_at THEN 'late'
          WHEN (y.processing_ended_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (y.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'early'
          ELSE 'on_time' END
      FROM (
        SELECT f.unit_code,
          f.agency_code || '-' || to_char(f.day, 'YYMMDD') || '-' ||
            CASE WHEN f.q < 10000 THEN lpad(f.q::text, 4, '0') ELSE f.q::text END AS code,
          f.province_code, p.code AS procedure_code, p.field_code,
          (CASE WHEN f.online AND f.r_c < 0.36 THEN 2 WHEN f.post AND f.r_c > 0.96 THEN 3 ELSE 1 END)::smallint AS channel,
          f.status,
          ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] || ' ' ||
            ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] || ' ' ||
            ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS applicant_name,
          ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] ||
            CASE WHEN f.r_y < 0.3 THEN (2 + floor(random() * 2))::int::text || lpad(floor(random() * 8)::int::text, 2, '0')
                 ELSE floor(random() * 2)::int::text || (45 + floor(random() * 55))::int::text END ||
            lpad(floor(random() * 1000000)::int::text, 6, '0') AS applicant_id_number,
          '0' || ($8::text[])[1 + floor(random() * cardinality($8::text[]))::int] ||
            lpad(floor(random() * 10000000)::int::text, 7, '0') AS applicant_phone,
          CASE WHEN f.r_w < 0.5 THEN 'Số ' || (1 + floor(random() * 300))::int || ', đường số ' || (1 + floor(random() * 40))::int
               ELSE 'Ấp ' || (1 + floor(random() * 12))::int END || f.addr_tail AS applicant_address,
          CASE WHEN f.online AND f.r_c < 0.2 THEN 'nguoidan' || floor(random() * 1000000)::int || '@gmail.com' END AS applicant_email,
          p.name AS subject,
          CASE WHEN (f.post AND f.r_c > 0.96) OR f.r_u > 0.93 THEN 'post' ELSE 'counter' END AS return_method,
          p.documents, p.time_limit, f.received_at, f.due_at, f.due_at AS due_at_original, f.due_at AS due_at_legal,
          a.reception_id AS received_by, to_char(f.day, 'YYYY') AS book_volume, f.bk::int AS book_number,
          -- One more than the lifecycle actions the dossier went through (the product bumps it per action).
          (CASE f.status WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 2 + f.step_index WHEN 9 THEN 5 WHEN 10 THEN 6 ELSE 3 END)::int AS version,
          'none' AS sub_state, p.workflow, f.step_index, f.step_started_at, f.step_due_at, o.id AS assignee_id,
          (CASE WHEN f.status = 5 OR f.r_t < 0.03 THEN 1 ELSE 0 END)::smallint AS supplement_requests,
          f.paused_at, CASE f.status WHEN 5 THEN 'supplement' WHEN 6 THEN 'payment' END AS pause_kind,
          f.ended_at AS processing_ended_at,
          CASE WHEN f.status = 10 THEN least($3::timestamptz, f.ended_at + f.r_u * interval '2 days') END AS returned_at,
          CASE WHEN f.status IN (9, 10) THEN jsonb_build_object('fileId', gen_random_uuid(), 'fileName', 'ket-qua.pdf',
            'name', p.name, 'issuedBy', 'generated') END AS result,
          CASE WHEN f.status = 3 THEN '{"decision":"refuse","reasons":["Hồ sơ không thuộc thẩm quyền giải quyết"]}'::jsonb
            END AS intake_note
        FROM final f
        JOIN gen_proc p ON p.pidx = f.pidx
        JOIN gen_alloc a ON a.unit_code = f.unit_code
        LEFT JOIN gen_officer o ON o.unit_code = f.unit_code AND o.role = 'specialist' AND o.k = f.spec_k
      ) y
      RETURNING unit_code, code, status, step_index, received_at, due_at, processing_ended_at, returned_at, paused_at,
        pause_kind, step_started_at, procedure_code, applicant_name, applicant_address, applicant_phone, received_by,
        book_volume, book_number, assignee_id
    ),
    ev AS (
      INSERT INTO audit_events (unit_code, id, dossier_code, action, actor_user_id, actor_role, from_status, to_status,
        reason, request_id, data, at, seq, prev_hash, hash)
      SELECT d.unit_code, gen_random_uuid(), d.code, e.action,
        CASE e.actor_role WHEN 'reception' THEN a.reception_id WHEN 'leader' THEN a.leader_id
          ELSE coalesce(d.assignee_id, a.spec1_id) END,
        e.actor_role, e.from_status, e.to_status, e.reason, NULL,
        CASE WHEN e.seq = 1 THEN jsonb_build_object('procedureCode', d.procedure_code, 'generated', true)
          ELSE '{"generated":true}'::jsonb END,
        ${anchorAt('e.anchor', 'e.frac')}, e.seq, '', ''
      FROM d JOIN gen_alloc a ON a.unit_code = d.unit_code
      JOIN gen_event_plan e ON e.status = d.status AND e.step_index = d.step_index
      RETURNING 1
    )${history},
    cnt AS (
      INSERT INTO unit_counters (unit_code, name, last)
      SELECT unit_code, 'code:' || to_char(day, 'YYYY-MM-DD'), max(q) FROM final GROUP BY unit_code, day
      UNION ALL
      SELECT unit_code, 'book:' || to_char(day, 'YYYY'), max(bk) FROM final GROUP BY unit_code, to_char(day, 'YYYY')
      ON CONFLICT (unit_code, name) DO UPDATE SET last = greatest(unit_counters.last, excluded.last)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM d) AS dossiers, (SELECT count(*) FROM ev) AS events,
      (SELECT count(*) FROM st) AS steps, (SELECT count(*) FROM tb) AS book, (SELECT count(*) FROM pz) AS pauses,
      (SELECT count(*) FROM cnt) AS counters`;
}

/** Tables the generator writes, vacuumed and analysed at the end (as autovacuum would have by then). */
export const WRITTEN_TABLES = [
  'dossiers',
  'settlement_rollup',
  'audit_events',
  'dossier_steps',
  'tracking_book',
  'dossier_pauses',
  'unit_counters',
  'users',
  'units',
  'unit_procedures',
];
