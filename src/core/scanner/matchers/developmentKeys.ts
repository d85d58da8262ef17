/**
 * Keys frameworks generate for development and tests only, where they stay: Django's `django-insecure-…` key in local
 * or test settings (`startproject` writes it, marked insecure), what DDEV generates for a local Drupal site
 * (settings.ddev.php). The same keys in production settings stay findings. Also a product's shipped default, a word
 * that names the file it stands in (`keystore_password: cassandra` in cassandra.yaml).
 */
import { positionOf, type Window } from './context';
import type { Candidate } from '../types';

const DEVELOPMENT_SETTINGS =
  /(^|\/)(?:settings|config)\/(?:local|dev|development|test|tests|testing|ci)\.py$|(^|\/)(?:settings_|local_|test_)?(?:local|dev|test)(?:_settings)?\.py$/;
/** DDEV writes a Drupal site's local settings (database `db`/`db`, a fresh hash salt) and rewrites them at will. */
const DDEV_SETTINGS = /(^|\/)settings\.ddev\.php$/;
const RAILS_SECRETS = /(^|\/)config\/secrets\.ya?ml$/;
/** How far above a key its environment's line may stand. */
const REACH_LINES = 20;

/** A word of small letters that is the name of the file (or its folder) it stands in. */
function namesItsFile(value: string, path: string): boolean {
  if (!/^[a-z]{4,16}$/.test(value)) return false;
  const parts = path.toLowerCase().split(/[\\/]/).slice(-2);
  return parts.some((part) => part.replace(/\.[a-z0-9]{1,8}$/, '') === value);
}

export function isDevelopmentKey(candidate: Candidate, window: Window): boolean {
  const path = window.path ?? '';
  if (DDEV_SETTINGS.test(path)) return true;
  if (namesItsFile(window.text.slice(candidate.start, candidate.end), path)) return true;
  return DEVELOPMENT_SETTINGS.test(path) && window.text.startsWith('django-insecure-', candidate.start);
}

/**
 * Rails 4's `secret_key_base` under `development:` or `test:` in config/secrets.yml: generated random, and it signs
 * whatever cookies a developer's copy issues, but production's is the one that matters: a fixture, reported at a
 * lower severity. Under `production:` it is reported like any other key.
 */
export function isRailsDevelopmentKey(candidate: Candidate, window: Window): boolean {
  if (!RAILS_SECRETS.test(window.path ?? '')) return false;
  const { line } = positionOf(window.lineStarts, candidate.start);
  for (let i = line - 1; i >= Math.max(0, line - REACH_LINES); i--) {
    const environment = /^([A-Za-z_]\w*):\s*$/.exec(window.lines[i]);
    if (environment) return /^(?:development|test)$/.test(environment[1]);
  }
  return false;
}
