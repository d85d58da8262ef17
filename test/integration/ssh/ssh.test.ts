// SSH with ECS secrets in the real extension host: the tree's ECS details, Open SSH Terminal against a real sshd on
// loopback (the key exists only in the emulator and this test's memory), the missing-sshpass message, a password login
// through sshpass, and the Remote-SSH Host entry (Remote-SSH itself cannot be installed offline: a recorder stands in
// for its connect command, and the real ssh connects through the entry instead).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { KmsClient } from '../../../src/core/kms';
import { findExecutable } from '../../../src/core/ssh';
import { generateSshKeyPair } from '../../../src/emulator/sshKeyPair';
import { scripted, secretTarget } from '../../../src/platform/automation';
import { demoSeed, secretNode } from '../explorer/helpers';
import { ACCESS_KEY, logText, useEmulator, waitFor } from '../fixtures';
import { filesContaining, keyNeedles, liveAgents, processesHolding } from '../../unit/ssh/scan';
import { passwordLoginUnavailable, sshdUnavailable, skipUnless, startSshd, TestSshd } from '../../unit/ssh/sshd';

const KEY_SECRET = 'acs/ecs/host-test/ecs-user';
const PASSWORD_SECRET = 'acs/ecs/host-test/password';
/** The host's run folder (HOME, XDG_RUNTIME_DIR, TMPDIR, user data with settings, state and logs all live under it). */
const RUN_FOLDER = dirname(homedir());

/** What the terminal shows: select all, copy, read the clipboard (the terminal is the active one). */
async function terminalText(terminal: vscode.Terminal): Promise<string> {
  terminal.show();
  await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
  await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
  await vscode.commands.executeCommand('workbench.action.terminal.clearSelection');
  return vscode.env.clipboard.readText();
}

const waitForText = (terminal: vscode.Terminal, text: string) =>
  waitFor(
    `"${text}" in the terminal`,
    async () => ((await terminalText(terminal)).includes(text) ? true : undefined),
    30_000,
  );

const closed = (terminal: vscode.Terminal) =>
  new Promise<void>((resolve) => {
    const sub = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) {
        sub.dispose();
        resolve();
      }
    });
  });

