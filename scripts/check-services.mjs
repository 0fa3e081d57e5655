// Makes sure PostgreSQL and Redis answer, starting them when this machine has
// them installed but stopped. The test suite needs both and never skips them.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

function reachable(port) {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function ensure(name, port, startCommand, hint) {
  if (await reachable(port)) {
    console.log(`    ${name} answers on 127.0.0.1:${port}`);
    return true;
  }
  if (startCommand) {
    console.log(`    ${name} is down; starting it: ${startCommand}`);
    try {
      execSync(startCommand, { stdio: 'inherit' });
    } catch {
      // reported below
    }
    for (let i = 0; i < 20; i++) {
      if (await reachable(port)) {
        console.log(`    ${name} answers on 127.0.0.1:${port}`);
        return true;
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
  console.error(`    ${name} is not reachable on 127.0.0.1:${port}. ${hint}`);
  return false;
}

const pgStart =
  existsSync('/etc/postgresql') && readdirSync('/etc/postgresql').length > 0
    ? `pg_ctlcluster --skip-systemctl-redirect ${
        readdirSync('/etc/postgresql')[0]
      } main start`
    : undefined;
const redisStart = existsSync('/usr/bin/redis-server')
  ? 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no'
  : undefined;

const ok = [
  await ensure(
    'PostgreSQL',
    5432,
    pgStart,
    'Install it (apt-get install -y postgresql) and start it; store tests must run on PostgreSQL.',
  ),
  await ensure(
    'Redis',
    6379,
    redisStart,
    'Install it (apt-get install -y redis-server); the production-config test uses it as the cache.',
  ),
];
const corpus = process.env.READINESS_CORPUS;
if (corpus && existsSync(`${corpus}/k6`)) {
  console.log(`    test inputs in ${corpus}`);
} else {
  console.error(
    `    the shared test inputs are missing (${
      corpus ?? 'READINESS_CORPUS unset'
    }); check out ../shared beside the repository or set READINESS_CORPUS`,
  );
  ok.push(false);
}
process.exit(ok.every(Boolean) ? 0 : 1);
