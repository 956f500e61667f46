export * from './regions.js';
export * from './organizations.js';
export * from './physicians.js';
export * from './accounts.js';
export * from './audit.js';
export * from './cycles.js';
export * from './enrolments.js';
