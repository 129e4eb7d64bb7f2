import { generateApiKey, hashApiKey } from './accounts/api-keys.ts';
import { loadConfig } from './config.ts';
import { openStorage } from './storage/open-storage.ts';

const usage = `Usage: npm run cli -- <command>
  create-account <name>         create a rep account and print its first API key
  create-key <accountId> [label] print a new API key for an account
  revoke-key <apiKey>           revoke one key
  revoke-account <accountId>    revoke every key of an account
  list-accounts                 accounts and their number of live keys
Storage is chosen as for the server (DATABASE_URL, DATA_DIR, --config file).`;

const args = process.argv.slice(2).filter((a, i, all) => a !== '--config' && all[i - 1] !== '--config');
const [command, ...rest] = args;
const repo = await openStorage(loadConfig());
const now = Date.now();

async function newKey(accountId: number, label: string): Promise<string> {
  const key = generateApiKey();
  await repo.addApiKey(accountId, hashApiKey(key), label, now);
  return key;
}

try {
  switch (command) {
    case 'create-account': {
      if (!rest[0]) throw new Error('create-account needs a name');
      const id = await repo.createAccount(rest.join(' '), now);
      const key = await newKey(id, 'first key');
      console.log(
        `account ${id} created for ${rest.join(' ')}\nAPI key (shown once, store it in the extension's options): ${key}`,
      );
      break;
    }
    case 'create-key': {
      const id = Number(rest[0]);
      if (!Number.isInteger(id)) throw new Error('create-key needs an account id');
      console.log(`API key for account ${id} (shown once): ${await newKey(id, rest[1] ?? 'key')}`);
      break;
    }
    case 'revoke-key':
      if (!rest[0]) throw new Error('revoke-key needs the key');
      console.log((await repo.revokeApiKey(hashApiKey(rest[0]), now)) ? 'key revoked' : 'no live key matches');
      break;
    case 'revoke-account':
      console.log(`${await repo.revokeAccountKeys(Number(rest[0]), now)} key(s) revoked`);
      break;
    case 'list-accounts':
      for (const a of await repo.listAccounts()) console.log(`${a.id}\t${a.name}\t${a.keys} live key(s)`);
      break;
    default:
      console.log(usage);
      process.exitCode = command ? 1 : 0;
  }
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await repo.close();
}
