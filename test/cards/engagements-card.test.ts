/**
 * The 1:1 list of a person's engagements: each engagement's step, what is blocked and the next
 * follow-up, with a link to its chat when there is one; and what it says when the list is empty.
 */
import { CardRenderer } from '../../src/cards/renderer.js';
import type { CardRequest } from '../../src/cards/types.js';
import { cardProblems } from './adaptive.js';
import { cardText } from '../support/chat.js';
import {
  beforeKickoff,
  FE,
  FM,
  LATER,
  midway,
  movedOn,
  NOW,
  withReminders,
} from '../support/engagements.js';
import { LISTED_ENGAGEMENTS } from '../../src/playbook/people-index.js';

const renderer = new CardRenderer();
const render = (req: Omit<CardRequest, 'card'>) => {
  const card = renderer.render({ card: 'engagements', viewer: { id: FM.id }, ...req });
  expect(cardProblems(card)).toEqual([]);
  return { card, text: cardText(card) };
};

test('each engagement says where it stands, what blocks it and what comes next, newest first', () => {
  const waiting = {
    ...beforeKickoff(),
    customer: 'Waiting Ltd',
    chatUrl: 'https://teams.microsoft.com/l/chat/19%3Ax/conversations',
  };
  const busy = { ...midway(), customer: 'Busy Ltd' };
  const done = { ...movedOn(), customer: 'Done Ltd' };
  const { card, text } = render({
    now: NOW,
    listing: [
      { engagement: waiting, personId: FM.id },
      { engagement: busy, personId: FE.id },
      { engagement: done, personId: FM.id },
    ],
  });
  expect(text).toMatch(/3 engagement\(s\), the most recently changed first/);
  expect(text).toMatch(
    /Waiting Ltd\nYou are the FastTrack Manager\nStep\nKickoff call completed: waiting for the FastTrack Manager/,
  );
  expect(text).toMatch(/Busy Ltd\nYou are the FastTrack Engineer/);
  expect(text).toMatch(/Blocked\n[^\n]+: [^\n]+ \(and \d+ more\)/);
  expect(text).toMatch(
    /Done Ltd\nYou are the FastTrack Manager\nStep\nMoved on to the next phase\nBlocked\nNothing is blocked/,
  );
  const links = JSON.stringify(card);
  expect(links.match(/Action.OpenUrl/g)).toHaveLength(1);
  expect(links).toContain('https://teams.microsoft.com/l/chat/19%3Ax/conversations');
});

test('the next follow-up is the soonest one still to come', () => {
  const e = withReminders();
  const upcoming = e.followUps
    .filter((f) => !f.cancelled && f.startsAt >= LATER.toISOString())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const { text } = render({ now: LATER, listing: [{ engagement: e, personId: FM.id }] });
  expect(upcoming).toBeDefined();
  expect(text).toMatch(/Next follow-up\n(?!None scheduled)/);
  const { text: later } = render({
    now: new Date('2030-01-01T00:00:00Z'),
    listing: [{ engagement: e, personId: FM.id }],
  });
  expect(later).toMatch(/Next follow-up\nNone scheduled/);
});

test('an empty list says how to take part; without a list, where to ask for it', () => {
  expect(render({ now: NOW, listing: [] }).text).toMatch(/You take part in no engagement yet/);
  expect(render({ now: NOW }).text).toMatch(/Type "engagements" in your 1:1 chat with me/);
  const gone = midway();
  expect(
    render({ now: NOW, listing: [{ engagement: gone, personId: 'aad-nobody' }] }).text,
  ).toMatch(/1 engagement\(s\)/);
});

test('a full listing of real-sized engagements shows every one; the customer reads as typed', () => {
  const chatUrl = `https://teams.microsoft.com/l/chat/${encodeURIComponent('19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzZTAtNTVlNmZmMDhkNGU2@thread.v2')}/conversations`;
  const listing = Array.from({ length: LISTED_ENGAGEMENTS }, (_, i) => ({
    engagement: {
      ...midway(),
      id: `eng-${i}`,
      customer: `Contoso [EMEA](https://evil.example) ${i}`,
      chatUrl,
    },
    personId: FM.id,
  }));
  const { card, text } = render({ now: NOW, listing });
  expect(text).toContain(`${LISTED_ENGAGEMENTS} engagement(s), the most recently changed first.`);
  expect(JSON.stringify(card).match(/Action.OpenUrl/g)).toHaveLength(LISTED_ENGAGEMENTS);
  expect(JSON.stringify(card)).toContain('Contoso \\\\[EMEA\\\\](https://evil.example) 24');
});
