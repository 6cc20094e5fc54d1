import { startProduct } from '/work/main/e2e/harness.ts';
const p = await startProduct();
console.log('READY', p.baseUrl);
process.on('SIGTERM', async () => { await p.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
