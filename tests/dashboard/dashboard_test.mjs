// Headless Chromium against a running collector: log in, see the report table and a bar
// chart, a suppressed cell, download the CSV (BOM, a Chinese label), and take phone and
// desktop screenshots. Run by run_dashboard_test.sh, which starts the collector.
//   node dashboard_test.mjs BASE_URL USER PASSWORD OUT_DIR
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, user, password, outDir] = process.argv.slice(2);
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: { width: 390, height: 844 },
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const offsite = [];
  page.on('request', (request) => { if (!request.url().startsWith(base)) offsite.push(request.url()); });

  await page.goto(`${base}/dashboard`);
  check(page.url().endsWith('/login'), 'the dashboard sends a visitor to /login');
  await page.fill('#user', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/dashboard/), page.click('#login')]);
  check(page.url().includes('/dashboard'), 'logging in opens the dashboard');

  await page.goto(`${base}/dashboard?from=2026-11-01&to=2026-11-30`);
  const headline = await page.textContent('#headline');
  check(/^\d[\d,]* of [\d,]+ showed signs of forced labour$/.test(headline), `headline: "${headline}"`);
  const levelRows = await page.locator('#levels table tr').count();
  check(levelRows === 5, `the result level table has a header and 4 levels (${levelRows} rows)`);
  const bars = await page.locator('#levels .bar span').evaluateAll(
      (spans) => spans.map((span) => span.getBoundingClientRect().width));
  check(bars.length > 0 && bars.some((width) => width > 0), `the level chart draws bars (${bars.join(', ')})`);
  const suppressed = page.locator('#questions td.suppressed');
  check(await suppressed.count() > 0, 'some answer cells are suppressed');
  check((await suppressed.first().textContent()).trim() === 'suppressed', 'a suppressed cell reads "suppressed"');
  const fearIndonesia = page.locator('#questions tr[data-group="nationality:indonesia"]').first();
  check(await fearIndonesia.count() === 1, 'answers are broken down by nationality');
  check(await page.locator('#devices table tr').count() >= 2, 'the device list shows a device');

  await page.screenshot({ path: join(outDir, 'dashboard_phone.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(outDir, 'dashboard_desktop.png'), fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no sideways scrolling on the desktop page (${overflow} px)`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = readFileSync(await download.path());
  check(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf, 'the CSV starts with a UTF-8 BOM');
  check(csv.toString('utf8').includes('繁體中文'), 'the CSV holds the Chinese language label');
  check(/\.csv$/.test(download.suggestedFilename()), `the CSV is named ${download.suggestedFilename()}`);

  await page.click('#logout');
  await page.waitForURL(/\/login/);
  await page.goto(`${base}/dashboard`);
  check(page.url().endsWith('/login'), 'after logging out the dashboard asks for a login again');
  check(offsite.length === 0, `nothing was fetched from elsewhere (${offsite.join(' ')})`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('dashboard test passed');
