/**
 * The act-as page (served by act-as.ts): choose a person, type as them, open a card of the chat
 * as they see it and press its buttons. Cards render with Microsoft's Adaptive Cards renderer.
 */
export const ACT_AS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Act as someone – Deploy Securely in the Agents Playground</title>
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #1b1b1b; }
  header { background: #464775; color: #fff; padding: .75rem 1rem; }
  header h1 { font-size: 1.1rem; margin: 0 0 .25rem; }
  header p { margin: 0; font-size: .9rem; }
  main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
  fieldset { border: 1px solid #d1d1d1; background: #fff; margin: 0 0 1rem; padding: .75rem; }
  legend { font-weight: 600; }
  label { display: block; margin: .25rem 0; }
  select, input[type=text] { font: inherit; padding: .3rem; width: 100%; box-sizing: border-box; }
  button { font: inherit; padding: .3rem .8rem; margin-top: .4rem; cursor: pointer; }
  #status { min-height: 1.4rem; font-weight: 600; }
  #status.error { color: #a4262c; }
  .card { background: #fff; border: 1px solid #d1d1d1; margin: 0 0 1rem; }
  .card > h2 { font-size: 1rem; margin: 0; padding: .5rem .75rem; background: #ebebeb; display: flex; justify-content: space-between; gap: .5rem; }
  .card > h2 span { font-weight: normal; font-size: .85rem; color: #424242; }
  .card .view { padding: .25rem .5rem; }
  .card .whose { font-size: .85rem; color: #424242; padding: .25rem .75rem 0; }
</style>
</head>
<body>
<header>
  <h1>Act as someone in the Playground's chats</h1>
  <p>What you do here reaches the bot as that person: its answers appear in the Playground's chat as usual, and the person's own view of a card shows here.</p>
</header>
<main>
  <fieldset>
    <legend>Who and where</legend>
    <label>Person <select id="person" aria-label="Person"></select></label>
    <label>Chat <select id="chat" aria-label="Chat"></select></label>
  </fieldset>
  <fieldset>
    <legend>Type a command</legend>
    <form id="say">
      <label>Message <input id="text" type="text" aria-label="Message" placeholder="status, agenda, help …" autocomplete="off"></label>
      <button type="submit">Send as this person</button>
    </form>
  </fieldset>
  <p id="status" role="status" aria-live="polite"></p>
  <section id="cards" aria-label="Cards in the chat"></section>
</main>
<script src="/act-as/adaptivecards.js"></script>
<script>
(function () {
  var AC = window.AdaptiveCards;
  var personBox = document.getElementById('person');
  var chatBox = document.getElementById('chat');
  var cardsBox = document.getElementById('cards');
  var statusBox = document.getElementById('status');
  var shown = {};

  function say(text, failed) {
    statusBox.textContent = text;
    statusBox.className = failed ? 'error' : '';
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (json) {
          if (!res.ok) throw new Error(json.error || ('answered ' + res.status));
          return json;
        });
      });
  }
  function person() { return personBox.value; }

  function render(json, messageId, view, whose) {
    var card = new AC.AdaptiveCard();
    card.onExecuteAction = function (action) {
      if (action instanceof AC.OpenUrlAction) { window.open(action.url, '_blank', 'noopener'); return; }
      var verb = action.verb || (action.data && action.data.verb);
      if (!verb) return;
      var data = Object.assign({}, action.data);
      delete data.verb;
      var who = person();
      say('Pressing "' + action.title + '" as ' + who + ' …');
      post('/act-as/press', { person: who, messageId: messageId, verb: verb, data: data })
        .then(function (answer) {
          render(answer.card, messageId, view, who);
          say('"' + action.title + '" pressed as ' + who + ': their own view of the card is below.');
        })
        .catch(function (err) { say(err.message, true); });
    };
    card.parse(json);
    view.dataset.personal = whose ? 'yes' : '';
    view.querySelector('.whose').textContent = whose ? ('As ' + whose + ' sees it') : 'As everyone in the chat sees it';
    var body = view.querySelector('.view');
    body.replaceChildren(card.render());
  }

  function cardBox(c) {
    var box = document.createElement('article');
    box.className = 'card';
    box.dataset.messageId = c.messageId;
    var h = document.createElement('h2');
    var title = document.createElement('strong');
    title.textContent = c.heading || 'Card';
    var open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Show as this person';
    open.addEventListener('click', function () {
      var who = person();
      post('/act-as/view', { person: who, messageId: c.messageId })
        .then(function (answer) { render(answer.card, c.messageId, box, who); say('The card as ' + who + ' sees it.'); })
        .catch(function (err) { say(err.message, true); });
    });
    var shared = document.createElement('button');
    shared.type = 'button';
    shared.textContent = 'Show as everyone sees it';
    shared.addEventListener('click', function () {
      var known = shown[c.messageId];
      render(known.card, c.messageId, box, '');
    });
    var buttons = document.createElement('span');
    buttons.append(open, ' ', shared);
    h.append(title, buttons);
    var whose = document.createElement('div');
    whose.className = 'whose';
    var view = document.createElement('div');
    view.className = 'view';
    box.append(h, whose, view);
    return box;
  }

  function refresh() {
    fetch('/act-as/state').then(function (res) { return res.json(); }).then(function (state) {
      if (!personBox.options.length) {
        state.people.forEach(function (name) { personBox.add(new Option(name, name)); });
        state.chats.forEach(function (chat) { chatBox.add(new Option(chat.name, chat.id)); });
        personBox.selectedIndex = Math.min(1, state.people.length - 1);
      }
      state.cards.filter(function (c) { return c.chatId === chatBox.value; }).forEach(function (c) {
        var known = shown[c.messageId];
        if (!known) {
          known = shown[c.messageId] = { box: cardBox(c), updates: -1, card: c.card };
          cardsBox.prepend(known.box);
        }
        known.card = c.card;
        if (known.updates !== c.updates && !known.box.dataset.personal) {
          known.updates = c.updates;
          render(c.card, c.messageId, known.box, '');
        }
      });
    }).catch(function () { say('The Playground does not answer: is npm run playground still running?', true); });
  }

  document.getElementById('say').addEventListener('submit', function (event) {
    event.preventDefault();
    var box = document.getElementById('text');
    var text = box.value.trim();
    if (!text) return;
    var who = person();
    post('/act-as/say', { person: who, chat: chatBox.value, text: text })
      .then(function () { say('Sent as ' + who + ': ' + text); box.value = ''; })
      .catch(function (err) { say(err.message, true); });
  });
  chatBox.addEventListener('change', function () { cardsBox.replaceChildren(); shown = {}; refresh(); });
  refresh();
  setInterval(refresh, 1000);
})();
</script>
</body>
</html>
`;
