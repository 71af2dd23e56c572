/**
 * The largest engagement the playbook's LIMITS allow still gives cards Teams takes: every card,
 * for every role, stays under 28 KB as Teams counts it (the UTF-8 bytes of the message the bot
 * sends, the card with its activity around it), whatever characters fill the texts, and stays valid.
 */
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { CardRenderer } from '../../src/cards/renderer.js';
import type { AdaptiveCard } from '../../src/cards/types.js';
import { CARD_NAMES } from '../../src/door/card-names.js';
import { toHtml, toMarkdown } from '../../src/documents/document.js';
import { handoffDocument } from '../../src/documents/handoff.js';
import { summaryDocument } from '../../src/documents/summary.js';
import { LIMITS } from '../../src/playbook/limits.js';
import { LISTED_ENGAGEMENTS } from '../../src/playbook/people-index.js';
import { cardText } from '../support/chat.js';
import { FE, FM, SME, BDM } from '../support/engagements.js';
import { cardProblems, inputs } from './adaptive.js';
import { largest, plain, repeat, type Fill } from './largest.js';

/** Teams refuses a bot message (and a card update) over 28 KB. */
const TEAMS_LIMIT = 28 * 1024;

/** The message the bot posts (or puts in place of the card) in a Teams chat, as sent over HTTP. */
function payloadBytes(card: AdaptiveCard): number {
  const reference = {
    activityId: `1:${'1'.repeat(60)}`,
    user: { id: `29:${'u'.repeat(120)}`, name: 'x'.repeat(256), aadObjectId: FM.id },
    bot: { id: `28:${'b'.repeat(36)}`, name: 'Deploy Securely' },
    conversation: {
      id: `19:${'c'.repeat(64)}@thread.v2;messageid=1712345678901`,
      conversationType: 'channel',
      name: 'x'.repeat(256),
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      isGroup: true,
    },
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    locale: 'en-US',
  };
  const activity = TurnContext.applyConversationReference(
    { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: `1:${'9'.repeat(60)}` },
    reference,
  );
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/** Texts in the heaviest characters: each weighs most in card JSON, or is escaped on cards. */
const ALPHABETS: [string, Fill][] = [
  ['plain text', plain],
  ['CJK (3 bytes each)', repeat('漢')],
  ['emoji (4 bytes each)', repeat('🔐')],
  ['control characters (6 bytes each in JSON)', repeat('\u0001')],
  ['quotes and backslashes (escaped in JSON)', repeat('"\\')],
  ['Markdown (escaped on cards)', repeat('*[_')],
  ['mixed', repeat('é漢🔐\u0007*"\n')],
];

const VIEWERS = [
  ['shared', undefined],
  ['FM', { id: FM.id, role: 'FM' as const }],
  ['FE', { id: FE.id, role: 'FE' as const }],
  ['SME', { id: SME.id, role: 'SME' as const }],
  ['stakeholder', { id: BDM.id, role: 'stakeholder' as const }],
] as const;

const renderer = new CardRenderer();

describe.each(ALPHABETS)('the largest engagement in %s', (_alphabet, fill) => {
  const { e, now, members } = largest(fill);

  test('is really at the limits', () => {
    expect(Object.keys(e.people)).toHaveLength(LIMITS.people);
    expect(e.conversation.questions).toHaveLength(LIMITS.questions);
    expect(e.handoff).toHaveLength(LIMITS.handoffRevisions);
    expect(e.followUps).toHaveLength(LIMITS.followUps);
  });

  test.each(CARD_NAMES)(
    'gives a %s card under 28 KB and valid, for every role, with every input typed far over its limit',
    (card) => {
      for (const [, viewer] of VIEWERS) {
        const req = {
          card,
          engagement: e,
          now,
          members,
          followUpId: 'fu-2',
          ...(viewer ? { viewer } : {}),
        };
        const plainCard = renderer.render(req);
        expect(payloadBytes(plainCard)).toBeLessThan(TEAMS_LIMIT);
        expect(cardProblems(plainCard)).toEqual([]);
        // A refusal: the message, and every input as typed, 2,000 characters of the alphabet each.
        const typed = fill('typed', 20_000).slice(0, 2000);
        const form = Object.fromEntries([...inputs(plainCard).keys()].map((id) => [id, typed]));
        const refused = renderer.render({
          ...req,
          message: { kind: 'error', text: fill('message', 600) },
          form,
        });
        expect(payloadBytes(refused)).toBeLessThan(TEAMS_LIMIT);
      }
    },
  );

  test('gives the 1:1 list of as many such engagements as a listing shows, under 28 KB and valid', () => {
    const chatUrl = `https://teams.microsoft.com/l/channel/${'%E6'.repeat(LIMITS.chatUrl / 3 - 20)}`;
    const listing = Array.from({ length: LISTED_ENGAGEMENTS }, (_, i) => ({
      engagement: { ...e, id: `eng-${i}`, chatUrl },
      personId: FM.id,
    }));
    const card = renderer.render({ card: 'engagements', viewer: { id: FM.id }, now, listing });
    expect(payloadBytes(card)).toBeLessThan(TEAMS_LIMIT);
    expect(cardProblems(card)).toEqual([]);
    // As many as fit, and the card says how many of them it shows.
    const shown = JSON.stringify(card).split('Open the chat').length - 1;
    expect(shown).toBeGreaterThanOrEqual(5);
    if (shown < LISTED_ENGAGEMENTS)
      expect(cardText(card)).toContain(
        `The ${shown} most recently changed of the ${LISTED_ENGAGEMENTS} engagements found`,
      );
  });
});

test('the documents of the largest engagement are complete: every follow-up, every field', () => {
  const { e } = largest();
  const md = toMarkdown(summaryDocument(e, new Date()));
  expect(
    md.split('\n').filter((l) => l.startsWith('- ') && l.includes('Agenda 9')),
  ).not.toHaveLength(0);
  expect(md).toContain('## Security features');
  const handoff = handoffDocument(e, new Date());
  if (handoff) expect(toHtml(handoff)).toContain('Notes for the next engineer');
});
