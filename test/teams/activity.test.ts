/** Reading what Teams sends into the framework-free shapes the rest of the bot uses. */
import type { Activity } from 'botbuilder';
import {
  chatUrlFor,
  readIncoming,
  readInvokeAction,
  readSubmitAction,
} from '../../src/teams/activity.js';

const activity = (overrides: Partial<Activity>): Activity =>
  ({
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    from: { id: '29:ana', name: ' Ana Ruiz ', aadObjectId: 'aad-ana' },
    recipient: { id: '28:bot', name: 'Deploy Securely' },
    conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' },
    localTimezone: 'Europe/Madrid',
    ...overrides,
  }) as Activity;

describe('readIncoming', () => {
  test('a person of an organization in a group chat', () => {
    expect(readIncoming(activity({ replyToId: 'card-7' }))).toMatchObject({
      activityId: 'act-1',
      actor: { id: 'aad-ana', name: 'Ana Ruiz', tenantId: 'tenant-1', teamsId: '29:ana' },
      conversationId: '19:chat@thread.v2',
      conversationKind: 'groupChat',
      tenantId: 'tenant-1',
      replyToId: 'card-7',
      timeZone: 'Europe/Madrid',
      reference: {
        conversation: { id: '19:chat@thread.v2' },
        serviceUrl: 'https://smba.example/emea/',
      },
    });
  });

  test('the tenant from the channel data when the conversation has none; a nameless person is "Someone"', () => {
    const incoming = readIncoming(
      activity({
        from: { id: '', name: '  ', aadObjectId: 'aad-x' },
        conversation: { id: '19:c', conversationType: 'channel', isGroup: true, name: '' },
        channelData: { tenant: { id: 'tenant-2' } },
        localTimezone: '',
      }),
    );
    expect(incoming.actor).toEqual({ id: 'aad-x', name: 'Someone', tenantId: 'tenant-2' });
    expect(incoming.conversationKind).toBe('channel');
    expect(incoming.timeZone).toBeUndefined();
  });

  test('a zone the runtime does not know is no zone: the bot’s default applies, not a made-up one', () => {
    expect(readIncoming(activity({ localTimezone: 'Mars/Olympus_Mons' })).timeZone).toBeUndefined();
    expect(readIncoming(activity({ localTimezone: 'local' })).timeZone).toBeUndefined();
    expect(readIncoming(activity({ localTimezone: 'America/New_York' })).timeZone).toBe(
      'America/New_York',
    );
    // An alias the runtime knows but does not list as canonical.
    expect(readIncoming(activity({ localTimezone: 'Asia/Calcutta' })).timeZone).toBe(
      'Asia/Calcutta',
    );
  });

  test("the client's zone: localTimezone, else Teams' clientInfo entity; a name no runtime knows is none", () => {
    const zoneOf = (fields: Record<string, unknown>) => readIncoming(activity(fields)).timeZone;
    const clientInfo = (timezone: unknown) => [{ type: 'clientInfo', locale: 'en-US', timezone }];
    expect(zoneOf({ localTimezone: undefined, entities: clientInfo('Asia/Tokyo') })).toBe(
      'Asia/Tokyo',
    );
    expect(zoneOf({ localTimezone: 'Mars/Olympus', entities: clientInfo('Asia/Tokyo') })).toBe(
      'Asia/Tokyo',
    );
    expect(zoneOf({ localTimezone: 'Mars/Olympus', entities: clientInfo(42) })).toBeUndefined();
  });

  test('no actor without an organization or a signed-in user; a chat of unknown kind is personal', () => {
    const noTenant = readIncoming(
      activity({
        conversation: { id: '19:p', conversationType: 'unknown', isGroup: false, name: '' },
      }),
    );
    expect(noTenant.actor).toBeUndefined();
    expect(noTenant.conversationKind).toBe('personal');
    const anonymous = readIncoming(activity({ from: { id: '29:x', name: 'X' }, id: undefined }));
    expect(anonymous.actor).toBeUndefined();
    expect(anonymous.activityId).toBe('');
  });
});

