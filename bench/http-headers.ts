import { join } from 'node:path';

/** What `#security` offers for minting a local token (absent from engines without identity). */
interface LocalTokens {
  readonly LOCAL_KEY_FILE: string;
  readonly readLocalKey: (file: string) => Promise<unknown>;
  readonly issueLocalToken: (key: unknown, request: { role: 'secretariat'; sub: string }) => Promise<string>;
}

/** `#security`, when this build has it; looked up at run time so the benchmark builds either way. */
async function localTokens(): Promise<LocalTokens | null> {
  const specifier = '#security';
  try {
    const security = (await import(specifier)) as Partial<LocalTokens>;
    return security.issueLocalToken && security.readLocalKey && security.LOCAL_KEY_FILE
      ? (security as LocalTokens)
      : null;
  } catch (error) {
    // Only a build without identity is an engine without tokens; a broken one is an error.
    if ((error as { code?: string }).code === 'ERR_PACKAGE_IMPORT_NOT_DEFINED') return null;
    throw error;
  }
}

/**
 * The headers of every command the HTTP benchmark sends: JSON, and, when the engine checks
 * identity, a Secretariat officer's bearer token signed with the engine's local key (which the
 * engine writes into its data folder when it starts).
 */
export async function commandHeaders(dataDir: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const security = await localTokens();
  if (!security) return headers;
  const key = await security.readLocalKey(join(dataDir, security.LOCAL_KEY_FILE));
  const token = await security.issueLocalToken(key, { role: 'secretariat', sub: 'bench-officer' });
  return { ...headers, authorization: `Bearer ${token}` };
}
