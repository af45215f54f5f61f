// Writes the committed JSON Schema of the review report from the zod schema.
// Run after changing packages/core/src/report.ts: `pnpm schema:write`.
import { writeFileSync } from 'node:fs';
import { reviewReportJsonSchema } from '../src/report.ts';

const target = new URL('../schema/review-report.v1.schema.json', import.meta.url);
const schema = { $id: 'https://hds-review.local/schema/review-report.v1.schema.json', title: 'HDS review report', ...reviewReportJsonSchema() };
writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
