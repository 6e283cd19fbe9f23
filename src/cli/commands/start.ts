import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/start.ts';
import type { CommandResult } from '../errors.ts';
import { parseCommand } from '../options.ts';

/** Runs the center until SIGINT or SIGTERM. */
export async function run(args: string[]): Promise<CommandResult> {
  parseCommand('start', args, {});
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
  return 'running';
}
