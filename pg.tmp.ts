import { startEmbeddedPostgres } from './src/db/embedded.ts';
const server = await startEmbeddedPostgres({ dataDir: '/tmp/load100k', database: 'bridges', log: () => {} });
console.log(server.urlFor('bridges'));
process.on('SIGTERM', async () => { await server.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
