/** The entry of dist/oss-sdk.js: ali-oss alone, required lazily by ./sdk. */
import OSS from 'ali-oss';

export = OSS;
