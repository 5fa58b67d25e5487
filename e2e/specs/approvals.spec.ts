// 10) Approvals (CONTRACT §7): two people, each signed in through the team's REAL OpenID
// provider in their own browser context. Alice promotes; the release waits for an approval
// and her Approve button is disabled with the reason; Bob opens the release and approves; the
// release runs to success, both pages show it live, and the ship report names Bob.
import { expect, test, type Page } from '@playwright/test';
import { signInThroughProvider, startOidcWorld, type OidcWorld } from '../support/oidc-world.ts';

let oidc: OidcWorld;
test.beforeAll(async () => {
  oidc = await startOidcWorld(
    [
      { sub: 'alice', email: 'alice@acme.example', email_verified: true, name: 'Alice Example', groups: [] },
      { sub: 'bob', email: 'bob@acme.example', email_verified: true, name: 'Bob Example', groups: [] },
    ],
    `  roles:
    - { match: "email:*@acme.example", role: deployer }
approvals: { required: 1 }
`,
  );
});
test.afterAll(async () => oidc?.stop());

async function signIn(page: Page, path: string, login: string, name: string): Promise<void> {
  await signInThroughProvider(page, oidc, path, login);
  await expect(page.getByText(`Signed in as ${name} (deployer)`)).toBeVisible();
}

test('one person requests a release, another approves it in their own browser, and it runs to success', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();

  await signIn(alice, '/projects/acme-web', 'alice', 'Alice Example');
  await alice.getByRole('button', { name: 'Promote to production' }).click();
  const dialog = alice.getByRole('dialog');
  await expect(dialog).toContainText('It waits for 1 approval by people other than you first');
  await dialog.getByRole('button', { name: /^Promote / }).click();
  await expect(alice).toHaveURL(/\/releases\/rel_/);
  const releasePath = new URL(alice.url()).pathname;

  // Alice waits: the release holds the project, and she may not approve her own request
  await expect(alice.locator('.release-head [data-status]')).toHaveText(/Awaiting approval/);
  const panel = alice.getByTestId('approvals');
  await expect(panel.getByTestId('approvals-needed')).toContainText('Still needed: 1 more approval by a deployer other than Alice Example (requested it)');
  await expect(panel.getByRole('button', { name: 'Approve' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Reject' })).toBeDisabled();
  await expect(panel.getByTestId('approval-refusal').first()).toHaveText('you requested this release; someone else must approve');
  await expect(alice.getByRole('button', { name: 'Cancel' })).toBeEnabled(); // she may withdraw it
  await alice.screenshot({ path: test.info().outputPath('alice-awaiting-approval.png'), fullPage: true });

  // Bob, in his own browser, opens the release and approves it with a comment
  await signIn(bob, releasePath, 'bob', 'Bob Example');
  const bobPanel = bob.getByTestId('approvals');
  await expect(bobPanel.getByRole('button', { name: 'Approve' })).toBeEnabled();
  await expect(bobPanel.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await bob.screenshot({ path: test.info().outputPath('bob-may-approve.png'), fullPage: true });
  await bobPanel.getByRole('button', { name: 'Approve' }).click();
  const confirm = bob.getByRole('dialog');
  await expect(confirm).toContainText('Yours is the last approval needed: the release starts right away.');
  await confirm.getByLabel(/Comment/).fill('checked on staging');
  await confirm.getByRole('button', { name: 'Approve' }).click();

  // the release runs to success; both pages follow it live
  for (const page of [bob, alice]) await expect(page.locator('.release-head [data-status]')).toHaveText(/Succeeded/, { timeout: 60_000 });
  await expect(alice.getByTestId('approvals')).toContainText('Approved by Bob Example');
  await expect(alice.getByTestId('approvals')).toContainText('“checked on staging”');
  await expect(alice.getByTestId('approvals').getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await alice.screenshot({ path: test.info().outputPath('alice-approved-and-released.png'), fullPage: true });

  // the ship report says who released and who approved
  await alice.getByTestId('release-summary').getByRole('link', { name: 'Ship report' }).click();
  await expect(alice.getByText('Approved by: Bob Example')).toBeVisible();
  await expect(alice.getByText('Released by: Alice Example')).toBeVisible();

  // and the audit trail has both decisions
  await alice.getByRole('link', { name: 'Audit' }).click();
  const trail = alice.getByRole('table', { name: 'Audit trail' });
  await expect(trail.locator('tr[data-action="approve"]')).toContainText('Bob Example');
  await expect(trail.locator('tr[data-action="promote"]')).toContainText('Alice Example');
});
