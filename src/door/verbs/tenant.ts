import { none, verb } from '../entry.js';

/** Facts read from the customer's tenant through Microsoft Graph, for whoever leads the engagement. */
export const TENANT_VERBS = {
  'tenant.refresh': verb({
    action: 'recordTenantFacts',
    card: 'identity',
    form: false,
    tenant: true,
    schema: none,
    build: (_v, ctx) => {
      const read = ctx.tenant;
      if (!read)
        return {
          invalid:
            "Reading the customer's tenant is not set up for this bot; the facts typed on the cards count.",
        };
      if ('unavailable' in read) return { invalid: read.unavailable };
      return { type: 'recordTenantFacts', read };
    },
  }),
};
