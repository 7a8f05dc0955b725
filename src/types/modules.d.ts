// Modules the bundler provides: drizzle-kit's migrations index and the .sql files it imports as text.
declare module "*/migrations.js" {
  const migrations: { journal: { entries: Array<{ idx: number; when: number; tag: string; breakpoints: boolean }> }; migrations: Record<string, string> };
  export default migrations;
}
declare module "*.sql" {
  const sql: string;
  export default sql;
}
