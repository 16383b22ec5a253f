import pino from 'pino';
import { readSettings } from './config.js';
import { openDatabase } from './db/connection.js';
import { DataFolderInUseError } from './db/folder-lock.js';
import { buildApp } from './http/app.js';
import { loggerOptions } from './http/log-redaction.js';
import { prepareDemoAtStart } from './modules/demo/index.js';
import { startMailSender } from './modules/mail/index.js';
import { registeredModules } from './modules/registry.js';
import { runRetention } from './modules/privacy/index.js';
import { queueReminders } from './modules/registrations/index.js';

const settings = readSettings();
// the request serializer redacts tokens in logged URLs (src/http/log-redaction.ts)
const logger = pino(loggerOptions(settings.LOG_LEVEL));
const handle = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.MOSAIK_DATA_DIR, purpose: 'server' }).catch((error: unknown) => {
  // another server or a command holds the PGlite folder: refuse to start, say what to do
  if (!(error instanceof DataFolderInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
});

const demo = await prepareDemoAtStart(handle.db, { demo: settings.MOSAIK_DEMO, log: (message) => logger.info(message) });
if (demo.outcome === 'refused') logger.warn('MOSAIK_DEMO is on, but this database holds more than the demo: no demo accounts');
if (demo.disabled > 0) logger.warn(`${demo.disabled} demo account(s) disabled: the demo is off or this database holds real data`);

const app = await buildApp({ db: handle.db, settings, logger });
await app.listen({ host: settings.HOST, port: settings.PORT });
logger.info(`Mosaik is running on ${settings.baseUrl} (${handle.engine})`);

// The outbox is sent every 30 s; reminders for events within two days are
// queued hourly (each registration is reminded once, however often this runs).
const stopMailSender = startMailSender(handle.db, settings, logger);
const reminderTimer = setInterval(() => {
  queueReminders(handle.db).catch((error: unknown) => logger.error({ err: error }, 'queueing reminders failed'));
}, 60 * 60 * 1000);
reminderTimer.unref();
// The retention rules (/privacy/retention) run once a day, the first time a few
// minutes after the start; the system is the actor in the audit log.
const applyRetention = () => {
  runRetention(handle.db, { dryRun: false, actorId: null }).catch((error: unknown) => logger.error({ err: error }, 'retention run failed'));
};
const retentionStart = setTimeout(applyRetention, 5 * 60 * 1000);
const retentionTimer = setInterval(applyRetention, 24 * 60 * 60 * 1000);
retentionStart.unref();
retentionTimer.unref();

// The scheduled jobs of the modules in src/modules/registry.ts (link checks,
// reminders, sending), each on its own interval; a failed run is logged and
// the next one tries again.
const moduleTimers = registeredModules().flatMap((module) =>
  (module.jobs ?? []).map((job) => {
    const timer = setInterval(() => {
      job.run(handle.db, new Date()).catch((error: unknown) => logger.error({ err: error, job: `${module.name}.${job.name}` }, 'scheduled job failed'));
    }, job.everyMinutes * 60 * 1000);
    timer.unref();
    return timer;
  }),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    stopMailSender();
    for (const timer of moduleTimers) clearInterval(timer);
    clearInterval(reminderTimer);
    clearTimeout(retentionStart);
    clearInterval(retentionTimer);
    await app.close();
    await handle.close();
    process.exit(0);
  });
}
