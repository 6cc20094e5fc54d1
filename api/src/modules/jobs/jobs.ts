import type { Logger } from '../../logger.js';
import type { MailService } from '../mail/mail.service.js';
import type { PushService } from '../push/push.service.js';
import type { DayCloseService } from '../queue/day-close.service.js';
import type { RetentionService } from '../retention/retention.service.js';
import type { UploadService } from '../upload/upload.service.js';
import type { JobSpec } from './scheduler.js';

export const JOB = {
  /**
   * Sends due mails; every 15 seconds as the safety net for reminders, retries and anything a crash left behind (a
   * dead process's claims are free at once, so its mails go out with the next run of any process).
   */
  mailDispatch: 'mail.dispatch',
  /** The same work at once, queued after a booking change commits. */
  mailDispatchNow: 'mail.dispatch-now',
  /** Sends due Web Push messages (the safety net, as for mails); and the same at once after a queue change. */
  pushDispatch: 'push.dispatch',
  pushDispatchNow: 'push.dispatch-now',
  pushPurge: 'push.purge-settled',
  uploadsPurge: 'uploads.purge-unattached',
  retention: 'retention.run',
  /** Closes the tickets of past days left open (hourly, as each office's day ends at its own local midnight). */
  dayClose: 'queue.close-past-days',
} as const;

/** The product's scheduled jobs. */
export function productJobs(deps: {
  mail: MailService;
  uploads: UploadService;
  retention: RetentionService;
  dayClose: DayCloseService;
  push: PushService;
  log: Logger;
}): JobSpec[] {
  const { mail, uploads, retention, dayClose, push, log } = deps;
  const dispatch = () => mail.dispatchDue();
  const dispatchPushes = () => push.dispatchDue();
  return [
    { name: JOB.mailDispatch, every: '15 seconds', run: dispatch },
    { name: JOB.mailDispatchNow, run: dispatch },
    { name: JOB.pushDispatch, every: '15 seconds', run: dispatchPushes },
    { name: JOB.pushDispatchNow, run: dispatchPushes },
    { name: JOB.pushPurge, every: '1 hour', run: () => push.purge() },
    {
      name: JOB.uploadsPurge,
      every: '10 minutes',
      run: async () => {
        const count = await uploads.purgeUnattached();
        if (count > 0) log.info({ count }, 'unattached uploads purged');
      },
    },
    {
      name: JOB.retention,
      // Daily at night, office time.
      every: '30 3 * * *',
      timezone: 'Europe/Berlin',
      run: async () => {
        const removed = await retention.run();
        log.info(removed, 'retention: personal data removed');
      },
    },
    {
      name: JOB.dayClose,
      every: '5 * * * *',
      run: async () => {
        const count = await dayClose.run();
        if (count > 0) log.info({ count }, 'tickets of past days closed');
      },
    },
  ];
}
