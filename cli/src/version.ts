import { version } from '../../package.json';

export const TOOL = { name: 'highlight-task', version } as const;
