export * from './errors';
export * from './roles';
export * from './model';
export * from './settings';
export * from './actions';
export * from './reasons';
export * from './case-data';
export * from './notices';
