/** Passwords inside URLs and DSNs (rules/connectionStrings.ts). */
import { CONNECTION_RULES, connectionRuleId } from '../rules/connectionStrings';
import { hasCredentialMix, isHashLike, isPlausibleSecret, repeatsUser } from '../values';
import { PRIORITY, type Add } from './context';

const withIndices = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, pattern.flags.includes('d') ? pattern.flags : `${pattern.flags}d`);
const HEX_KEY = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;
if (CONNECTION_RULES.length > 31) throw new Error('More connection rules than bits in a number.');
const CONNECTIONS = CONNECTION_RULES.map((rule) => ({ ...rule, pattern: withIndices(rule.pattern) }));
/** Per keyword, the rules it wakes, one bit each (a line holds a keyword or two; there are few rules). */
const RULES_BY_KEYWORD = new Map<string, number>();
CONNECTIONS.forEach((rule, i) => {
  for (const word of rule.keywords) RULES_BY_KEYWORD.set(word, (RULES_BY_KEYWORD.get(word) ?? 0) | (1 << i));
});

export function scanConnections(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  let woken = 0;
  for (const word of found) woken |= RULES_BY_KEYWORD.get(word) ?? 0;
  for (let i = 0; woken >> i; i++) {
    if (!((woken >> i) & 1)) continue;
    const rule = CONNECTIONS[i];
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(line); m; m = rule.pattern.exec(line)) {
      const range = m.indices?.groups?.secret;
      const secret = m.groups?.secret;
      if (!range || !secret || !isPlausibleSecret(decodeURIComponentSafe(secret), { minLength: 4 })) continue;
      if (/^\$|^%|^\{|^<|^:/.test(secret) || secret === m.groups?.user) continue;
      if (m.groups?.user === 'scott' && secret === 'tiger') continue; // Oracle's demo account
      // `https://pve1.lab:8006,root@pam,…`: a CSV row's URL, its port, then the next field (a user), not a password
      if (/^\d{1,5},/.test(secret)) continue;
      // `Username=postgres;Password=postgres`: a local default that repeats the user, as in a URL's `postgres:postgres@`
      if (rule.id.endsWith('password-parameter') && repeatsUser(line, secret)) continue;
      // `[protocol://][user[:password]@]host`: a syntax in documentation (brackets are never raw in a URL's user info)
      if (m.groups?.user?.includes('[')) continue;
      if (rule.id === 'url-secret-parameter') {
        const param = m.groups?.param ?? '';
        // `?api_key=<32 hex digits>`: many services issue keys as hex, which under a key's name is the key, not a digest
        // (OpenWeather's `appid=`, WeChat's `secret=`)
        const hexKey =
          HEX_KEY.test(secret) &&
          /key|token|secret|appid|^ak$/i.test(param) &&
          isPlausibleSecret(secret, { minLength: 32, minEntropy: 3 });
        if (/appid/i.test(param) && !hexKey) continue; // an application's id, public elsewhere
        if (!hexKey) {
          if (!isPlausibleSecret(secret, { minLength: 12, minEntropy: 3, mixed: true }) || isHashLike(secret)) continue;
          if (!hasCredentialMix(secret) || /%[0-9A-Fa-f]{2}/.test(secret)) continue;
        }
        add(
          {
            ruleId: /key|appid|^ak$/i.test(param)
              ? 'hardcoded-api-key'
              : /token/i.test(param)
                ? 'hardcoded-token'
                : 'hardcoded-secret',
            kind: /key|appid|^ak$/i.test(param) ? 'API key' : /token/i.test(param) ? 'token' : 'secret',
            severity: rule.severity,
            start: base + range[0],
            end: base + range[1],
            nameHint: param.toUpperCase().replace(/-/g, '_'),
          },
          PRIORITY.connection,
        );
        continue;
      }
      const { id, kind } =
        rule.id === 'url-credentials'
          ? connectionRuleId(m.groups?.scheme)
          : { id: 'db-connection-string', kind: rule.kind };
      add(
        {
          ruleId: id,
          kind,
          severity: rule.severity,
          start: base + range[0],
          end: base + range[1],
          nameHint: 'CONNECTION_STRING',
        },
        PRIORITY.connection,
      );
    }
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