function sshRun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile('ssh', args, { timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('SSH with ECS secrets (extension host, real sshd)', function () {
  this.timeout(90_000);
  const fx = useEmulator({ seed: demoSeed() });
  const keyPair = generateSshKeyPair('kms-host-test');
  const needles = keyNeedles(keyPair.privateKey);
  let sshd: TestSshd;

  const kms = () =>
    new KmsClient(
      { source: { kind: 'static', ...ACCESS_KEY }, region: 'cn-hangzhou', endpoint: fx.kms.url },
      { cache: false },
    );
  const reads = () => fx.kms.stats().byAction.GetSecretValue ?? 0;

  before(async function () {
    skipUnless(this, sshdUnavailable());
    sshd = await startSshd({ authorizedKeys: [keyPair.publicKey] });
    await kms().createEcsSecret({
      name: KEY_SECRET,
      credential: { userName: sshd.user, publicKey: keyPair.publicKey, privateKey: keyPair.privateKey },
      instanceId: 'i-hosttest00000001',
      regionId: 'cn-hangzhou',
      customData: { host: '127.0.0.1', port: String(sshd.port) },
    });
    mkdirSync(join(homedir(), '.ssh'), { recursive: true, mode: 0o700 });
  });

  after(async () => {
    for (const t of vscode.window.terminals) if (t.name.startsWith('SSH ')) t.dispose();
    await sshd?.close();
  });

  it('shows an ECS secret’s sub-type, instance, region and rotation on its row and in its tooltip', async () => {
    const a = fx.api;
    const key = await secretNode(a, 'acs/ecs/demo-web-01/ecs-user');
    const password = await secretNode(a, 'acs/ecs/demo-bastion/root');
    const item = (node: typeof key) => a.explorer.tree.getTreeItem(node);
    await waitFor('the ECS rows described', () => (key.details && password.details ? true : undefined));
    assert.equal(item(key).description, 'SSH key · i-demo0000000000001 · cn-hangzhou · no rotation');
    assert.equal(item(password).description, 'Password · i-demo0000000000000 · cn-hangzhou · rotates every 30 days');
    assert.equal(item(key).contextValue, 'secret;ecs:sshkey;managed;active');
    assert.equal(item(password).contextValue, 'secret;ecs:password;managed;active');
    assert.equal((item(key).iconPath as vscode.ThemeIcon).id, 'vm');
    const generic = await secretNode(a, 'demo/app/api-token');
    assert.equal(item(generic).contextValue, 'secret;generic;active', 'other rows keep their context value');

    const resolved = await a.explorer.tree.resolveTreeItem(item(password), password, {
      isCancellationRequested: false,
      onCancellationRequested: () => ({ dispose: () => undefined }),
    });
    const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
    for (const row of [
      'Login: Password',
      'Instance: `i-demo0000000000000`',
      'Instance region: `cn-hangzhou`',
      'Custom data: `host=bastion.demo.invalid`',
      'Rotation: enabled, every 30 days',
    ])
      assert.ok(tooltip.includes(row), `the tooltip has "${row}":\n${tooltip}`);
    assert.ok(!tooltip.includes('demo-ecs-password-not-real'), 'no value in the tooltip');
  });

  it('Open SSH Terminal logs in with the key from KMS; no file holds the key; the agent ends with the session', async () => {
    const a = fx.api;
    const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(
      'kmsSecrets.openSshTerminal',
      secretTarget({ name: KEY_SECRET }),
      scripted({ destination: `127.0.0.1:${sshd.port}`, sshOptions: sshd.clientOptions }),
    );
    assert.ok(terminal, 'a terminal opens');
    const live = a.ssh.terminals.live.find((s) => s.terminal === terminal);
    assert.ok(live?.session.agent, 'the terminal has a session with a private agent');
    const agent = live.session.agent;
    assert.equal(statSync(agent.dir).mode & 0o777, 0o700, 'the agent folder is private');
    await waitFor('sshd to accept the key', () => (/Accepted publickey/.test(sshd.log()) ? true : undefined));
    terminal.sendText('echo KMS-MARKER-$((6*7))');
    await waitForText(terminal, 'KMS-MARKER-42');

    // During the session: the agent runs, and the key is in no file of the host's run folder (settings, global state,
    // logs, the agent's folder, the temp folder) and no process's command line or environment.
    assert.equal(liveAgents(agent.dir).length, 1, 'one private agent runs');
    assert.deepEqual(filesContaining(RUN_FOLDER, needles), [], 'no file holds the key');
    assert.deepEqual(filesContaining(tmpdir(), needles), [], 'no file in the temp folder holds the key');
    assert.deepEqual(
      processesHolding(needles).map((p) => p.cmdline),
      [],
      'no command line or environment holds the key',
    );
    const options = JSON.stringify(terminal.creationOptions);
    assert.ok(!needles.some((n) => options.includes(n)), 'not in the terminal’s options');
    assert.match(options, /IdentityAgent=/, 'the terminal runs ssh with the agent’s socket');
    assert.equal((terminal.creationOptions as vscode.TerminalOptions).isTransient, true);
    assert.equal((terminal.creationOptions as vscode.TerminalOptions).strictEnv, true);

    const ended = closed(terminal);
    terminal.sendText('exit');
    await ended;
    await waitFor('the session to end', () => (a.ssh.terminals.live.length === 0 ? true : undefined));
    await waitFor('the agent folder to go', () => (existsSync(agent.dir) ? undefined : true));
    assert.deepEqual(liveAgents(agent.dir), [], 'no agent is left');
    const log = await logText(a);
    assert.match(log, /Opened an SSH terminal to .*@127\.0\.0\.1/);
    assert.ok(!needles.some((n) => log.includes(n)), 'no key in the log');
  });

  it('closing the terminal while the session runs ends its agent', async () => {
    const a = fx.api;
    const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(
      'kmsSecrets.openSshTerminal',
      secretTarget({ name: KEY_SECRET }),
      scripted({ destination: `127.0.0.1:${sshd.port}`, sshOptions: sshd.clientOptions }),
    );
    assert.ok(terminal);
    const agent = a.ssh.terminals.live.find((s) => s.terminal === terminal)?.session.agent;
    assert.ok(agent);
    terminal.sendText('echo STILL-$((40+2))');
    await waitForText(terminal, 'STILL-42');
    terminal.dispose();
    await waitFor('the agent folder to go', () => (existsSync(agent.dir) ? undefined : true));
    await waitFor('the agent to end', () => (liveAgents(agent.dir).length === 0 ? true : undefined));
  });

  it('keeps the terminal open with a sentence when ssh cannot log in, and ends the agent when it closes', async () => {
    const other = generateSshKeyPair('not-authorized');
    await kms().createEcsSecret({
      name: 'acs/ecs/host-test/refused',
      credential: { userName: sshd.user, ...other },
      instanceId: 'i-hosttest00000002',
      regionId: 'cn-hangzhou',
      customData: { host: '127.0.0.1', port: String(sshd.port) },
    });
    const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(
      'kmsSecrets.openSshTerminal',
      secretTarget({ name: 'acs/ecs/host-test/refused' }),
      scripted({ destination: `127.0.0.1:${sshd.port}`, sshOptions: sshd.clientOptions }),
    );
    assert.ok(terminal);
    const agent = fx.api.ssh.terminals.live.find((s) => s.terminal === terminal)?.session.agent;
    assert.ok(agent);
    await waitForText(terminal, 'Press Enter to close this terminal');
    const text = await terminalText(terminal);
    assert.match(text, /Permission denied/, 'ssh’s own error stays readable');
    assert.ok(!keyNeedles(other.privateKey).some((n) => text.includes(n)));
    const ended = closed(terminal);
    terminal.sendText('');
    await ended;
    await waitFor('the agent folder to go', () => (existsSync(agent.dir) ? undefined : true));
  });

  it('says what to install when a password secret needs sshpass, before asking anything or reading the secret', async () => {
    await kms().createEcsSecret({
      name: PASSWORD_SECRET,
      credential: { userName: sshd.user, password: 'pw-canary-never-read' },
      instanceId: 'i-hosttest00000003',
      regionId: 'cn-hangzhou',
      customData: { host: '127.0.0.1' },
    });
    // The extension host's PATH (this process's) without sshpass: only the OpenSSH tools.
    const bin = mkdtempSync(join(tmpdir(), 'ssh-bin-'));
    for (const tool of ['ssh', 'ssh-agent', 'ssh-add']) symlinkSync(findExecutable(tool) as string, join(bin, tool));
    const path = process.env.PATH;
    const before = reads();
    const terminals = vscode.window.terminals.length;
    process.env.PATH = bin;
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(
        'kmsSecrets.openSshTerminal',
        secretTarget({ name: PASSWORD_SECRET }),
      );
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
    assert.equal(result, undefined, 'no terminal');
    assert.equal(vscode.window.terminals.length, terminals);
    assert.equal(reads(), before, 'the secret was not read');
    assert.match(
      await logText(fx.api),
      /acs\/ecs\/host-test\/password logs in with a password, which needs sshpass: install the sshpass package \(Debian\/Ubuntu: sudo apt install sshpass/,
    );
  });

  it('refuses a secret that is not an ECS secret without reading it', async () => {
    const before = reads();
    const result = await vscode.commands.executeCommand(
      'kmsSecrets.openSshTerminal',
      secretTarget({ name: 'demo/app/api-token' }),
      scripted({ destination: '127.0.0.1' }),
    );
    assert.equal(result, undefined);
    assert.equal(reads(), before);
    assert.match(await logText(fx.api), /demo\/app\/api-token is not an ECS secret/);
  });

  describe('SSH in Restricted Mode', () => {
    before(function () {
      if (vscode.workspace.isTrusted) this.skip();
    });

    it('Open SSH Terminal explains that VS Code runs terminals only in trusted workspaces, reading nothing', async () => {
      const before = reads();
      const terminals = vscode.window.terminals.length;
      const result = await vscode.commands.executeCommand(
        'kmsSecrets.openSshTerminal',
        secretTarget({ name: KEY_SECRET }),
        scripted({ destination: `127.0.0.1:${sshd.port}`, sshOptions: sshd.clientOptions }),
      );
      assert.equal(result, undefined);
      assert.equal(vscode.window.terminals.length, terminals, 'no terminal');
      assert.equal(reads(), before, 'the secret was not read');
      assert.match(await logText(fx.api), /VS Code runs terminals only in trusted workspaces/);
    });

    it('Connect with Remote-SSH still works: nothing in the workspace chooses the host or ssh’s options', async () => {
      const opened: string[] = [];
      fx.api.ssh.useRemoteSsh({ unavailable: () => undefined, open: async (alias) => void opened.push(alias) });
      try {
        const alias = await vscode.commands.executeCommand<string | undefined>(
          'kmsSecrets.connectRemoteSsh',
          secretTarget({ name: KEY_SECRET }),
          scripted({ destination: `127.0.0.1:${sshd.port}`, include: 'add' }),
        );
        assert.equal(alias, 'kms-acs-ecs-host-test-ecs-user');
        assert.deepEqual(opened, [alias]);
        const [entry] = fx.api.ssh.remoteHosts.entries;
        assert.ok(entry && existsSync(entry.file));
        await fx.api.ssh.remoteHosts.end(alias);
        assert.ok(!existsSync(entry.file));
      } finally {
        fx.api.ssh.useRemoteSsh(undefined);
      }
    });
  });

  describe('password sub-type through sshpass', () => {
    let passwordSshd: TestSshd;
    const password = `pw-${randomBytes(12).toString('base64url')}`;

    before(async function () {
      const why = passwordLoginUnavailable();
      if (why) {
        console.log(`      skipped: ${why}`);
        this.skip();
      }
      passwordSshd = await startSshd({ password });
      await kms().createEcsSecret({
        name: 'acs/ecs/host-test/root-password',
        credential: { userName: passwordSshd.user, password },
        instanceId: 'i-hosttest00000004',
        regionId: 'cn-hangzhou',
        customData: { host: '127.0.0.1', port: String(passwordSshd.port) },
      });
    });

    after(async () => passwordSshd?.close());

    it('logs in with the password held by sshpass alone; the terminal’s options lose it once started', async () => {
      const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>(
        'kmsSecrets.openSshTerminal',
        secretTarget({ name: 'acs/ecs/host-test/root-password' }),
        scripted({ destination: `127.0.0.1:${passwordSshd.port}`, sshOptions: passwordSshd.clientOptions }),
      );
      assert.ok(terminal);
      await waitFor('sshd to accept the password', () =>
        /Accepted password/.test(passwordSshd.log()) ? true : undefined,
      );
      terminal.sendText('echo PW-MARKER-$((6*7))');
      await waitForText(terminal, 'PW-MARKER-42');
      assert.deepEqual(
        processesHolding([password]).map((p) => p.cmdline),
        [],
        'no process shows the password',
      );
      assert.deepEqual(filesContaining(RUN_FOLDER, [password]), [], 'no file holds the password');
      assert.ok(!JSON.stringify(terminal.creationOptions).includes(password), 'not in the terminal’s options');
      assert.ok(!(await terminalText(terminal)).includes(password), 'not on the screen');
      const ended = closed(terminal);
      terminal.sendText('exit');
      await ended;
      assert.ok(!(await logText(fx.api)).includes(password), 'not in the log');
    });
  });

  describe('Connect with Remote-SSH (a recorder in place of Remote-SSH)', () => {
    const opened: string[] = [];
    const config = join(homedir(), '.ssh', 'config');

    before(() =>
      fx.api.ssh.useRemoteSsh({
        unavailable: () => undefined,
        open: async (alias) => void opened.push(alias),
      }),
    );
    after(() => fx.api.ssh.useRemoteSsh(undefined));

    it('hands over the Include line without touching the ssh config or reading the secret', async () => {
      rmSync(config, { force: true });
      const before = reads();
      const alias = await vscode.commands.executeCommand(
        'kmsSecrets.connectRemoteSsh',
        secretTarget({ name: KEY_SECRET }),
        scripted({ destination: `127.0.0.1:${sshd.port}`, include: 'copy' }),
      );
      assert.equal(alias, undefined);
      assert.ok(!existsSync(config), 'the ssh config was not written');
      assert.match(await vscode.env.clipboard.readText(), /^Include ".*\/remote-ssh\/\*\.conf"$/);
      assert.equal(reads(), before);
      assert.deepEqual(opened, []);
    });

    it('writes a Host entry with the live agent and no key, that ssh connects through, and removes it when ended', async () => {
      const hosts = fx.api.ssh.remoteHosts;
      writeFileSync(config, 'Host *\n  ServerAliveInterval 30\n');
      const alias = await vscode.commands.executeCommand<string | undefined>(
        'kmsSecrets.connectRemoteSsh',
        secretTarget({ name: KEY_SECRET }),
        scripted({ destination: `127.0.0.1:${sshd.port}`, include: 'add' }),
      );
      assert.equal(alias, 'kms-acs-ecs-host-test-ecs-user');
      assert.deepEqual(opened, [alias], 'Remote-SSH’s connect command got the alias');
      const userConfig = readFileSync(config, 'utf8');
      assert.ok(userConfig.startsWith('# KMS Secrets'), 'the Include line went to the top');
      assert.ok(userConfig.endsWith('Host *\n  ServerAliveInterval 30\n'), 'the user’s lines are kept');

      const [entry] = hosts.entries;
      assert.ok(entry?.session.agent);
      const text = readFileSync(entry.file, 'utf8');
      assert.match(text, new RegExp(`^Host ${alias}$`, 'm'));
      assert.match(text, /^ {2}HostName 127\.0\.0\.1$/m);
      assert.match(text, new RegExp(`^ {2}Port ${sshd.port}$`, 'm'));
      assert.ok(text.includes(`IdentityAgent "${entry.session.agent.socketPath}"`));
      assert.equal(statSync(entry.file).mode & 0o777, 0o600);
      assert.deepEqual(filesContaining(RUN_FOLDER, needles), [], 'no file holds the key');

      // What Remote-SSH would do: the local OpenSSH client with the user's config connects to the alias. (-F: ssh finds
      // ~/.ssh through the passwd entry, not the run's own $HOME.)
      const client = ['-F', config, ...sshd.clientOptions.flatMap((o) => ['-o', o]), '-o', 'BatchMode=yes'];
      const viaEntry = await sshRun([...client, alias, 'echo', 'REMOTE-SSH-$((6*7))']);
      assert.equal(viaEntry.code, 0, viaEntry.stderr);
      assert.match(viaEntry.stdout, /REMOTE-SSH-42/);

      const agentDir = entry.session.agent.dir;
      await hosts.end(alias);
      assert.ok(!existsSync(entry.file), 'the entry is removed');
      assert.ok(!existsSync(agentDir), 'the agent folder is removed');
      assert.deepEqual(liveAgents(agentDir), [], 'no agent is left');
      const after = await sshRun([...client, '-o', 'ConnectTimeout=5', alias, 'true']);
      assert.notEqual(after.code, 0, 'the alias no longer connects');
    });
  });
});
