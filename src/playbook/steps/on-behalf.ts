import type { OnBehalf } from '../engagement.js';
import { refuse, type Refusal } from '../refusal.js';
import type { StepContext } from './context.js';

/** Whose answer an action records: the actor's own, or a stakeholder's given in the meeting. */
export interface Subject {
  id: string;
  name: string;
  onBehalfOf?: OnBehalf;
}

/**
 * The person an answer belongs to. The FM or FE may record it for a named stakeholder of the
 * engagement (the role check is the playbook's permissions); the record keeps both people.
 */
export function subjectOf(ctx: StepContext, onBehalfOf: string | undefined): Subject | Refusal {
  if (!onBehalfOf) return { id: ctx.actor.id, name: ctx.actor.name };
  const person = ctx.draft.people[onBehalfOf];
  if (!person || person.role !== 'stakeholder')
    return refuse(
      'invalid',
      'Answers given in the meeting are recorded for a stakeholder of this engagement: choose one from the list.',
    );
  return { id: person.id, name: person.name, onBehalfOf: { id: person.id, name: person.name } };
}

/** "recorded for Ana Ruiz (given in the meeting): " before a summary, when it applies. */
export function forWhom(subject: Subject): string {
  return subject.onBehalfOf ? `recorded for ${subject.name} (given in the meeting): ` : '';
}
