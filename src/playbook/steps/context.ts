import type { Actor, Engagement, Stamp } from '../engagement.js';
import type { Refusal } from '../refusal.js';

/** What a step handler gets: a private copy of the engagement it may change, and who acts when. */
export interface StepContext {
  draft: Engagement;
  actor: Actor;
  now: Date;
  stamp: Stamp;
}

/** A handler changes the draft and says what it did, or refuses (then the draft is thrown away). */
export type StepResult = { summary: string } | Refusal;
