import type { DoorContext } from '../door/result.js';
import type { Action } from '../playbook/actions.js';
import type { Decision } from '../playbook/apply.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { checkActor } from '../playbook/actor.js';
import { PERMISSIONS } from '../playbook/permissions.js';
import { readAtText } from '../playbook/tenant-facts.js';
import { factsFrom } from '../playbook/tenant-read.js';
import type { TenantReader } from '../tenant/reader.js';

/** The actions whose gates (G3, G4) are decided on fresh facts where the tenant may be read. */
const GATED: readonly Action['type'][] = ['markSyncReady', 'removeBlockAll'];

/** Reads the customer's tenant for the person who asked, as the door and the playbook take it. */
export class TenantLink {
  constructor(
    private readonly reader: TenantReader,
    private readonly clock: () => Date,
  ) {}

  consentLink(tenantId: string): string {
    return this.reader.consentLink(tenantId);
  }

  /** A fresh read for a "Refresh from tenant": the facts, the tenant's refusal, or why not now. */
  async forDoor(e: Engagement | undefined, actor: Actor): Promise<DoorContext['tenant']> {
    if (!e) return { unavailable: 'There is no engagement in this chat yet.' };
    const denied = checkActor(e, 'recordTenantFacts', actor, PERMISSIONS.recordTenantFacts);
    if (denied) return { unavailable: denied.message };
    const result = await this.reader.read(e.tenantId);
    const now = this.clock();
    if (result.ok) return { ok: true, facts: factsFrom(result.snapshot, now) };
    if (result.kind === 'denied')
      return { ok: false, denied: result.message, at: now.toISOString() };
    const last = e.tenant?.access.state === 'granted' ? e.tenant.facts : undefined;
    return {
      unavailable: `${result.message}${last ? ` The facts ${readAtText(last)} still count.` : ''}`,
    };
  }

  /**
   * Before G3 or G4 is decided with access granted: the facts read now are recorded first, so the
   * gate decides on them. Returns a note when the tenant could not be read (the gate then decides
   * on the facts of the last read), or when the read found access withdrawn.
   */
  async beforeGate(
    action: Action,
    load: () => Promise<Engagement | undefined>,
    record: (read: Extract<Action, { type: 'recordTenantFacts' }>) => Promise<Decision>,
  ): Promise<string | undefined> {
    if (!GATED.includes(action.type)) return undefined;
    const e = await load();
    if (!e || e.tenant?.access.state !== 'granted') return undefined;
    const result = await this.reader.read(e.tenantId);
    const now = this.clock();
    if (!result.ok && result.kind === 'busy') {
      const last = e.tenant.facts;
      return `${result.message} The gate was decided on the facts ${last ? readAtText(last) : 'typed here'}.`;
    }
    const read = result.ok
      ? { ok: true as const, facts: factsFrom(result.snapshot, now) }
      : { ok: false as const, denied: result.message, at: now.toISOString() };
    const decision = await record({ type: 'recordTenantFacts', read });
    if (!read.ok && decision.ok)
      return `Reading the customer's tenant is no longer allowed (${read.denied}) The gate was decided on the facts typed here.`;
    return undefined;
  }
}
