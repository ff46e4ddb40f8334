/**
 * Child process running the reference server, `@y/websocket-server` 0.1.1, the way its own
 * `server.js` does (in memory, no auth, no persistence): a plain HTTP server whose upgrades go
 * to `setupWSConnection`. Same IPC as `ourServer.ts` for stats and stop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveRequests, type ServerRequest } from './ipc';
import { createLoopMonitor, readProcessStats } from './processStats';
import { createWindowProfiler } from './windowProfiler';

function main(): void {
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const profiler = createWindowProfiler({ dir: process.env.BENCH_PROFILE_DIR });
  const loop = createLoopMonitor();
  // The coordinator is gone (finished or crashed): never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  serveRequests(async (request: ServerRequest) => {
    switch (request.type) {
      case 'stats':
        return readProcessStats(loop.histogram);
      case 'profileStart':
        loop.reset();
        await profiler.start();
        return { started: true };
      case 'profileStop':
        return { file: await profiler.stop({ label: `baseline-${request.label}` }) };
      case 'stop':
        setTimeout(() => process.exit(0), 10);
        return { stopped: true };
      default:
        throw new Error(`the baseline does not serve ${request.type}`);
    }
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ ready: true, port: (server.address() as AddressInfo).port });
  });
}

main();
