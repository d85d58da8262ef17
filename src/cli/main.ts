import { runCli } from './cli';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`kms-secrets: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
