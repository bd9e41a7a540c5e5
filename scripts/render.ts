// `npm run render -- [names…] [options]`; see `npm run render -- --help`.
import {main} from '../src/cli';

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(`render: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
