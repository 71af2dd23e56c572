/**
 * `npm run act-as -- "<person>" <command…>`: types the command as that person of the Playground's
 * config, in its group chat (with the bot's @mention), while `npm run playground` runs; the bot's
 * answer appears in the Playground's chat. Buttons are pressed on the act-as page.
 * PLAYGROUND_PORT names the Playground's port (default 56150).
 */
import { PlaygroundPeople } from './playground-people.js';

async function main(): Promise<number> {
  const [person, ...words] = process.argv.slice(2);
  const text = words.join(' ').trim();
  if (!person || !text) {
    console.error(
      'Usage: npm run act-as -- "<person>" <command>, e.g. npm run act-as -- "Grace Liu" agenda',
    );
    return 2;
  }
  const url = `http://127.0.0.1:${process.env.PLAYGROUND_PORT || 56150}/`;
  let people: PlaygroundPeople;
  try {
    people = await PlaygroundPeople.connect(url);
  } catch {
    console.error(`No Agents Playground answers at ${url}: start it with npm run playground.`);
    return 1;
  }
  try {
    await people.say(person, text);
    console.log(
      `${person} said "${text}" in ${people.chat().name}; the answer is in the Playground.`,
    );
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    people.close();
  }
}

void main().then((code) => process.exit(code));
