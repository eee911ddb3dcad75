// Entry point of the `learn-in-public` command (bundled to dist/cli.js, the package's `bin`).
// The same core as the extension, so a scheduled job can refresh the card without VS Code.
import { version } from '../../package.json';
import { EXIT, HELP, parseCliArgs, UsageError } from './args';
import { runCardCommand, type CliIo } from './card-command';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`learn-in-public: ${err.message}`);
      io.err('Run "learn-in-public --help" for the options.');
      return EXIT.usage;
    }
    throw err;
  }
  if (args.command === 'help') {
    io.out(HELP.trimEnd());
    return EXIT.ok;
  }
  if (args.command === 'version') {
    io.out(version);
    return EXIT.ok;
  }
  try {
    return await runCardCommand(args, io);
  } catch (err) {
    io.err(`learn-in-public: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  }
}

if (require.main === module) {
  const io: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`learn-in-public: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
