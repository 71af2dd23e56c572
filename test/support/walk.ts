/**
 * The Deploy Securely phase from the recorded kickoff to moving on, as the people of a chat take
 * it on its cards: each answer must come back "Saved", or the walk stops naming the step.
 */
import { cardText, type Chat } from './chat.js';
import type { ChannelUser, PostedMessage } from './teams-channel.js';

export interface Cast {
  fm: ChannelUser;
  fe: ChannelUser;
  sme: ChannelUser;
  /** Two customer stakeholders. */
  stakeholders: [ChannelUser, ChannelUser];
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Walks the engagement whose shared card is `card` to the next phase; kickoff and roles are done. */
export async function walkToNextPhase(chat: Chat, card: PostedMessage, cast: Cast): Promise<void> {
  const { fm, fe, sme } = cast;
  const [bdm, architect] = cast.stakeholders;
  const act = async (who: ChannelUser, verb: string, data: Record<string, unknown>) => {
    const seen = cardText(await chat.execute(who, card, verb, data));
    if (!seen.includes('Saved:'))
      throw new Error(`${verb} by ${who.name} was not saved: ${seen.split('\n')[2] ?? seen}`);
  };
  await act(fm, 'licensing.record', {
    card: 'licensing',
    licences: 'm365e3',
    addOns: '',
    licensingNotes: '',
  });
  for (const who of [bdm, architect])
    await act(who, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'importance,baseline,deploySecurely',
      question: '',
    });
  await act(fm, 'conversation.deliver', { card: 'agenda' });
  await act(fe, 'identity.complete', { card: 'identity', step: 'forests', note_forests: '' });
  await act(bdm, 'auth.prefer', { card: 'auth', preferMethod: 'phs', preferComment: '' });
  await act(fe, 'auth.finalize', {
    card: 'auth',
    authMethod: 'phs',
    authRationale: 'No on-premises dependency',
    authDecidedBy: bdm.name,
  });
  for (const step of ['aadConnect', 'breakGlass', 'blockAllCa', 'mfaAdmins'])
    await act(fe, 'identity.complete', { card: 'identity', step, [`note_${step}`]: '' });
  await act(fe, 'identity.syncReady', { card: 'identity' });
  const decisions: [ChannelUser, string, string, Record<string, string>][] = [
    [bdm, 'mfaAllUsers', 'enable', {}],
    [bdm, 'conditionalAccess', 'enable', {}],
    [architect, 'blockLegacyAuth', 'planned', { date_blockLegacyAuth: inDays(30) }],
    [bdm, 'saasSso', 'notPlanned', { reason_saasSso: 'No gallery apps yet' }],
    [architect, 'deviceManagement', 'notPlanned', { reason_deviceManagement: 'Parent company' }],
    [bdm, 'mobileAppManagement', 'enable', {}],
  ];
  for (const [who, feature, choice, extra] of decisions)
    await act(who, 'workshop.decide', {
      card: 'workshop',
      feature,
      [`choice_${feature}`]: choice,
      ...extra,
    });
  for (const policy of ['mfaAllUsers', 'blockLegacy'])
    await act(fe, 'workshop.caPolicy', {
      card: 'workshop',
      policy,
      [`caState_${policy}`]: 'created',
    });
  await act(fe, 'workshop.mfa', { card: 'workshop', mfaRegistered: '100', mfaTotal: '100' });
  await act(fe, 'workshop.removeBlockAll', { card: 'workshop' });
  await act(fe, 'workshop.deliver', { card: 'workshop' });
  await act(sme, 'handoff.submit', {
    card: 'handoff',
    authRationale: 'PHS',
    mfaApproach: 'caPolicy',
    mfaRegistered: '100',
    recommendedWorkshops: 'Conduct Security Workshops',
  });
  await act(fm, 'followup.schedule', {
    card: 'followup',
    fuKind: 'securityWorkshop',
    fuDate: inDays(14),
    fuTime: '15:00',
    fuZone: 'Europe/London',
    fuAttendees: `${fe.aadObjectId},${bdm.aadObjectId}`,
    fuAgenda: 'Conditional Access deep dive',
  });
  await act(fm, 'phase.moveOn', { card: 'summary' });
}
