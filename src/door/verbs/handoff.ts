import { z } from 'zod';
import { NEXT_PHASES } from '../../playbook/catalog.js';
import type { HandoffForm, SaasApp } from '../../playbook/engagement.js';
import { LIMITS } from '../../playbook/limits.js';
import { verb } from '../entry.js';
import { tooLongMessage } from '../../playbook/steps/text.js';
import { input, many, oneOf, text, wholeNumber } from '../fields.js';

/** SaaS app names, one per line (blank lines skipped), each at most LIMITS.name characters. */
function appLines(label: string) {
  return input().transform((v, ctx): string[] => {
    if (v !== undefined && v !== null && typeof v !== 'string') {
      ctx.addIssue({ code: 'custom', message: `The ${label} must be text, one app per line.` });
      return z.NEVER;
    }
    const lines = (v ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    for (const line of lines) {
      const long = tooLongMessage(`SaaS app name "${line.slice(0, 40)}…"`, line, LIMITS.name);
      if (long) {
        ctx.addIssue({ code: 'custom', message: long });
        return z.NEVER;
      }
    }
    return lines;
  });
}

/** The hand-off form (task 3721) as the card submits it. */
const handoffSchema = z
  .object({
    authRationale: text('authentication rationale', LIMITS.longText),
    mfaApproach: oneOf(
      ['caPolicy', 'securityDefaults'] as const,
      'MFA approach',
      'Choose the MFA approach.',
    ),
    mfaRegistered: wholeNumber(
      'number of users registered for MFA',
      'Give the number of users registered for MFA.',
    ),
    saasGallery: appLines('list of gallery apps'),
    saasOther: appLines('list of other apps'),
    devicePlan: text('device management plan', LIMITS.longText),
    mobileAppPlan: text('mobile app management plan', LIMITS.longText),
    risks: text('text on risks and blockers', LIMITS.longText),
    recommendedWorkshops: many(NEXT_PHASES, 'next workshops'),
    notes: text('note for the next engineer', LIMITS.longText),
  })
  .transform((v, ctx): HandoffForm => {
    const apps: SaasApp[] = [
      ...v.saasGallery.map((name) => ({ name, inGallery: true })),
      ...v.saasOther.map((name) => ({ name, inGallery: false })),
    ];
    if (apps.length > LIMITS.saasApps) {
      ctx.addIssue({
        code: 'custom',
        message: `List at most ${LIMITS.saasApps} SaaS apps; there are ${apps.length}.`,
      });
      return z.NEVER;
    }
    return {
      authRationale: v.authRationale,
      mfaApproach: v.mfaApproach,
      mfaRegistered: v.mfaRegistered,
      saasApps: apps,
      devicePlan: v.devicePlan,
      mobileAppPlan: v.mobileAppPlan,
      risks: v.risks,
      recommendedWorkshops: v.recommendedWorkshops,
      notes: v.notes,
    };
  });

/** The hand-off form (task 3721), submitted by the engineers after the workshop. */
export const HANDOFF_VERBS = {
  'handoff.submit': verb({
    action: 'submitHandoff',
    card: 'handoff',
    form: true,
    schema: handoffSchema,
    build: (form) => ({ type: 'submitHandoff', form }),
  }),
};
