import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const api = path.resolve(import.meta.dirname, '..');
const tsc = path.resolve(api, '../node_modules/.bin/tsc');
let outDir = '';

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the built api', () => {
  it('finds and renders its mail templates (the build copies them next to the compiled code)', async () => {
    // Inside api/node_modules, so that the compiled code resolves the api's dependencies as dist/ does.
    outDir = await mkdtemp(path.join(api, 'node_modules', '.bc-build-test-'));
    // The same steps as `pnpm build`, into a throw-away folder (type errors are the typecheck's business).
    await run(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: api }).catch(() => undefined);
    expect(existsSync(path.join(outDir, 'modules/mail/templates.js'))).toBe(true);
    await run(process.execPath, ['scripts/copy-assets.mjs', outDir], { cwd: api });

    const script = `
      const { MailTemplates, mailLanguages, mailTemplateNames } = await import(${JSON.stringify(`${outDir}/modules/mail/templates.js`)});
      const { mailData } = await import(${JSON.stringify(`${outDir}/modules/mail/compose.js`)});
      const templates = new MailTemplates();
      const view = { id: 'a', officeId: 'o', reference: 'K7M4-PQ2X', status: 'BOOKED', startsAt: new Date('2027-03-03T08:00:00Z'),
        endsAt: new Date('2027-03-03T08:15:00Z'), citizenName: 'Erika', email: 'e@example.de', phone: null, language: 'de',
        channel: 'WEB', checkInCode: 'BC1-X', createdAt: new Date(), cancelledAt: null,
        services: [{ serviceId: 's', name: 'Meldebescheinigung', durationMinutes: 5, count: 1 }], documents: [] };
      const office = { name: 'Bürgercentrum', street: 'Marktplatz 1', postalCode: '75175', city: 'Pforzheim', timeZone: 'Europe/Berlin' };
      const subjects = [];
      for (const language of mailLanguages) for (const kind of ['CONFIRMATION', 'RESCHEDULED', 'CANCELLED', 'REMINDER_24H', 'REMINDER_4H']) {
        const { template, data } = mailData({ kind, view: { ...view, language }, office, manageUrl: 'u', bookingUrl: 'b' });
        subjects.push(templates.render(language, template, data).subject);
      }
      console.log(JSON.stringify({ dir: templates.dir, names: mailTemplateNames, subjects }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: api });
    const result = JSON.parse(stdout) as { dir: string; subjects: string[] };
    expect(result.dir).toBe(path.join(outDir, 'modules/mail/templates'));
    expect(result.subjects).toHaveLength(10);
    expect(result.subjects[0]).toBe('Terminbestätigung: Mittwoch, 3. März 2027, 09:00 Uhr – Bürgercentrum');
    expect(result.subjects[5]).toBe('Appointment confirmed: Wednesday, 3 March 2027, 09:00 – Bürgercentrum');
  });
});
