import { sendCommand } from '../messaging/client';
import type { SendChannel } from './track-sends';

/** The background's commands behind a compose's Send (lib/messaging/commands.ts, `compose.*`). */
export const backgroundSendChannel: SendChannel = {
  prepare: (args) => sendCommand('compose.prepareSend', args),
  sent: (args) => sendCommand('compose.sent', args),
  undone: (id) => sendCommand('compose.undone', { id }),
  windowClosed: (id) => sendCommand('compose.undoWindowClosed', { id }),
  notSent: (id) => sendCommand('compose.notSent', { id }),
  discarded: (id) => sendCommand('compose.discarded', { id }),
  campaigns: () => sendCommand('campaigns.list', {}),
  standings: (addresses) => sendCommand('people.standings', { addresses }),
  retarget: {
    lists: () => sendCommand('retarget.lists', {}),
    recipients: (id) => sendCommand('retarget.recipients', { id }),
  },
};
