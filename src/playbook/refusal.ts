/** Why an action was not applied. The message is what the person reads; nothing changed. */
export interface Refusal {
  /** `outsider`: the person takes no part in the engagement (no role, left the chat, another tenant). */
  kind: 'notAllowed' | 'gate' | 'invalid' | 'notFound' | 'outsider';
  message: string;
  /** What is missing before the action can be taken, one item a line. */
  missing: string[];
}

export function refuse(kind: Refusal['kind'], message: string, missing: string[] = []): Refusal {
  return { kind, message, missing };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'kind' in value && 'missing' in value;
}

/** One line a person can read: the message, then what is missing. */
export function describeRefusal(refusal: Refusal): string {
  if (refusal.missing.length === 0) return refusal.message;
  return `${refusal.message} Missing: ${refusal.missing.join('; ')}.`;
}
