import { parseCommand } from '../../src/chat/commands.js';

describe('typed commands', () => {
  it.each([
    ['roles', 'roles'],
    ['LICENSING', 'licensing'],
    ['Agenda', 'agenda'],
    ['identity', 'identity'],
    ['auth', 'auth'],
    ['workshop', 'workshop'],
    ['handoff', 'handoff'],
    ['followup', 'followup'],
    ['follow-ups are here? no: followups', 'help'],
    ['followups', 'followup'],
    ['  status  ', 'status'],
    ['/summary', 'summary'],
  ])('"%s" brings up the %s card', (text, card) => {
    const command = parseCommand(text);
    if (card === 'help') expect(command).toEqual({ kind: 'help', unknown: true });
    else expect(command).toEqual({ kind: 'show', card });
  });

  it('starts an engagement with the whole customer name, whatever the case of "start"', () => {
    expect(parseCommand('Start   Contoso  Ltd')).toEqual({
      kind: 'start',
      customer: 'Contoso Ltd',
    });
    expect(parseCommand('start')).toEqual({ kind: 'start', customer: '' });
  });

  it('answers help, nothing and anything else with help', () => {
    expect(parseCommand('HELP')).toEqual({ kind: 'help', unknown: false });
    expect(parseCommand('')).toEqual({ kind: 'help', unknown: false });
    expect(parseCommand('what can you do')).toEqual({ kind: 'help', unknown: true });
  });
});
