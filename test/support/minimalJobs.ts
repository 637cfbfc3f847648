/**
 * The smallest valid job texts, shared by the tests that need "some valid job" and change it from there.
 * Their objects are the ones the local endpoints (test/endpoints) hold: test-bucket/a.mp4 exists, out.mp4 does not.
 */

/** A Retrieval of one source into one output: no diagnostic, and a request the local IMM endpoint accepts. */
export const MINIMAL_JOB = `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/a.mp4
Output:
  URI: oss://test-bucket/out.mp4
`;

/** A Concat of one source, its Container given: no diagnostic (for tests of the language, not of the service). */
export const MINIMAL_CONCAT_JOB = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://my-videos/a.mp4
Output:
  URI: oss://my-videos/o.mp4
  Container: mp4
`;
