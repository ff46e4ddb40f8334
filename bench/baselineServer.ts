/**
 * Child process running the reference server, `@y/websocket-server` 0.1.1, the way its own
 * `server.js` does (in memory, no auth, no persistence): a plain HTTP server whose upgrades go
 * to `setupWSConnection`. Same IPC as `ourServer.ts` for stats and stop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveServerChild } from './serverChild';

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
  serveServerChild({ name: 'baseline' });
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ ready: true, port: (server.address() as AddressInfo).port });
  });
}

main();
