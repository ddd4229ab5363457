// The `yibao` command: npx yibao <command> … / npm run yibao -- <command> …
import { AppError } from '../domain/shared/errors.ts';
import { commands } from './commands/index.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
    console.log(`用法: yibao <命令> [参数]\n\n${lines.join('\n')}`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  return cmd.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (e) => {
    if (e instanceof AppError) console.error(`错误 [${e.code}]: ${e.message}`);
    else console.error(e);
    process.exit(1);
  },
);
