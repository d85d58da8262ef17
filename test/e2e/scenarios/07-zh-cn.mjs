// A Chinese-speaking user: VS Code runs in Simplified Chinese (display language zh-cn; see registerLanguagePack in
// test/host/host.mjs — the workbench's own strings stay English here, the extension's are Chinese). The Secrets view,
// its welcome content, the command palette and the walkthrough, with its Markdown media, show the zh-cn translations.
// Publishes walkthrough-zh-cn.png for the README.
export const name = 'zh-cn: the view, the welcome content, the command palette and the walkthrough are in Chinese';
export const host = { locale: 'zh-cn' };
export const timeoutMs = 150_000;

export async function run({ page, screenshot, openKmsView, expectWelcome, quickInput, runCommand, pickQuickItem }) {
  const locale = 'zh-cn';
  const sidebar = await openKmsView(page, { locale });
  await expectWelcome(page, { locale });
  await sidebar.getByRole('button', { name: '登录' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  // A container with one view titles the sidebar "<container>: <view>": the view's name is translated, the product not.
  await sidebar.getByText('KMS Secrets: 凭据').first().waitFor({ state: 'visible', timeout: 15_000 });

  // The palette lists the commands by their Chinese titles under the untranslated category.
  const widget = quickInput(page);
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.keyboard.press('F1');
    await widget.locator('input').fill('>KMS Secrets: 扫描');
    try {
      await widget
        .locator('.monaco-list-row', { hasText: 'KMS Secrets: 扫描工作区中的硬编码凭证' })
        .first()
        .waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error('the palette never listed "KMS Secrets: 扫描工作区中的硬编码凭证"');
    }
  }
  await page.keyboard.press('Escape');

  // The walkthrough: Chinese titles, and the Chinese Markdown media (package.nls.zh-cn.json points at
  // media/walkthrough/zh-cn/).
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await pickQuickItem(page, 'KMS Secrets 入门');
  const editor = page.locator('.editor-group-container.active');
  await editor.getByText('连接 KMS').first().waitFor({ state: 'visible', timeout: 30_000 });
  await editor.getByText('浏览凭据、版本和版本状态').first().waitFor({ state: 'visible', timeout: 15_000 });
  const media = 'KMS Secrets 使用阿里云标准的凭证链';
  const until = Date.now() + 30_000;
  let found = false;
  while (!found && Date.now() < until) {
    for (const frame of page.frames()) {
      if (
        await frame
          .getByText(media)
          .count()
          .catch(() => 0)
      )
        found = true;
    }
    if (!found) await page.waitForTimeout(500);
  }
  if (!found) throw new Error(`the walkthrough's Markdown media never showed "${media}"`);
  await page.waitForTimeout(500);
  await screenshot('walkthrough-zh-cn', { publish: true });
}
