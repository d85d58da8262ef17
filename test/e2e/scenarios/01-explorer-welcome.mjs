// A first-time user: no credentials anywhere (the host's HOME is empty), clicks the KMS Secrets activity-bar item and
// gets the welcome text with its actions, not an empty tree or an error toast. The README shows this screenshot.
export const name = 'explorer: the activity-bar item opens the Secrets view with its welcome content';

export async function run({ page, screenshot, openKmsView, expectWelcome }) {
  const sidebar = await openKmsView(page);
  await expectWelcome(page);
  // Every action link in the welcome content is a real command button, rendered and enabled.
  const signIn = sidebar.getByRole('button', { name: /sign in|configure connection/i }).first();
  await signIn.waitFor({ state: 'visible', timeout: 10_000 });
  const errors = await page.locator('.notifications-toasts .codicon-error').count();
  if (errors > 0) throw new Error(`${errors} error notification(s) on screen after opening the view`);
  // Let the view settle (fade-ins, the progress bar) so the published image is stable.
  await page.waitForTimeout(500);
  await screenshot('explorer-welcome', { publish: true });
}
