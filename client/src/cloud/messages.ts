/** The user-facing words of the cloud features in VS Code, in one table (translations replace it). */
export const CLOUD_UI = {
  statusName: 'IMM Highlight cloud checks',
  statusOn: (region: string) => `Cloud checks: ${region}`,
  statusOnDetail: (identity: string, region: string) => `Checked against the cloud as ${identity} in ${region} (reads only)`,
  statusOff: 'Cloud checks: off',
  statusOffSetting: 'Turned off by the immHighlight.cloudChecks setting',
  statusOnSubmit: 'Cloud checks: on submit',
  statusOnSubmitDetail: (region: string) => `Checked against the cloud in ${region} before each Submit (immHighlight.cloudChecks is onSubmit)`,
  statusNoCredentials: 'Cloud checks: no credentials',
  statusNoCredentialsDetail: 'No Alibaba Cloud credentials were found: the job is checked offline only. Set an AccessKey or choose a profile to check it against your account.',
  statusChecking: 'Cloud checks: checking…',
  statusOffline: 'Cloud checks: unreachable',
  statusOfflineDetail: (identity: string, region: string) =>
    `The cloud could not be reached from here (as ${identity} in ${region}): the job is checked offline; Check Against Cloud and Submit show why.`,
  setAccessKey: 'Set AccessKey',
  checkNow: 'Check Now',
  checking: (file: string) => `IMM: checking ${file} against the cloud`,
  noJob: 'IMM Highlight: open a *.highlight.yaml job file to check it against the cloud.',
  noCredentialsForCommand: 'IMM Highlight: no Alibaba Cloud credentials were found, so the job cannot be checked against the cloud. Set an AccessKey or choose a credentials profile.',
  checkedClean: (file: string) => `IMM Highlight: ${file} matches your cloud resources.`,
  checkedFindings: (file: string, errors: number, warnings: number) =>
    `IMM Highlight: ${file}: ${errors} cloud error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (see Problems).`,
  bucketDetailHere: (region: string) => `bucket in ${region}`,
  bucketDetailElsewhere: (region: string) => `bucket in ${region}: not readable by IMM in this region`,
  folderDetail: 'folder',
  projectDetail: 'IMM project',
} as const;