describe('card actions', () => {
  test('Action.Execute: verb and data, and whether Teams pressed it for a refresh', () => {
    expect(
      readInvokeAction({
        action: { verb: 'refresh', data: { card: 'status' } },
        trigger: 'automatic',
      }),
    ).toEqual({ verb: 'refresh', data: { card: 'status' }, automatic: true });
    expect(readInvokeAction({ action: { verb: 'show', data: ['x'] } })).toEqual({
      verb: 'show',
      data: {},
      automatic: false,
    });
  });

  test('an invoke without an action or a verb is no card action', () => {
    for (const value of [undefined, null, 'x', [], {}, { action: [] }, { action: { verb: 3 } }])
      expect(readInvokeAction(value)).toBeUndefined();
  });

  test('Action.Submit: the verb inside the value, the rest is the data; a message without one is typed text', () => {
    expect(readSubmitAction({ verb: 'show', open: 'status' })).toEqual({
      verb: 'show',
      data: { open: 'status' },
      automatic: false,
      submitted: true,
    });
    for (const value of [undefined, 'start Contoso', ['verb'], { open: 'status' }, { verb: 1 }])
      expect(readSubmitAction(value)).toBeUndefined();
  });
});

describe('the host tenant and a link to the chat', () => {
  test('an empty conversation tenant falls back to the channel data; a message is posted in the chat, an invoke is not', () => {
    const empty = readIncoming(
      activity({
        conversation: {
          id: '19:c',
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: '',
          name: '',
        },
        channelData: { tenant: { id: 'tenant-host' } },
      }),
    );
    expect(empty).toMatchObject({
      tenantId: 'tenant-host',
      actor: { tenantId: 'tenant-host' },
      posted: true,
    });
    expect(readIncoming(activity({ type: 'invoke' })).posted).toBe(false);
  });

  const channel = (id: string, channelData: Record<string, unknown>) =>
    activity({
      conversation: { id, conversationType: 'channel', isGroup: true, name: '' },
      channelData,
    });
  const team = { id: '19:team@thread.tacv2', aadGroupId: 'group-1' };

  test.each([
    [
      'a group chat, by its id',
      activity({}),
      'tenant-1',
      'https://teams.microsoft.com/l/chat/19%3Achat%40thread.v2/conversations',
    ],
    [
      'a channel reply thread, by the channel, its name, team group and tenant',
      channel('19:ch@thread.tacv2;messageid=42', {
        team,
        channel: { id: '19:ch@thread.tacv2', name: 'Deploy' },
      }),
      'tenant-1',
      'https://teams.microsoft.com/l/channel/19%3Ach%40thread.tacv2/Deploy?groupId=group-1&tenantId=tenant-1',
    ],
    [
      "the team's General channel, whose name Teams leaves out",
      channel(team.id, { team }),
      'tenant-1',
      'https://teams.microsoft.com/l/channel/19%3Ateam%40thread.tacv2/General?groupId=group-1&tenantId=tenant-1',
    ],
    [
      'another channel without its name',
      channel('19:other@thread.tacv2', { team }),
      'tenant-1',
      'https://teams.microsoft.com/l/channel/19%3Aother%40thread.tacv2/Channel?groupId=group-1&tenantId=tenant-1',
    ],
    [
      'a channel without its team group',
      channel('19:x@thread.tacv2', { team: { id: 't' } }),
      'tenant-1',
      undefined,
    ],
    ['a channel without a tenant', channel('19:x@thread.tacv2', { team }), undefined, undefined],
    [
      'the 1:1 chat',
      activity({
        conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' },
      }),
      'tenant-1',
      undefined,
    ],
    [
      'no conversation id',
      activity({
        conversation: { id: '', conversationType: 'groupChat', isGroup: true, name: '' },
      }),
      'tenant-1',
      undefined,
    ],
  ])('%s', (_name, a, tenantId, url) => {
    expect(chatUrlFor(a, tenantId)).toBe(url);
  });
});
