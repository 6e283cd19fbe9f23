import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { verifyAll } from '../server/modules/audit/repository.ts';
import { startServer } from '../server/start.ts';

/*
 * The `motcua` command. `start` runs the center; `backup` copies the embedded database to a .tar.gz
 * (PostgreSQL installations use pg_dump).
 */

async function start() {
  const config = loadConfig(process.env);
  const started = await startServer(config);
  const db =
    config.database.kind === 'pglite'
      ? `cơ sở dữ liệu nhúng (PGlite) ${config.database.dataDir}`
      : 'PostgreSQL';
  console.log(`\nmotcua đang chạy tại ${started.url}  (${db})`);
  console.log(`  API: ${started.url}/api/docs   OpenAPI: ${started.url}/api/openapi.json`);
  if (!config.publicUrlConfigured) {
    console.log(
      `\nChú ý: MOTCUA_PUBLIC_URL chưa được đặt — mã QR trên giấy tiếp nhận trỏ tới ${config.publicUrl}, điện thoại của người dân không mở được.` +
        `\n  Note: MOTCUA_PUBLIC_URL is not set; receipt QR codes point at ${config.publicUrl}. Set it to the address citizens reach.`,
    );
  }
  if (started.demo) {
    console.log(`\nTài khoản demo (mật khẩu: ${started.demo.password}):`);
    for (const a of started.demo.accounts)
      console.log(`  ${a.username.padEnd(28)} ${a.role.padEnd(11)} ${a.unit}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: đang dừng…`);
    await started.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function backup(target: string | undefined) {
  const config = loadConfig(process.env);
  if (config.database.kind !== 'pglite') {
    throw new Error('Với PostgreSQL hãy dùng pg_dump (xem docs/OPERATIONS.md).');
  }
  const file = path.resolve(
    target ?? `motcua-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`,
  );
  // Holding the folder lock guarantees no server writes while the copy is taken.
  const database = await openPglite(config.database.dataDir);
  try {
    fs.writeFileSync(file, await database.dump!());
    console.log(`Đã sao lưu vào ${file}`);
  } finally {
    await database.close();
  }
}

/** Walks every dossier's audit chain and reports the first broken link (exit 3 when broken). */
async function auditVerify() {
  const config = loadConfig(process.env);
  const database =
    config.database.kind === 'pglite'
      ? await openPglite(config.database.dataDir)
      : openPostgres(config.database.url);
  try {
    const { checked, broken } = await verifyAll(database.db);
    if (broken) {
      console.error(
        `Chuỗi nhật ký bị phá vỡ / audit chain broken: đơn vị ${broken.unitCode}, hồ sơ ${broken.dossierCode}, sự kiện số ${broken.seq} (${broken.problem}, id ${broken.id}); đã kiểm tra ${checked} sự kiện`,
      );
      process.exitCode = 3;
    } else console.log(`Chuỗi nhật ký toàn vẹn / audit chain intact: ${checked} sự kiện`);
  } finally {
    await database.close();
  }
}

const [command = 'start', ...args] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  start,
  backup: () => backup(args[0]),
  'audit-verify': auditVerify,
};

const run = commands[command];
if (!run) {
  console.error(`Lệnh không hợp lệ: ${command}. Dùng: motcua start | backup [tệp.tar.gz] | audit-verify`);
  process.exit(2);
} else {
  run().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
}
