/** What `npm start` tells a person at a terminal once the bot listens. */
export interface BannerFacts {
  version: string;
  /** Where it answers on this machine, e.g. http://127.0.0.1:3978. */
  url: string;
  /** Where people reach it, when the settings say (PUBLIC_URL, App Service's host name). */
  publicUrl?: string;
  authenticated: boolean;
  /** "Cosmos DB", "embedded store in ./data". */
  store: string;
}

/**
 * Where the bot listens, the messaging endpoint to give the Azure Bot, and what to try next:
 * a few lines for a terminal (logs that follow are one line each).
 */
export function startBanner(f: BannerFacts): string {
  const endpoint = f.publicUrl
    ? `${f.publicUrl}/api/messages`
    : `https://<the bot's public address>/api/messages`;
  const lines = [
    '',
    `Deploy Securely bot ${f.version} is listening on ${f.url} (${f.store}${f.authenticated ? '' : '; no authentication: this machine only'}).`,
    `  What it is:  ${f.url}/      health: ${f.url}/healthz`,
    `  Azure Bot messaging endpoint: ${endpoint}`,
  ];
  if (!f.publicUrl)
    lines.push(
      `    Teams reaches a bot over https only: from this machine, through a dev tunnel to port ${new URL(f.url).port || '80'} (README, "On this machine, in real Teams").`,
    );
  lines.push(
    f.authenticated
      ? '  Next: install the app in Teams (npm run package) and @mention the bot in a chat: start <customer>.'
      : "  Next: in another terminal, npm run playground: Microsoft's local Teams client, talking to this bot.",
    '  Ctrl-C stops it.',
    '',
  );
  return lines.join('\n');
}
