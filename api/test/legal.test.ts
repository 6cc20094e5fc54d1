/** The legal pages: everyone reads them (sample texts until saved), only administrators change them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import { createTestApp, type TestApp } from './test-app.js';

let t: TestApp;
let admin: GqlClient;

const PAGE = `query($k: LegalPageKind!) { legalPage(kind: $k) {
  kind isSample updatedAt feedbackEmail texts { language title body } } }`;
const SAVE = `mutation($k: LegalPageKind!, $i: LegalPageInput!) { saveLegalPage(kind: $k, input: $i) {
  __typename
  ... on LegalPage { kind isSample feedbackEmail texts { language title body } }
  ... on InvalidInput { fields { field code } } } }`;

type Page = {
  kind: string;
  isSample: boolean;
  updatedAt: string | null;
  feedbackEmail: string | null;
  texts: { language: string; title: string; body: string }[];
};
const read = async (kind: string) => (await t.anonymous().ok<{ legalPage: Page }>(PAGE, { k: kind })).legalPage;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.admin();
});
afterAll(() => t?.close());

describe('legal pages', () => {
  it('shows each page’s sample text to anyone until the installation saves its own', async () => {
    for (const kind of ['IMPRINT', 'PRIVACY', 'ACCESSIBILITY']) {
      const page = await read(kind);
      expect(page).toMatchObject({ kind, isSample: true, updatedAt: null });
      expect(page.texts.map((x) => x.language)).toEqual(['de', 'en']);
      expect(page.texts[0]?.body).toContain('Mustertext');
    }
    expect((await read('ACCESSIBILITY')).feedbackEmail).toMatch(/@/);
  });

  it('an administrator saves a page; citizens see it at once, with its feedback contact', async () => {
    const input = {
      texts: [
        { language: 'de', title: 'Erklärung zur Barrierefreiheit', body: '## Barrieren melden\nSchreiben Sie uns.' },
      ],
      feedbackEmail: 'Barrierefrei@Stadt.example',
    };
    const saved = (
      await admin.ok<{ saveLegalPage: Page & { __typename: string } }>(SAVE, { k: 'ACCESSIBILITY', i: input })
    ).saveLegalPage;
    expect(saved).toMatchObject({
      __typename: 'LegalPage',
      isSample: false,
      feedbackEmail: 'barrierefrei@stadt.example',
    });
    const page = await read('ACCESSIBILITY');
    expect(page.isSample).toBe(false);
    expect(page.updatedAt).not.toBeNull();
    expect(page.texts).toEqual([{ language: 'de', ...input.texts[0] }]);
    const rows = await t.sql<{ operation: string }>(
      `SELECT operation FROM audit_event WHERE operation = 'saveLegalPage'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a bad page with typed field errors and changes nothing', async () => {
    const before = await read('IMPRINT');
    const r = (
      await admin.ok<{ saveLegalPage: { __typename: string; fields: { field: string; code: string }[] } }>(SAVE, {
        k: 'IMPRINT',
        i: { texts: [{ language: 'en', title: 'Legal notice', body: '' }], feedbackEmail: 'no-mail' },
      })
    ).saveLegalPage;
    expect(r.__typename).toBe('InvalidInput');
    expect(r.fields).toEqual([
      { field: 'texts.0.body', code: 'REQUIRED' },
      { field: 'texts', code: 'GERMAN_REQUIRED' },
      { field: 'feedbackEmail', code: 'INVALID' },
    ]);
    expect(await read('IMPRINT')).toEqual(before);
  });

  it('only administrators may list or change the pages', async () => {
    const manager = await t.officeManager();
    const res = await manager.request(SAVE, {
      k: 'IMPRINT',
      i: { texts: [{ language: 'de', title: 'X', body: 'Y' }] },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await read('IMPRINT')).isSample).toBe(true);
    const list = await admin.ok<{ legalPages: { kind: string }[] }>('{ legalPages { kind } }');
    expect(list.legalPages.map((p) => p.kind)).toEqual(['IMPRINT', 'PRIVACY', 'ACCESSIBILITY']);
  });
});
