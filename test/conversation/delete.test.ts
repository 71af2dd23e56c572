/**
 * The customer asks for their data to be removed: the FastTrack manager deletes the engagement
 * from the summary card, confirming with the customer's name. Over HTTP through the real bot:
 * only the FM, only with the name, the document gone from the store, its reminders with it, the
 * chat told once, and the chat free to start again.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText, cardVerbs } from '../support/chat.js';
import type { ChannelUser } from '../support/teams-channel.js';
import { inputs } from '../cards/adaptive.js';

const CHAT = '19:delete-me@thread.v2';

describe('deleting an engagement', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ reminders: false });
  });
  afterAll(() => bot.close());

  it('takes the FM and the customer name typed, removes everything, stops reminders, tells the chat once', async () => {
    const { chat, card } = await bot.engagement(CHAT, 'Contoso [Ltd](https://evil.example)', [
      [PEOPLE.bdm, 'stakeholder', 'BDM'],
    ]);
    const id = engagementIdFor(CHAT);
    await chat.execute(PEOPLE.fm, card, 'followup.schedule', {
      card: 'followup',
      fuKind: 'bvd',
      fuDate: '2031-05-06',
      fuTime: '10:00',
      fuZone: 'Europe/Paris',
      fuAttendees: PEOPLE.bdm.aadObjectId,
      fuAgenda: 'Business value',
    });
    const future = '2031-12-31T00:00:00.000Z';
    expect((await bot.app.store.dueReminders(future, 10)).map((v) => v.engagement.id)).toContain(
      id,
    );

    // The summary card offers it, behind a confirmation.
    const summary = await chat.execute(PEOPLE.fm, card, 'show', { card: 'roles', open: 'summary' });
    expect(cardVerbs(summary)).toContain('engagement.delete');
    expect(cardText(summary)).toContain('Delete this engagement…');

    /** Presses "Delete for good" with the name typed (or none). */
    const remove = (who: ChannelUser, typed?: string, id?: string) =>
      chat.execute(
        who,
        card,
        'engagement.delete',
        { card: 'summary', ...(typed === undefined ? {} : { confirmCustomer: typed }) },
        id ? { id } : {},
      );

    // Not the stakeholder; not without the name.
    const byBdm = await remove(PEOPLE.bdm, 'Contoso [Ltd](https://evil.example)');
    expect(cardText(byBdm)).toMatch(/Only the FastTrack Manager can do that/);
    const wrong = await remove(PEOPLE.fm, 'Contoso');
    expect(cardText(wrong)).toMatch(
      /type the customer's name exactly as it is: .*Nothing was deleted\./,
    );
    expect(inputs(wrong).get('confirmCustomer')?.value).toBe('Contoso');
    const empty = await remove(PEOPLE.fm);
    expect(cardText(empty)).toContain("Type the customer's name to confirm the deletion.");
    expect(await bot.app.store.get(id)).toBeDefined();

    const before = chat.messages().length;
    const done = await remove(PEOPLE.fm, '  contoso [LTD](https://evil.example) ', 'delete-1');
    expect(cardText(done)).toContain('Deleted: the engagement with Contoso');
    expect(await bot.app.store.get(id)).toBeUndefined();
    expect(
      (await bot.app.store.dueReminders(future, 10)).map((v) => v.engagement.id),
    ).not.toContain(id);
    // The card everyone saw is replaced; the chat gets one short notice, the name as text.
    expect(cardText(card.card)).toContain("Megan Bowen deleted this chat's engagement.");
    const notices = chat
      .messages()
      .slice(before)
      .filter((m) => m.text);
    expect(notices.map((m) => m.text)).toEqual([
      'Megan Bowen deleted the engagement with Contoso \\[Ltd\\](https://evil.example) and everything the bot recorded for it: its people, answers, decisions, hand-off and follow-ups. No reminder of it will be sent.',
    ]);

    // Teams delivering it again: nothing more to delete, nothing posted again.
    const again = await remove(PEOPLE.fm, 'Contoso [Ltd](https://evil.example)', 'delete-1');
    expect(cardText(again)).toContain('There is no engagement in this chat yet');
    expect(chat.messages().filter((m) => m.text)).toHaveLength(notices.length);

    // The chat can start a new engagement.
    await chat.say(PEOPLE.fm, 'start Fabrikam');
    expect((await bot.app.store.get(id))?.engagement.customer).toBe('Fabrikam');
  });
});
