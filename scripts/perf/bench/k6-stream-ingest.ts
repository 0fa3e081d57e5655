/*
 * Benchmark: summarising a k6 `--out json` stream against a bare
 * `readline` + `JSON.parse` loop over the same file, measured in the same run.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs scripts/perf/bench/k6-stream-ingest.ts
 *
 * K6_STREAM_BYTES sets the generated file's size (default 1 GiB). Each side runs
 * in its own child process, so peak RSS is its own. Targets: throughput at least
 * 1/3 of the bare loop, peak RSS under 300 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { summarizeK6JsonStream } from '@readiness/plugin-reliability-node';

const TARGET_RATIO = 1 / 3;
const TARGET_RSS_MB = 300;

function generate(file: string, bytes: number) {
  const fd = fs.openSync(file, 'w');
  const metrics = [
    [
      'http_req_duration',
      'trend',
      'time',
      '["p(95)<500"]',
      '[{"name":"http_req_duration{expected_response:true}","suffix":"expected_response:true","tags":{"expected_response":"true"}}]',
    ],
    [
      'http_req_failed',
      'rate',
      'default',
      '[{"threshold":"rate<0.01","abortOnFail":false,"delayAbortEval":null}]',
      'null',
    ],
    ['http_reqs', 'counter', 'default', '[]', 'null'],
    ['queue_depth', 'gauge', 'default', '[]', 'null'],
    ['checks', 'rate', 'default', '[]', 'null'],
  ];
  let written = 0;
  for (const [name, type, contains, thresholds, submetrics] of metrics) {
    written += fs.writeSync(
      fd,
      `{"type":"Metric","data":{"name":"${name}","type":"${type}","contains":"${contains}","thresholds":${thresholds},"submetrics":${submetrics}},"metric":"${name}"}\n`,
    );
  }
  const start = Date.parse('2026-11-01T10:00:00Z');
  const lines: string[] = [];
  let i = 0;
  while (written < bytes) {
    const time = new Date(start + i * 5).toISOString();
    const status = i % 97 === 0 ? 500 : 200;
    const tags = `{"expected_response":"${
      status === 200
    }","group":"::ledger","method":"POST","name":"https://api.example.com/ledger/v2/journal-entries","proto":"HTTP/1.1","scenario":"post_entries","status":"${status}"}`;
    const duration = ((i * 7919) % 4000) / 10 + 5;
    lines.push(
      `{"metric":"http_req_duration","type":"Point","data":{"time":"${time}","value":${duration},"tags":${tags}}}`,
      `{"metric":"http_req_failed","type":"Point","data":{"time":"${time}","value":${
        status === 200 ? 0 : 1
      },"tags":${tags}}}`,
      `{"metric":"http_reqs","type":"Point","data":{"time":"${time}","value":1,"tags":${tags}}}`,
      `{"metric":"checks","type":"Point","data":{"time":"${time}","value":${
        status === 200 ? 1 : 0
      },"tags":{"check":"entry posted","group":"::ledger","scenario":"post_entries"}}}`,
    );
    if (i % 50 === 0) {
      lines.push(
        `{"metric":"queue_depth","type":"Point","data":{"time":"${time}","value":${
          i % 300
        },"tags":{"queue":"ledger.postings"}}}`,
      );
    }
    if (lines.length >= 4000) {
      written += fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
    i++;
  }
  if (lines.length) written += fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
  return written;
}

async function child(mode: string, file: string) {
  const started = process.hrtime.bigint();
  if (mode === 'baseline') {
    const lines = readline.createInterface({
      input: fs.createReadStream(file),
      crlfDelay: Infinity,
    });
    let parsed = 0;
    for await (const line of lines) {
      if (line) {
        JSON.parse(line);
        parsed++;
      }
    }
    if (parsed === 0) throw new Error('nothing parsed');
  } else {
    const results = await summarizeK6JsonStream(fs.createReadStream(file));
    if (results.metrics.length === 0) throw new Error('no metrics');
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMb }));
}

function run(mode: string, file: string) {
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, __filename, mode, file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (result.status !== 0) {
    throw new Error(`${mode} failed: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as { ms: number; maxRssMb: number };
}

async function main() {
  const [mode, file] = process.argv.slice(2);
  if (mode) {
    await child(mode, file);
    return;
  }
  const bytes = Number(process.env.K6_STREAM_BYTES ?? 1024 ** 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k6-stream-'));
  const target = path.join(dir, 'results.jsonl');
  try {
    console.log(
      `generating ${(bytes / 1024 ** 2).toFixed(0)} MiB of k6 JSON stream...`,
    );
    const size = generate(target, bytes);
    // Warm the page cache for both sides equally
    run('baseline', target);
    const baseline = run('baseline', target);
    const ours = run('summarise', target);
    const mib = size / 1024 ** 2;
    const ratio = baseline.ms / ours.ms;
    const report = {
      sizeMiB: Number(mib.toFixed(1)),
      baseline: {
        seconds: Number((baseline.ms / 1000).toFixed(2)),
        mibPerSecond: Number((mib / (baseline.ms / 1000)).toFixed(1)),
      },
      summariser: {
        seconds: Number((ours.ms / 1000).toFixed(2)),
        mibPerSecond: Number((mib / (ours.ms / 1000)).toFixed(1)),
        peakRssMb: Number(ours.maxRssMb.toFixed(0)),
      },
      throughputRatio: Number(ratio.toFixed(3)),
      targets: {
        throughputRatio: `>= ${TARGET_RATIO.toFixed(3)}`,
        peakRssMb: `< ${TARGET_RSS_MB}`,
      },
      pass: ratio >= TARGET_RATIO && ours.maxRssMb < TARGET_RSS_MB,
    };
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.pass ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
