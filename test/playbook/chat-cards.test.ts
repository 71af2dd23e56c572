import {
  CHAT_CARD_LIMITS,
  withChatCards,
  withoutChatCards,
} from '../../src/playbook/chat-cards.js';

const message = (n: number, card: string) => ({ activityId: `msg-${n}`, card, digest: `d${n}` });

describe("an engagement's card messages", () => {
  test('keeps the newest of each card and the newest overall, newest last', () => {
    let list = withChatCards(undefined, []);
    for (let n = 1; n <= 5; n++) list = withChatCards(list, [message(n, 'status')]);
    expect(list.map((c) => c.activityId)).toEqual(['msg-4', 'msg-5']);
    const kinds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (let n = 10; n < 10 + kinds.length * 2; n++)
      list = withChatCards(list, [message(n, kinds[(n - 10) % kinds.length] as string)]);
    expect(list).toHaveLength(CHAT_CARD_LIMITS.total);
    expect(list.at(-1)?.activityId).toBe(`msg-${9 + kinds.length * 2}`);
    expect(list.some((c) => c.card === 'status')).toBe(false);
  });

  test('a message recorded again takes its new record and becomes the newest; a gone one is forgotten', () => {
    const list = withChatCards(undefined, [message(1, 'roles'), message(2, 'status')]);
    const again = withChatCards(list, [{ ...message(1, 'roles'), digest: 'new' }]);
    expect(again.map((c) => [c.activityId, c.digest])).toEqual([
      ['msg-2', 'd2'],
      ['msg-1', 'new'],
    ]);
    expect(withoutChatCards(again, ['msg-2']).map((c) => c.activityId)).toEqual(['msg-1']);
  });
});
