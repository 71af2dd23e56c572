import type { Activity, Entity } from 'botbuilder';

/** Someone to @mention: their Teams user id (29:…) and name. */
export interface Mentioned {
  teamsId: string;
  name: string;
}

/** "<at>Name</at>" as Teams expects it in the text, with nothing in the name that reads as markup. */
function tagOf(person: Mentioned): { tag: string; name: string } {
  const name = person.name.replace(/[<>]/g, '').trim() || 'Someone';
  return { tag: `<at>${name}</at>`, name };
}

/**
 * The activity's text and mention entities for these people, tags joined with ", ": Teams
 * notifies each person named in an entity whose text appears in the message.
 */
export function mentionsOf(people: readonly Mentioned[]): {
  text: string;
  entities: Entity[];
} {
  const tags = people.map((p) => ({ ...tagOf(p), id: p.teamsId }));
  return {
    text: tags.map((t) => t.tag).join(', '),
    entities: tags.map((t) => ({
      type: 'mention',
      text: t.tag,
      mentioned: { id: t.id, name: t.name },
    })),
  };
}

/** Adds the mentions before the activity's text. */
export function withMentions(
  activity: Partial<Activity>,
  people: readonly Mentioned[],
): Partial<Activity> {
  if (people.length === 0) return activity;
  const { text, entities } = mentionsOf(people);
  return {
    ...activity,
    text: activity.text ? `${text} ${activity.text}` : text,
    entities: [...(activity.entities ?? []), ...entities],
  };
}
