/**
 * Who sees what became of an action. A refusal is for the person refused alone: their own view
 * (Action.Execute) or a short reply that @mentions them (Action.Submit), never a card for the
 * chat. A saved change is confirmed in every reply the clicker's client gets, whichever lands last.
 */
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText, type Chat } from '../support/chat.js';
import type { ChannelUser, PostedMessage } from '../support/teams-channel.js';

const { fe, bdm, stranger } = PEOPLE;

const mentionOf = (person: ChannelUser) => ({
  type: 'mention',
  text: `<at>${person.name}</at>`,
  mentioned: { id: person.id, name: person.name },
});

describe('what the clicker sees, and what the chat sees', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  const stored = async (chat: Chat) =>
    (await bot.app.store.get(engagementIdFor(chat.conversationId)))!.engagement;

  const ready = (id: string) =>
    bot.engagement(id, 'Fabrikam', [
      [fe, 'FE'],
      [bdm, 'stakeholder', 'BDM'],
    ]);

  describe('a refusal through the Action.Submit fallback', () => {
    let chat: Chat;
    let card: PostedMessage;

    beforeAll(async () => {
      ({ chat, card } = await ready('19:submit-refusals@thread.v2'));
    });

    it('is a short reply that mentions the person refused, and changes nothing', async () => {
      const before = await stored(chat);
      const posted = chat.messages().length;
      const updates = card.updates;
      await chat.submit(bdm, card, 'auth.finalize', {
        card: 'auth',
        authMethod: 'phs',
        authRationale: 'Typed by the BDM',
        authDecidedBy: 'BDM',
      });
      const replies = chat.messages().slice(posted);
      expect(replies).toHaveLength(1);
      expect(replies[0].card).toBeUndefined();
      expect(replies[0].text).toMatch(/^<at>Nestor Wilke<\/at> Only the FastTrack Engineer/);
      expect(replies[0].text!.length).toBeLessThan(700);
      expect(replies[0].entities).toEqual([mentionOf(bdm)]);
      expect(card.updates).toBe(updates); // the shared card is left as it was
      expect((await stored(chat)).history).toEqual(before.history);
    });

    it('answers bad input the same way, saying nothing was saved', async () => {
      const posted = chat.messages().length;
      await chat.submit(fe, card, 'auth.finalize', { card: 'auth', authMethod: 'carrier-pigeon' });
      const replies = chat.messages().slice(posted);
      expect(replies).toHaveLength(1);
      expect(replies[0].card).toBeUndefined();
      expect(replies[0].text).toMatch(/^<at>Alex Wilber<\/at> .*Nothing was saved\.$/);
      expect(replies[0].entities).toEqual([mentionOf(fe)]);
    });

    it('answers someone who is not part of the engagement with a reply to them alone', async () => {
      const posted = chat.messages().length;
      await chat.submit(stranger, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: '',
      });
      const replies = chat.messages().slice(posted);
      expect(replies).toHaveLength(1);
      expect(replies[0].card).toBeUndefined();
      expect(replies[0].text).toMatch(/^<at>Diego Siciliani<\/at> .*not part of the engagement/);
      expect(replies[0].entities).toEqual([mentionOf(stranger)]);
    });

    it('names someone Teams does not identify, and mentions nobody', async () => {
      const posted = chat.messages().length;
      await chat.post({
        type: 'message',
        id: 'anonymous-submit',
        channelId: 'msteams',
        serviceUrl: bot.channel.serviceUrl,
        from: { id: '29:anonymous', name: 'Anonymous' },
        conversation: { id: chat.conversationId, conversationType: 'groupChat' },
        recipient: { id: '28:deploy-securely-bot', name: 'Deploy Securely' },
        replyToId: card.id,
        value: { verb: 'agenda.acknowledge', card: 'agenda', topics: 'importance' },
      });
      const replies = chat.messages().slice(posted);
      expect(replies).toHaveLength(1);
      expect(replies[0].text).toMatch(/^Someone: I cannot tell who you are/);
      expect(replies[0].entities).toBeUndefined();
    });

    it('still posts a card the person asked to open (navigation is not a refusal)', async () => {
      const posted = chat.messages().length;
      await chat.submit(bdm, card, 'show', { card: 'roles', open: 'status' });
      const replies = chat.messages().slice(posted);
      expect(replies).toHaveLength(1);
      expect(cardText(replies[0].card)).toMatch(/Engagement status/);
    });
  });

  describe('"Saved" for the clicker', () => {
    it("is in the clicker's view and in the shared card, so whichever arrives last shows it", async () => {
      const { chat, card } = await ready('19:saved-race@thread.v2');
      const updates = card.updates;
      const own = await chat.execute(bdm, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: '',
      });
      const saved = /Saved: Nestor Wilke acknowledged/;
      expect(cardText(own)).toMatch(saved);
      expect(card.updates).toBe(updates + 1);
      expect(cardText(card.card)).toMatch(saved);
    });

    it("stays on the clicker's view when Teams refreshes it after the shared card changed", async () => {
      const { chat, card } = await ready('19:saved-refresh@thread.v2');
      await chat.execute(bdm, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'baseline',
        question: '',
      });
      const refresh = { card: 'agenda' };
      const mine = await chat.execute(bdm, card, 'refresh', refresh, { automatic: true });
      expect(cardText(mine)).toMatch(/Saved: Nestor Wilke acknowledged/);
      // Someone else's refreshed view, and another card of the clicker, carry no such line.
      const theirs = await chat.execute(fe, card, 'refresh', refresh, { automatic: true });
      expect(cardText(theirs)).not.toMatch(/Saved:/);
      const other = await chat.execute(bdm, card, 'refresh', { card: 'auth' }, { automatic: true });
      expect(cardText(other)).not.toMatch(/Saved:/);
    });

    it('is on the shared card updated in place through Action.Submit, with nothing else posted', async () => {
      const { chat, card } = await ready('19:saved-submit@thread.v2');
      const posted = chat.messages().length;
      await chat.submit(bdm, card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: '',
      });
      expect(chat.messages()).toHaveLength(posted);
      expect(cardText(card.card)).toMatch(/Saved: Nestor Wilke acknowledged/);
    });
  });
});
