// Written by `pnpm --filter @bc/api migration:generate`; lists the migrations in order.
import * as m0 from './1795682842896-initial.js';
import * as m1 from './1795692732577-booking.js';
import * as m2 from './1795694302440-mail-and-jobs.js';
import * as m3 from './1795695375269-queue.js';
import * as m4 from './1795700000000-live.js';
import * as m5 from './1795706584899-walk-in-refusals.js';
import * as m6 from './1795707100000-audit.js';
import * as m7 from './1795708000000-office-admin.js';
import * as m8 from './1795709000000-catalog-admin.js';
import * as m9 from './1795710000000-staff-password-links.js';
import * as m10 from './1795710500000-devices.js';
import * as m11 from './1795711000000-portal-key-limits.js';
import * as m12 from './1795712000000-appointment-within-a-day.js';
import * as m13 from './1795712100000-rate-limit-unlogged.js';
import * as m14 from './1795712200000-audit-pending.js';
import * as m15 from './1795712700000-revocation-notices.js';
import * as m16 from './1795712800000-mail-claims-by-session.js';
import * as m17 from './1795713000000-ticket-issue-estimate.js';
import * as m18 from './1795713100000-ticket-day-closed.js';
import * as m19 from './1795713200000-check-in-all-day.js';
import * as m20 from './1795713400000-legal-pages.js';
import * as m21 from './1796530437757-calendar-sequence.js';
import * as m22 from './1796530500000-manage-link-mail.js';
import * as m23 from './1796531000000-office-contact.js';
import * as m24 from './1796540000000-web-push.js';
import * as m25 from './1796550000000-document-check.js';
import * as m26 from './1796560000000-catalog-languages.js';

const pick = (m: Record<string, unknown>) => Object.values(m)[0] as new () => object;
export const migrations = [
  pick(m0),
  pick(m1),
  pick(m2),
  pick(m3),
  pick(m4),
  pick(m5),
  pick(m6),
  pick(m7),
  pick(m8),
  pick(m9),
  pick(m10),
  pick(m11),
  pick(m12),
  pick(m13),
  pick(m14),
  pick(m15),
  pick(m16),
  pick(m17),
  pick(m18),
  pick(m19),
  pick(m20),
  pick(m21),
  pick(m22),
  pick(m23),
  pick(m24),
  pick(m25),
  pick(m26),
];
