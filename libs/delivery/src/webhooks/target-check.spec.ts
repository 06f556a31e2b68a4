import { checkTarget, forbiddenRange, TargetRefused, type Resolve } from './target-check.js';

/** A fake DNS: no query leaves the test, and no connection is ever made by the checker. */
const dns: Record<string, string[]> = {
  'receiver.example.org': ['93.184.216.34'],
  'internal.example.org': ['10.1.2.3'],
  'mixed.example.org': ['93.184.216.34', '192.168.1.10'],
  'metadata.example.org': ['169.254.169.254'],
  'v6.example.org': ['2606:2800:220:1::1'],
  'ula.example.org': ['fd12:3456::1'],
  'mapped.example.org': ['::ffff:10.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
};
const resolve: Resolve = async (host) => {
  const addresses = dns[host];
  if (!addresses) throw new Error(`ENOTFOUND ${host}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const strict = { allowPrivateTargets: false, resolve, ownAddresses: () => ['93.184.216.99'] };
const lenient = { ...strict, allowPrivateTargets: true };

async function refusal(url: string, options = strict): Promise<TargetRefused> {
  try {
    await checkTarget(url, options);
  } catch (error) {
    if (error instanceof TargetRefused) return error;
    throw error;
  }
  throw new Error(`${url} was not refused`);
}

describe('the webhook target check (SSRF)', () => {
  it('accepts public http(s) targets and pins the checked address', async () => {
    await expect(checkTarget('https://receiver.example.org/hook', strict)).resolves.toMatchObject({
      address: '93.184.216.34',
      family: 4,
    });
    await expect(checkTarget('http://[2606:2800:220:1::1]:8080/', strict)).resolves.toMatchObject({
      family: 6,
    });
    await expect(checkTarget('https://v6.example.org/', strict)).resolves.toMatchObject({ family: 6 });
  });

  it.each([
    ['ftp://receiver.example.org/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['not a url', 'url'],
    ['https://user:pw@receiver.example.org/', 'credentials'],
    ['https://nowhere.example.org/', 'unresolvable'],
  ])('refuses %s (%s)', async (url, code) => {
    expect((await refusal(url)).code).toBe(code);
  });

  it.each([
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://127.0.0.1:8080/', 'loopback'],
    ['http://localhost/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://metadata.example.org/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fd12:3456::1]/', 'unique-local'],
    ['http://ula.example.org/', 'unique-local'],
    ['http://internal.example.org/', 'private'],
    ['http://mapped.example.org/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://mixed.example.org/', 'private'],
    ['http://93.184.216.99/', 'own'],
  ])('refuses %s as %s', async (url, range) => {
    const refused = await refusal(url);
    expect(refused).toMatchObject({ code: 'address', range });
  });

  it('lets loopback, private and own addresses through when private targets are allowed, never link-local', async () => {
    await expect(checkTarget('http://127.0.0.1:9000/', lenient)).resolves.toMatchObject({
      address: '127.0.0.1',
    });
    await expect(checkTarget('http://10.0.0.1/', lenient)).resolves.toBeDefined();
    await expect(checkTarget('http://93.184.216.99/', lenient)).resolves.toBeDefined();
    expect((await refusal('http://169.254.169.254/', lenient)).range).toBe('link-local');
    expect((await refusal('http://[fe80::1]/', lenient)).range).toBe('link-local');
  });

  it('keeps 172.15 and 172.32 public (only 172.16/12 is private)', () => {
    expect(forbiddenRange('172.15.0.1', false)).toBeNull();
    expect(forbiddenRange('172.32.0.1', false)).toBeNull();
    expect(forbiddenRange('8.8.8.8', false)).toBeNull();
  });
});
