/**
 * Runs the local OSS endpoint for demos:
 *   node --import tsx test/endpoints/oss/main.ts [--port N] [--access-key-id ID --access-key-secret SECRET]
 * Serves SAMPLE_BUCKETS (./state). Prints one JSON line {url, port, accessKeyId} on stdout once it listens;
 * stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'access-key-id': { type: 'string', default: TEST_OSS_ACCESS_KEY.id },
      'access-key-secret': { type: 'string', default: TEST_OSS_ACCESS_KEY.secret },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  const endpoint = await startOssEndpoint({ port, accessKeys: { [values['access-key-id']]: values['access-key-secret'] } });
  process.stdout.write(`${JSON.stringify({ url: endpoint.url, port: endpoint.port, accessKeyId: values['access-key-id'] })}\n`);
  const stop = (): void => void endpoint.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`oss-endpoint: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
