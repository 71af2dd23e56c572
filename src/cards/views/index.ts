import type { CardName } from '../../door/card-names.js';
import type { CardRequest, View } from '../types.js';
import { agendaView } from './agenda.js';
import { authView } from './auth.js';
import { viewContext, type ViewContext } from './common.js';
import { engagementsView } from './engagements.js';
import { followupView } from './followup.js';
import { handoffView } from './handoff.js';
import { helpView, welcomeView } from './help.js';
import { identityView } from './identity.js';
import { licensingView } from './licensing.js';
import { reminderView } from './reminder.js';
import { rolesView } from './roles.js';
import { statusView } from './status.js';
import { summaryView } from './summary.js';
import { workshopView } from './workshop.js';

const VIEWS: Record<CardName, (ctx: ViewContext) => View> = {
  help: helpView,
  welcome: welcomeView,
  roles: rolesView,
  licensing: licensingView,
  agenda: agendaView,
  identity: identityView,
  auth: authView,
  workshop: workshopView,
  handoff: handoffView,
  followup: followupView,
  status: statusView,
  summary: summaryView,
  reminder: reminderView,
  engagements: engagementsView,
};

/** The plain data a card's template binds to. */
export function viewModel(req: CardRequest): View {
  return VIEWS[req.card](viewContext(req));
}
