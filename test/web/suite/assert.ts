// node:assert/strict for the suites bundled into the web extension host (test/web/suite/build.ts aliases it here):
// the `assert` package is Node's assert module for browsers, so the desktop suites run there unchanged.
import assert from 'assert';

export = assert.strict;
