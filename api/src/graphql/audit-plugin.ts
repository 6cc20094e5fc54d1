/** The Apollo side of the audit log: entries before a mutation runs, outcomes once its response is ready. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger.js';
import { auditOutcome, auditTargets } from '../modules/audit/audit-record.js';
import type { Context } from './context.js';
import { asUnavailable } from './errors.js';

/** Sign-in and sign-out are recorded whoever calls them; other mutations when staff, a device or a portal calls. */
const ALWAYS = new Set(['login', 'logout']);

/**
 * Records every mutation of staff, devices and portals (and every sign-in attempt) in two steps: an entry per root
 * field is written before the operation runs, and the operation does not run when that write fails (the request
 * fails instead); its outcome is filled in once the response is ready. So no change is ever made without its entry;
 * an entry left PENDING means the process stopped (or the database went away) before the outcome was known.
 */
export function auditPlugin(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let pending: { ids: Promise<string[]>; responseKeys: string[] } | undefined;
      return {
        async didResolveOperation({ contextValue, operation, request, schema }) {
          if (operation?.operation !== 'mutation') return;
          const { identity } = contextValue;
          const targets = auditTargets(schema, operation, request.variables ?? {}).filter(
            (e) => identity.kind !== 'anonymous' || ALWAYS.has(e.operation),
          );
          if (targets.length === 0) return;
          const ids = contextValue.services.audit.begin(identity, targets);
          pending = { ids, responseKeys: targets.map((t) => t.responseKey) };
          // The request fails (nothing runs) when the entries cannot be written.
          await ids.catch((err) => {
            throw asUnavailable(err);
          });
        },
        async willSendResponse({ contextValue, response }) {
          if (!pending) return;
          // Another check may have refused the request while the entries were still being written.
          const ids = await pending.ids.catch(() => null);
          if (!ids) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const outcomes = pending.responseKeys.map((key) => auditOutcome(key, result.data, result.errors ?? []));
          await contextValue.services.audit
            .finish(ids, outcomes)
            .catch((err) => log.error({ err }, 'audit log: outcome not recorded; the entries stay PENDING'));
        },
      };
    },
  };
}
