import { z } from 'zod';
import { AGENDA_TOPICS, ASSESSMENT_LEVELS } from '../../playbook/catalog.js';
import { LIMITS } from '../../playbook/limits.js';
import { isoDate, many, oneOf, text, timeOfDay, zoneName } from '../fields.js';
import { ids, verb, when } from '../entry.js';

/** The M365 Security Conversation (task 4017): when, the agenda, the self-assessment, delivered. */
export const CONVERSATION_VERBS = {
  'conversation.schedule': verb({
    action: 'scheduleConversation',
    card: 'agenda',
    form: true,
    schema: z.object({
      conversationDate: isoDate('date', 'Choose the date of the conversation.'),
      conversationTime: timeOfDay('time', 'Choose the time of the conversation.'),
      conversationZone: zoneName,
      conversationInvited: many(undefined, 'invited stakeholders', {
        required: 'Choose the stakeholders to invite.',
        max: LIMITS.attendees,
      }),
    }),
    build: (v, ctx) => {
      const at = when(v.conversationDate, v.conversationTime, v.conversationZone, ctx);
      return 'invalid' in at
        ? at
        : {
            type: 'scheduleConversation',
            startsAt: at.iso,
            timeZone: at.zone,
            invited: v.conversationInvited,
          };
    },
  }),

  'agenda.acknowledge': verb({
    action: 'acknowledgeAgenda',
    card: 'agenda',
    form: true,
    schema: z.object({
      topics: many(ids(AGENDA_TOPICS), 'agenda topics'),
      question: text('question', LIMITS.longText),
    }),
    build: (v) => ({ type: 'acknowledgeAgenda', topics: v.topics, question: v.question }),
  }),

  'agenda.acknowledgeFor': verb({
    action: 'acknowledgeAgenda',
    card: 'agenda',
    form: true,
    onBehalf: true,
    schema: z.object({
      forPerson: text('stakeholder', 200, 'Choose the stakeholder who acknowledged.'),
      forTopics: many(ids(AGENDA_TOPICS), 'agenda topics', {
        required: 'Choose the topics they acknowledged.',
      }),
    }),
    build: (v) => ({
      type: 'acknowledgeAgenda',
      topics: v.forTopics,
      question: '',
      onBehalfOf: v.forPerson,
    }),
  }),

  'agenda.assess': verb({
    action: 'selfAssess',
    card: 'agenda',
    form: true,
    schema: z.object({
      level_identity: oneOf(ASSESSMENT_LEVELS, 'level', 'Choose a level for identity security.'),
      level_device: oneOf(ASSESSMENT_LEVELS, 'level', 'Choose a level for device security.'),
      level_information: oneOf(
        ASSESSMENT_LEVELS,
        'level',
        'Choose a level for information security.',
      ),
    }),
    build: (v) => ({
      type: 'selfAssess',
      levels: {
        identity: v.level_identity,
        device: v.level_device,
        information: v.level_information,
      },
    }),
  }),

  'conversation.deliver': verb({
    action: 'deliverConversation',
    card: 'agenda',
    form: true,
    schema: z.object({
      attended: many(undefined, 'attendees', { max: LIMITS.attendees }),
    }),
    build: (v) => ({
      type: 'deliverConversation',
      ...(v.attended.length ? { attended: v.attended } : {}),
    }),
  }),
};
