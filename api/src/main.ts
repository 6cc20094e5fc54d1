import './node-env.js';
import { StartupError, startApp } from './app.js';
import { parseConfig } from './config.js';
import { demoDevices, demoLogins } from './db/seed/demo-data.js';
import { createLogger } from './logger.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(`Cannot start: ${parsed.errors.join('; ')}. See the configuration table in README.md.`);
  process.exit(1);
}
const { config } = parsed;
const log = createLogger(config.logLevel);

let app: Awaited<ReturnType<typeof startApp>>;
try {
  app = await startApp(config, log);
} catch (err) {
  if (err instanceof StartupError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    log.fatal({ err }, 'start failed');
    console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
}

log.info({ url: app.url }, 'listening');
const base = config.publicUrl;
const lines = [
  '',
  `  Bürgercentrum is running at ${base}`,
  '',
  `  Booking (citizens)     ${base}/booking/`,
  `  Staff                  ${base}/staff/`,
  `  Tracking and display   ${base}/track/`,
  `  GraphQL API            ${base}/graphql`,
];
if (config.mail.devMailbox) {
  lines.push(`  Dev mailbox (mails)    ${base}/dev/mailbox   (no SMTP_URL: mails are caught, not delivered)`);
} else if (config.mail.smtpUrl) {
  lines.push(`  Mail                   via SMTP ${new URL(config.mail.smtpUrl).host}`);
} else {
  lines.push('  Mail                   NOT DELIVERED: set SMTP_URL (or DEV_MAILBOX=true to read them)');
}
if (config.seed === 'demo') {
  lines.push('', '  Demo logins (staff):');
  for (const l of demoLogins) lines.push(`    ${l.roles.join(', ').padEnd(16)} ${l.username.padEnd(10)} ${l.password}`);
  const display = demoDevices.find((d) => d.kind === 'DISPLAY');
  if (display) lines.push('', `  Call display           ${base}/track/display#device=${display.token}`);
  const kiosk = demoDevices.find((d) => d.kind === 'KIOSK');
  if (kiosk) lines.push(`  Kiosk                  ${base}/booking/kiosk#device=${kiosk.token}`);
}
if (app.missingSpas.length > 0) lines.push('', `  Not built yet (run pnpm build): ${app.missingSpas.join(', ')}`);
lines.push('', '  Stop with Ctrl-C.', '');
console.error(lines.join('\n'));

let signalled = false;
async function shutdown(signal: string) {
  if (signalled) return;
  signalled = true;
  log.info({ signal }, 'stopping');
  const timer = setTimeout(() => {
    log.error('graceful stop took too long; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  await app.stop();
  clearTimeout(timer);
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
