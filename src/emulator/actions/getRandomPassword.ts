/** GetRandomPassword: crypto-random, honouring the exclusion flags; RequireEachIncludedType defaults to true. */
import { randomInt } from 'node:crypto';
import { errors } from '../errors';
import { kmsAction } from './context';

const CLASSES = {
  ExcludeLowercase: 'abcdefghijklmnopqrstuvwxyz',
  ExcludeUppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ExcludeNumbers: '0123456789',
  ExcludePunctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

export const getRandomPassword = kmsAction(false, ({ params }) => {
  const length = params.int('PasswordLength', { min: 8, max: 128, fallback: 32 });
  const excluded = new Set(params.optional('ExcludeCharacters') ?? '');
  const requireEach = params.bool('RequireEachIncludedType', true);
  const classes = Object.entries(CLASSES)
    .filter(([flag]) => !params.bool(flag, false))
    .map(([, chars]) => [...chars].filter((c) => !excluded.has(c)).join(''))
    .filter((chars) => chars.length > 0);
  if (classes.length === 0) throw errors.invalidParameter('ExcludeCharacters', 'leaves no characters to choose from');
  if (requireEach && classes.length > length) throw errors.invalidParameter('PasswordLength');

  const pool = classes.join('');
  const chars = Array.from({ length }, () => pool[randomInt(pool.length)]);
  if (requireEach) {
    // Put one character of each class at distinct random positions.
    const positions = new Set<number>();
    while (positions.size < classes.length) positions.add(randomInt(length));
    [...positions].forEach((pos, i) => (chars[pos] = classes[i][randomInt(classes[i].length)]));
  }
  return { RandomPassword: chars.join('') };
});
