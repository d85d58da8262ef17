import * as l10n from '@vscode/l10n';
import type { ListSecretsFilter, SecretSummary } from './kms/types';

/**
 * The explorer's filter, typed in one line: words match names (substring), `tag:key` / `tag:key=value` match tags,
 * `type:Rds` matches the secret type. KMS applies it server-side (ListSecrets `Filters`); the same predicate runs
 * locally so a backend that ignores a filter still shows the right rows.
 */
export interface SecretFilter {
  text: string;
  server: ListSecretsFilter;
  matches(secret: SecretSummary): boolean;
}

/** The parsed filter, one value per field (the client accepts lists too; the explorer's syntax does not need them). */
interface Fields {
  name?: string;
  tagKey?: string;
  tagValue?: string;
  type?: string;
}

export function parseFilter(text: string): SecretFilter | string {
  const server: Fields = {};
  const names: string[] = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(tag|type|name):(.*)$/i.exec(token);
    if (!m) {
      names.push(token);
      continue;
    }
    const [, field, rest] = m;
    if (!rest) return `"${field}:" needs a value.`;
    switch (field.toLowerCase()) {
      case 'tag': {
        if (server.tagKey !== undefined) return l10n.t('Filter by one tag at a time.');
        const eq = rest.indexOf('=');
        server.tagKey = eq < 0 ? rest : rest.slice(0, eq);
        if (eq >= 0) server.tagValue = rest.slice(eq + 1);
        if (!server.tagKey) return l10n.t('A tag filter needs a key: tag:key or tag:key=value.');
        break;
      }
      case 'type':
        if (server.type !== undefined) return l10n.t('Filter by one type at a time.');
        server.type = rest;
        break;
      case 'name':
        names.push(rest);
        break;
    }
  }
  if (names.length > 1) return l10n.t('Filter by one name fragment at a time (plus tag: and type:).');
  if (names.length === 1) server.name = names[0];
  if (Object.keys(server).length === 0) return l10n.t('Type a name fragment, tag:key[=value] or type:<type>.');
  const lower = server.name?.toLowerCase();
  return {
    text: text.trim(),
    server: server as ListSecretsFilter,
    matches: (s) =>
      (lower === undefined || s.name.toLowerCase().includes(lower)) &&
      (server.type === undefined || s.type.toLowerCase() === server.type.toLowerCase()) &&
      (server.tagKey === undefined ||
        // Summaries without tags (a backend that did not fetch them) are left to the server's judgement.
        s.tags.length === 0 ||
        s.tags.some((t) => t.key === server.tagKey && (server.tagValue === undefined || t.value === server.tagValue))),
  };
}
