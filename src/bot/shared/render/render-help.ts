import type { MenuCommand } from '../menu-commands.js';
import type { Messages } from '../i18n/messages.js';
import { escapeHtml } from '../../../telegram/escape-html.js';

/**
 * The /help text: how to ask, then every command in the bot's menu (so commands other modules add, such as
 * /check or /subscribe, are listed too); staff commands only for staff; then, given `privacy`, what the question log keeps.
 */
export function renderHelp(messages: Messages, menu: readonly MenuCommand[], isStaff: boolean, privacy?: { retentionDays: number }): string {
  const line = (command: MenuCommand) => `/${command.command} — ${escapeHtml(command[messages.language])}`;
  const lines = [messages.helpIntro, '', ...menu.filter((command) => !command.staffOnly).map(line)];
  const staffCommands = menu.filter((command) => command.staffOnly);
  if (isStaff && staffCommands.length > 0) lines.push('', messages.staffHeading, ...staffCommands.map(line));
  if (privacy) lines.push('', messages.privacyNote(privacy.retentionDays));
  return lines.join('\n');
}
