import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkRepositoryFile,
  fileRefusal,
  MAX_REPOSITORY_FILE_BYTES,
  readRepositoryFile,
  readRepositoryFileChecked,
} from '../../src/core/repositoryFiles';

describe('repository files: the one rule for files a workspace provides', () => {
  describe('fileRefusal (the decision)', () => {
    const folder = { path: '/ws', real: '/real/ws' };
    const file = (real: string, size = 10) => ({ kind: 'file' as const, size, real });

    it('takes a regular file inside the folder, and a link that stays inside', () => {
      assert.equal(fileRefusal('/ws/.env', file('/real/ws/.env'), folder), undefined);
      assert.equal(fileRefusal('/ws/.env', file('/real/ws/config/shared.env'), folder), undefined);
    });
    it('refuses a path inside the folder whose real place is outside it', () => {
      assert.equal(fileRefusal('/ws/.env', file('/home/you/.bashrc'), folder), 'outside');
      assert.equal(fileRefusal('/ws/.env', file('/real/ws-other/.env'), folder), 'outside');
      assert.equal(fileRefusal('/ws/a/.env', { kind: 'missing', size: 0, real: '/etc' }, folder), 'outside');
    });
    it('leaves a path outside the folder (the user chose it in their settings) to the kind and size checks', () => {
      assert.equal(fileRefusal('/home/you/refs.env', file('/home/you/refs.env'), folder), undefined);
      assert.equal(
        fileRefusal('/home/you/refs.env', { kind: 'other', size: 0, real: '/dev/zero' }, folder),
        'not-a-file',
      );
    });
    it('refuses what is not a regular file, a link to nothing and a huge file; nothing there is fine', () => {
      assert.equal(fileRefusal('/ws/.env', { kind: 'other', size: 0, real: '/real/ws/.env' }, folder), 'not-a-file');
      assert.equal(fileRefusal('/ws/.env', { kind: 'dangling', size: 0, real: '/real/ws' }, folder), 'not-a-file');
      assert.equal(fileRefusal('/ws/.env', file('/real/ws/.env', MAX_REPOSITORY_FILE_BYTES + 1), folder), 'too-large');
      assert.equal(fileRefusal('/ws/.env', file('/real/ws/.env', MAX_REPOSITORY_FILE_BYTES), folder), undefined);
      assert.equal(fileRefusal('/ws/.env', { kind: 'missing', size: 0, real: '/real/ws' }, folder), undefined);
    });
  });

  describe('on disk', () => {
    let root: string;
    let ws: string;
    let outside: string;
    const CANARY = 'CanaryOutside-' + '7d21e0';

    before(() => {
      root = mkdtempSync(join(tmpdir(), 'kms-repo-files-'));
      ws = join(root, 'ws');
      outside = join(root, 'outside');
      mkdirSync(ws);
      mkdirSync(outside);
      writeFileSync(join(outside, 'secret.txt'), `${CANARY}\n`);
      writeFileSync(join(ws, 'plain'), 'plain text\n');
      writeFileSync(join(ws, 'huge'), Buffer.alloc(MAX_REPOSITORY_FILE_BYTES + 1, 'a'));
      mkdirSync(join(ws, 'dir'));
      symlinkSync(join(ws, 'plain'), join(ws, 'inner-link'));
      symlinkSync(join(outside, 'secret.txt'), join(ws, 'outer-link'));
      symlinkSync('../outside/secret.txt', join(ws, 'relative-outer-link'));
      symlinkSync(join(outside, 'nothing-yet'), join(ws, 'dangling'));
      symlinkSync(outside, join(ws, 'linked-dir'));
      symlinkSync('/dev/zero', join(ws, 'zero'));
      execFileSync('mkfifo', [join(ws, 'fifo')]);
      symlinkSync(ws, join(root, 'ws-link'));
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('reads a regular file and a link that stays in the folder', async () => {
      assert.equal(await readRepositoryFile(join(ws, 'plain'), ws), 'plain text\n');
      assert.equal(await readRepositoryFile(join(ws, 'inner-link'), ws), 'plain text\n');
    });
    it('never reads through a link out of the folder, absolute or relative', async () => {
      for (const name of ['outer-link', 'relative-outer-link']) {
        const read = await readRepositoryFileChecked(join(ws, name), ws);
        assert.deepEqual(read, { refusal: 'outside' }, name);
      }
    });
    it('refuses a folder, a FIFO, /dev/zero and a huge file without blocking', async () => {
      assert.equal((await readRepositoryFileChecked(join(ws, 'dir'), ws)).refusal, 'not-a-file');
      assert.equal((await readRepositoryFileChecked(join(ws, 'fifo'), ws)).refusal, 'not-a-file');
      assert.equal((await readRepositoryFileChecked(join(ws, 'zero'), ws)).refusal, 'outside');
      assert.equal((await readRepositoryFileChecked(join(ws, 'zero'))).refusal, 'not-a-file');
      assert.equal((await readRepositoryFileChecked(join(ws, 'huge'), ws)).refusal, 'too-large');
    });
    it('refuses a write through a link to nothing, or into a linked folder that leaves the workspace', async () => {
      assert.deepEqual(await checkRepositoryFile(join(ws, 'dangling'), ws), { refusal: 'not-a-file', exists: true });
      assert.deepEqual(await checkRepositoryFile(join(ws, 'linked-dir', 'new.env'), ws), {
        refusal: 'outside',
        exists: false,
      });
    });
    it('takes a missing file (nothing to read; a write creates it inside)', async () => {
      assert.deepEqual(await checkRepositoryFile(join(ws, 'new.env'), ws), { refusal: undefined, exists: false });
      assert.deepEqual(await readRepositoryFileChecked(join(ws, 'new.env'), ws), { refusal: undefined });
    });
    it('compares real places, so a folder opened through a link works', async () => {
      const viaLink = join(root, 'ws-link');
      assert.equal(await readRepositoryFile(join(viaLink, 'plain'), viaLink), 'plain text\n');
      assert.equal((await checkRepositoryFile(join(viaLink, 'outer-link'), viaLink)).refusal, 'outside');
    });
    it('without a folder (the CLI reading .gitignore) a link to a regular file is read, a FIFO is not', async () => {
      assert.equal(await readRepositoryFile(join(ws, 'outer-link')), `${CANARY}\n`);
      assert.equal(await readRepositoryFile(join(ws, 'fifo')), undefined);
    });
  });
});
