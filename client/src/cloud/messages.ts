import { t } from '../../../core/src/index';

/**
 * The user-facing words of the cloud features in VS Code, in one table. Functions, not texts: a table of texts
 * would be filled before the display language is chosen.
 */
export const CLOUD_UI = {
  statusName: () => t('IMM Highlight cloud checks'),
  statusOn: (region: string) => t('Cloud checks: {0}', region),
  statusOnDetail: (identity: string, region: string) => t('Checked against the cloud as {0} in {1} (reads only)', identity, region),
  statusOff: () => t('Cloud checks: off'),
  statusOffSetting: () => t('Turned off by the immHighlight.cloudChecks setting'),
  statusOnSubmit: () => t('Cloud checks: on submit'),
  statusOnSubmitDetail: (region: string) => t('Checked against the cloud in {0} before each Submit (immHighlight.cloudChecks is onSubmit)', region),
  statusNoCredentials: () => t('Cloud checks: no credentials'),
  statusNoCredentialsDetail: () =>
    t('No Alibaba Cloud credentials were found: the job is checked offline only. Set an AccessKey or choose a profile to check it against your account.'),
  statusChecking: () => t('Cloud checks: checking…'),
  statusOffline: () => t('Cloud checks: unreachable'),
  statusOfflineDetail: (identity: string, region: string) =>
    t('The cloud could not be reached from here (as {0} in {1}): the job is checked offline; Check Against Cloud and Submit show why.', identity, region),
  statusEndpointNotAccepted: () => t('Cloud checks: endpoint not accepted'),
  statusEndpointNotAcceptedDetail: (url: string) =>
    t(
      "This workspace's settings send cloud requests to {0}, which is neither Alibaba Cloud nor this machine. Cloud checks and live completion send nothing until you accept it.",
      url,
    ),
  reviewEndpoint: () => t('Review Endpoint'),
  setAccessKey: () => t('Set AccessKey'),
  checkNow: () => t('Check Now'),
  checking: (file: string) => t('IMM: checking {0} against the cloud', file),
  noJob: () => t('IMM Highlight: open a *.highlight.yaml job file to check it against the cloud.'),
  noCredentialsForCommand: () =>
    t(
      'IMM Highlight: no Alibaba Cloud credentials were found, so the job cannot be checked against the cloud. Set an AccessKey or choose a credentials profile.',
    ),
  mootYaml: (file: string) => t('IMM Highlight: {0} has YAML errors (see Problems): fix them first, then check it against the cloud. Nothing was sent.', file),
  statusRestricted: () => t('Cloud checks: Restricted Mode'),
  statusRestrictedDetail: () =>
    t(
      'This workspace is not trusted: its job files are not looked up in the cloud in the background (checks, completion, output lenses). Check Against Cloud and Submit still work when you run them.',
    ),
  manageTrust: () => t('Manage Workspace Trust'),
  checkedClean: (file: string) => t('IMM Highlight: {0} matches your cloud resources.', file),
  checkedFindings: (file: string, errors: number, warnings: number) =>
    errors === 1
      ? warnings === 1
        ? t('IMM Highlight: {0}: {1} cloud error, {2} warning (see Problems).', file, errors, warnings)
        : t('IMM Highlight: {0}: {1} cloud error, {2} warnings (see Problems).', file, errors, warnings)
      : warnings === 1
        ? t('IMM Highlight: {0}: {1} cloud errors, {2} warning (see Problems).', file, errors, warnings)
        : t('IMM Highlight: {0}: {1} cloud errors, {2} warnings (see Problems).', file, errors, warnings),
  bucketDetailHere: (region: string) => t('bucket in {0}', region),
  bucketDetailElsewhere: (region: string) => t('bucket in {0}: not readable by IMM in this region', region),
  folderDetail: () => t('folder'),
  projectDetail: () => t('IMM project'),
} as const;
