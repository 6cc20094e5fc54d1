/**
 * The api's import structure, read by madge from the sources (type-only imports count too): the modules under
 * src/modules depend on each other without cycles and only through each other's public files, every file that touches
 * the database says so in its name, and the pure rule files reach no database or web library, not even through the
 * files they import.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Plain functions of the domain rules (no I/O, no clock reads), unit-tested beside the code. */
const PURE_FILES = [
  'modules/admin/office-rules.ts',
  'modules/audit/audit-record.ts',
  'modules/booking/appointment-view.ts',
  'modules/booking/availability.ts',
  'modules/booking/codes.ts',
  'modules/booking/confirmation.ts',
  'modules/catalog/catalog-texts.ts',
  'modules/catalog/holidays.ts',
  'modules/catalog/special-days.ts',
  'modules/catalog-admin/catalog-rules.ts',
  'modules/devices/device-rules.ts',
  'modules/portal-keys/portal-key-rules.ts',
  'modules/push/push-rules.ts',
  'modules/queue/rules/check-in-window.ts',
  'modules/queue/rules/closing-guard.ts',
  'modules/queue/rules/estimate.ts',
  'modules/queue/rules/office-day.ts',
  'modules/queue/rules/ordering.ts',
  'modules/queue/rules/queue-estimates.ts',
  'modules/queue/rules/queue-model.ts',
  'modules/queue/rules/queue-outcomes.ts',
  'modules/queue/rules/queue-codes.ts',
  'modules/queue/rules/ticket-model.ts',
  'modules/queue/rules/transitions.ts',
  'modules/queue/rules/walk-in-input.ts',
  'modules/staff/staff-account-rules.ts',
  'modules/stats/estimate-calibration.ts',
  'modules/stats/stats-csv.ts',
  'modules/stats/stats-figures.ts',
  'modules/stats/stats-math.ts',
  'modules/stats/stats-periods.ts',
];

/**
 * What a module offers the others: its services, its tables, its GraphQL types and its pure rule files. Stores,
 * resolvers, read models and other helpers are its own business.
 */
const isPublic = (file: string) => /\.(service|entity|types)\.ts$/.test(file) || PURE_FILES.includes(file);

/** Files that hold a connection of their own rather than reading tables: the job scheduler and the live listener. */
const CONNECTION_OWNERS = ['modules/jobs/scheduler.ts', 'modules/live/live-listener.ts'];

const IMPURE_PACKAGES = /^(typeorm|express|pg|pg-[\w-]+|@as-integrations\/.*)$/;

let graph: Record<string, string[]>;

beforeAll(async () => {
  const result = await madge(src, {
    fileExtensions: ['ts'],
    tsConfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    detectiveOptions: { ts: { skipTypeImports: false } },
    excludeRegExp: [/\.test\.ts$/],
  });
  graph = result.obj();
}, 60_000);

const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Module dependencies, as "from -> to" edges. */
function moduleEdges(files: Record<string, string[]>): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, deps] of Object.entries(files)) {
    const from = moduleOf(file);
    if (!from) continue;
    for (const dep of deps) {
      const to = moduleOf(dep);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return edges;
}

/** Imports from one module of a file another module keeps to itself, as "file -> file". */
function privateImports(files: Record<string, string[]>): string[] {
  const found: string[] = [];
  for (const [file, deps] of Object.entries(files)) {
    const from = moduleOf(file);
    if (!from) continue;
    for (const dep of deps) {
      const to = moduleOf(dep);
      if (to && to !== from && !isPublic(dep)) found.push(`${file} -> ${dep}`);
    }
  }
  return found.sort();
}

/** The edges a -> b for which b leads back to a: the edges that close a cycle. */
function cycleEdges(edges: Map<string, Set<string>>): string[] {
  const reaches = (start: string, goal: string) => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length > 0) {
      const at = todo.pop() as string;
      if (at === goal) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      todo.push(...(edges.get(at) ?? []));
    }
    return false;
  };
  const found: string[] = [];
  for (const [from, tos] of edges) for (const to of tos) if (reaches(to, from)) found.push(`${from} -> ${to}`);
  return found.sort();
}

function reachable(file: string): Set<string> {
  const seen = new Set<string>();
  const todo = [file];
  while (todo.length > 0) {
    const at = todo.pop() as string;
    if (seen.has(at)) continue;
    seen.add(at);
    todo.push(...(graph[at] ?? []));
  }
  return seen;
}

function packagesOf(file: string): string[] {
  const text = readFileSync(`${src}${file}`, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)].map((m) => m[1] as string);
}

describe('api architecture', () => {
  it('reads the modules and their dependencies', () => {
    expect(Object.keys(graph)).toContain('modules/queue/rules/ordering.ts');
    expect(moduleEdges(graph).get('queue')?.has('catalog')).toBe(true);
  });

  it('has no import cycles between modules', () => {
    expect(cycleEdges(moduleEdges(graph))).toEqual([]);
  });

  it('lets modules use each other only through their public files', () => {
    expect(privateImports(graph)).toEqual([]);
  });

  it("finds an import of another module's own file", () => {
    expect(
      privateImports({
        'modules/a/a.service.ts': ['modules/b/b.store.ts', 'modules/b/b.service.ts', 'modules/a/a.store.ts'],
        'modules/b/b.service.ts': ['modules/b/b.store.ts', 'modules/queue/rules/ordering.ts', 'shared/ids.ts'],
      }),
    ).toEqual(['modules/a/a.service.ts -> modules/b/b.store.ts']);
  });

  it('finds a cycle between modules when there is one', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycleEdges(edges)).toEqual(['a -> b', 'b -> c', 'c -> a']);
  });

  it('names every module file that touches the database: *.entity.ts, *.store.ts or *.service.ts', () => {
    const unnamed = Object.keys(graph).filter(
      (file) =>
        moduleOf(file) &&
        !/\.(entity|store|service)\.ts$/.test(file) &&
        !CONNECTION_OWNERS.includes(file) &&
        (packagesOf(file).some((p) => /^(typeorm|pg)$/.test(p)) ||
          /\.query\(/.test(readFileSync(`${src}${file}`, 'utf8'))),
    );
    expect(unnamed).toEqual([]);
  });

  it.each(PURE_FILES)('%s imports no database or web library, not even indirectly', (file) => {
    expect(graph[file], `${file} is not in the graph`).toBeDefined();
    const impure = [...reachable(file)].flatMap((f) =>
      packagesOf(f)
        .filter((p) => IMPURE_PACKAGES.test(p))
        .map((p) => `${f} imports ${p}`),
    );
    expect(impure).toEqual([]);
  });
});
