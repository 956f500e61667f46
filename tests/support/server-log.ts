// The journeys' server log must hold no 证件号码, phone number, password, SMS code or session id. Checked once
// over the whole run's log (test-results/server.log) when the browser project's server stops.
import fs from 'node:fs';

/** What gives a secret away in a log line (after numeric fields such as time and responseTime, and the random reqId, are dropped). */
const PATTERNS: [string, RegExp][] = [
  ['证件号码', /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/],
  ['手机号', /(?<!\d)1[3-9]\d{9}(?!\d)/],
  ['会话标识', /\bsid\b|(?<![\w-])[\w-]{43}(?![\w-])/],
];

/** A pino line without its numbers; null for what is not a log line (the startup banner names the demo accounts on purpose). */
function logLine(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    // reqId is a random UUID: a group of it such as "15163219491e" once read as a phone number.
    return JSON.stringify(JSON.parse(line), (key, value: unknown) => (typeof value === 'number' || key === 'reqId' ? undefined : value));
  } catch {
    return line;
  }
}

/** Line numbers and kinds of what should not be there; `secrets` are exact values (passwords, codes, phones). */
export function secretsInLog(log: string, secrets: { kind: string; value: string }[]): string[] {
  const found: string[] = [];
  log.split('\n').forEach((raw, index) => {
    const line = logLine(raw);
    if (line === null) return;
    for (const [kind, pattern] of PATTERNS) if (pattern.test(line)) found.push(`line ${index + 1}: ${kind}`);
    for (const { kind, value } of secrets) if (value && line.includes(value)) found.push(`line ${index + 1}: ${kind}`);
  });
  return found;
}

/** Phones and six-digit codes of every SMS the outbox provider wrote during the run. */
export function smsSecrets(outboxFile: string): { kind: string; value: string }[] {
  if (!fs.existsSync(outboxFile)) return [];
  return fs
    .readFileSync(outboxFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const { phone, content } = JSON.parse(line) as { phone: string; content: string };
      const code = /验证码为(\d{6})/.exec(content)?.[1];
      return [{ kind: '手机号', value: phone }, ...(code ? [{ kind: '短信验证码', value: code }] : [])];
    });
}
