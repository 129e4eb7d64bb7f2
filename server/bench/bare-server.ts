// The yardstick: plain node:http answering the same GIF with the same headers, recording nothing.
import { createServer } from 'node:http';
import { PIXEL_GIF, PIXEL_HEADERS } from '../src/tracking/pixel-gif.ts';

const server = createServer((_req, res) => {
  res.writeHead(200, PIXEL_HEADERS);
  res.end(PIXEL_GIF);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on bare node:http'));
