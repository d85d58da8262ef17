/**
 * Files that are a key by their path: Rails' `config/master.key` and `config/credentials/<environment>.key` hold the
 * 32 hex digits that decrypt `credentials.yml.enc`, with nothing around them to name them.
 */
import { PRIORITY, type Add, type Window } from './context';

const RAILS_KEY_FILE = /(?:^|[\\/])config[\\/](?:master|credentials[\\/][\w-]{1,40})\.key$/;
const RAILS_KEY = /^\s*([0-9a-f]{32})\s*$/;

export function scanKeyFiles({ text, path }: Window, add: Add): void {
  if (!path || !RAILS_KEY_FILE.test(path) || text.length > 200) return;
  const key = RAILS_KEY.exec(text);
  if (!key) return;
  const start = text.indexOf(key[1]);
  add(
    {
      ruleId: 'hardcoded-secret',
      kind: 'secret',
      severity: 'warning',
      nameHint: 'RAILS_MASTER_KEY',
      namedInText: false,
      start,
      end: start + key[1].length,
    },
    PRIORITY.assignment,
  );
}
